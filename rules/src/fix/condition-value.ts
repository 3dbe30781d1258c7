// Evaluates a C condition in which one expression (the removed call, or the variable holding its result) has
// a known value, three-valued: a number when the condition's value follows, undefined when it depends on more.
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';

/** Macros and constants error checks compare against (Winsock, Win32, NTSTATUS, HRESULT). */
const CONSTANTS: Record<string, number> = {
  SOCKET_ERROR: -1,
  NO_ERROR: 0,
  ERROR_SUCCESS: 0,
  STATUS_SUCCESS: 0,
  S_OK: 0,
  FALSE: 0,
  TRUE: 1,
  false: 0,
  true: 1,
  NULL: 0,
  nullptr: 0,
};

/** Status-testing macros: `NT_SUCCESS(x)` is `x >= 0`, `FAILED(x)` is `x < 0`. */
const STATUS_MACROS: Record<string, (x: number) => number> = {
  NT_SUCCESS: (x) => Number(x >= 0),
  SUCCEEDED: (x) => Number(x >= 0),
  FAILED: (x) => Number(x < 0),
};

/** `known(node)` gives the value of the one expression whose value is known, or undefined. */
export type KnownValue = (node: SyntaxNode) => number | undefined;

function literal(text: string): number | undefined {
  const t = text.replace(/[uUlL]+$/, '');
  if (/^(0x[0-9a-f]+|\d+)$/i.test(t)) return Number(t);
  return CONSTANTS[text];
}

function binary(op: string, l: number | undefined, r: number | undefined): number | undefined {
  // `&&` and `||` decide with one side known when that side decides.
  if (op === '&&') return l === 0 || r === 0 ? 0 : l !== undefined && r !== undefined ? 1 : undefined;
  if (op === '||')
    return (l !== undefined && l !== 0) || (r !== undefined && r !== 0) ? 1 : l === 0 && r === 0 ? 0 : undefined;
  if (l === undefined || r === undefined) return undefined;
  switch (op) {
    case '==':
      return Number(l === r);
    case '!=':
      return Number(l !== r);
    case '<':
      return Number(l < r);
    case '<=':
      return Number(l <= r);
    case '>':
      return Number(l > r);
    case '>=':
      return Number(l >= r);
    default:
      return undefined;
  }
}

/** The value of `node` when `known` fixes one of its parts; undefined when it is not determined. */
export function conditionValue(node: SyntaxNode, known: KnownValue): number | undefined {
  const fixed = known(node);
  if (fixed !== undefined) return fixed;
  switch (node.type) {
    case 'condition_clause': {
      const value = node.childForFieldName('value');
      return value ? conditionValue(value, known) : undefined;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c.type !== 'comment');
      return inner ? conditionValue(inner, known) : undefined;
    }
    case 'number_literal':
    case 'identifier':
    case 'true':
    case 'false':
    case 'null':
      return literal(node.text);
    case 'unary_expression': {
      const arg = node.childForFieldName('argument');
      const v = arg ? conditionValue(arg, known) : undefined;
      if (v === undefined) return undefined;
      const op = node.childForFieldName('operator')?.text ?? node.text.trimStart()[0];
      return op === '!' ? Number(v === 0) : op === '-' ? -v : undefined;
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text ?? '';
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return undefined;
      return binary(op, conditionValue(left, known), conditionValue(right, known));
    }
    case 'call_expression': {
      const name = node.childForFieldName('function')?.text ?? '';
      const macro = STATUS_MACROS[name];
      const arg = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment');
      if (!macro || arg?.length !== 1) return undefined;
      const v = conditionValue(arg[0]!, known);
      return v === undefined ? undefined : macro(v);
    }
    default:
      return undefined;
  }
}

/** Calls a condition may make without side effects: Windows version checks and singleton accessors. */
const PURE_CALL = /^(Is\w*(OrGreater|AtLeast\w*|Version\w*)|IsWindows\w*|getInstance|GetInstance|instance|Instance)$/;

/** True when evaluating `node` changes nothing: no assignment, increment, or call other than a version check. */
export function isPure(node: SyntaxNode): boolean {
  for (const n of node.descendantsOfType(['assignment_expression', 'update_expression', 'call_expression'])) {
    if (n.type !== 'call_expression') return false;
    const callee = n.childForFieldName('function');
    const name = callee?.type === 'field_expression' ? callee.childForFieldName('field')?.text : callee?.text;
    const last = (name ?? '').split('::').at(-1) ?? '';
    if (!PURE_CALL.test(last)) return false;
  }
  return true;
}
