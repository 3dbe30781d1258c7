// Finds where a script spells the fast-path code: aliases (`const X = 0x98000010`, enum members, object
// properties, static fields) and every use the deprecation rule reports, skipping comments and strings.
import type { SyntaxNode } from '../../parse/parser.js';
import { rangeOf } from '../../parse/syntax.js';
import type { CodeUse } from '../fact-types.js';
import { FAST_PATH_NAME, FAST_PATH_VALUE, evaluateConstant } from '../code-constant.js';
import { memberPath, unwrapScript } from './script-syntax.js';

/** JS number spellings the C evaluator does not read: `0x9800_0010`, `2550136848n`, `0o…`, `0b…`. */
export function normaliseScriptNumbers(text: string): string {
  return text
    .replace(/(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])/g, '')
    .replace(/\b(0[xX][0-9a-fA-F]+|\d+)n\b/g, '$1')
    .replace(/\b0[oO]([0-7]+)\b/g, (_, d: string) => String(parseInt(d, 8)))
    .replace(/\b0[bB]([01]+)\b/g, (_, d: string) => String(parseInt(d, 2)));
}

export function evaluateScriptConstant(text: string, names?: ReadonlyMap<string, number>): number | undefined {
  // A leading `0` is octal in C but decimal (or an error) in JS: `010` is not a spelling worth guessing.
  return evaluateConstant(normaliseScriptNumbers(text), names);
}

interface Definition {
  name: string;
  valueText: string;
  node: SyntaxNode;
}

const DEFINITION_TYPES = [
  'variable_declarator',
  'enum_assignment',
  'pair',
  'public_field_definition',
  'assignment_expression',
];

function enclosingName(node: SyntaxNode, types: readonly string[]): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (types.includes(p.type)) return p.childForFieldName('name')?.text;
  }
  return undefined;
}

function definitionOf(node: SyntaxNode): Definition | undefined {
  let name: string | undefined;
  let value: SyntaxNode | null = null;
  switch (node.type) {
    case 'variable_declarator': {
      const id = node.childForFieldName('name');
      name = id?.type === 'identifier' ? id.text : undefined;
      value = node.childForFieldName('value');
      break;
    }
    case 'enum_assignment': {
      const enumName = enclosingName(node, ['enum_declaration']);
      const member = node.childForFieldName('name')?.text;
      name = enumName && member ? `${enumName}.${member}` : undefined;
      value = node.childForFieldName('value');
      break;
    }
    case 'public_field_definition': {
      const className = enclosingName(node, ['class_declaration', 'abstract_class_declaration', 'class']);
      const field = node.childForFieldName('name')?.text;
      name = className && field ? `${className}.${field}` : undefined;
      value = node.childForFieldName('value');
      break;
    }
    case 'pair': {
      // `const WS = { SIO_LOOPBACK_FAST_PATH: 0x98000010 }` defines `WS.SIO_LOOPBACK_FAST_PATH`.
      const object = node.parent;
      let holder = object?.type === 'object' ? object.parent : null;
      while (holder && /^(parenthesized_expression|as_expression|satisfies_expression)$/.test(holder.type))
        holder = holder.parent;
      const key = node.childForFieldName('key');
      const keyText = key?.type === 'string' ? key.text.slice(1, -1) : key?.text;
      const holderName = holder?.type === 'variable_declarator' ? holder.childForFieldName('name') : null;
      name =
        holderName?.type === 'identifier' && keyText && /^[\w$]+$/.test(keyText)
          ? `${holderName.text}.${keyText}`
          : undefined;
      value = node.childForFieldName('value');
      break;
    }
    case 'assignment_expression': {
      const left = node.childForFieldName('left');
      name = left ? memberPath(left) : undefined;
      value = node.childForFieldName('right');
      break;
    }
  }
  if (!name || !value || value.endIndex - value.startIndex > 300) return undefined;
  return { name, valueText: unwrapScript(value).text, node };
}

/** Knows the file's aliases of the code and answers whether an expression is the code. */
export class ScriptCodeRecognizer {
  readonly aliases = new Map<string, number>();
  private readonly definitionStarts = new Set<number>();

  constructor(root: SyntaxNode, knownAliases: readonly string[] = []) {
    for (const name of knownAliases) this.aliases.set(name, FAST_PATH_VALUE);
    const definitions = root.descendantsOfType(DEFINITION_TYPES).flatMap((n) => definitionOf(n) ?? []);
    for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
      changed = false;
      for (const def of definitions) {
        if (this.definitionStarts.has(def.node.startIndex)) continue;
        if (this.valueOf(def.valueText) !== FAST_PATH_VALUE) continue;
        if (def.name !== FAST_PATH_NAME && !this.aliases.has(def.name)) {
          this.aliases.set(def.name, FAST_PATH_VALUE);
        }
        changed = true;
        this.definitionStarts.add(def.node.startIndex);
      }
    }
  }

  private valueOf(text: string): number | undefined {
    const path = /^[\w$.]+$/.test(text) ? text : undefined;
    if (path !== undefined && this.isName(path)) return FAST_PATH_VALUE;
    if (/[.$]/.test(text)) return undefined;
    return evaluateScriptConstant(text, this.aliases);
  }

  /** `SIO_LOOPBACK_FAST_PATH`, a known alias, or any object's `SIO_LOOPBACK_FAST_PATH` property. */
  isName(path: string): boolean {
    if (path === FAST_PATH_NAME || this.aliases.has(path)) return true;
    return path.endsWith(`.${FAST_PATH_NAME}`);
  }

  /** True when the expression evaluates to the fast-path code. */
  isCode(node: SyntaxNode): boolean {
    const inner = unwrapScript(node);
    if (inner.type === 'identifier' || inner.type === 'member_expression' || inner.type === 'subscript_expression') {
      const path = memberPath(inner);
      return path !== undefined && this.isName(path);
    }
    if (inner.endIndex - inner.startIndex > 300) return false;
    if (!/^(number|unary_expression|binary_expression)$/.test(inner.type)) return false;
    return this.valueOf(inner.text) === FAST_PATH_VALUE;
  }

  private isDefinition(node: SyntaxNode): boolean {
    return this.definitionStarts.has(node.startIndex) && DEFINITION_TYPES.includes(node.type);
  }

  /** Every use of the code in the tree, in source order. */
  findUses(root: SyntaxNode): CodeUse[] {
    const uses: CodeUse[] = [];
    const stack: SyntaxNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (SKIPPED_TYPES.has(node.type)) continue;
      const use = this.useAt(node);
      if (use) {
        uses.push(use);
        continue;
      }
      // `const kFastPath = SIO_LOOPBACK_FAST_PATH;` defines an alias: silent, its uses are reported.
      if (this.isDefinition(node)) continue;
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return uses.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  private useAt(node: SyntaxNode): CodeUse | undefined {
    switch (node.type) {
      case 'identifier':
      case 'member_expression': {
        const path = memberPath(node);
        if (path === undefined || !this.isName(path)) return undefined;
        const spelling =
          path === FAST_PATH_NAME || path.endsWith(`.${FAST_PATH_NAME}`)
            ? FAST_PATH_NAME
            : node.text.replace(/\s+/g, '');
        return { range: rangeOf(node), spelling };
      }
      case 'number':
      case 'unary_expression':
      case 'binary_expression': {
        if (node.endIndex - node.startIndex > 300) return undefined;
        if (node.type === 'unary_expression' && !/^[-~]\s*\d/.test(node.text)) return undefined;
        if (this.valueOf(node.text) !== FAST_PATH_VALUE) return undefined;
        // A number is data (a table row) unless it stands where a control code goes.
        if (!isControlCodePosition(node)) return undefined;
        return { range: rangeOf(node), spelling: node.text.replace(/\s+/g, ' ') };
      }
      default:
        return undefined;
    }
  }
}

const LITERAL_TYPES: ReadonlySet<string> = new Set(['string', 'template_string', 'number']);

/** Wrappers between an argument and its call: parentheses and type assertions. */
const TRANSPARENT_PARENTS = new Set([
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
]);

/**
 * Can a number here be a control code? As the second argument of a call (WSAIoctl and its bindings, a
 * wrapper) or WskControlSocket's third, or as the second element of an argument array (ffi-rs `paramsValue`).
 */
function isControlCodePosition(node: SyntaxNode): boolean {
  let current = node;
  let parent = current.parent;
  for (let i = 0; parent && TRANSPARENT_PARENTS.has(parent.type) && i < 8; i++) {
    current = parent;
    parent = current.parent;
  }
  if (parent?.type !== 'arguments' && parent?.type !== 'array') return false;
  const index = parent.namedChildren
    .filter((c) => c.type !== 'comment')
    .findIndex((c) => c.startIndex === current.startIndex);
  const callee = parent.parent?.childForFieldName('function')?.text ?? '';
  // `printf("%x", code)`: a first argument that is a literal is no socket, so the call applies nothing.
  const first = parent.namedChildren.find((c) => c.type !== 'comment');
  if (!first || LITERAL_TYPES.has(first.type)) return false;
  if (parent.type === 'array') return index === 1;
  return index === 1 || (index === 2 && /WskControlSocket|[gs]etsockopt/i.test(callee));
}

const SKIPPED_TYPES = new Set([
  'comment',
  'string',
  'template_string',
  'regex',
  'import_statement',
  'export_clause',
  'jsx_text',
]);
