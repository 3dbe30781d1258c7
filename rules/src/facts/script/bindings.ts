// Finds which script callees are Winsock functions bound through an FFI library: koffi `lib.func(...)`,
// ffi-napi `ffi.Library(...)`, bun:ffi and Deno `dlopen(...)`, ffi-rs `define(...)`, imports of such bindings,
// and ffi-rs `load({ funcName, paramsValue })` calls, which are the Winsock call themselves.
import type { SyntaxNode } from '../../parse/parser.js';
import { isWinsockFunction } from '../winsock-api.js';
import { memberPath, scriptArguments, unwrapScript } from './script-syntax.js';

export interface Binding {
  api: string;
  /** The library: koffi, ffi-napi, dlopen (bun:ffi, Deno), ffi-rs; `import` for a binding made elsewhere. */
  library: 'koffi' | 'ffi-napi' | 'dlopen' | 'ffi-rs' | 'import';
  /** ffi-rs `define` functions take their arguments as one array. */
  argsInArray?: boolean;
}

export interface ScriptBindings {
  /** Callee paths (`WSAIoctl`, `lib.symbols.WSAIoctl`, `ws2.connect`; `this.` dropped) and what they call. */
  callees: Map<string, Binding>;
  /** Names imported or required from other modules (bindings defined there are matched by name). */
  imported: Set<string>;
}

/** A call as the Winsock function it is: its API and its argument expressions. */
export interface BoundCall extends Binding {
  args: SyntaxNode[];
  /** The callee expression (`lib.symbols.WSAIoctl`, or `load` for ffi-rs). */
  calleeNode: SyntaxNode;
}

type Entries = Array<{ rel: string; binding: Binding }>;

const CONVENTIONS = /^(__)?(stdcall|cdecl|fastcall|thiscall)$/;

function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  const inner = node ? unwrapScript(node) : undefined;
  if (inner?.type !== 'string' && inner?.type !== 'template_string') return undefined;
  if (inner.type === 'template_string' && inner.text.includes('${')) return undefined;
  return inner.text.slice(1, -1);
}

function pairKey(pair: SyntaxNode): string | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  return key.type === 'string' ? key.text.slice(1, -1) : key.text;
}

function objectPairs(node: SyntaxNode | undefined): SyntaxNode[] {
  const inner = node ? unwrapScript(node) : undefined;
  return inner?.type === 'object' ? inner.namedChildren.filter((c) => c.type === 'pair') : [];
}

function pairValue(object: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  const pair = objectPairs(object).find((p) => pairKey(p) === key);
  const value = pair?.childForFieldName('value');
  return value ? unwrapScript(value) : undefined;
}

/** The function a koffi declaration names: `'int __stdcall WSAIoctl(…)'`, or `'WSAIoctl', 'int', […]`. */
export function koffiFunctionName(strings: readonly string[]): string | undefined {
  const [first, second] = strings;
  const spec = first !== undefined && CONVENTIONS.test(first.trim()) ? second : first;
  if (spec === undefined) return undefined;
  if (spec.includes('(')) return /([A-Za-z_]\w*)\s*\(/.exec(spec)?.[1];
  return /^[A-Za-z_]\w*$/.test(spec.trim()) ? spec.trim() : undefined;
}

/** What a call or `new` expression binds, relative to where its value is stored. */
function bindingEntries(node: SyntaxNode): Entries {
  const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  const path = fn ? memberPath(fn) : undefined;
  if (!path) return [];
  const last = path.slice(path.lastIndexOf('.') + 1);
  const args = scriptArguments(node);
  if (node.type === 'call_expression' && /^(func|stdcall|cdecl|fastcall|thiscall)$/.test(last) && path.includes('.')) {
    const strings: string[] = [];
    for (const arg of args) {
      const value = stringValue(arg);
      if (value === undefined) break;
      strings.push(value);
    }
    const api = koffiFunctionName(strings);
    return api ? [{ rel: '', binding: { api, library: 'koffi' } }] : [];
  }
  if (last === 'Library') {
    return objectPairs(args[1]).flatMap((p) => {
      const key = pairKey(p);
      return key && /^\w+$/.test(key) ? [{ rel: key, binding: { api: key, library: 'ffi-napi' as const } }] : [];
    });
  }
  if (last === 'dlopen') {
    return objectPairs(args[1]).flatMap((p) => {
      const key = pairKey(p);
      return key && /^\w+$/.test(key)
        ? [{ rel: `symbols.${key}`, binding: { api: key, library: 'dlopen' as const } }]
        : [];
    });
  }
  if (last === 'define' && node.type === 'call_expression') {
    return objectPairs(args[0]).flatMap((p) => {
      const key = pairKey(p);
      const spec = p.childForFieldName('value') ?? undefined;
      if (!key || !/^\w+$/.test(key) || (!pairValue(spec, 'library') && !pairValue(spec, 'paramsType'))) return [];
      return [{ rel: key, binding: { api: key, library: 'ffi-rs' as const, argsInArray: true } }];
    });
  }
  return [];
}

/** Where a value is stored: a path (`lib`, `ws.connect`, `this.api` → `api`) or a destructuring pattern. */
function holderOf(value: SyntaxNode): string | SyntaxNode | undefined {
  let current = value;
  let parent = current.parent;
  while (
    parent &&
    /^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression|await_expression)$/.test(
      parent.type,
    )
  ) {
    current = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  const field = (name: string): boolean => parent!.childForFieldName(name)?.startIndex === current.startIndex;
  if (parent.type === 'variable_declarator' && field('value')) {
    const name = parent.childForFieldName('name');
    if (!name) return undefined;
    return name.type === 'identifier' ? name.text : name.type === 'object_pattern' ? name : undefined;
  }
  if (parent.type === 'assignment_expression' && field('right')) {
    const left = parent.childForFieldName('left');
    return left ? memberPath(left) : undefined;
  }
  if (parent.type === 'public_field_definition' && field('value')) {
    const name = parent.childForFieldName('name');
    return name && /^[\w$]+$/.test(name.text) ? name.text : undefined;
  }
  if (parent.type === 'pair' && field('value')) {
    const key = pairKey(parent);
    const object = parent.parent;
    const outer = object?.type === 'object' ? holderOf(object) : undefined;
    return key && typeof outer === 'string' ? `${outer}.${key}` : undefined;
  }
  return undefined;
}

/** Binds each entry under the holder: `lib` + `symbols.WSAIoctl`, or destructured names. */
function bindUnder(holder: string | SyntaxNode, entries: Entries, out: Map<string, Binding>, depth = 0): boolean {
  let grew = false;
  const set = (key: string, binding: Binding): void => {
    if (out.has(key)) return;
    out.set(key, binding);
    grew = true;
  };
  if (typeof holder === 'string') {
    for (const { rel, binding } of entries) set(rel ? `${holder}.${rel}` : holder, binding);
    return grew;
  }
  if (depth > 8) return false;
  const under = (key: string): Entries =>
    entries.flatMap((e) =>
      e.rel === key
        ? [{ rel: '', binding: e.binding }]
        : e.rel.startsWith(`${key}.`)
          ? [{ rel: e.rel.slice(key.length + 1), binding: e.binding }]
          : [],
    );
  for (const element of holder.namedChildren) {
    if (element.type === 'shorthand_property_identifier_pattern') {
      if (bindUnder(element.text, under(element.text), out, depth + 1)) grew = true;
    } else if (element.type === 'object_assignment_pattern') {
      const left = element.childForFieldName('left');
      if (
        left?.type === 'shorthand_property_identifier_pattern' &&
        bindUnder(left.text, under(left.text), out, depth + 1)
      )
        grew = true;
    } else if (element.type === 'pair_pattern') {
      const key = pairKey(element);
      let value = element.childForFieldName('value');
      if (value?.type === 'assignment_pattern') value = value.childForFieldName('left');
      if (!key || !value) continue;
      const target = value.type === 'identifier' ? value.text : value.type === 'object_pattern' ? value : undefined;
      if (target !== undefined && bindUnder(target, under(key), out, depth + 1)) grew = true;
    }
  }
  return grew;
}

/** Modules that may hold the project's own Winsock bindings: relative paths, or names saying ws2/winsock. */
function isBindingModule(source: string | undefined): boolean {
  return source !== undefined && (/^\.{0,2}\//.test(source) || /ws2|winsock/i.test(source));
}

function importedNames(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const statement of root.descendantsOfType('import_statement')) {
    if (!isBindingModule(stringValue(statement.childForFieldName('source')))) continue;
    for (const node of statement.descendantsOfType(['import_specifier', 'namespace_import', 'import_clause'])) {
      if (node.type === 'import_specifier') {
        const local = node.childForFieldName('alias') ?? node.childForFieldName('name');
        if (local) names.add(local.text);
      } else {
        const id = node.namedChildren.find((c) => c.type === 'identifier');
        if (id) names.add(id.text);
      }
    }
  }
  for (const call of root.descendantsOfType('call_expression')) {
    if (
      call.childForFieldName('function')?.text !== 'require' ||
      !isBindingModule(stringValue(scriptArguments(call)[0]))
    )
      continue;
    const holder = holderOf(call);
    if (typeof holder === 'string') names.add(holder);
    else if (holder)
      for (const id of holder.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']))
        names.add(id.text);
  }
  return names;
}

export function findBindings(root: SyntaxNode, text: string): ScriptBindings {
  const callees = new Map<string, Binding>();
  const bindings: ScriptBindings = { callees, imported: importedNames(root) };
  if (!/Library|dlopen|func|define|stdcall|cdecl/.test(text)) return bindings;
  for (const node of root.descendantsOfType(['call_expression', 'new_expression'])) {
    const entries = bindingEntries(node);
    if (entries.length === 0) continue;
    const holder = holderOf(node);
    if (holder !== undefined) bindUnder(holder, entries, callees);
  }
  if (callees.size === 0) return bindings;
  // Aliases: `const sym = lib.symbols`, `const { WSAIoctl } = lib.symbols`, `const ioctl = ws.WSAIoctl`.
  const declarators = root.descendantsOfType(['variable_declarator', 'assignment_expression']);
  for (let round = 0; round < 4; round++) {
    let grew = false;
    for (const node of declarators) {
      const value = node.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
      const source =
        value && /^(identifier|member_expression|subscript_expression)$/.test(unwrapScript(value).type)
          ? memberPath(value)
          : undefined;
      if (!value || !source) continue;
      const entries: Entries = [];
      for (const [key, binding] of callees) {
        if (key === source) entries.push({ rel: '', binding });
        else if (key.startsWith(`${source}.`)) entries.push({ rel: key.slice(source.length + 1), binding });
      }
      const holder = entries.length > 0 ? holderOf(value) : undefined;
      if (holder !== undefined && bindUnder(holder, entries, callees)) grew = true;
    }
    if (!grew) break;
  }
  return bindings;
}

/** ffi-rs `load({ library, funcName: 'WSAIoctl', paramsValue: [s, code, …] })`: the call itself. */
function ffiRsLoad(call: SyntaxNode): BoundCall | undefined {
  const fn = call.childForFieldName('function');
  const options = scriptArguments(call)[0];
  if (!fn || !options) return undefined;
  const api = stringValue(pairValue(options, 'funcName'));
  const params = pairValue(options, 'paramsValue');
  if (api === undefined || params?.type !== 'array') return undefined;
  return { api, library: 'ffi-rs', args: params.namedChildren.filter((c) => c.type !== 'comment'), calleeNode: fn };
}

/** The Winsock function a call invokes through a binding, or undefined. */
export function boundCall(call: SyntaxNode, bindings: ScriptBindings): BoundCall | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const args = scriptArguments(call);
  if (args.length === 1 && unwrapScript(args[0]!).type === 'object') {
    const load = ffiRsLoad(call);
    if (load) return load;
  }
  let path = memberPath(fn);
  if (!path) return undefined;
  // koffi's asynchronous form: `WSAIoctl.async(…, callback)`.
  let async = false;
  if (path.endsWith('.async') && bindings.callees.has(path.slice(0, -6))) {
    path = path.slice(0, -6);
    async = true;
  }
  const binding = bindings.callees.get(path);
  if (binding) {
    const callArgs = binding.argsInArray
      ? unwrapScript(args[0] ?? fn).type === 'array'
        ? unwrapScript(args[0]!).namedChildren.filter((c) => c.type !== 'comment')
        : []
      : async
        ? args.slice(0, -1)
        : args;
    return { ...binding, args: callArgs, calleeNode: fn };
  }
  // A binding made in another module: `import { WSAIoctl } from './ws2'`, `ws2.connect(…)` for an imported `ws2`.
  const root = path.split('.')[0]!;
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (bindings.imported.has(root) && isWinsockFunction(last))
    return { api: last, library: 'import', args, calleeNode: fn };
  return undefined;
}
