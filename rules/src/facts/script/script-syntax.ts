// Small questions asked of tree-sitter TypeScript/JavaScript nodes: unwrapping parentheses, `as`, `!` and
// `await`, callee paths (`lib.symbols.WSAIoctl`), socket keys, null/zero arguments, where a value goes.
import type { SyntaxNode } from '../../parse/parser.js';
import { compact, type CalleeInfo } from '../../parse/syntax.js';
import type { CallSyntax } from '../classify-call.js';
import type { StatementSyntax } from '../statement-facts.js';

const WRAPPERS = new Set([
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
  'await_expression',
]);

/** Strips parentheses, `as T`, `satisfies T`, `x!`, `<T>x` and `await`. */
export function unwrapScript(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let depth = 0; depth < 64 && WRAPPERS.has(current.type); depth++) {
    const named = current.namedChildren.filter((c) => c.type !== 'comment');
    const inner = current.type === 'type_assertion' ? named[named.length - 1] : named[0];
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** `lib.symbols.WSAIoctl` for that member chain (also through `?.`, `!`, `['x']`); `this.` dropped. */
export function memberPath(node: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let current: SyntaxNode | null = unwrapScript(node);
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.type === 'identifier') {
      parts.unshift(current.text);
      return parts.join('.');
    }
    if (current.type === 'this') return parts.length > 0 ? parts.join('.') : undefined;
    if (current.type === 'member_expression') {
      const property = current.childForFieldName('property');
      if (!property) return undefined;
      parts.unshift(property.text);
      current = current.childForFieldName('object');
    } else if (current.type === 'subscript_expression') {
      const index = current.childForFieldName('index');
      const name = index?.type === 'string' ? index.text.slice(1, -1) : undefined;
      if (!name || !/^[\w$]+$/.test(name)) return undefined;
      parts.unshift(name);
      current = current.childForFieldName('object');
    } else {
      return undefined;
    }
    if (current) current = unwrapScript(current);
  }
  return undefined;
}

export function scriptArguments(call: SyntaxNode): SyntaxNode[] {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'arguments') return [];
  return list.namedChildren.filter((c) => c.type !== 'comment');
}

export function scriptCallee(call: SyntaxNode): CalleeInfo | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const target = unwrapScript(fn);
  if (target.type === 'identifier')
    return { name: target.text, qualified: target.text, receiverIsThis: false, node: fn };
  if (target.type !== 'member_expression') return undefined;
  const property = target.childForFieldName('property');
  const object = target.childForFieldName('object');
  if (!property || !object) return undefined;
  const isThis = unwrapScript(object).type === 'this';
  const receiver = isThis ? undefined : (scriptSocketKey(object) ?? undefined);
  return {
    name: property.text,
    qualified: compact(target.text).replace(/\?\./g, '.'),
    receiverIsThis: isThis,
    node: fn,
    ...(receiver !== undefined ? { receiver } : {}),
  };
}

const KEY_TYPES = new Set(['identifier', 'member_expression', 'subscript_expression']);

/** The key a socket is tracked by: `s`, `conn.fd`, `this.sock` → `sock`. Null for literals and calls. */
export function scriptSocketKey(node: SyntaxNode): string | null {
  const inner = unwrapScript(node);
  if (!KEY_TYPES.has(inner.type)) return null;
  if (inner.type === 'identifier' && inner.text === 'undefined') return null;
  const text = compact(inner.text)
    .replace(/\?\./g, '.')
    .replace(/!(?=[.[])/g, '')
    .replace(/^this\./, '');
  return text.length > 0 && text.length <= 200 ? text : null;
}

/** Calls that only take the address of their first argument: `ptr(addr)`, `Deno.UnsafePointer.of(addr)`. */
const POINTER_OF = /^(ptr|Deno\.UnsafePointer\.of|UnsafePointer\.of|koffi\.as|ref\.ref)$/;

/** The variable an address expression starts from: `addr` for `addr`, `addr.ptr`, `addrs[0]`, `ptr(addr)`. */
export function scriptRootIdentifier(node: SyntaxNode): string | null {
  let current: SyntaxNode | null = unwrapScript(node);
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.type === 'identifier') return current.text;
    if (current.type === 'call_expression') {
      const fn = current.childForFieldName('function');
      const path = fn ? memberPath(fn) : undefined;
      const first = scriptArguments(current)[0];
      if (!path || !POINTER_OF.test(path) || !first) return null;
      current = unwrapScript(first);
      continue;
    }
    if (current.type !== 'member_expression' && current.type !== 'subscript_expression') return null;
    const object = current.childForFieldName('object');
    current = object && unwrapScript(object);
  }
  return null;
}

function numberValue(node: SyntaxNode): number | undefined {
  if (node.type !== 'number') return undefined;
  const text = node.text.replace(/_/g, '').replace(/n$/, '');
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const NULL_NAMES = /^(undefined|NULL|nullptr|ref\.NULL|ref\.NULL_POINTER|koffi\.NULL)$/;
const ALLOCATORS =
  /^(Buffer\.(alloc|allocUnsafe|allocUnsafeSlow|from|concat)|koffi\.alloc|ref\.alloc|ptr|Deno\.UnsafePointer\.of|UnsafePointer\.of)$/;
const SIZEOFS = /^(koffi\.sizeof|ref\.sizeof\.\w+|sizeof)$/;

export function isScriptNull(node: SyntaxNode): boolean {
  const inner = unwrapScript(node);
  if (inner.type === 'null' || inner.type === 'undefined') return true;
  if (inner.type === 'unary_expression' && /^void\s/.test(inner.text)) return true;
  if (numberValue(inner) === 0) return true;
  const path = memberPath(inner);
  return path !== undefined && NULL_NAMES.test(path);
}

export function isScriptNonNull(node: SyntaxNode): boolean {
  const inner = unwrapScript(node);
  switch (inner.type) {
    case 'string':
    case 'template_string':
    case 'array':
    case 'object':
    case 'new_expression':
    case 'arrow_function':
    case 'function_expression':
      return true;
    case 'number':
      return (numberValue(inner) ?? 0) !== 0;
    case 'call_expression': {
      const fn = inner.childForFieldName('function');
      const path = fn ? memberPath(fn) : undefined;
      return path !== undefined && ALLOCATORS.test(path);
    }
    default:
      return false;
  }
}

export function isScriptZero(node: SyntaxNode): boolean {
  return numberValue(unwrapScript(node)) === 0;
}

export function isScriptNonZero(node: SyntaxNode): boolean {
  const inner = unwrapScript(node);
  if (inner.type === 'number') return (numberValue(inner) ?? 0) !== 0;
  if (inner.type === 'call_expression') {
    const fn = inner.childForFieldName('function');
    const path = fn ? memberPath(fn) : undefined;
    return path !== undefined && SIZEOFS.test(path);
  }
  const path = memberPath(inner);
  return path !== undefined && SIZEOFS.test(path);
}

/** `WS.SOCK_DGRAM` is compared as `SOCK_DGRAM`; anything else as written. */
function constantText(node: SyntaxNode): string {
  const inner = unwrapScript(node);
  if (inner.type === 'member_expression') {
    const property = inner.childForFieldName('property')?.text ?? '';
    if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(property)) return property;
  }
  return compact(inner.text);
}

const TRANSPARENT_PARENTS = new Set([...WRAPPERS]);

/** Where the call's value goes: `x = call()`, `const x = call()`, `return call()`, `() => call()`. */
export function scriptValueTarget(call: SyntaxNode): { target: string | null; returned: boolean } {
  let current = call;
  let parent = current.parent;
  while (parent && TRANSPARENT_PARENTS.has(parent.type)) {
    current = parent;
    parent = parent.parent;
  }
  if (!parent) return { target: null, returned: false };
  const isField = (field: string): boolean => parent!.childForFieldName(field)?.startIndex === current.startIndex;
  if (parent.type === 'assignment_expression' && isField('right')) {
    const left = parent.childForFieldName('left');
    return { target: left ? scriptSocketKey(left) : null, returned: false };
  }
  if (parent.type === 'variable_declarator' && isField('value')) {
    const name = parent.childForFieldName('name');
    return { target: name?.type === 'identifier' ? name.text : null, returned: false };
  }
  if (parent.type === 'return_statement') return { target: null, returned: true };
  if (parent.type === 'arrow_function' && isField('body')) return { target: null, returned: true };
  return { target: null, returned: false };
}

export const SCRIPT_CALLS: CallSyntax = {
  unwrap: unwrapScript,
  socketKey: scriptSocketKey,
  rootIdentifier: scriptRootIdentifier,
  constantText,
  isNull: isScriptNull,
  isNonNull: isScriptNonNull,
  isZero: isScriptZero,
  isNonZero: isScriptNonZero,
  valueTarget: scriptValueTarget,
};

/** Buffer methods that change the buffer they are called on. */
const MUTATORS = /^(write\w*|set\w*|fill|copy\w*|swap\d+)$/;

/** Identifiers a statement may change: declared, assigned, incremented, or a buffer written in place. */
export function scriptIdentifiersWritten(statement: SyntaxNode): string[] {
  const writes = new Set<string>();
  const nodes = statement.descendantsOfType([
    'variable_declarator',
    'assignment_expression',
    'augmented_assignment_expression',
    'update_expression',
    'call_expression',
    'function_declaration',
    'class_declaration',
  ]);
  nodes.push(statement);
  for (const node of nodes) {
    switch (node.type) {
      case 'variable_declarator': {
        const name = node.childForFieldName('name');
        const ids =
          name?.type === 'identifier'
            ? [name]
            : (name?.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']) ?? []);
        for (const id of ids) writes.add(id.text);
        break;
      }
      case 'function_declaration':
      case 'class_declaration': {
        const name = node.childForFieldName('name');
        if (name) writes.add(name.text);
        break;
      }
      case 'assignment_expression':
      case 'augmented_assignment_expression':
      case 'update_expression': {
        const target = node.childForFieldName(node.type === 'update_expression' ? 'argument' : 'left');
        const root = target && scriptRootIdentifier(target);
        if (root) writes.add(root);
        break;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const inner = fn && unwrapScript(fn);
        if (inner?.type !== 'member_expression' || !MUTATORS.test(inner.childForFieldName('property')?.text ?? ''))
          break;
        const object = inner.childForFieldName('object');
        const root = object && scriptRootIdentifier(object);
        if (root) writes.add(root);
        break;
      }
    }
  }
  return [...writes];
}

export const SCRIPT_FUNCTION_TYPES = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition',
]);

export const SCRIPT_STATEMENTS: StatementSyntax = {
  lists: new Set(['statement_block', 'switch_case', 'switch_default', 'program']),
  boundaries: new Set([...SCRIPT_FUNCTION_TYPES, 'class_body']),
  identifierTypes: ['identifier', 'shorthand_property_identifier'],
  unwrap: unwrapScript,
  identifiersWritten: scriptIdentifiersWritten,
};
