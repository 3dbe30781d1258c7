// Plans the removal of one applying call (C/C++) with success semantics: afterwards the program does what it
// did when the call succeeded, without making it. Checks of the result go with the call (the success branch
// stays), locals only the removed code used go, and guards left empty with a side-effect-free condition go.
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';
import { conditionValue, isPure, type KnownValue } from './condition-value.js';
import { indentationAt, removalSpan, type Span } from './line-spans.js';
import { deadDeclarations, declaredNames } from './dead-locals.js';
import { nameIndexOf } from './name-index.js';

/** The value the call returns on success, as a number (for conditions) and as source text (to substitute). */
export interface SuccessValue {
  value: number;
  /** Text that may stand in for the call; undefined when the convention was only inferred from a check. */
  text?: string;
}

export interface PlannedEdit extends Span {
  text: string;
}

export interface RemovalPlan {
  edits: PlannedEdit[];
  /**
   * A person should review it: a WSK call whose status the code goes on to use (the IRP's completion routine,
   * which success would run, is not called once the call is gone).
   */
  review: boolean;
}

const LISTS = new Set([
  'compound_statement',
  'case_statement',
  'preproc_if',
  'preproc_ifdef',
  'preproc_else',
  'preproc_elif',
  'translation_unit',
]);
const STATEMENT = /(_statement|^declaration)$/;

function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

function isStatement(node: SyntaxNode): boolean {
  return STATEMENT.test(node.type) && node.type !== 'compound_statement';
}

export function statementsOf(list: SyntaxNode): SyntaxNode[] {
  const value = list.type === 'case_statement' ? list.childForFieldName('value')?.startIndex : undefined;
  return list.namedChildren.filter(
    (c) => c.type !== 'comment' && c.startIndex !== value && (isStatement(c) || c.type === 'compound_statement'),
  );
}

/** What the API returns on success, from the callee's name and arity; undefined when unknown. */
export function successOfCallee(call: SyntaxNode): SuccessValue | undefined {
  const fn = call.childForFieldName('function');
  const name =
    (fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : fn?.text)?.split('::').at(-1) ?? '';
  const arity = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment').length ?? 0;
  if (name === 'WskControlSocket') return { value: 0, text: 'STATUS_SUCCESS' };
  if (name === 'WSAIoctl' || name === 'WSPIoctl' || name === 'setsockopt') return { value: 0, text: '0' };
  // A pointer to WSAIoctl (`f_WSAIoctl`, `pfnWSAIoctl`) takes WSAIoctl's nine arguments.
  if (/ioctl/i.test(name) && arity >= 9) return { value: 0, text: '0' };
  return undefined;
}

/** Unwraps parentheses and casts around the call, upwards. */
function valueNode(call: SyntaxNode): SyntaxNode {
  let v = call;
  while (v.parent && (v.parent.type === 'parenthesized_expression' || v.parent.type === 'cast_expression'))
    v = v.parent;
  return v;
}

/** True when the statement's last action leaves the enclosing code (return, throw, goto, break, continue). */
function exits(node: SyntaxNode): boolean {
  if (node.type === 'compound_statement') {
    const last = statementsOf(node).at(-1);
    return !!last && exits(last);
  }
  return /^(return|throw|goto|break|continue)_statement$/.test(node.type) || node.type === 'throw_expression';
}

/**
 * For a callee whose convention is unknown (a project wrapper), the one reading of an error exit:
 * `if (!f(…)) return/throw …` means f returns true on success; `if (f(…) != 0) …` means 0.
 */
function inferredSuccess(v: SyntaxNode): SuccessValue | undefined {
  let cond = v.parent;
  if (cond?.type === 'unary_expression' && cond.text.trimStart().startsWith('!')) {
    const clause = cond.parent;
    const ifNode = clause?.type === 'condition_clause' ? clause.parent : undefined;
    const body = ifNode?.childForFieldName('consequence');
    if (ifNode?.type === 'if_statement' && body && exits(body) && !ifNode.childForFieldName('alternative')) {
      return { value: 1 };
    }
  }
  cond = v.parent;
  if (cond?.type === 'binary_expression') {
    const op = cond.childForFieldName('operator')?.text;
    const other = same(cond.childForFieldName('left'), v)
      ? cond.childForFieldName('right')
      : cond.childForFieldName('left');
    const clause = cond.parent;
    const ifNode = clause?.type === 'condition_clause' ? clause.parent : undefined;
    const body = ifNode?.childForFieldName('consequence');
    if (ifNode?.type !== 'if_statement' || !body || !exits(body) || ifNode.childForFieldName('alternative'))
      return undefined;
    if (op === '!=' && /^(0|NO_ERROR|ERROR_SUCCESS)$/.test(other?.text ?? '')) return { value: 0 };
    if (op === '==' && /^(false|FALSE)$/.test(other?.text ?? '')) return { value: 1 };
  }
  return undefined;
}

class Planner {
  readonly removed: SyntaxNode[] = [];
  readonly replaced: { node: SyntaxNode; text: string; dropped: Span[] }[] = [];
  /** Original spans whose text the plan deletes (for finding locals only the removed code used). */
  readonly dropped: Span[] = [];

  constructor(readonly text: string) {}

  isRemoved(node: SyntaxNode): boolean {
    return this.removed.some((r) => r.startIndex <= node.startIndex && node.endIndex <= r.endIndex);
  }

  remove(statement: SyntaxNode): boolean {
    if (this.isRemoved(statement)) return true;
    const parent = statement.parent;
    if (!parent) return false;
    if (LISTS.has(parent.type)) {
      this.removed.push(statement);
      this.dropped.push({ start: statement.startIndex, end: statement.endIndex });
      return true;
    }
    if (parent.type === 'if_statement' && same(parent.childForFieldName('consequence'), statement)) {
      const condition = parent.childForFieldName('condition');
      if (!parent.childForFieldName('alternative') && condition && isPure(condition)) return this.remove(parent);
    }
    if (/^(if_statement|else_clause|while_statement|for_statement|do_statement|for_range_loop)$/.test(parent.type)) {
      this.replace(statement, '{}', [{ start: statement.startIndex, end: statement.endIndex }]);
      return true;
    }
    return false;
  }

  replace(node: SyntaxNode, text: string, dropped: Span[]): void {
    this.replaced.push({ node, text, dropped });
    this.dropped.push(...dropped);
  }

  /** Replaces an `if` whose condition is known by the arm that runs; false when the condition is not known. */
  resolveIf(ifNode: SyntaxNode, known: KnownValue): boolean {
    const condition = ifNode.childForFieldName('condition');
    const value = condition ? conditionValue(condition, known) : undefined;
    if (value === undefined) return false;
    const alternative = ifNode.childForFieldName('alternative');
    const kept = value !== 0 ? ifNode.childForFieldName('consequence') : alternative?.namedChildren.at(-1);
    if (!kept || (kept.type === 'compound_statement' && statementsOf(kept).length === 0)) return this.remove(ifNode);
    this.replace(ifNode, this.keptText(ifNode, kept), [
      { start: ifNode.startIndex, end: kept.startIndex },
      { start: kept.endIndex, end: ifNode.endIndex },
    ]);
    if (exits(kept)) this.removeAfter(ifNode);
    return true;
  }

  /** The arm's statements at the `if`'s indentation, or the arm as it is when it cannot be unwrapped. */
  private keptText(ifNode: SyntaxNode, kept: SyntaxNode): string {
    if (kept.type !== 'compound_statement' || !ifNode.parent || !LISTS.has(ifNode.parent.type)) return kept.text;
    const inner = statementsOf(kept);
    // A declaration in the arm would change scope when unwrapped (and might clash with a name outside).
    if (inner.some((s) => s.type === 'declaration')) return kept.text;
    const outer = indentationAt(ifNode.startIndex, this.text);
    const first = inner[0];
    const innerIndent = first ? indentationAt(first.startIndex, this.text) : undefined;
    const open = kept.startIndex + 1;
    const close = kept.endIndex - 1;
    const afterOpen = this.text.slice(open).match(/^[ \t]*\r?\n/)?.[0].length;
    const beforeClose = indentationAt(close, this.text);
    if (outer === undefined || innerIndent === undefined || afterOpen === undefined || beforeClose === undefined) {
      return kept.text;
    }
    const body = this.text.slice(open + afterOpen, close - beforeClose.length);
    const lines = body.split(/(?<=\n)/);
    const extra = innerIndent.startsWith(outer) ? innerIndent.length - outer.length : 0;
    const dedented = lines.map((l) =>
      /^[ \t]*$/.test(l.slice(0, extra)) ? l.slice(Math.min(extra, l.search(/\S|$/))) : l,
    );
    // The replaced span starts after the `if`'s own indentation and ends before its line break.
    return dedented
      .join('')
      .replace(/^[ \t]*/, '')
      .replace(/\r?\n$/, '');
  }

  /** Statements after an arm that always exits can no longer run; they go unless a label makes them reachable. */
  private removeAfter(statement: SyntaxNode): void {
    const list = statement.parent;
    if (!list || !LISTS.has(list.type)) return;
    const rest = statementsOf(list).filter((s) => s.startIndex > statement.endIndex);
    if (rest.some((s) => s.descendantsOfType(['labeled_statement', 'case_statement']).length > 0)) return;
    for (const s of rest) this.remove(s);
  }

  /** `T v = call;` or `v = call;`: checks of v go with the call; v keeps the success value if used otherwise. */
  stored(name: string, statement: SyntaxNode, value: SyntaxNode, success: SuccessValue): boolean {
    const list = statement.parent;
    if (!list || !LISTS.has(list.type)) return false;
    const body = functionOf(statement)?.childForFieldName('body');
    const uses = (body ? (nameIndexOf(body, this.text, declaredNames).byName.get(name) ?? []) : []).filter(
      (n) => n.startIndex >= statement.endIndex && n.endIndex <= list.endIndex,
    );
    const written = uses.some((n) => {
      const p = n.parent;
      return (
        (p?.type === 'assignment_expression' && same(p.childForFieldName('left'), n)) ||
        p?.type === 'update_expression' ||
        (p?.type === 'pointer_expression' && p.text.trimStart().startsWith('&'))
      );
    });
    if (!written) {
      const known: KnownValue = (n) => (n.type === 'identifier' && n.text === name ? success.value : undefined);
      for (const s of statementsOf(list).filter((s) => s.startIndex > statement.endIndex)) {
        const inside = uses.filter((u) => s.startIndex <= u.startIndex && u.endIndex <= s.endIndex);
        const condition = s.type === 'if_statement' ? s.childForFieldName('condition') : null;
        if (inside.length === 0 || !condition || this.isRemoved(s)) continue;
        if (inside.every((u) => condition.startIndex <= u.startIndex && u.endIndex <= condition.endIndex)) {
          this.resolveIf(s, known);
        }
      }
    }
    const remaining = uses.filter((u) => !this.dropped.some((d) => d.start <= u.startIndex && u.endIndex <= d.end));
    if (remaining.length === 0) return this.remove(statement);
    if (success.text === undefined) return false;
    this.substitute(value, success.text);
    return true;
  }

  substitute(value: SyntaxNode, text: string): void {
    this.replace(value, text, [{ start: value.startIndex, end: value.endIndex }]);
  }

  /** Removes the declarations the removed code was the only reader of (to a fixed point); marks the rest used. */
  cleanUp(fn: SyntaxNode | undefined): void {
    for (let round = 0; round < 4; round++) {
      const dead = deadDeclarations(fn, this.text, this.dropped, (n) => this.isRemoved(n));
      for (const d of dead.declarations) this.remove(d);
      for (const m of dead.marks) this.markUsed(m.name, m.after, m.atStart);
      this.emptyGuards();
      if (dead.declarations.length === 0) break;
    }
  }

  private readonly marked = new Set<string>();
  private readonly insertions: PlannedEdit[] = [];

  /** `(void)name;` at the start of a body (a parameter) or on the line after a declaration. */
  private markUsed(name: string, after: SyntaxNode, atStart: boolean): void {
    if (this.marked.has(name) || this.isRemoved(after)) return;
    this.marked.add(name);
    const first = atStart ? statementsOf(after)[0] : after;
    const indent = (first && indentationAt(first.startIndex, this.text)) || '    ';
    const at = atStart ? after.startIndex + 1 : after.endIndex;
    this.insertions.push({ start: at, end: at, text: `\n${indent}(void)${name};` });
  }

  /** A block whose statements all went, under an `if` without `else` whose condition changes nothing, goes too. */
  emptyGuards(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const r of [...this.removed]) {
        const block = r.parent;
        const guard = block?.parent;
        if (block?.type !== 'compound_statement' || guard?.type !== 'if_statement' || this.isRemoved(guard)) continue;
        if (!same(guard.childForFieldName('consequence'), block) || guard.childForFieldName('alternative')) continue;
        const condition = guard.childForFieldName('condition');
        if (!condition || !isPure(condition)) continue;
        if (statementsOf(block).every((s) => this.isRemoved(s)) && this.remove(guard)) changed = true;
      }
    }
  }

  edits(): PlannedEdit[] | undefined {
    const edits: PlannedEdit[] = [];
    for (const r of this.removed) {
      if (this.removed.some((o) => o !== r && !same(o, r) && o.startIndex <= r.startIndex && r.endIndex <= o.endIndex))
        continue;
      if (edits.some((e) => e.start === r.startIndex)) continue;
      edits.push({ ...removalSpan(r, this.text), text: '' });
    }
    for (const { node, text } of this.replaced) {
      if (!this.isRemoved(node)) edits.push({ start: node.startIndex, end: node.endIndex, text });
    }
    edits.push(...this.insertions);
    // A replacement inside another (an arm kept by an outer `if` that also holds an inner change) is not planned.
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) {
      if (edits[i]!.start < edits[i - 1]!.end) return undefined;
    }
    return edits;
  }
}

/** The function definition a node is in. */
function functionOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (n.type === 'lambda_expression') return undefined;
  }
  return undefined;
}

/** The `if` whose condition holds `node`, when no statement lies between them. */
function conditionOwner(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent, child = node; n; child = n, n = n.parent) {
    if (n.type === 'if_statement') return same(n.childForFieldName('condition'), child) ? n : undefined;
    if (isStatement(n) || n.type === 'lambda_expression') return undefined;
  }
  return undefined;
}

/** The innermost statement holding `node`. */
function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isStatement(n)) return n;
    if (n.type === 'lambda_expression' || n.type === 'function_definition') return undefined;
  }
  return undefined;
}

/** The removal of `call`, or undefined when no edit keeps what the program did on success. */
export function planRemoval(call: SyntaxNode, text: string): RemovalPlan | undefined {
  const v = valueNode(call);
  const parent = v.parent;
  if (!parent) return undefined;
  const success = successOfCallee(call) ?? inferredSuccess(v);
  const planner = new Planner(text);
  let planned = false;
  if (parent.type === 'expression_statement') {
    planned = planner.remove(parent);
  } else if (success && parent.type === 'init_declarator' && same(parent.childForFieldName('value'), v)) {
    const declaration = parent.parent;
    const name = parent.childForFieldName('declarator');
    if (declaration?.type === 'declaration' && declaration.childrenForFieldName('declarator').length === 1) {
      if (name?.type === 'identifier') planned = planner.stored(name.text, declaration, v, success);
    }
  } else if (
    success &&
    parent.type === 'assignment_expression' &&
    parent.childForFieldName('operator')?.text === '=' &&
    same(parent.childForFieldName('right'), v) &&
    parent.childForFieldName('left')?.type === 'identifier' &&
    parent.parent?.type === 'expression_statement'
  ) {
    planned = planner.stored(parent.childForFieldName('left')!.text, parent.parent, v, success);
  } else if (success) {
    const ifNode = conditionOwner(v);
    const known: KnownValue = (n) => (same(n, v) || same(n, call) ? success.value : undefined);
    planned = !!ifNode && planner.resolveIf(ifNode, known);
    const returned = statementOf(v);
    const expression = returned?.type === 'return_statement' ? returned.namedChildren[0] : undefined;
    const value = expression && !same(expression, v) ? conditionValue(expression, known) : undefined;
    if (!planned && expression && value !== undefined) {
      // `return WSAIoctl(…) == 0;` returns what success gives, spelled for the function's type.
      const type = functionOf(call)?.childForFieldName('type')?.text;
      const spelled =
        type === 'bool' ? String(value !== 0) : type === 'BOOL' ? (value ? 'TRUE' : 'FALSE') : String(value);
      planner.substitute(expression, spelled);
      planned = true;
    }
    if (!planned && success.text !== undefined && statementOf(v)) {
      planner.substitute(v, success.text);
      planned = true;
    }
  }
  if (!planned) return undefined;
  planner.emptyGuards();
  planner.cleanUp(functionOf(call));
  const edits = planner.edits();
  const review = success?.text === 'STATUS_SUCCESS' && parent.type !== 'expression_statement';
  return edits ? { edits, review } : undefined;
}
