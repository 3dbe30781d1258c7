// Bad inputs end to end: binary, Windows-1252 and UTF-16 files, a 50 MB single-line file, an unreadable folder,
// a symbolic link loop, a file deleted between discovery and reading, syntactically broken code — each reported
// clearly on stderr while the rest is analysed — and Ctrl-C during --fix: every file stays either its original
// bytes or the complete fixed bytes, no temporary file is left, and the exit code is 130.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { isRoot, lock, makeTree } from './helpers/temp-tree.js';
import { BIN, IOCTL, FIXABLE, FIXED } from './helpers/cli-run.js';

const CONNECT_FIRST = [
  'void g(SOCKET s, const struct sockaddr *a, int n) {',
  '    int on = 1;',
  '    DWORD bytes = 0;',
  '    connect(s, a, n);',
  `    ${IOCTL}`,
  '}',
  '',
].join('\n');
const BROKEN = `void broken(SOCKET s) { int on = 1; DWORD bytes; ${IOCTL}\n  int x = ((( ;; }}} #if\nstruct { ;\n`;

function env(): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete vars['FORCE_COLOR'];
  delete vars['CI'];
  return vars;
}

/** Every file under `root` (relative paths), including dot files. */
function allFiles(root: string): string[] {
  return (
    readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{
      name: string;
      parentPath: string;
      isFile(): boolean;
    }>
  )
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

test('a tree of bad inputs: each is reported on stderr, the rest analysed, exit code from the findings', (t) => {
  const cp1252 = Buffer.from(`/* caf\u00e9 */\n${FIXABLE}`, 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
  const binary = Buffer.concat([Buffer.from(FIXABLE), Buffer.from([0, 0, 1, 2, 0, 255])]);
  const root = makeTree(t, {
    'bad/binary.c': binary,
    'bad/cp1252.c': cp1252,
    'bad/wide.cpp': utf16,
    'bad/broken.c': BROKEN,
    'bad/locked/hidden.c': FIXABLE,
    'ok/net.c': FIXABLE,
    'ok/conn.cpp': CONNECT_FIRST,
    'out/': '',
  });
  // 50 MB on one line, generated here rather than stored; ASCII, so it is not taken for binary.
  writeFileSync(join(root, 'bad/huge.c'), 'int x = 0; '.repeat(Math.ceil((50 * 1024 * 1024) / 11)));
  try {
    symlinkSync('.', join(root, 'bad/loop'));
  } catch (error) {
    t.diagnostic(`cannot create symbolic links here (${String(error)}); the loop is not tested`);
  }
  lock(join(root, 'bad/locked'));

  const out = spawnSync(process.execPath, [BIN, 'audit', '-f', 'json', '-o', 'out/report.json', 'bad', 'ok'], {
    cwd: root,
    env: env(),
    encoding: 'utf8',
  });
  assert.equal(out.status, 1, `an error-severity finding in ok/conn.cpp: ${out.stderr}`);
  assert.equal(out.stdout, '');
  const note = (path: string, reason: RegExp): void =>
    assert.match(out.stderr, new RegExp(`^winsock-lint: note: ${escape(join(root, path))}: ${reason.source}$`, 'm'));
  note('bad/binary.c', /skipped: binary file/);
  note('bad/huge.c', /skipped: 52428\d\d\d bytes is more than --max-file-size \(2097152 bytes\)/);
  if (readdirSync(join(root, 'bad')).includes('loop')) note('bad/loop', /symbolic link loop to .*; not followed/);
  if (isRoot()) {
    t.diagnostic('running as root: chmod 000 does not block reading, so the unreadable-folder note is not checked');
  } else {
    note('bad/locked', /cannot read directory: EACCES/);
  }
  assert.doesNotMatch(out.stderr, /internal error|Error:|    at /);

  const results = JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8')) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string | null; severity: number }>;
  }>;
  const byFile = new Map(results.map((r) => [relative(root, r.filePath), r.messages]));
  for (const file of ['bad/cp1252.c', 'bad/wide.cpp', 'bad/broken.c', 'ok/net.c']) {
    assert.ok(
      byFile.get(file)?.some((m) => m.ruleId === 'no-deprecated-fast-path'),
      `${file} analysed despite the bad neighbours: ${JSON.stringify([...byFile.keys()])}`,
    );
  }
  assert.ok(byFile.get('ok/conn.cpp')?.some((m) => m.severity === 2));
  assert.ok(!byFile.has('bad/binary.c') && !byFile.has('bad/huge.c'));
  assert.deepEqual(readdirSync(join(root, 'out')), ['report.json'], 'the report and nothing else');
  assert.ok(!allFiles(join(root, 'ok')).some((f) => f.endsWith('.tmp')));
});

test('a 50 MB single-line file is analysed without trouble when --max-file-size allows it', (t) => {
  const root = makeTree(t, { 'ok.c': FIXABLE });
  writeFileSync(join(root, 'huge.c'), 'int x = 0; '.repeat(Math.ceil((50 * 1024 * 1024) / 11)));
  const out = spawnSync(
    process.execPath,
    [BIN, 'audit', '--max-file-size', String(64 * 1024 * 1024), '-f', 'json', '.'],
    { cwd: root, env: env(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  assert.equal(out.status, 0, out.stderr);
  const files = (JSON.parse(out.stdout) as Array<{ filePath: string }>).map((r) => relative(root, r.filePath));
  assert.deepEqual(files, ['huge.c', 'ok.c']);
});

test('a file deleted between discovery and reading is noted; the others are analysed', async (t) => {
  const root = makeTree(t, { 'a.c': FIXABLE, 'gone.c': FIXABLE, 'z.c': FIXABLE });
  const child = spawn(process.execPath, [BIN, 'audit', '-f', 'json', '.'], {
    cwd: root,
    env: { ...env(), WINSOCK_LINT_TEST_PAUSE_AFTER_DISCOVERY: '1500' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('test hook: pausing 1500 ms after discovery') && readdirSync(root).includes('gone.c')) {
        unlinkSync(join(root, 'gone.c'));
      }
    });
    child.on('close', resolve);
  });
  assert.equal(code, 0, stderr);
  assert.match(stderr, new RegExp(`note: ${escape(join(root, 'gone.c'))}: cannot read: ENOENT`));
  const files = (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => relative(root, r.filePath));
  assert.deepEqual(files, ['a.c', 'z.c']);
});

test('Ctrl-C during --fix: files are original or completely fixed, no temporary file left, exit 130', async (t) => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 8; i++) spec[`src/f${i}.c`] = FIXABLE;
  const root = makeTree(t, spec);
  const child = spawn(process.execPath, [BIN, 'audit', '--fix', 'src'], {
    cwd: root,
    env: { ...env(), WINSOCK_LINT_TEST_PAUSE_BEFORE_RENAME: '400' },
  });
  let stderr = '';
  let sent = false;
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The second pause: the first file is renamed (complete), the second's temporary file is written.
      const pauses = stderr.match(/test hook: pausing 400 ms before renaming/g)?.length ?? 0;
      if (pauses >= 2 && !sent) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  assert.ok(sent, `never paused twice: ${stderr}`);
  assert.deepEqual(exit, { code: 130, signal: null }, stderr);
  assert.match(stderr, /interrupted \(SIGINT\): 1 temporary file removed; files already written are complete/);
  const states = Object.keys(spec).map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    assert.ok(text === FIXABLE || text === FIXED, `${path} is neither original nor fixed: ${JSON.stringify(text)}`);
    return text === FIXED ? 'fixed' : 'original';
  });
  assert.deepEqual(states, ['fixed', ...Array<string>(7).fill('original')]);
  assert.deepEqual(allFiles(root), Object.keys(spec).sort(), 'no temporary files left behind');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
