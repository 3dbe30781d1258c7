// End to end for --fix, --fix-dry-run, --output-file, --max-warnings, --list-rules, --print-config, ignore files
// and --include/--exclude: spawns `node cli/bin/winsock-lint.js` on temporary trees.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTree } from './helpers/temp-tree.js';
import { IOCTL, FIXABLE, FIXED, runCli, type Run } from './helpers/cli-run.js';

const run = (cwd: string, ...args: string[]): Run => runCli(cwd, args);

/** A finding with no automatic fix: a case label names the code, and nothing applies it that could go. */
const UNFIXABLE = [
  '#include <winsock2.h>',
  '#include <mstcpip.h>',
  'int describe(unsigned long code) {',
  '    switch (code) {',
  '    case SIO_LOOPBACK_FAST_PATH: return 1;',
  '    default: return 0;',
  '    }',
  '}',
  '',
].join('\n');
const CLEAN = 'int add(int a, int b) { return a + b; }\n';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number }>;
}

test('--fix writes the fix, reports what remains (nothing here) and a second --fix changes nothing', (t) => {
  const root = makeTree(t, { 'src/net.c': FIXABLE, 'src/ok.c': CLEAN });
  const path = join(root, 'src/net.c');
  chmodSync(path, 0o600);
  const first = run(root, 'audit', '--fix', '--format', 'json', 'src');
  assert.equal(first.status, 0, first.stderr);
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const results = JSON.parse(first.stdout) as JsonResult[];
  assert.deepEqual(
    results.map((r) => r.messages.length),
    [0, 0],
  );
  const mtime = statSync(path).mtimeMs;
  const second = run(root, 'audit', '--fix', 'src');
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, '');
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.equal(statSync(path).mtimeMs, mtime, 'a file without fixes is not rewritten');
  assert.deepEqual(readdirSync(join(root, 'src')).sort(), ['net.c', 'ok.c'], 'no temporary files left');
});

test('--fix keeps CRLF line endings, a UTF-8 BOM, UTF-16LE and Windows-1252 bytes exactly', (t) => {
  const crlf = FIXABLE.replace(/\n/g, '\r\n');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE.replace(/\n/g, '\r\n'))]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
  const cp1252 = Buffer.from(`/* \u201cfast\u201d caf\u00e9 */\n${FIXABLE}`, 'latin1');
  // Buffer's latin1 cannot hold the smart quotes; build the Windows-1252 bytes by hand.
  cp1252[3] = 0x93;
  cp1252[8] = 0x94;
  const root = makeTree(t, { 'crlf.c': crlf, 'bom.c': bom, 'wide.cpp': utf16, 'cp.c': cp1252 });
  const out = run(root, 'audit', '--fix', '.');
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(readFileSync(join(root, 'crlf.c')), Buffer.from(FIXED.replace(/\n/g, '\r\n')));
  assert.deepEqual(
    readFileSync(join(root, 'bom.c')),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXED.replace(/\n/g, '\r\n'))]),
  );
  assert.deepEqual(
    readFileSync(join(root, 'wide.cpp')),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXED, 'utf16le')]),
  );
  const cpFixed = Buffer.from(`/* \u201cfast\u201d caf\u00e9 */\n${FIXED}`, 'latin1');
  cpFixed[3] = 0x93;
  cpFixed[8] = 0x94;
  assert.deepEqual(readFileSync(join(root, 'cp.c')), cpFixed);
  assert.ok(
    !readFileSync(join(root, 'crlf.c'))
      .toString('latin1')
      .match(/[^\r]\n/),
    'no bare LF',
  );
});

test('after --fix the report shows the findings that remain and the exit code follows them', (t) => {
  const root = makeTree(t, { 'a.c': FIXABLE, 'b.c': UNFIXABLE });
  const out = run(root, 'audit', '--fix', '--format', 'json', '.');
  const results = JSON.parse(out.stdout) as JsonResult[];
  assert.equal(readFileSync(join(root, 'a.c'), 'utf8'), FIXED);
  assert.equal(readFileSync(join(root, 'b.c'), 'utf8'), UNFIXABLE);
  assert.deepEqual(results.find((r) => r.filePath === join(root, 'a.c'))?.messages, []);
  const remaining = results.find((r) => r.filePath === join(root, 'b.c'))?.messages ?? [];
  assert.ok(
    remaining.some((m) => m.ruleId === 'no-deprecated-fast-path'),
    out.stdout,
  );
  assert.equal(out.status, remaining.some((m) => m.severity === 2) ? 1 : 0, out.stderr);
});

test('--fix-dry-run prints a unified diff, writes nothing and exits as for the remaining findings', (t) => {
  const crlf = FIXABLE.replace(/\n/g, '\r\n');
  const root = makeTree(t, { 'src/net.c': crlf, 'src/ok.c': CLEAN });
  const out = run(root, 'audit', '--fix-dry-run', 'src');
  assert.equal(out.status, 0, out.stderr);
  assert.equal(
    out.stdout,
    [
      '--- a/src/net.c',
      '+++ b/src/net.c',
      '@@ -1,6 +1,4 @@',
      ' #include <winsock2.h>\r',
      ' void enable(SOCKET s) {\r',
      '-    int on = 1;\r',
      '-    DWORD bytes = 0;\r',
      `-    ${IOCTL}\r`,
      '+    (void)s;\r',
      ' }\r',
      '',
    ].join('\n'),
  );
  assert.match(out.stderr, /1 file would change; 0 problems would remain/);
  assert.equal(readFileSync(join(root, 'src/net.c'), 'utf8'), crlf);
  assert.deepEqual(readdirSync(join(root, 'src')).sort(), ['net.c', 'ok.c']);
  const both = run(root, 'audit', '--fix', '--fix-dry-run', 'src');
  assert.equal(both.status, 2);
  assert.match(both.stderr, /cannot be used together/);
});

test('--fix-dry-run with --output-file: the diff on stdout, the report in the file', (t) => {
  const root = makeTree(t, { 'a.c': FIXABLE, 'b.c': UNFIXABLE });
  const out = run(root, 'audit', '--fix-dry-run', '-f', 'json', '-o', 'report.json', 'a.c', 'b.c');
  assert.match(out.stdout, /^--- a\/a\.c\n\+\+\+ b\/a\.c\n@@ /);
  const results = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as JsonResult[];
  assert.deepEqual(results.find((r) => r.filePath === join(root, 'a.c'))?.messages, []);
  assert.ok((results.find((r) => r.filePath === join(root, 'b.c'))?.messages.length ?? 0) > 0);
  assert.equal(readFileSync(join(root, 'a.c'), 'utf8'), FIXABLE);
});

test('--output-file writes the report instead of stdout; an unwritable target exits 2', (t) => {
  const root = makeTree(t, { 'net.c': FIXABLE, 'out/': '' });
  const out = run(root, 'audit', '--output-file', 'out/report.txt', 'net.c');
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout, '');
  const report = readFileSync(join(root, 'out/report.txt'), 'utf8');
  assert.match(report, /no-deprecated-fast-path/);
  assert.ok(!report.includes('\u001b['), 'no colours in a file');
  assert.deepEqual(readdirSync(join(root, 'out')), ['report.txt']);
  const bad = run(root, 'audit', '--output-file', 'missing/dir/report.txt', 'net.c');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /cannot write the report to .*ENOENT/);
});

test('--max-warnings: exit 1 when the warnings exceed it, 0 when within', (t) => {
  const root = makeTree(t, { 'net.c': FIXABLE });
  const over = run(root, 'audit', '--max-warnings', '0', 'net.c');
  assert.equal(over.status, 1, over.stderr);
  assert.match(over.stderr, /too many warnings \(1; --max-warnings is 0\)/);
  assert.equal(run(root, 'audit', '--max-warnings', '1', 'net.c').status, 0);
  assert.equal(run(root, 'audit', '--max-warnings=-1', 'net.c').status, 0);
  assert.equal(run(root, 'audit', '--max-warnings', 'many', 'net.c').status, 2);
});

test('--list-rules prints every rule with severity, fix kind and docs URL; exit 0', (t) => {
  const root = makeTree(t, {});
  for (const args of [['audit', '--list-rules'], ['--list-rules']]) {
    const out = run(root, ...args);
    assert.equal(out.status, 0, out.stderr);
    const rows = out.stdout.trimEnd().split('\n');
    assert.match(rows[0] ?? '', /^Rule\s+Default\s+Fix\s+Documentation$/);
    assert.equal(rows.length, 8);
    assert.ok(
      rows.some((row) =>
        /^no-deprecated-fast-path\s+warn\s+automatic\s+https:\/\/\S+no-deprecated-fast-path\.md$/.test(row),
      ),
      out.stdout,
    );
  }
});

test('--print-config prints the resolved configuration of one file as JSON; exit 0', (t) => {
  const root = makeTree(t, {
    'winsock-lint.config.json': JSON.stringify({
      rules: { 'fast-path-tcp-only': 'warn' },
      exclude: ['vendor/**'],
    }),
  });
  const out = run(root, 'audit', '--print-config', 'vendor/x.c', '--rule', 'no-deprecated-fast-path=off');
  assert.equal(out.status, 0, out.stderr);
  const printed = JSON.parse(out.stdout) as Record<string, unknown>;
  assert.equal(printed['file'], join(root, 'vendor/x.c'));
  assert.equal(printed['configFile'], join(root, 'winsock-lint.config.json'));
  assert.equal(printed['included'], false);
  assert.equal(printed['reportUnusedSuppressions'], 'warn');
  const rules = printed['rules'] as Record<string, string>;
  assert.equal(rules['fast-path-tcp-only'], 'warn');
  assert.equal(rules['no-deprecated-fast-path'], 'off');
  assert.equal(rules['fast-path-before-connect'], 'error');
});

test('.gitignore is respected, --no-ignore disables it; --include and --exclude filter files', (t) => {
  const root = makeTree(t, {
    '.gitignore': 'gen/\n',
    'gen/g.c': CLEAN,
    'src/a.c': CLEAN,
    'src/b.cpp': CLEAN,
    'vendor/v.c': CLEAN,
  });
  const files = (...args: string[]): string[] => {
    const out = run(root, 'audit', '-f', 'json', ...args);
    assert.equal(out.status, 0, out.stderr);
    return (JSON.parse(out.stdout) as JsonResult[]).map((r) => r.filePath.slice(root.length + 1));
  };
  assert.deepEqual(files('.'), ['src/a.c', 'src/b.cpp', 'vendor/v.c']);
  assert.deepEqual(files('--no-ignore', '.'), ['gen/g.c', 'src/a.c', 'src/b.cpp', 'vendor/v.c']);
  assert.deepEqual(files('--exclude', 'vendor', '.'), ['src/a.c', 'src/b.cpp']);
  assert.deepEqual(files('--include', 'src/**/*.cpp', '--include', 'vendor/**', '.'), ['src/b.cpp', 'vendor/v.c']);
  // Named explicitly: analysed even though ignored or not included, but never when excluded.
  assert.deepEqual(files('--include', '**/*.cpp', 'gen/g.c', 'src'), ['gen/g.c', 'src/b.cpp']);
  const excluded = run(root, 'audit', '-f', 'json', '--exclude', 'gen/**', 'gen/g.c');
  assert.equal(excluded.status, 0, excluded.stderr);
  assert.deepEqual(JSON.parse(excluded.stdout), []);
  assert.match(excluded.stderr, /g\.c: skipped: excluded by --exclude/);
});
