// End to end: spawns `node cli/bin/winsock-lint.js` on small temporary trees and checks exit codes,
// stdout (ESLint JSON, stylish) and the notes on stderr. Needs the built engine and CLI.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeTree } from './helpers/temp-tree.js';
import { IOCTL, runCli, type Run } from './helpers/cli-run.js';

const run = (cwd: string, ...args: string[]): Run => runCli(cwd, args);

// Compiled to cli/dist/test/e2e.test.js.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const WARNING_ONLY = [
  '#include <winsock2.h>',
  'void enable(SOCKET s) {',
  '    int on = 1;',
  '    DWORD bytes = 0;',
  `    ${IOCTL}`,
  '}',
  '',
].join('\n');

const CONNECT_FIRST = [
  '#include <winsock2.h>',
  'void enable(SOCKET s, const struct sockaddr *addr, int len) {',
  '    int on = 1;',
  '    DWORD bytes = 0;',
  '    connect(s, addr, len);',
  `    ${IOCTL}`,
  '}',
  '',
].join('\n');

const CLEAN = 'int add(int a, int b) { return a + b; }\n';

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

function json(result: Run): JsonResult[] {
  return JSON.parse(result.stdout) as JsonResult[];
}

/** 1-based line and column of the first `needle` in `text`. */
function locate(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function messagesOf(results: JsonResult[], path: string): JsonMessage[] {
  const result = results.find((r) => r.filePath === path);
  assert.ok(result, `no result for ${path} in ${JSON.stringify(results.map((r) => r.filePath))}`);
  return result.messages;
}

test('--help and --version exit 0; audit --help shows the exit codes', () => {
  const help = run(REPO_ROOT, '--help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: winsock-lint/);
  const auditHelp = run(REPO_ROOT, 'audit', '--help');
  assert.equal(auditHelp.status, 0, auditHelp.stderr);
  assert.match(auditHelp.stdout, /Exit codes:/);
  assert.match(auditHelp.stdout, /no-deprecated-fast-path/);
  const version = run(REPO_ROOT, '--version');
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('a clean tree: exit 0, stylish prints nothing, json lists every analysed file', (t) => {
  const root = makeTree(t, { 'src/a.c': CLEAN, 'src/b.h': CLEAN });
  const stylish = run(root, 'audit', 'src');
  assert.equal(stylish.status, 0, stylish.stderr);
  assert.equal(stylish.stdout, '');
  const out = run(root, 'audit', '--format', 'json', 'src');
  assert.equal(out.status, 0, out.stderr);
  const results = json(out);
  assert.deepEqual(
    results.map((r) => r.filePath),
    [join(root, 'src/a.c'), join(root, 'src/b.h')],
  );
  for (const result of results) {
    assert.deepEqual(Object.keys(result), [
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
  }
});

test('the deprecated IOCTL alone is a warning at SIO_LOOPBACK_FAST_PATH: exit 0', (t) => {
  const root = makeTree(t, { 'net.c': WARNING_ONLY });
  const out = run(root, 'audit', '--format', 'json', '.');
  assert.equal(out.status, 0, out.stderr);
  const messages = messagesOf(json(out), join(root, 'net.c'));
  const deprecated = messages.find((m) => m.ruleId === 'no-deprecated-fast-path');
  assert.ok(deprecated, JSON.stringify(messages));
  assert.equal(deprecated.severity, 1);
  assert.deepEqual(
    { line: deprecated.line, column: deprecated.column },
    locate(WARNING_ONLY, 'SIO_LOOPBACK_FAST_PATH'),
  );
  assert.ok(!messages.some((m) => m.severity === 2), JSON.stringify(messages));
});

test('after connect() it is also a fast-path-before-connect error: exit 1, in both formats', (t) => {
  const root = makeTree(t, { 'src/client.cpp': CONNECT_FIRST });
  const out = run(root, 'audit', '-f', 'json', 'src');
  assert.equal(out.status, 1, out.stderr);
  const messages = messagesOf(json(out), join(root, 'src/client.cpp'));
  const ruleIds = messages.map((m) => m.ruleId);
  assert.ok(ruleIds.includes('no-deprecated-fast-path'), JSON.stringify(messages));
  const error = messages.find((m) => m.ruleId === 'fast-path-before-connect');
  assert.ok(error, JSON.stringify(messages));
  assert.equal(error.severity, 2);

  const stylish = run(root, 'audit', 'src');
  assert.equal(stylish.status, 1);
  assert.ok(stylish.stdout.includes(join(root, 'src/client.cpp')), stylish.stdout);
  assert.match(stylish.stdout, /error .* fast-path-before-connect/);
  assert.match(stylish.stdout, /\u2716 \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  assert.ok(!stylish.stdout.includes('\u001b['), 'no colours into a pipe with NO_COLOR');
});

test('--rule turns a rule off or up; --quiet drops warnings', (t) => {
  const root = makeTree(t, { 'net.c': WARNING_ONLY });
  const off = run(root, 'audit', '--format', 'json', '--rule', 'no-deprecated-fast-path=off', 'net.c');
  assert.equal(off.status, 0, off.stderr);
  assert.ok(!messagesOf(json(off), join(root, 'net.c')).some((m) => m.ruleId === 'no-deprecated-fast-path'));
  const up = run(root, 'audit', '--rule', 'no-deprecated-fast-path=error', 'net.c');
  assert.equal(up.status, 1, up.stderr);
  const quiet = run(root, 'audit', '--quiet', 'net.c');
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stdout, '');
});

test('a configuration file next to the sources applies; its exclude drops files', (t) => {
  const root = makeTree(t, {
    'winsock-lint.config.json': JSON.stringify({
      rules: { 'no-deprecated-fast-path': 'error' },
      exclude: ['vendor/**'],
    }),
    'app/net.c': WARNING_ONLY,
    'vendor/net.c': WARNING_ONLY,
  });
  const out = run(root, 'audit', '--format', 'json', '.');
  assert.equal(out.status, 1, out.stderr);
  const results = json(out);
  assert.deepEqual(
    results.map((r) => r.filePath),
    [join(root, 'app/net.c')],
  );
});

test('Windows-1252 and UTF-16LE-with-BOM sources are decoded and analysed', (t) => {
  const latin1 = Buffer.from(WARNING_ONLY.replace('int on = 1;', 'int on = 1; /* activ\u00e9 */'), 'latin1');
  assert.ok(latin1.includes(0xe9));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WARNING_ONLY, 'utf16le')]);
  const root = makeTree(t, { 'cp1252.c': latin1, 'wide.cpp': utf16 });
  const out = run(root, 'audit', '--format', 'json', '.');
  assert.equal(out.status, 0, out.stderr);
  const results = json(out);
  for (const name of ['cp1252.c', 'wide.cpp']) {
    const deprecated = messagesOf(results, join(root, name)).find((m) => m.ruleId === 'no-deprecated-fast-path');
    assert.ok(deprecated, `${name}: ${out.stdout}`);
    assert.deepEqual(
      { line: deprecated.line, column: deprecated.column },
      locate(WARNING_ONLY, 'SIO_LOOPBACK_FAST_PATH'),
    );
  }
});

test('a binary file is skipped with a note on stderr; stdout stays valid JSON', (t) => {
  const binary = Buffer.concat([Buffer.from(WARNING_ONLY), Buffer.from([0, 1, 2, 0, 255])]);
  const root = makeTree(t, { 'blob.c': binary, 'ok.c': CLEAN });
  const out = run(root, 'audit', '--format', 'json', '.');
  assert.equal(out.status, 0, out.stderr);
  assert.match(
    out.stderr,
    new RegExp(`^winsock-lint: note: ${escape(join(root, 'blob.c'))}: skipped: binary file$`, 'm'),
  );
  assert.deepEqual(
    json(out).map((r) => r.filePath),
    [join(root, 'ok.c')],
  );
});

test('--max-file-size skips larger files with a note', (t) => {
  const root = makeTree(t, { 'big.c': WARNING_ONLY });
  const out = run(root, 'audit', '--max-file-size', '10', '--format', 'json', 'big.c');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stderr, /big\.c: skipped: \d+ bytes is more than --max-file-size \(10 bytes\)/);
  assert.deepEqual(json(out), []);
});

test('usage errors, unknown formats, bad --rule and missing paths exit 2 with a message on stderr', (t) => {
  const root = makeTree(t, { 'a.c': CLEAN });
  for (const args of [
    ['audit'],
    ['audit', '--bogus', 'a.c'],
    ['audit', '--format', 'xml', 'a.c'],
    ['audit', '--rule', 'nope=error', 'a.c'],
    ['audit', '--rule', 'no-deprecated-fast-path', 'a.c'],
    ['audit', 'a.c', 'missing-folder'],
    ['frobnicate'],
    [],
  ]) {
    const out = run(root, ...args);
    assert.equal(out.status, 2, `${args.join(' ')}: ${out.stderr}`);
    assert.equal(out.stdout, '', args.join(' '));
    assert.match(out.stderr, /^winsock-lint: error: /, args.join(' '));
  }
  assert.match(run(root, 'audit', 'missing-folder').stderr, /no such file or folder: .*missing-folder/);
});

test('a broken configuration file exits 2 and names the file', (t) => {
  const root = makeTree(t, { 'winsock-lint.config.json': '{ "rules": ', 'a.c': CLEAN });
  const out = run(root, 'audit', 'a.c');
  assert.equal(out.status, 2);
  assert.ok(out.stderr.includes(join(root, 'winsock-lint.config.json')), out.stderr);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
