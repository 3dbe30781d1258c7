// Walks each function body in evaluation order (arguments before calls, conditions before bodies, a for
// loop's update after its body) and records socket events with their order and branch path.
import type { SyntaxNode } from '../parse/parser.js';
import { rangeOf, rootIdentifier, socketKey, unwrap } from '../parse/syntax.js';
import type { FunctionFacts } from './fact-types.js';
import type { CodeRecognizer, DeadRanges } from './code-recognizer.js';
import { isDead } from './code-recognizer.js';
import { classifyCall, type ExtensionKind } from './classify-call.js';
import { C_STATEMENTS } from './statement-facts.js';
import { FunctionBuilder, TOP_LEVEL_NAME, topLevelFacts } from './function-builder.js';
import { LOOPBACK_PATTERN } from './winsock-api.js';
import { walkConditional, walkFields, walkIf, type WalkAt } from './control-flow.js';
import { windowsArms } from './platform-arms.js';

/** Deeper nesting than this is pathological input (fuzzing, generated code): it is not walked further. */
const MAX_DEPTH = 800;

const CALLING_CONVENTIONS = new Set([
  'WINAPI',
  'CALLBACK',
  'APIENTRY',
  'NTAPI',
  'PASCAL',
  'WSAAPI',
  '__stdcall',
  '__cdecl',
  '__fastcall',
  'STDMETHODCALLTYPE',
  'FAR',
  'NEAR',
]);

const SKIPPED = new Set([
  'comment',
  'string_literal',
  'raw_string_literal',
  'char_literal',
  'concatenated_string',
  'preproc_include',
]);

/** Lets an incremental extraction reuse a top-level function's facts (its own and its lambdas'). */
export interface UnitFunctions {
  reuse(node: SyntaxNode): FunctionFacts[] | undefined;
  /** The node to walk for the unit: its JS mirror. */
  subtree(node: SyntaxNode): SyntaxNode;
  store(node: SyntaxNode, functions: FunctionFacts[]): void;
}

interface FileContext {
  text: string;
  recognizer: CodeRecognizer;
  dead: DeadRanges;
  extensionPointers: ReadonlyMap<string, ExtensionKind>;
  functions: FunctionFacts[];
  units?: UnitFunctions;
}

type Builder = FunctionBuilder<FileContext>;

function newBuilder(facts: FunctionFacts, file: FileContext, body?: SyntaxNode | null): Builder {
  const arrays = new Set(
    (body?.descendantsOfType('array_declarator') ?? [])
      .map((d) => d.childForFieldName('declarator')?.text ?? '')
      .filter((n) => n !== ''),
  );
  return new FunctionBuilder(facts, file, C_STATEMENTS, arrays);
}

function armExits(node: SyntaxNode | null): boolean {
  if (!node) return false;
  let last: SyntaxNode | null | undefined = node;
  if (node.type === 'compound_statement' || node.type === 'else_clause' || node.type === 'case_statement') {
    const statements = node.namedChildren.filter((c) => c.type !== 'comment');
    last = statements[statements.length - 1];
    if (last?.type === 'compound_statement') return armExits(last);
  }
  return !!last && /^(return_statement|throw_statement|goto_statement)$/.test(last.type);
}

function functionDeclarator(node: SyntaxNode): SyntaxNode | null {
  let current = node.childForFieldName('declarator');
  for (let i = 0; current && i < 8; i++) {
    if (current.type === 'function_declarator') return current;
    current = current.childForFieldName('declarator');
  }
  return null;
}

function parameterNames(declarator: SyntaxNode): string[] {
  const list = declarator.childForFieldName('parameters');
  if (!list) return [];
  return list.namedChildren
    .filter((p) => /parameter_declaration/.test(p.type))
    .map((p) => {
      let d = p.childForFieldName('declarator');
      for (let i = 0; d && d.type !== 'identifier' && i < 8; i++)
        d = d.childForFieldName('declarator') ?? d.namedChildren.find((c) => c.type === 'identifier') ?? null;
      return d?.type === 'identifier' ? d.text : '';
    });
}

function enclosingClassName(node: SyntaxNode): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class_specifier' || p.type === 'struct_specifier') return p.childForFieldName('name')?.text;
    if (p.type === 'function_definition' || p.type === 'translation_unit') return undefined;
  }
  return undefined;
}

function declaredNames(body: SyntaxNode): string[] {
  const names = new Set<string>();
  for (const decl of body.descendantsOfType('declaration')) {
    for (const d of decl.childrenForFieldName('declarator')) {
      const id = d.type === 'identifier' ? d : d.descendantsOfType('identifier')[0];
      if (id) names.add(id.text);
    }
  }
  return [...names];
}

function describeFunction(
  node: SyntaxNode,
): Omit<FunctionFacts, 'events' | 'blocks' | 'loopbackAddresses' | 'returns'> {
  if (node.type === 'lambda_expression') {
    const declarator = node.childForFieldName('declarator');
    const body = node.childForFieldName('body');
    return {
      name: '<lambda>',
      qualified: '<lambda>',
      params: declarator ? parameterNames(declarator) : [],
      range: rangeOf(node),
      nameRange: rangeOf(node),
      locals: body ? declaredNames(body) : [],
    };
  }
  const declarator = functionDeclarator(node);
  const nameNode = declarator?.childForFieldName('declarator') ?? null;
  const body = node.childForFieldName('body');
  // `int WINAPI f()` parses as a qualified name with a missing `::`: split on spaces too.
  const segments = (nameNode?.text ?? '<anonymous>')
    .split(/\s*::\s*|\s+/)
    .filter((s) => s.length > 0 && !CALLING_CONVENTIONS.has(s));
  let qualified = segments.join('::');
  const name = segments[segments.length - 1] ?? '<anonymous>';
  const className = segments.length > 1 ? segments[segments.length - 2] : enclosingClassName(node);
  if (segments.length === 1 && className) qualified = `${className}::${name}`;
  return {
    name,
    qualified,
    ...(className ? { className } : {}),
    params: declarator ? parameterNames(declarator) : [],
    range: rangeOf(node),
    nameRange: rangeOf(nameNode ?? node),
    locals: body ? declaredNames(body) : [],
  };
}

export function extractFunctions(root: SyntaxNode, file: Omit<FileContext, 'functions'>): FunctionFacts[] {
  const context: FileContext = { ...file, functions: [] };
  const topLevel = newBuilder(topLevelFacts(rangeOf(root)), context);
  walk(root, topLevel, 0);
  const top = topLevel.finish();
  if (top.events.length > 0) context.functions.push(top);
  return context.functions;
}

/** A function reached from the top level: reused whole when the unit memo has it. */
function processUnit(node: SyntaxNode, file: FileContext): void {
  if (!file.units) return processFunction(node, file);
  const reused = file.units.reuse(node);
  if (reused) {
    file.functions.push(...reused);
    return;
  }
  const first = file.functions.length;
  processFunction(file.units.subtree(node), file);
  file.units.store(node, file.functions.slice(first));
}

function processFunction(node: SyntaxNode, file: FileContext): void {
  const facts = { ...describeFunction(node), events: [], blocks: {}, loopbackAddresses: [], returns: [] };
  const body = node.childForFieldName('body');
  const builder = newBuilder(facts, file, body);
  if (body) walk(body, builder, 0);
  file.functions.push(builder.finish());
}

function noteLoopback(node: SyntaxNode, fn: Builder): void {
  if (node.endIndex - node.startIndex > 400 || !LOOPBACK_PATTERN.test(node.text)) return;
  if (node.type === 'assignment_expression') {
    const left = node.childForFieldName('left');
    const root = left && rootIdentifier(left);
    if (root) fn.loopback.add(root);
  } else if (node.type === 'init_declarator') {
    const id =
      node.childForFieldName('declarator')?.descendantsOfType('identifier')[0] ?? node.childForFieldName('declarator');
    if (id?.type === 'identifier') fn.loopback.add(id.text);
  } else if (node.type === 'call_expression') {
    for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
      if (unwrap(arg).type === 'pointer_expression' && arg.text.includes('&')) {
        const root = rootIdentifier(arg);
        if (root) fn.loopback.add(root);
      }
    }
  }
}

/** The walk for the shared control-flow helpers, bound to one function. */
function at(fn: Builder): WalkAt {
  return (node, depth) => walk(node, fn, depth);
}

function walkChildren(node: SyntaxNode, fn: Builder, depth: number): void {
  for (const child of node.children) walk(child, fn, depth + 1);
}

function walk(node: SyntaxNode, fn: Builder, depth: number): void {
  if (depth > MAX_DEPTH || SKIPPED.has(node.type)) return;
  if (fn.file.dead.length > 0 && isDead(fn.file.dead, node.startIndex)) return;
  switch (node.type) {
    case 'function_definition':
      if (fn.facts.name === TOP_LEVEL_NAME) processUnit(node, fn.file);
      else processFunction(node, fn.file);
      return;
    case 'lambda_expression':
      processFunction(node, fn.file);
      return;
    case 'preproc_def':
    case 'preproc_function_def':
      return;
    case 'preproc_if':
    case 'preproc_ifdef':
    case 'preproc_elif':
    case 'preproc_elifdef':
      walkPlatformArms(node, fn, depth);
      return;
    case 'call_expression': {
      walkChildren(node, fn, depth);
      fn.order++;
      noteLoopback(node, fn);
      const events = classifyCall(node, {
        recognizer: fn.file.recognizer,
        params: fn.facts.params,
        arrays: fn.arrays,
        extensionPointers: fn.file.extensionPointers,
        order: fn.order,
        path: fn.path,
        statement: fn.statement,
      });
      fn.events.push(...events);
      return;
    }
    case 'if_statement':
      walkIf(node, fn, at(fn), depth, armExits);
      return;
    case 'conditional_expression':
      walkConditional(node, fn, at(fn), depth);
      return;
    case 'switch_statement': {
      const condition = node.childForFieldName('condition');
      if (condition) walk(condition, fn, depth + 1);
      const body = node.childForFieldName('body');
      let arm = 0;
      for (const child of body?.namedChildren ?? []) {
        if (child.type === 'case_statement') {
          fn.withArm({ id: node.startIndex, arm: arm++, exits: armExits(child) }, () => walk(child, fn, depth + 1));
        } else {
          walk(child, fn, depth + 1);
        }
      }
      return;
    }
    case 'try_statement': {
      const body = node.childForFieldName('body');
      if (body) walk(body, fn, depth + 1);
      let arm = 1;
      for (const child of node.namedChildren) {
        if (child.type === 'catch_clause')
          fn.withArm({ id: node.startIndex, arm: arm++, exits: armExits(child.childForFieldName('body')) }, () =>
            walk(child, fn, depth + 1),
          );
      }
      return;
    }
    case 'for_statement':
      // The update runs after the body.
      walkFields(node, ['initializer', 'condition', 'body', 'update'], at(fn), depth);
      return;
    case 'do_statement':
      walkFields(node, ['body', 'condition'], at(fn), depth);
      return;
    case 'assignment_expression': {
      const right = node.childForFieldName('right');
      if (right) walk(right, fn, depth + 1);
      const left = node.childForFieldName('left');
      if (left) walk(left, fn, depth + 1);
      noteLoopback(node, fn);
      if (left && right && unwrap(right).type !== 'call_expression')
        recordAssignment(fn, socketKey(left), node, socketKey(right));
      return;
    }
    case 'return_statement': {
      walkChildren(node, fn, depth);
      const value = node.namedChildren.find((c) => c.type !== 'comment');
      const key = value ? socketKey(value) : null;
      if (key) fn.returns.add(key);
      return;
    }
    case 'init_declarator': {
      const value = node.childForFieldName('value');
      if (value) walk(value, fn, depth + 1);
      noteLoopback(node, fn);
      const declarator = node.childForFieldName('declarator');
      const name =
        declarator?.type === 'identifier' ? declarator.text : declarator?.descendantsOfType('identifier')[0]?.text;
      if (value && name && unwrap(value).type !== 'call_expression') recordAssignment(fn, name, node);
      return;
    }
    default:
      walkChildren(node, fn, depth);
  }
}

/** An `#if` walked only in the arms that can compile on Windows. */
function walkPlatformArms(node: SyntaxNode, fn: Builder, depth: number): void {
  const arms = windowsArms(node);
  if (arms.body && arms.alternative) return walkChildren(node, fn, depth);
  const alternative = node.childForFieldName('alternative');
  for (const child of node.children) {
    const isAlternative = alternative !== null && child.startIndex === alternative.startIndex;
    if (isAlternative ? arms.alternative : arms.body) walk(child, fn, depth + 1);
  }
}

function recordAssignment(fn: Builder, target: string | null, node: SyntaxNode, source?: string | null): void {
  fn.assign(target, rangeOf(node), source);
}
