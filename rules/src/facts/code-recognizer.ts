// Finds where a file spells the fast-path code: aliases (#define, const, enum, variables with its value),
// and every use the deprecation rule reports, skipping comments, strings, #if conditions, definitions and #if 0.
import type { SyntaxNode } from '../parse/parser.js';
import type { NodeCursor } from '../parse/tree-node.js';
import { walkSubtree } from '../parse/subtree-walk.js';
import { cursorRangeOf, rangeOf, unwrap } from '../parse/syntax.js';
import type { CodeUse } from './fact-types.js';
import { FAST_PATH_NAME, FAST_PATH_VALUE, evaluateConstant } from './code-constant.js';

/** Offsets [start, end) of code the preprocessor never compiles (`#if 0` arms). */
export type DeadRanges = Array<[number, number]>;

/** The span an `#if 0` / `#elif 0` node never compiles (from its condition to its alternative or end). */
export function deadSpanOf(node: SyntaxNode): { offset: number; length: number } | undefined {
  const condition = node.childForFieldName('condition');
  if (!condition || evaluateConstant(condition.text) !== 0) return undefined;
  const alternative = node.childForFieldName('alternative');
  const end = alternative ? alternative.startIndex : node.endIndex;
  return { offset: condition.endIndex, length: end - condition.endIndex };
}

export function isDead(dead: DeadRanges, offset: number): boolean {
  return dead.some(([start, end]) => offset >= start && offset < end);
}

/** A name given a constant value (`#define`, `const`, enumerator, assignment): an alias when it is the code. */
export interface DefinitionFacts {
  name: string;
  valueText: string;
  /** Start offset and type of the node whose subtree is the definition (its tokens are not uses). */
  start: number;
  type: string;
}

function declaratorName(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  for (let i = 0; current && i < 8; i++) {
    if (current.type === 'identifier') return current;
    current = current.childForFieldName('declarator');
  }
  return null;
}

export const DEFINITION_TYPES: ReadonlySet<string> = new Set([
  'preproc_def',
  'init_declarator',
  'enumerator',
  'assignment_expression',
]);

/** The definition a node of one of DEFINITION_TYPES makes, if it names a short value. */
export function definitionOf(node: SyntaxNode): DefinitionFacts | undefined {
  let nameNode: SyntaxNode | null = null;
  let valueNode: SyntaxNode | null = null;
  switch (node.type) {
    case 'preproc_def':
      nameNode = node.childForFieldName('name');
      valueNode = node.childForFieldName('value');
      break;
    case 'init_declarator':
      nameNode = declaratorName(node.childForFieldName('declarator'));
      valueNode = node.childForFieldName('value');
      break;
    case 'enumerator':
      nameNode = node.childForFieldName('name');
      valueNode = node.childForFieldName('value');
      break;
    case 'assignment_expression': {
      const left = node.childForFieldName('left');
      nameNode = left && unwrap(left).type === 'identifier' ? unwrap(left) : null;
      valueNode = node.childForFieldName('right');
      break;
    }
  }
  if (!nameNode || !valueNode || valueNode.endIndex - valueNode.startIndex > 300) return undefined;
  // tree-sitter keeps a trailing comment inside a macro body: it is not part of the value.
  const valueText = node.type === 'preproc_def' ? withoutComments(valueNode.text).trim() : valueNode.text;
  return { name: nameNode.text, valueText, start: node.startIndex, type: node.type };
}

/** Values of definition texts already evaluated with a set of alias names (an edited document's run repeats
 * the same few hundred). Bounded: cleared when it grows past EVALUATED_LIMIT. */
const evaluated = new Map<string, number | undefined>();
const EVALUATED_LIMIT = 50_000;

function evaluateWithNames(text: string, aliases: ReadonlyMap<string, number>, names: string): number | undefined {
  const key = `${names}\0${text}`;
  if (evaluated.has(key)) return evaluated.get(key);
  const value = evaluateConstant(text, aliases);
  if (evaluated.size >= EVALUATED_LIMIT) evaluated.clear();
  evaluated.set(key, value);
  return value;
}

/** Knows the file's aliases of the code and answers whether an expression is the code. */
export class CodeRecognizer {
  readonly aliases = new Map<string, number>();
  private readonly definitionStarts = new Set<number>();

  /** `definitions` in source order, those in `#if 0` code already left out. */
  constructor(definitions: readonly DefinitionFacts[], knownAliases: readonly string[] = []) {
    for (const name of knownAliases) this.aliases.set(name, FAST_PATH_VALUE);
    // Aliases of aliases: repeat until nothing new is learned.
    for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
      changed = false;
      const names = [...this.aliases.keys()].join(',');
      for (const def of definitions) {
        if (this.definitionStarts.has(def.start)) continue;
        if (evaluateWithNames(def.valueText, this.aliases, names) !== FAST_PATH_VALUE) continue;
        // A definition is silent even when its name is already known (from a header analysed first).
        this.definitionStarts.add(def.start);
        if (def.name !== FAST_PATH_NAME && !this.aliases.has(def.name)) this.aliases.set(def.name, FAST_PATH_VALUE);
        changed = true;
      }
    }
  }

  isName(name: string): boolean {
    return name === FAST_PATH_NAME || this.aliases.has(name);
  }

  /** True when the expression evaluates to the fast-path code. */
  isCode(node: SyntaxNode): boolean {
    const inner = unwrap(node);
    if (inner.type === 'identifier') return this.isName(inner.text);
    if (inner.type === 'qualified_identifier') return this.isName(lastSegment(inner.text));
    if (inner.endIndex - inner.startIndex > 300) return false;
    if (!/^(number_literal|unary_expression|binary_expression|call_expression)$/.test(inner.type)) return false;
    return evaluateConstant(inner.text, this.aliases) === FAST_PATH_VALUE;
  }

  isDefinition(node: SyntaxNode): boolean {
    return this.definitionStarts.has(node.startIndex) && DEFINITION_TYPES.has(node.type);
  }

  /**
   * Every use of the code in `node`'s subtree, in source order; with `skipFunctions`, function definitions
   * below `node` are left out (they are scanned on their own). Walks with a NodeCursor and reads identifier
   * text from the source string: creating a JS object for every node costs far more than parsing does.
   */
  findUses(node: SyntaxNode, text: string, dead: DeadRanges, skipFunctions = false): CodeUse[] {
    const uses: CodeUse[] = [];
    const conditions = new Set<number>();
    walkSubtree(
      node,
      // The start node itself is never a skipped function.
      (cursor, depth) =>
        !(skipFunctions && depth > 0 && cursor.nodeType === 'function_definition') &&
        !this.skipAt(cursor, text, dead, conditions, uses),
    );
    return uses.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** Looks at the cursor's node: records a use, and says whether its subtree is to be skipped. */
  private skipAt(
    cursor: NodeCursor,
    text: string,
    dead: DeadRanges,
    conditions: Set<number>,
    uses: CodeUse[],
  ): boolean {
    const type = cursor.nodeType;
    const start = cursor.startIndex;
    if (SKIPPED_TYPES.has(type) || (dead.length > 0 && isDead(dead, start))) return true;
    if (conditions.has(start) && !type.startsWith('#')) return true;
    if (type === 'identifier') {
      const name = text.slice(start, cursor.endIndex);
      if (this.isName(name)) uses.push({ range: cursorRangeOf(cursor), spelling: name });
      return true;
    }
    if (!INTERESTING_TYPES.has(type)) return false;
    const node = cursor.currentNode;
    if (type === 'preproc_if' || type === 'preproc_elif' || type === 'preproc_elifdef' || type === 'preproc_ifdef') {
      // The conditions of `#if`, `#elif`, `#ifdef`, `#ifndef` never count as uses.
      const condition = node.childForFieldName(type === 'preproc_ifdef' ? 'name' : 'condition');
      if (condition) conditions.add(condition.startIndex);
      return false;
    }
    if (type === 'preproc_function_def' || type === 'preproc_def') {
      if (!this.isDefinition(node)) this.findUsesInMacroBody(node, uses);
      return true;
    }
    const use = this.useAt(node);
    if (use) {
      uses.push(use);
      return true;
    }
    // `const DWORD kFastPath = SIO_LOOPBACK_FAST_PATH;` defines an alias: silent, its uses are reported.
    return this.isDefinition(node);
  }

  private useAt(node: SyntaxNode): CodeUse | undefined {
    switch (node.type) {
      case 'identifier':
        return this.isName(node.text) ? { range: rangeOf(node), spelling: node.text } : undefined;
      case 'qualified_identifier': {
        // `net::kFastLoopback`: the whole qualified name is the token.
        if (node.endIndex - node.startIndex > 200) return undefined;
        return this.isName(lastSegment(node.text))
          ? { range: rangeOf(node), spelling: node.text.replace(/\s+/g, '') }
          : undefined;
      }
      case 'number_literal':
      case 'unary_expression':
      case 'binary_expression':
      case 'call_expression': {
        if (node.endIndex - node.startIndex > 300) return undefined;
        // A number is data (a table row, a hash constant) unless it stands where a control code goes.
        if (!isControlCodePosition(node)) return undefined;
        if (node.type === 'unary_expression' && !/^-\s*\d/.test(node.text)) return undefined;
        if (node.type === 'binary_expression' && !/IOC_/.test(node.text)) return undefined;
        if (node.type === 'call_expression' && !/^_WSAIO/.test(node.text)) return undefined;
        if (evaluateConstant(node.text, this.aliases) !== FAST_PATH_VALUE) return undefined;
        return { range: rangeOf(node), spelling: node.text.replace(/\s+/g, ' ') };
      }
      default:
        return undefined;
    }
  }

  /** `#define ENABLE_FP(s) WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, …)`: the macro body is unparsed text. */
  private findUsesInMacroBody(node: SyntaxNode, uses: CodeUse[]): void {
    const value = node.childForFieldName('value');
    if (!value) return;
    const names = [FAST_PATH_NAME, ...this.aliases.keys()].map(escapeRegExp).join('|');
    const pattern = new RegExp(
      `\\b(${names})\\b|\\b0[xX]0*98000010[uUlL]*\\b|\\b2550136848[uUlL]*\\b|-\\s*1744830448\\b`,
      'g',
    );
    // Comments in the body are blanked (same length, so offsets hold); strings too.
    const text = withoutComments(value.text);
    // A number in a macro body is the code only in a body that applies a control code.
    const appliesCode = /Ioctl|ControlSocket/i.test(text);
    for (const match of text.matchAll(pattern)) {
      if (match[1] === undefined && !appliesCode) continue;
      const start = value.startIndex + match.index;
      const before = text.slice(0, match.index);
      const lineBreaks = before.split('\n').length - 1;
      const lastBreak = before.lastIndexOf('\n');
      const column = lastBreak < 0 ? value.startPosition.column + match.index : match.index - lastBreak - 1;
      const line = value.startPosition.row + lineBreaks;
      uses.push({
        range: {
          start: { line, column, offset: start },
          end: { line, column: column + match[0].length, offset: start + match[0].length },
        },
        spelling: match[0],
      });
    }
  }
}

const SKIPPED_TYPES = new Set([
  'comment',
  'string_literal',
  'raw_string_literal',
  'char_literal',
  'concatenated_string',
  'system_lib_string',
  'preproc_defined',
  'preproc_include',
]);

/** Node types whose use or definition needs a node object; every other type is only walked through. */
const INTERESTING_TYPES = new Set([
  'qualified_identifier',
  'number_literal',
  'unary_expression',
  'binary_expression',
  'call_expression',
  'preproc_def',
  'preproc_function_def',
  'preproc_if',
  'preproc_elif',
  'preproc_elifdef',
  'preproc_ifdef',
  'init_declarator',
  'enumerator',
  'assignment_expression',
]);

/** The text with comments and string literals replaced by spaces (line breaks kept), so offsets stay the same. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
}

const LITERAL_TYPES: ReadonlySet<string> = new Set([
  'string_literal',
  'concatenated_string',
  'raw_string_literal',
  'char_literal',
  'number_literal',
]);

/** Wrappers between an argument and its call: parentheses and casts. */
const TRANSPARENT_PARENTS = new Set(['parenthesized_expression', 'cast_expression']);

/**
 * Can a number here be a control code? It can as the control-code argument of a call: the second argument
 * (WSAIoctl, WSPIoctl, a function pointer, a pass-through wrapper, `ioctlsocket`) or WskControlSocket's third (a socket option's, where the code is misused as one).
 */
function isControlCodePosition(node: SyntaxNode): boolean {
  let current = node;
  let parent = current.parent;
  for (let i = 0; parent && TRANSPARENT_PARENTS.has(parent.type) && i < 8; i++) {
    current = parent;
    parent = current.parent;
  }
  if (parent?.type !== 'argument_list') return false;
  const call = parent.parent;
  if (call?.type !== 'call_expression') return false;
  const index = parent.namedChildren
    .filter((c) => c.type !== 'comment')
    .findIndex((c) => c.startIndex === current.startIndex);
  const callee = call.childForFieldName('function')?.text ?? '';
  // `printf("%x", code)`: a first argument that is a literal is no socket, so the call applies nothing.
  const first = parent.namedChildren.find((c) => c.type !== 'comment');
  if (!first || LITERAL_TYPES.has(first.type)) return false;
  return index === 1 || (index === 2 && /WskControlSocket|[gs]etsockopt/i.test(callee));
}

function lastSegment(text: string): string {
  const index = text.lastIndexOf('::');
  return index < 0 ? text : text.slice(index + 2).trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
