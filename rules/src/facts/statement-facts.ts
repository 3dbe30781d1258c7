// Describes the statement a call stands in, so rules can offer to remove it or move it: whether it is
// just the call (or an error-check guard around it), its block and index, and its whole-line extent.
import type { SyntaxNode } from '../parse/parser.js';
import { rangeOf, rootIdentifier, unwrap } from '../parse/syntax.js';
import type { Position, Range } from '../types.js';
import type { StatementFacts } from './fact-types.js';
import { walkSubtree } from '../parse/subtree-walk.js';

/** What statement facts need to know about a grammar; the C/C++ one is the default. */
export interface StatementSyntax {
  /** Nodes whose named children are statements (blocks, case arms, a script's top level). */
  lists: ReadonlySet<string>;
  /** Nodes a statement search stops at. */
  boundaries: ReadonlySet<string>;
  /** Node types that name a variable a statement reads. */
  identifierTypes: readonly string[];
  unwrap: (node: SyntaxNode) => SyntaxNode;
  identifiersWritten: (statement: SyntaxNode) => string[];
}

export const C_STATEMENTS: StatementSyntax = {
  lists: new Set(['compound_statement', 'case_statement']),
  boundaries: new Set(['function_definition', 'lambda_expression']),
  identifierTypes: ['identifier'],
  unwrap,
  identifiersWritten,
};

function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** The statement directly inside a block that contains `node`, if any within a few levels. */
export function enclosingStatement(node: SyntaxNode, syntax: StatementSyntax = C_STATEMENTS): SyntaxNode | undefined {
  let current: SyntaxNode = node;
  for (let depth = 0; depth < 40; depth++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (syntax.lists.has(parent.type) && current.type !== 'comment') {
      if (sameNode(parent.childForFieldName('value'), current)) return undefined;
      return current;
    }
    if (syntax.boundaries.has(parent.type)) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * True when the condition only checks the call for failure, so the `if` is error handling for it:
 * `call`, `call == SOCKET_ERROR`, `call != 0`, `call != NO_ERROR`, `call < 0`, `FAILED(call)`,
 * `!NT_SUCCESS(call)`. Success checks (`!call`, `call == 0`, `NT_SUCCESS(call)`) guard real work: not these.
 */
function isErrorCheckOf(condition: SyntaxNode, call: SyntaxNode, unwrap: (node: SyntaxNode) => SyntaxNode): boolean {
  const value = unwrap(
    condition.type === 'condition_clause' ? (condition.childForFieldName('value') ?? condition) : condition,
  );
  if (sameNode(value, call)) return true;
  const wrapped = (node: SyntaxNode, names: RegExp): boolean => {
    const inner = unwrap(node);
    if (inner.type !== 'call_expression' || !names.test(inner.childForFieldName('function')?.text ?? '')) return false;
    const arg = inner.childForFieldName('arguments')?.namedChildren[0];
    return !!arg && sameNode(unwrap(arg), call);
  };
  if (wrapped(value, /^FAILED$/)) return true;
  if (value.type === 'unary_expression' && value.text.trimStart().startsWith('!')) {
    const arg = value.childForFieldName('argument');
    return !!arg && wrapped(arg, /^(NT_SUCCESS|SUCCEEDED)$/);
  }
  if (value.type !== 'binary_expression') return false;
  // `===`/`!==` (scripts) check the same as `==`/`!=`.
  const op = (value.childForFieldName('operator')?.text ?? '').replace(/^([=!])==$/, '$1=');
  const left = value.childForFieldName('left');
  const right = value.childForFieldName('right');
  if (!left || !right) return false;
  const [other, callOnLeft] = sameNode(unwrap(left), call)
    ? [unwrap(right), true]
    : sameNode(unwrap(right), call)
      ? [unwrap(left), false]
      : [null, false];
  if (!other) return false;
  const constant = other.text.replace(/\s+/g, '');
  if (op === '==') return /^(SOCKET_ERROR|-1|INVALID_SOCKET)$/.test(constant);
  if (op === '!=') return /^(0|NO_ERROR|ERROR_SUCCESS|STATUS_SUCCESS|FALSE)$/.test(constant);
  if (op === '<' && callOnLeft) return constant === '0';
  if (op === '>' && !callOnLeft) return constant === '0';
  return false;
}

function statementKind(
  statement: SyntaxNode,
  call: SyntaxNode,
  unwrap: (node: SyntaxNode) => SyntaxNode,
): StatementFacts['kind'] {
  if (statement.type === 'expression_statement') {
    const expression = statement.namedChildren.find((c) => c.type !== 'comment');
    return expression && sameNode(unwrap(expression), call) ? 'expr' : 'other';
  }
  if (statement.type === 'if_statement' && !statement.childForFieldName('alternative')) {
    const condition = statement.childForFieldName('condition');
    return condition && isErrorCheckOf(condition, call, unwrap) ? 'guard' : 'other';
  }
  return 'other';
}

/** From the start of the statement's first line to after its last line's break, if it stands alone there. */
function wholeLines(statement: SyntaxNode, text: string): Range | undefined {
  // Scan only the indentation before the statement: on a 1 MB single line, anything more is quadratic.
  const start = statement.startIndex;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') return undefined;
  let end = statement.endIndex;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (end < text.length && text[end] !== '\r' && text[end] !== '\n') return undefined;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const startPos: Position = { line: statement.startPosition.row, column: 0, offset: lineStart };
  const atLineEnd = end > 0 && text[end - 1] === '\n';
  const endLine = statement.endPosition.row + (atLineEnd ? 1 : 0);
  const endColumn = atLineEnd ? 0 : statement.endPosition.column + (end - statement.endIndex);
  return { start: startPos, end: { line: endLine, column: endColumn, offset: end } };
}

/** The statement and the spaces before it, for a statement that shares its line with other code. */
function withBlanksBefore(statement: SyntaxNode, text: string): Range {
  let start = statement.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const range = rangeOf(statement);
  const moved = statement.startIndex - start;
  return { start: { line: range.start.line, column: range.start.column - moved, offset: start }, end: range.end };
}

/** The identifiers in a subtree, read with a cursor from the source text (no node objects are made). */
function identifiersIn(node: SyntaxNode, types: readonly string[], text: string): string[] {
  const names = new Set<string>();
  walkSubtree(node, (cursor) => {
    if (types.includes(cursor.nodeType)) names.add(text.slice(cursor.startIndex, cursor.endIndex));
    return true;
  });
  return [...names];
}

/** Index of each statement in its block, built once per block (a block may hold thousands of calls). */
export type StatementIndexCache = Map<number, Map<number, number>>;

function statementIndex(block: SyntaxNode, statement: SyntaxNode, cache: StatementIndexCache): number {
  let indexes = cache.get(block.startIndex);
  if (!indexes) {
    indexes = new Map();
    blockStatements(block).forEach((s, i) => indexes!.set(s.startIndex, i));
    cache.set(block.startIndex, indexes);
  }
  return indexes.get(statement.startIndex) ?? -1;
}

export function statementFacts(
  call: SyntaxNode,
  text: string,
  cache: StatementIndexCache = new Map(),
  syntax: StatementSyntax = C_STATEMENTS,
): StatementFacts | undefined {
  const statement = enclosingStatement(call, syntax);
  if (!statement?.parent) return undefined;
  const block = statement.parent;
  const index = statementIndex(block, statement, cache);
  const lines = wholeLines(statement, text);
  return {
    range: rangeOf(statement),
    ...(lines ? { lines } : {}),
    removal: lines ?? withBlanksBefore(statement, text),
    kind: statementKind(statement, call, syntax.unwrap),
    blockId: block.startIndex,
    index,
    reads: identifiersIn(statement, syntax.identifierTypes, text),
  };
}

/** Identifiers a statement may change: declared, assigned, incremented, or passed by address. */
export function identifiersWritten(statement: SyntaxNode): string[] {
  const writes = new Set<string>();
  const nodes = statement.descendantsOfType([
    'init_declarator',
    'declaration',
    'assignment_expression',
    'update_expression',
    'pointer_expression',
  ]);
  if (/^(declaration|expression_statement)$/.test(statement.type)) nodes.push(statement);
  for (const node of nodes) {
    switch (node.type) {
      case 'declaration':
        for (const d of node.childrenForFieldName('declarator')) {
          const name = d.type === 'identifier' ? d : d.descendantsOfType('identifier')[0];
          if (name) writes.add(name.text);
        }
        break;
      case 'assignment_expression':
      case 'update_expression': {
        const target = node.childForFieldName(node.type === 'assignment_expression' ? 'left' : 'argument');
        const root = target && rootIdentifier(target);
        if (root) writes.add(root);
        break;
      }
      case 'pointer_expression':
        if (node.text.trimStart().startsWith('&')) {
          const root = rootIdentifier(node);
          if (root) writes.add(root);
        }
        break;
    }
  }
  return [...writes];
}

export function blockStatements(block: SyntaxNode): SyntaxNode[] {
  // A case arm's label value is not one of its statements.
  const value = block.childForFieldName('value')?.startIndex;
  return block.namedChildren.filter((c) => c.type !== 'comment' && c.startIndex !== value);
}
