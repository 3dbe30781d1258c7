// Walks each script function (declarations, function expressions, arrows, methods; the top level as
// `<file>`) in evaluation order with branch paths, as function-walker.ts does for C/C++, and turns calls
// into socket events through the shared classification.
import type { SyntaxNode } from '../../parse/parser.js';
import { rangeOf } from '../../parse/syntax.js';
import type { FunctionFacts } from '../fact-types.js';
import { classifyShape, type CallShape, type ExtensionKind } from '../classify-call.js';
import { FunctionBuilder, topLevelFacts } from '../function-builder.js';
import { LOOPBACK_PATTERN } from '../winsock-api.js';
import { boundCall, type ScriptBindings } from './bindings.js';
import type { ScriptCodeRecognizer } from './script-code.js';
import {
  SCRIPT_CALLS,
  SCRIPT_FUNCTION_TYPES,
  SCRIPT_STATEMENTS,
  scriptCallee,
  scriptRootIdentifier,
  scriptSocketKey,
  unwrapScript,
} from './script-syntax.js';
import { walkConditional, walkFields, walkIf, type WalkAt } from '../control-flow.js';

/** Deeper nesting than this is pathological input (fuzzing, generated code): it is not walked further. */
const MAX_DEPTH = 800;

const SKIPPED = new Set([
  'comment',
  'string',
  'regex',
  'import_statement',
  'type_alias_declaration',
  'interface_declaration',
  'type_annotation',
  'ambient_declaration',
]);

interface ScriptFile {
  text: string;
  recognizer: ScriptCodeRecognizer;
  bindings: ScriptBindings;
  functions: FunctionFacts[];
}

type Builder = FunctionBuilder<ScriptFile>;

const NO_EXTENSIONS: ReadonlyMap<string, ExtensionKind> = new Map();

function armExits(node: SyntaxNode | null): boolean {
  if (!node) return false;
  let last: SyntaxNode | null | undefined = node;
  if (/^(statement_block|else_clause|switch_case|switch_default)$/.test(node.type)) {
    const statements = node.namedChildren.filter(
      (c) => c.type !== 'comment' && c.startIndex !== node.childForFieldName('value')?.startIndex,
    );
    last = statements[statements.length - 1];
    if (last?.type === 'statement_block') return armExits(last);
  }
  return !!last && /^(return_statement|throw_statement)$/.test(last.type);
}

function parameterNames(fn: SyntaxNode): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  return list.namedChildren
    .filter((p) => p.type !== 'comment')
    .map((p) => {
      const pattern = p.childForFieldName('pattern') ?? p;
      const id =
        pattern.type === 'identifier'
          ? pattern
          : pattern.type === 'assignment_pattern'
            ? pattern.childForFieldName('left')
            : null;
      return id?.type === 'identifier' ? id.text : '';
    });
}

function declaredNames(body: SyntaxNode): string[] {
  const names = new Set<string>();
  for (const d of body.descendantsOfType('variable_declarator')) {
    const name = d.childForFieldName('name');
    for (const id of name?.type === 'identifier'
      ? [name]
      : (name?.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']) ?? []))
      names.add(id.text);
  }
  return [...names];
}

function className(node: SyntaxNode): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (/^(class_declaration|abstract_class_declaration|class)$/.test(p.type)) {
      const name = p.childForFieldName('name')?.text;
      if (name) return name;
      const holder = p.parent?.type === 'variable_declarator' ? p.parent.childForFieldName('name') : null;
      return holder?.type === 'identifier' ? holder.text : undefined;
    }
    if (SCRIPT_FUNCTION_TYPES.has(p.type) || p.type === 'program') return undefined;
  }
  return undefined;
}

/** A function's name: declared, or the variable, property, field or method it is stored as. */
function nameNodeOf(fn: SyntaxNode): SyntaxNode | null {
  const own = fn.childForFieldName('name');
  if (own) return own;
  let parent = fn.parent;
  while (parent && /^(parenthesized_expression|as_expression|satisfies_expression)$/.test(parent.type))
    parent = parent.parent;
  if (!parent) return null;
  if (parent.type === 'variable_declarator' || parent.type === 'public_field_definition') {
    const name = parent.childForFieldName('name');
    return name && /^(identifier|property_identifier|private_property_identifier)$/.test(name.type) ? name : null;
  }
  if (parent.type === 'pair') return parent.childForFieldName('key');
  if (parent.type === 'assignment_expression') {
    const left = parent.childForFieldName('left');
    const inner = left && unwrapScript(left);
    return inner?.type === 'member_expression'
      ? inner.childForFieldName('property')
      : inner?.type === 'identifier'
        ? inner
        : null;
  }
  return null;
}

function describeFunction(fn: SyntaxNode): FunctionFacts {
  const nameNode = nameNodeOf(fn);
  const name = nameNode ? nameNode.text.replace(/^['"]|['"]$/g, '') : '<lambda>';
  const inClass =
    fn.type === 'method_definition' || fn.parent?.type === 'public_field_definition' ? className(fn) : undefined;
  const body = fn.childForFieldName('body');
  return {
    name,
    qualified: inClass ? `${inClass}.${name}` : name,
    ...(inClass ? { className: inClass } : {}),
    params: parameterNames(fn),
    range: rangeOf(fn),
    nameRange: rangeOf(nameNode ?? fn),
    locals: body ? declaredNames(body) : [],
    events: [],
    blocks: {},
    loopbackAddresses: [],
    returns: [],
  };
}

export function extractScriptFunctions(root: SyntaxNode, file: Omit<ScriptFile, 'functions'>): FunctionFacts[] {
  const context: ScriptFile = { ...file, functions: [] };
  const topLevel: Builder = new FunctionBuilder(topLevelFacts(rangeOf(root)), context, SCRIPT_STATEMENTS);
  walk(root, topLevel, 0);
  const top = topLevel.finish();
  if (top.events.length > 0) context.functions.push(top);
  return context.functions;
}

function processFunction(node: SyntaxNode, file: ScriptFile, depth: number): void {
  const builder: Builder = new FunctionBuilder(describeFunction(node), file, SCRIPT_STATEMENTS);
  const body = node.childForFieldName('body');
  if (body) {
    walk(body, builder, depth + 1);
    // `(s) => s` returns its expression.
    if (body.type !== 'statement_block') {
      const key = scriptSocketKey(body);
      if (key) builder.returns.add(key);
    }
  }
  file.functions.push(builder.finish());
}

function noteLoopback(node: SyntaxNode, fn: Builder): void {
  if (node.endIndex - node.startIndex > 400 || !LOOPBACK_PATTERN.test(node.text)) return;
  if (node.type === 'assignment_expression') {
    const left = node.childForFieldName('left');
    const root = left && scriptRootIdentifier(left);
    if (root) fn.loopback.add(root);
  } else if (node.type === 'variable_declarator') {
    const name = node.childForFieldName('name');
    if (name?.type === 'identifier') fn.loopback.add(name.text);
  }
}

function classify(call: SyntaxNode, fn: Builder): void {
  const bound = boundCall(call, fn.file.bindings);
  let shape: CallShape | undefined;
  if (bound) {
    const name = bound.calleeNode.text.length <= 80 ? bound.calleeNode.text : bound.api;
    shape = {
      call,
      callee: { name: bound.api, qualified: name, receiverIsThis: false, node: bound.calleeNode },
      args: bound.args,
      api: bound.api,
    };
  } else {
    const callee = scriptCallee(call);
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (callee) shape = { call, callee, args, api: undefined };
  }
  if (!shape) return;
  const ctx = {
    recognizer: fn.file.recognizer,
    params: fn.facts.params,
    arrays: fn.arrays,
    extensionPointers: NO_EXTENSIONS,
    order: fn.order,
    path: fn.path,
    statement: fn.statement,
  };
  fn.events.push(...classifyShape(shape, ctx, SCRIPT_CALLS));
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
  if (SCRIPT_FUNCTION_TYPES.has(node.type)) {
    processFunction(node, fn.file, depth);
    return;
  }
  switch (node.type) {
    case 'call_expression': {
      walkChildren(node, fn, depth);
      fn.order++;
      noteLoopback(node, fn);
      classify(node, fn);
      return;
    }
    case 'if_statement':
      walkIf(node, fn, at(fn), depth, armExits);
      return;
    case 'ternary_expression':
      walkConditional(node, fn, at(fn), depth);
      return;
    case 'switch_statement': {
      const value = node.childForFieldName('value');
      if (value) walk(value, fn, depth + 1);
      let arm = 0;
      for (const child of node.childForFieldName('body')?.namedChildren ?? []) {
        if (child.type === 'switch_case' || child.type === 'switch_default') {
          const label = child.childForFieldName('value');
          if (label) walk(label, fn, depth + 1);
          fn.withArm({ id: node.startIndex, arm: arm++, exits: armExits(child) }, () => {
            for (const statement of child.namedChildren)
              if (statement.startIndex !== label?.startIndex) walk(statement, fn, depth + 1);
          });
        } else {
          walk(child, fn, depth + 1);
        }
      }
      return;
    }
    case 'try_statement': {
      const body = node.childForFieldName('body');
      if (body) walk(body, fn, depth + 1);
      const handler = node.childForFieldName('handler');
      if (handler)
        fn.withArm({ id: node.startIndex, arm: 1, exits: armExits(handler.childForFieldName('body')) }, () =>
          walk(handler, fn, depth + 1),
        );
      const finalizer = node.childForFieldName('finalizer');
      if (finalizer) walk(finalizer, fn, depth + 1);
      return;
    }
    case 'for_statement':
      // The increment runs after the body.
      walkFields(node, ['initializer', 'condition', 'body', 'increment'], at(fn), depth);
      return;
    case 'do_statement':
      walkFields(node, ['body', 'condition'], at(fn), depth);
      return;
    case 'assignment_expression':
    case 'augmented_assignment_expression': {
      const right = node.childForFieldName('right');
      if (right) walk(right, fn, depth + 1);
      const left = node.childForFieldName('left');
      if (left) walk(left, fn, depth + 1);
      noteLoopback(node, fn);
      if (
        left &&
        right &&
        (node.type === 'augmented_assignment_expression' || unwrapScript(right).type !== 'call_expression')
      )
        fn.assign(scriptSocketKey(left), rangeOf(node));
      return;
    }
    case 'return_statement': {
      walkChildren(node, fn, depth);
      const value = node.namedChildren.find((c) => c.type !== 'comment');
      const key = value ? scriptSocketKey(value) : null;
      if (key) fn.returns.add(key);
      return;
    }
    case 'variable_declarator': {
      const value = node.childForFieldName('value');
      if (value) walk(value, fn, depth + 1);
      noteLoopback(node, fn);
      const name = node.childForFieldName('name');
      if (value && name?.type === 'identifier' && unwrapScript(value).type !== 'call_expression')
        fn.assign(name.text, rangeOf(node));
      return;
    }
    default:
      walkChildren(node, fn, depth);
  }
}
