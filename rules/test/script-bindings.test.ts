// Unit tests for FFI binding detection in scripts: which callee means which Winsock function for koffi,
// ffi-napi, ffi-rs (load and define), bun:ffi and Deno, through aliases, destructuring and imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../src/parse/parser.js';
import { boundCall, findBindings, koffiFunctionName } from '../src/facts/script/bindings.js';
import { extractFileFacts } from '../src/facts/extract-file.js';

function bindingsOf(text: string): Record<string, string> {
  const root = parseSource(text, 'typescript').rootNode;
  return Object.fromEntries([...findBindings(root, text).callees].map(([k, b]) => [k, `${b.library}:${b.api}`]));
}

/** `api(args)` of every call in the text that resolves to a Winsock function. */
function boundCalls(text: string, language: 'typescript' | 'tsx' = 'typescript'): string[] {
  const root = parseSource(text, language).rootNode;
  const bindings = findBindings(root, text);
  return root.descendantsOfType('call_expression').flatMap((call) => {
    const bound = boundCall(call, bindings);
    return bound ? [`${bound.api}(${bound.args.map((a) => a.text).join(',')})`] : [];
  });
}

test('koffi: prototype strings, name/return/arguments form, calling conventions', () => {
  assert.equal(koffiFunctionName(['int __stdcall WSAIoctl(uintptr_t s, uint32_t c)']), 'WSAIoctl');
  assert.equal(koffiFunctionName(['WSAIoctl', 'int', '[]']), 'WSAIoctl');
  assert.equal(koffiFunctionName(['__stdcall', 'connect', 'int']), 'connect');
  assert.equal(koffiFunctionName(['void *f(void)']), 'f');
  const text = [
    "const lib = koffi.load('ws2_32.dll');",
    "const WSAIoctl = lib.func('int __stdcall WSAIoctl(uintptr_t s, uint32_t code, void *a, uint32_t b, void *c, uint32_t d, uint32_t *e, void *f, void *g)');",
    "const conn = lib.func('__stdcall', 'connect', 'int', ['uintptr_t', 'void *', 'int']);",
    "const api = { accept: lib.func('uintptr_t __stdcall accept(uintptr_t, void *, int *)') };",
    "class Net { private sock = lib.func('socket', 'uintptr_t', ['int', 'int', 'int']); }",
    'const other = lib.func(someVariable);',
  ].join('\n');
  assert.deepEqual(bindingsOf(text), {
    WSAIoctl: 'koffi:WSAIoctl',
    conn: 'koffi:connect',
    'api.accept': 'koffi:accept',
    sock: 'koffi:socket',
  });
  assert.deepEqual(
    boundCalls(
      `${text}\nWSAIoctl(s, 1); conn(s, a, 16); api.accept(ls, null, null); WSAIoctl.async(s, 2, cb); other(s);`,
    ),
    ['WSAIoctl(s,1)', 'connect(s,a,16)', 'accept(ls,null,null)', 'WSAIoctl(s,2)'],
  );
});

test('ffi-napi: Library tables, as a variable, destructured, on this', () => {
  const text = [
    "const ws2 = ffi.Library('ws2_32', { WSAIoctl: ['int', []], connect: ['int', []], send: ['int', []] });",
    "const { accept, listen: lst } = new ffi.Library('ws2_32', { accept: ['uint64', []], listen: ['int', []] });",
    "class S { constructor() { this.api = ffi.Library('ws2_32', { closesocket: ['int', []] }); } close(s) { this.api.closesocket(s); } }",
  ].join('\n');
  assert.deepEqual(bindingsOf(text), {
    'ws2.WSAIoctl': 'ffi-napi:WSAIoctl',
    'ws2.connect': 'ffi-napi:connect',
    'ws2.send': 'ffi-napi:send',
    accept: 'ffi-napi:accept',
    lst: 'ffi-napi:listen',
    'api.closesocket': 'ffi-napi:closesocket',
  });
  assert.deepEqual(
    boundCalls(`${text}\nws2.WSAIoctl(s, c); ws2['connect'](s); accept(ls); lst(ls, 5); ws3.connect(s);`),
    ['closesocket(s)', 'WSAIoctl(s,c)', 'connect(s)', 'accept(ls)', 'listen(ls,5)'],
  );
});

test('bun:ffi and Deno: dlopen symbol tables, lib.symbols, destructured symbols, aliases', () => {
  const text = [
    "const lib = dlopen('ws2_32.dll', { WSAIoctl: { args: [], returns: 'i32' }, connect: { args: [], returns: 'i32' } });",
    'const { symbols } = lib;',
    'const { symbols: { WSAIoctl: ioctl } } = lib;',
    "const deno = Deno.dlopen('ws2_32.dll', { accept: { parameters: [], result: 'usize' } } as const);",
    'const sym = deno.symbols;',
    'const { accept } = deno.symbols;',
  ].join('\n');
  const found = bindingsOf(text);
  assert.equal(found['lib.symbols.WSAIoctl'], 'dlopen:WSAIoctl');
  assert.equal(found['symbols.connect'], 'dlopen:connect');
  assert.equal(found['ioctl'], 'dlopen:WSAIoctl');
  assert.equal(found['deno.symbols.accept'], 'dlopen:accept');
  assert.equal(found['sym.accept'], 'dlopen:accept');
  assert.equal(found['accept'], 'dlopen:accept');
  assert.deepEqual(
    boundCalls(
      `${text}\nlib.symbols.WSAIoctl(s, 1); symbols.connect(s); ioctl(s, 2); sym.accept(ls); accept(ls); lib.symbols?.connect(s);`,
    ),
    ['WSAIoctl(s,1)', 'connect(s)', 'WSAIoctl(s,2)', 'accept(ls)', 'accept(ls)', 'connect(s)'],
  );
});

test('ffi-rs: load() is the call and paramsValue its arguments; define() functions take an array', () => {
  const text = [
    "load({ library: 'ws2_32', funcName: 'WSAIoctl', retType: DataType.I32, paramsType: [], paramsValue: [s, 0x98000010, null] });",
    "load({ library: 'ws2_32', funcName: 'connect', paramsType: [] });",
    "const ws = define({ socket: { library: 'ws2_32', retType: DataType.I64, paramsType: [] } });",
    'ws.socket([2, 1, 6]);',
    'other({ funcName: 1 });',
  ].join('\n');
  assert.deepEqual(bindingsOf(text), { 'ws.socket': 'ffi-rs:socket' });
  assert.deepEqual(boundCalls(text), ['WSAIoctl(s,0x98000010,null)', 'socket(2,1,6)']);
});

test('imports: a binding made in another module is matched by its Winsock name', () => {
  const text =
    "import { WSAIoctl, helper } from './ws2.js';\nimport * as ws2 from './ws2.js';\nconst { connect } = require('./ws2');\nWSAIoctl(s, 1); helper(s); ws2.accept(ls); connect(s);";
  assert.deepEqual(boundCalls(text), ['WSAIoctl(s,1)', 'accept(ls)', 'connect(s)']);
});

test('a node net.Socket connect() or a local function named connect is not Winsock', () => {
  const text =
    "import net from 'node:net';\nconst sock = net.connect(8080, '127.0.0.1');\nfunction connect(x) { return x; }\nconnect(1);\nsock.connect(80);";
  assert.deepEqual(boundCalls(text), []);
  const facts = extractFileFacts('/x/client.ts', text);
  assert.equal(facts.language, 'typescript');
  assert.ok(facts.functions.every((f) => f.events.every((e) => e.kind === 'call' || e.kind === 'assign')));
});

test('extractFileFacts picks the grammar from the path and produces the same event kinds', () => {
  const text = [
    "const { symbols } = dlopen('ws2_32.dll', { socket: {}, connect: {}, WSAIoctl: {} });",
    'export function dial(addr) {',
    '  const s = symbols.socket(2, 1, 6);',
    '  symbols.connect(s, addr, 16);',
    '  if (symbols.WSAIoctl(s, 0x98000010, null, 0, null, 0, [0], null, null) !== 0) {',
    "    console.warn('no fast path');",
    '  }',
    '  return <b>{s}</b>;',
    '}',
  ].join('\n');
  const facts = extractFileFacts('/x/dial.jsx', text);
  assert.equal(facts.language, 'tsx');
  assert.equal(facts.hasSyntaxErrors, false);
  const dial = facts.functions.find((f) => f.name === 'dial')!;
  assert.deepEqual(dial.params, ['addr']);
  const kinds = dial.events
    .filter((e) => e.kind !== 'call')
    .map((e) => `${e.kind}:${'socket' in e ? e.socket : 'target' in e ? e.target : ''}:${e.statement?.kind ?? '-'}`);
  assert.deepEqual(kinds, ['create:s:other', 'connect:s:expr', 'ioctl:s:guard']);
  assert.deepEqual(
    facts.codeUses.map((u) => u.spelling),
    ['0x98000010'],
  );
});
