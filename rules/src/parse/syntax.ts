// Small questions asked of tree-sitter C/C++ nodes: unwrapping casts and parentheses, callee names,
// socket expression keys, enclosing statements. Pure functions over nodes; no rule knowledge here.
import type { SyntaxNode } from './parser.js';
import type { NodeCursor } from './tree-node.js';
import type { Position, Range } from '../types.js';

export function positionOf(node: SyntaxNode, end = false): Position {
  const p = end ? node.endPosition : node.startPosition;
  return { line: p.row, column: p.column, offset: end ? node.endIndex : node.startIndex };
}

export function rangeOf(node: SyntaxNode): Range {
  return { start: positionOf(node), end: positionOf(node, true) };
}

/** The range of the node a cursor is on, without making a node object. */
export function cursorRangeOf(cursor: NodeCursor): Range {
  const start = cursor.startPosition;
  const end = cursor.endPosition;
  return {
    start: { line: start.row, column: start.column, offset: cursor.startIndex },
    end: { line: end.row, column: end.column, offset: cursor.endIndex },
  };
}

/** Strips parentheses, C casts and `(void)` so `((SOCKET)s)` answers for `s`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (;;) {
    if (current.type === 'parenthesized_expression' || current.type === 'cast_expression') {
      const inner =
        current.type === 'cast_expression'
          ? current.childForFieldName('value')
          : current.namedChildren.find((c) => c.type !== 'comment');
      if (!inner) return current;
      current = inner;
      continue;
    }
    if (current.type === 'call_expression' && isCppCast(current)) {
      const arg = current.childForFieldName('arguments')?.namedChildren[0];
      if (!arg) return current;
      current = arg;
      continue;
    }
    return current;
  }
}

function isCppCast(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'template_function') return false;
  const name = fn.childForFieldName('name')?.text ?? '';
  return /^(static|reinterpret|const|dynamic)_cast$/.test(name);
}

export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  return list.namedChildren.filter((c) => c.type !== 'comment');
}

export interface CalleeInfo {
  /** The last name: `connect` for `::connect`, `WskControlSocket` for `d->WskControlSocket`. */
  name: string;
  /** As written without spaces: `Net::Socket::open`, `obj.open`. */
  qualified: string;
  /** For `obj.method()` / `ptr->method()`: the key of the receiver expression. */
  receiver?: string;
  /** True for `this->method()` and for `(*this).method()`. */
  receiverIsThis: boolean;
  node: SyntaxNode;
}

export function calleeOf(call: SyntaxNode): CalleeInfo | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const target = unwrapCallee(fn);
  switch (target.type) {
    case 'identifier':
      return { name: target.text, qualified: target.text, receiverIsThis: false, node: fn };
    case 'qualified_identifier':
    case 'template_function': {
      const qualified = compact(target.text).replace(/^::/, '');
      const name = lastName(target);
      return { name, qualified, receiverIsThis: false, node: fn };
    }
    case 'field_expression': {
      const field = target.childForFieldName('field');
      const object = target.childForFieldName('argument');
      if (!field || !object) return undefined;
      // `dev.Device::descriptor(h)`: a base class's member, named by its last segment.
      const name =
        field.type === 'template_method' || field.type === 'qualified_identifier' ? lastName(field) : field.text;
      const isThis = unwrap(object).type === 'this' || compact(object.text) === '*this';
      const receiver = isThis ? undefined : (socketKey(object) ?? undefined);
      return {
        name,
        qualified: compact(target.text),
        receiverIsThis: isThis,
        node: fn,
        ...(receiver !== undefined ? { receiver } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** `(*pfn)(…)` and `(pfn)(…)` call what `pfn` names. */
function unwrapCallee(node: SyntaxNode): SyntaxNode {
  let current = unwrap(node);
  while (current.type === 'pointer_expression' && current.text.startsWith('*')) {
    const inner = current.childForFieldName('argument');
    if (!inner) break;
    current = unwrap(inner);
  }
  return current;
}

function lastName(node: SyntaxNode): string {
  let current: SyntaxNode | null = node;
  while (
    current &&
    (current.type === 'qualified_identifier' ||
      current.type === 'template_function' ||
      current.type === 'template_method')
  ) {
    current = current.childForFieldName('name');
  }
  return current?.text ?? compact(node.text);
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const SOCKET_EXPRESSION_TYPES = new Set([
  'identifier',
  'field_expression',
  'pointer_expression',
  'subscript_expression',
  'qualified_identifier',
]);

/**
 * The key a socket is tracked by: the expression that names it, spaces removed, casts and parentheses
 * dropped, and `this->` dropped so `this->m_s` and `m_s` are one socket. Null when the expression cannot
 * name a socket (literals, calls, arithmetic).
 */
export function socketKey(node: SyntaxNode): string | null {
  const inner = unwrap(node);
  if (inner.type === 'call_expression') return getterKey(inner);
  if (!SOCKET_EXPRESSION_TYPES.has(inner.type)) return null;
  if (inner.type === 'pointer_expression' && inner.text.trimStart().startsWith('&')) return null;
  let text = compact(inner.text);
  text = text.replace(/^\(\*this\)\./, '').replace(/^this->/, '');
  return text.length > 0 && text.length <= 200 ? text : null;
}

/**
 * `descriptor()`, `dev.descriptor()`, `this->fd()`: a call without arguments to a named function or member
 * reads the same socket each time (an accessor), so it is keyed like a member.
 */
function getterKey(call: SyntaxNode): string | null {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || !args || args.namedChildren.some((c) => c.type !== 'comment')) return null;
  const callee = unwrap(fn);
  if (callee.type !== 'identifier' && callee.type !== 'field_expression' && callee.type !== 'qualified_identifier')
    return null;
  // `Device::descriptor()` in a method and `dev.Device::descriptor()` name the same accessor as without `Device::`.
  const text = compact(callee.text)
    .replace(/^\(\*this\)\./, '')
    .replace(/^this->/, '')
    .replace(/(?:\w+)?::/g, '');
  return text.length > 0 && text.length <= 200 ? `${text}()` : null;
}

/** The root identifier of an address expression: `addr` for `(SOCKADDR*)&addr`, `&ctx->addr.sin`, `addr6`. */
export function rootIdentifier(node: SyntaxNode): string | null {
  let current: SyntaxNode | null = unwrap(node);
  for (let depth = 0; current && depth < 32; depth++) {
    switch (current.type) {
      case 'identifier':
        return current.text;
      case 'pointer_expression':
      case 'field_expression':
      case 'subscript_expression':
        current = current.childForFieldName('argument') ?? current.namedChild(0);
        if (current) current = unwrap(current);
        break;
      default:
        return null;
    }
  }
  return null;
}

const NULL_TEXTS = new Set(['NULL', 'nullptr', '0', '0L', '0UL', '0u', '0U', '0l', '0ul', '0LL', '0ULL']);

/** True when the expression is certainly a null pointer (`NULL`, `nullptr`, `0`, `(LPVOID)NULL`). */
export function isNullExpression(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  return inner.type === 'null' || NULL_TEXTS.has(compact(inner.text));
}

/** True when the expression is certainly not null: an address, a string, a non-zero number. */
export function isNonNullExpression(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (inner.type === 'pointer_expression' && inner.text.trimStart().startsWith('&')) return true;
  if (inner.type === 'string_literal' || inner.type === 'concatenated_string') return true;
  if (inner.type === 'number_literal') return !isZeroLiteral(inner.text);
  return false;
}

export function isZeroLiteral(text: string): boolean {
  return /^(0+|0x0+)[uUlL]*$/.test(compact(text));
}

/** True when the expression is certainly not zero: a non-zero number or a sizeof. */
export function isNonZeroExpression(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (inner.type === 'sizeof_expression') return true;
  if (inner.type === 'number_literal') return !isZeroLiteral(inner.text);
  return false;
}

export function isZeroExpression(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  return inner.type === 'number_literal' && isZeroLiteral(inner.text);
}
