// Finds the locals and parameters a removal leaves unused: every mention of the name is in the removed code
// (the input flag, the byte counter, the output buffer), so `-Wunused-variable` / C4189 would flag them.
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';
import { isPure } from './condition-value.js';
import type { Span } from './line-spans.js';
import { identifiersInside, nameIndexOf } from './name-index.js';

export interface DeadNames {
  /** Declarations to remove (one declarator each, with an initializer that changes nothing). */
  declarations: SyntaxNode[];
  /**
   * Names to mark used with `(void)name;` after the node (a parameter's body start, a declaration that
   * has effects, or a name other preprocessor arms still read), with the node to insert after.
   */
  marks: { name: string; after: SyntaxNode; atStart: boolean }[];
}

/** Inside the first arm of `#if 0`: not compiled, so no mention there keeps a name alive. */
function inDeadArm(node: SyntaxNode): boolean {
  for (let child = node, n = node.parent; n; child = n, n = n.parent) {
    if (n.type === 'preproc_if' && n.childForFieldName('condition')?.text.trim() === '0') {
      const alternative = n.childForFieldName('alternative');
      return !alternative || child.startIndex < alternative.startIndex;
    }
  }
  return false;
}

/** Inside a preprocessor arm that does not hold `anchor`: compiled only in another configuration. */
function inOtherArm(node: SyntaxNode, anchor: Span): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (/^preproc_(if|ifdef|else|elif)$/.test(n.type)) {
      const arm = n.namedChildren.find((c) => c.startIndex <= node.startIndex && node.endIndex <= c.endIndex);
      const armOf = (x: number): boolean => !!arm && arm.startIndex <= x && x <= arm.endIndex;
      if (!(n.startIndex <= anchor.start && anchor.end <= n.endIndex) || !armOf(anchor.start)) return true;
    }
  }
  return false;
}

function inside(node: SyntaxNode, spans: readonly Span[]): boolean {
  return spans.some((s) => s.start <= node.startIndex && node.endIndex <= s.end);
}

/** The name a declarator declares: `x`, `x = 1`, `x[16]`, `*p`, `&r`. */
function declaredName(declarator: SyntaxNode | null): SyntaxNode | undefined {
  let d = declarator;
  for (let depth = 0; d && depth < 6; depth++) {
    if (d.type === 'identifier') return d;
    d = d.childForFieldName('declarator');
  }
  return undefined;
}

/** A removable declaration of exactly `name`: one declarator, and an initializer without side effects. */
function isRemovableDeclaration(declaration: SyntaxNode, name: string): boolean {
  const declarators = declaration.childrenForFieldName('declarator');
  if (declarators.length !== 1 || declaredName(declarators[0]!)?.text !== name) return false;
  const value = declarators[0]!.type === 'init_declarator' ? declarators[0]!.childForFieldName('value') : null;
  // `T x(args)` may be a constructor with effects; a plain value or `{ 1 }` is not.
  return !value || (value.type !== 'argument_list' && isPure(value));
}

/** The names a declaration declares. */
export function declaredNames(declaration: SyntaxNode): string[] {
  return declaration
    .childrenForFieldName('declarator')
    .map((d) => declaredName(d)?.text)
    .filter((n): n is string => !!n);
}

export function deadDeclarations(
  fn: SyntaxNode | undefined,
  text: string,
  dropped: readonly Span[],
  isRemoved: (node: SyntaxNode) => boolean,
): DeadNames {
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return { declarations: [], marks: [] };
  const index = nameIndexOf(body, text, declaredNames);
  const candidates = new Set(identifiersInside(index, dropped).map((n) => n.text));
  const parameters = new Set(
    (fn.childForFieldName('declarator')?.descendantsOfType('parameter_declaration') ?? [])
      .map((p) => declaredName(p.childForFieldName('declarator'))?.text)
      .filter((n): n is string => !!n),
  );
  // `_In_ SOCKET s`: SAL annotations the parser cannot see through leave the name in an ERROR node.
  for (const list of fn.childForFieldName('declarator')?.descendantsOfType('parameter_list') ?? []) {
    for (const error of list.namedChildren.filter((c) => c.type === 'ERROR')) {
      for (const id of error.descendantsOfType('identifier')) parameters.add(id.text);
    }
  }
  const out: DeadNames = { declarations: [], marks: [] };
  const anchor = dropped[0] ?? { start: body.startIndex, end: body.startIndex };
  for (const name of candidates) {
    const mentions = index.byName.get(name) ?? [];
    const owners = (index.declarations.get(name) ?? []).filter((d) => !isRemoved(d));
    if (owners.length > 1 || (owners.length === 1 && parameters.has(name))) continue;
    const owner = owners[0];
    // Stop at the first mention that keeps the name alive: a name used elsewhere is the common case.
    const live: SyntaxNode[] = [];
    let elsewhere = true;
    for (const n of mentions) {
      if (inside(n, dropped) || (owner && owner.startIndex <= n.startIndex && n.endIndex <= owner.endIndex)) continue;
      if (index.conditional && inDeadArm(n)) continue;
      live.push(n);
      if (!index.conditional || !inOtherArm(n, anchor)) {
        elsewhere = false;
        break;
      }
    }
    elsewhere &&= live.length > 0;
    if (live.length > 0 && !elsewhere) continue;
    if (owner) {
      if (!owner.parent || !/^(compound_statement|preproc_(if|ifdef|else|elif))$/.test(owner.parent.type)) continue;
      if (!elsewhere && isRemovableDeclaration(owner, name)) out.declarations.push(owner);
      else out.marks.push({ name, after: owner, atStart: false });
    } else if (parameters.has(name)) {
      out.marks.push({ name, after: body, atStart: true });
    }
  }
  return out;
}
