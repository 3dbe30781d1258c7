// Feeds random and mutated sources through the whole engine (decode, parse, extract, index, rules, fixes):
// truncations, byte flips, random tokens, a 1 MB single line, deep nesting, invalid UTF-8. Nothing may throw
// and every run must finish. The generator is seeded, so a failure reproduces with the printed seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyzeProject, applyFixes, decodeSource, isBinary } from '../src/index.js';
import { fixtureProjects } from './support/fixture-files.js';
import { rng } from './support/random.js';

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ';',
  ',',
  '"',
  "'",
  '/*',
  '*/',
  '//',
  '\n',
  '#if 0\n',
  '#endif\n',
  '#else\n',
  '#define X ',
  '\\\n',
  'WSAIoctl(',
  'WSPIoctl(',
  'WskControlSocket(',
  'SIO_LOOPBACK_FAST_PATH',
  '0x98000010',
  '-1744830448',
  '_WSAIOW(IOC_VENDOR, 16)',
  'connect(',
  'accept(',
  'AcceptEx(',
  'listen(',
  'bind(',
  'setsockopt(',
  'socket(AF_INET, SOCK_DGRAM, 0)',
  's',
  'this->m_s',
  '*w_',
  'if (',
  'else',
  'switch (x) { case 1:',
  'return;',
  'for (;;)',
  'do',
  'while (0)',
  'try {',
  '} catch (...) {',
  '[&]{',
  'class C {',
  '::',
  '->',
  '.',
  '=',
  '==',
  'SOCKET_ERROR',
  'NULL',
  '0',
  'é',
  '😀',
  '\u0000',
  '\r\n',
  'winsock-lint-disable-next-line',
  'template<',
];

/** Script tokens: FFI bindings, calls, spellings and the JS/TS syntax around them. */
const SCRIPT_TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ';',
  ',',
  '"',
  "'",
  '`',
  '${',
  '/*',
  '*/',
  '//',
  '\n',
  '=>',
  '...',
  '?.',
  '!',
  'as const',
  '<T>',
  '</div>',
  "koffi.load('ws2_32.dll')",
  "lib.func('int __stdcall WSAIoctl(uintptr_t s, uint32_t c)')",
  "lib.func('__stdcall', 'connect', 'int', [])",
  "ffi.Library('ws2_32', { WSAIoctl: ['int', []], connect: ['int', []] })",
  "dlopen('ws2_32.dll', { WSAIoctl: { args: [], returns: 'i32' } })",
  "Deno.dlopen('ws2_32.dll', { accept: { parameters: [], result: 'usize' } })",
  "load({ funcName: 'WSAIoctl', paramsValue: [s, ",
  'lib.symbols.WSAIoctl(',
  'symbols.connect(',
  'ws2.accept(',
  'WSAIoctl(',
  'connect(',
  'setsockopt(',
  'socket(2, 2, 17)',
  'const { symbols: { WSAIoctl } } = ',
  'SIO_LOOPBACK_FAST_PATH',
  '0x98000010',
  '0x98000010 >>> 0',
  '-0x67ffffF0',
  '2550136848n',
  'Ioctl.LoopbackFastPath',
  'WS.SIO_LOOPBACK_FAST_PATH',
  'enum Ioctl { LoopbackFastPath = 0x98000010 }',
  'const X = ',
  'let ',
  's',
  'this.sock',
  'null',
  'undefined',
  'Buffer.alloc(4)',
  '[0]',
  'if (',
  'else',
  'switch (x) { case 1:',
  'default:',
  'return;',
  'throw e;',
  'for (;;)',
  'try {',
  '} catch (e) {',
  '} finally {',
  'class C {',
  'async ',
  'await ',
  'function f(s) {',
  '(s) => {',
  '? a : b',
  '!== 0',
  '=== -1',
  'é',
  '😀',
  '\u0000',
  '\r\n',
  '// winsock-lint-disable-next-line',
];

function run(text: string, label: string, extension = '.cpp'): void {
  const path = `/fuzz/${label}${extension}`;
  let results;
  try {
    results = analyzeProject([{ path, text }]);
  } catch (error) {
    assert.fail(`${label}: analyzeProject threw ${(error as Error).stack}`);
  }
  assert.equal(results.length, 1);
  for (const finding of results[0]!.findings) {
    for (const fix of [...(finding.fix ? [finding.fix] : []), ...finding.suggestions]) {
      for (const edit of fix.edits) {
        assert.ok(
          edit.range.start.offset <= edit.range.end.offset && edit.range.end.offset <= text.length,
          `${label}: edit inside the text`,
        );
      }
      applyFixes(text, [fix]);
    }
  }
}

const SCRIPT_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const fixtureFiles = fixtureProjects().flatMap((p) => p.files);
const seeds = fixtureFiles.filter((f) => !SCRIPT_FILE.test(f)).map((f) => fs.readFileSync(f));
seeds.push(
  Buffer.from(
    'int f(SOCKET s) { connect(s, 0, 0); WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, 4, NULL, 0, &b, NULL, NULL); }\n',
  ),
);
/** Script fixtures, each with its extension so it goes through the script frontend. */
const scriptSeeds = fixtureFiles
  .filter((f) => SCRIPT_FILE.test(f))
  .map((f) => ({ bytes: fs.readFileSync(f), extension: f.slice(f.lastIndexOf('.')) }));
scriptSeeds.push({
  bytes: Buffer.from(
    "const { symbols } = dlopen('ws2_32.dll', { WSAIoctl: {} });\nfunction f(s) { symbols.WSAIoctl(s, 0x98000010, null, 0, null, 0, [0], null, null); }\n",
  ),
  extension: '.js',
});

function mutate(bytes: Buffer, random: () => number, kind: number, tokens: readonly string[]): Buffer {
  if (kind === 0) return bytes.subarray(0, Math.floor(random() * bytes.length));
  if (kind === 1) {
    const mutated = Buffer.from(bytes);
    for (let f = 0; f < 1 + random() * 20; f++)
      mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    return mutated;
  }
  if (kind === 2) {
    const text = bytes.toString('utf8');
    let out = '';
    let pos = 0;
    while (pos < text.length) {
      const step = Math.floor(random() * 200);
      out += text.slice(pos, pos + step) + tokens[Math.floor(random() * tokens.length)]!;
      pos += step;
    }
    return Buffer.from(out);
  }
  const a = Math.floor(random() * bytes.length);
  const b = Math.min(bytes.length, a + Math.floor(random() * 400));
  return Buffer.concat([bytes.subarray(0, a), bytes.subarray(b)]);
}

test('mutated fixtures never crash the engine', { timeout: 300_000 }, () => {
  const random = rng(0x5eed);
  for (let i = 0; i < 400; i++) {
    const seed = seeds[Math.floor(random() * seeds.length)]!;
    const bytes = Buffer.from(seed);
    const kind = i % 4;
    let mutated: Buffer;
    if (kind === 0) {
      mutated = bytes.subarray(0, Math.floor(random() * bytes.length));
    } else if (kind === 1) {
      mutated = Buffer.from(bytes);
      for (let f = 0; f < 1 + random() * 20; f++)
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    } else if (kind === 2) {
      const text = bytes.toString('utf8');
      let out = '';
      let pos = 0;
      while (pos < text.length) {
        const step = Math.floor(random() * 200);
        out += text.slice(pos, pos + step) + TOKENS[Math.floor(random() * TOKENS.length)]!;
        pos += step;
      }
      mutated = Buffer.from(out);
    } else {
      // Delete a random slice: unbalanced braces, dangling #if, half a call.
      const a = Math.floor(random() * bytes.length);
      const b = Math.min(bytes.length, a + Math.floor(random() * 400));
      mutated = Buffer.concat([bytes.subarray(0, a), bytes.subarray(b)]);
    }
    if (isBinary(mutated)) continue;
    let text: string;
    try {
      text = decodeSource(mutated).text;
    } catch {
      continue; // decodeSource refuses odd-length UTF-16; the CLI reports that file and goes on.
    }
    run(text, `mutation-${i}`);
  }
});

test('random token soup never crashes the engine', { timeout: 300_000 }, () => {
  const random = rng(42);
  for (let i = 0; i < 200; i++) {
    let text = '';
    const length = 1 + Math.floor(random() * 300);
    for (let t = 0; t < length; t++)
      text += TOKENS[Math.floor(random() * TOKENS.length)]! + (random() < 0.5 ? ' ' : '');
    run(text, `soup-${i}`);
  }
});

test('mutated script fixtures never crash the engine', { timeout: 300_000 }, () => {
  const random = rng(0x7e57);
  for (let i = 0; i < 300; i++) {
    const seed = scriptSeeds[Math.floor(random() * scriptSeeds.length)]!;
    const mutated = mutate(Buffer.from(seed.bytes), random, i % 4, SCRIPT_TOKENS);
    if (isBinary(mutated)) continue;
    let text: string;
    try {
      text = decodeSource(mutated).text;
    } catch {
      continue;
    }
    run(text, `script-mutation-${i}`, seed.extension);
  }
});

test('random script token soup never crashes the engine', { timeout: 300_000 }, () => {
  const random = rng(4242);
  const extensions = ['.ts', '.tsx', '.js', '.mjs', '.cts'];
  for (let i = 0; i < 200; i++) {
    let text = '';
    const length = 1 + Math.floor(random() * 300);
    for (let t = 0; t < length; t++)
      text += SCRIPT_TOKENS[Math.floor(random() * SCRIPT_TOKENS.length)]! + (random() < 0.5 ? ' ' : '');
    run(text, `script-soup-${i}`, extensions[i % extensions.length]);
  }
});

test('large and deeply nested scripts are analysed', { timeout: 300_000 }, () => {
  const statement = 'connect(s, a, 16); lib.symbols.WSAIoctl(s, 0x98000010, null, 0, null, 0, [0], null, null); ';
  const header = "const lib = dlopen('ws2_32.dll', { WSAIoctl: {}, connect: {} }); const { connect } = lib.symbols;\n";
  // 100 kB: the cost per statement is the C frontend's, which the 1 MB C test above already measures.
  run(
    `${header}function f(s) { ${statement.repeat(Math.ceil(100_000 / statement.length))} }`,
    'script-one-line',
    '.js',
  );
  run(`const x = ${'('.repeat(20_000)}1${')'.repeat(20_000)};`, 'script-deep-parens', '.ts');
  run(
    `function f(s) { ${'if (x) { '.repeat(3_000)} WSAIoctl(s, 0x98000010, null, 0, null, 0, [0], null, null); ${'}'.repeat(3_000)} }`,
    'script-deep-ifs',
    '.ts',
  );
  run(`const c = ${Array.from({ length: 20_000 }, () => '0x98000010').join(' | ')};`, 'script-long-or', '.ts');
});

test('a 1 MB single-line file is analysed', { timeout: 300_000 }, () => {
  const statement =
    'connect(s, (SOCKADDR*)&a, sizeof a); WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof on, NULL, 0, &b, NULL, NULL); ';
  const body = statement.repeat(Math.ceil(1_000_000 / statement.length));
  run(`void f(SOCKET s) { ${body} }`, 'one-line-function');
  run(body, 'one-line-top-level');
});

test('deep nesting and long expressions are analysed', { timeout: 300_000 }, () => {
  run(`int x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};`, 'deep-parens');
  run(
    `void f() { ${'{'.repeat(20_000)} WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, 0, 0, NULL, 0, &b, NULL, NULL); ${'}'.repeat(20_000)} }`,
    'deep-blocks',
  );
  run(
    `void f() { ${'if (x) '.repeat(5_000)} WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, 0, 0, NULL, 0, &b, NULL, NULL); }`,
    'deep-ifs',
  );
  run(`DWORD c = ${Array.from({ length: 20_000 }, () => 'IOC_IN').join(' | ')};`, 'long-or');
});

test('invalid UTF-8 decodes (as Windows-1252) and is analysed', () => {
  const bytes = Buffer.concat([
    Buffer.from('// caf'),
    Buffer.from([0xe9, 0xff, 0xfe, 0x80, 0x93]),
    Buffer.from('\nvoid f(SOCKET s){ WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, 0,0,NULL,0,&b,NULL,NULL); }\n'),
  ]);
  const decoded = decodeSource(bytes);
  assert.equal(decoded.encoding, 'windows-1252');
  const results = analyzeProject([{ path: '/fuzz/latin1.c', text: decoded.text }]);
  assert.deepEqual(
    results[0]!.findings.map((f) => f.ruleId),
    ['no-deprecated-fast-path'],
  );
});
