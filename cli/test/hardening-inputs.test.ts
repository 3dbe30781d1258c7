// Hostile inputs end to end: a checkout's git configuration never runs (fsmonitor, textconv, filters), a FIFO or
// /dev/zero swapped in after discovery is skipped, --config and --baseline on special files or huge ones fail
// fast, deep or huge configs are config errors with a position, file names cannot forge output, a baseline
// with a BOM is accepted and one from a newer version gets a note.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { BIN, FIXABLE, runCli } from './helpers/cli-run.js';
import { makeTree } from './helpers/temp-tree.js';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd });
  assert.equal(result.status, 0, String(result.stderr));
}

test('--changed-since runs no command from the checkout: fsmonitor, textconv, external diff, clean filters', (t) => {
  const root = makeTree(t, { 'src/a.c': FIXABLE, '.gitattributes': '*.c diff=evil filter=evil\n' });
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'init');
  git(root, 'config', 'core.fsmonitor', 'touch PWNED-fsmonitor; false');
  git(root, 'config', 'diff.evil.textconv', 'touch PWNED-textconv; cat');
  git(root, 'config', 'diff.evil.command', 'touch PWNED-command; true');
  git(root, 'config', 'filter.evil.clean', 'touch PWNED-clean; cat');
  git(root, 'config', 'core.pager', 'touch PWNED-pager; cat');
  writeFileSync(join(root, 'src/a.c'), `${FIXABLE}// changed\n`);
  const run = runCli(root, ['audit', '-f', 'json', '--changed-since=HEAD', 'src']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    readdirSync(root).filter((name) => name.startsWith('PWNED')),
    [],
  );
});

/** Runs audit with a pause after discovery, calling `swap` during it; resolves with the exit code and output. */
async function auditWithSwap(
  root: string,
  args: string[],
  swap: () => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    WINSOCK_LINT_TEST_PAUSE_AFTER_DISCOVERY: '1000',
  };
  const child = spawn(process.execPath, [BIN, 'audit', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  let swapped = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!swapped && stderr.includes('after discovery')) {
        swapped = true;
        swap();
      }
    });
    child.on('close', resolve);
  });
  clearTimeout(timer);
  return { code, stdout, stderr };
}

test('a file replaced by a FIFO after discovery is skipped, not waited on; one linked to /dev/zero too', async (t) => {
  const root = makeTree(t, { 'a.cpp': FIXABLE, 'b.cpp': FIXABLE, 'c.cpp': FIXABLE });
  const out = await auditWithSwap(root, ['-f', 'json', '.'], () => {
    unlinkSync(join(root, 'b.cpp'));
    assert.equal(spawnSync('mkfifo', [join(root, 'b.cpp')]).status, 0);
    rmSync(join(root, 'c.cpp'));
    symlinkSync('/dev/zero', join(root, 'c.cpp'));
  });
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stderr, /b\.cpp: skipped: a FIFO, not a regular file/);
  assert.match(out.stderr, /c\.cpp: skipped: a character device, not a regular file/);
  const files = (JSON.parse(out.stdout) as Array<{ filePath: string }>).map((r) => relative(root, r.filePath));
  assert.deepEqual(files, ['a.cpp']);
});

test('--config and --baseline on /dev/zero, a FIFO or a file over the cap fail at once with exit 2', (t) => {
  const root = makeTree(t, { 'fix1.cpp': FIXABLE });
  assert.equal(spawnSync('mkfifo', [join(root, 'fifo')]).status, 0);
  writeFileSync(join(root, 'big.json'), Buffer.alloc(17 * 1024 * 1024, 0x20));
  for (const [option, file, reason] of [
    ['--config', '/dev/zero', 'is a character device, not a regular file'],
    ['--config', 'fifo', 'is a FIFO, not a regular file'],
    ['--config', 'big.json', 'is larger than 16 MiB'],
    ['--baseline', '/dev/zero', 'is a character device, not a regular file'],
    ['--baseline', 'fifo', 'is a FIFO, not a regular file'],
  ] as const) {
    const run = runCli(root, ['audit', option, file, 'fix1.cpp']);
    assert.equal(run.status, 2, `${option} ${file}: ${run.stderr}`);
    assert.ok(run.stderr.includes(reason), `${option} ${file}: ${run.stderr}`);
  }
});

test('a config nested 3,000 deep or holding a 10 MB string is a config error naming file, line and column', (t) => {
  const root = makeTree(t, {
    'fix1.cpp': FIXABLE,
    'deep.json': `${'{"rules":'.repeat(3000)}1${'}'.repeat(3000)}`,
    'string.json': `{\n  "rules": { "no-deprecated-fast-path": "${'x'.repeat(10 * 1024 * 1024)}" }\n}\n`,
    'unterminated.json': `{"include": ["${'x'.repeat(10 * 1024 * 1024)}`,
  });
  for (const [file, message] of [
    ['deep.json', /deep\.json:1:577: invalid JSON: nested more than 64 levels deep/],
    ['string.json', /string\.json:2:41: invalid severity "x{60}… \(10485760 characters\)"/],
    ['unterminated.json', /unterminated\.json:1:10485775: invalid JSON: unexpected end of input/],
  ] as const) {
    const run = runCli(root, ['audit', '--config', file, 'fix1.cpp']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /internal error|RangeError/);
    assert.ok(run.stderr.length < 1000, 'the message is short');
  }
});

test('file names with newlines, ANSI/OSC escapes and bidi controls are escaped in stylish output and notes', (t) => {
  const forged = 'ok\n  9:9  error  FORGED finding  fake-rule\n\u001b]8;;x\u0007\u202eh.cpp';
  const root = makeTree(t, { [`src/${forged}`]: FIXABLE, 'src/bin\u001b[8m.c': Buffer.from([0, 1, 2, 0]) });
  const run = runCli(root, ['audit', '--no-color', 'src']);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(
    run.stdout.includes('ok\\x0a  9:9  error  FORGED finding  fake-rule\\x0a\\x1b]8;;x\\x07\\u202eh.cpp\n'),
    run.stdout,
  );
  assert.doesNotMatch(run.stdout, /^ {2}9:9/m);
  assert.match(run.stderr, /src\/bin\\x1b\[8m\.c: skipped: binary file/);
  assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  const html = runCli(root, ['audit', '-f', 'html', 'src']);
  assert.ok(html.stdout.includes('<h3 class="path">src/ok\\x0a  9:9'), 'HTML heading escaped');
});

test('a baseline with a UTF-8 BOM is accepted; one from a newer version is used with a note', (t) => {
  const root = makeTree(t, { 'fix1.cpp': FIXABLE });
  const update = runCli(root, ['audit', '--baseline', 'b.json', '--update-baseline', 'fix1.cpp']);
  assert.equal(update.status, 0, update.stderr);
  const saved = JSON.parse(String(spawnSync('cat', [join(root, 'b.json')]).stdout)) as { toolVersion: string };
  writeFileSync(join(root, 'bom.json'), `\ufeff${JSON.stringify(saved)}`);
  const bom = runCli(root, ['audit', '--baseline', 'bom.json', 'fix1.cpp']);
  assert.equal(bom.status, 0, bom.stderr);
  assert.equal(bom.stdout, '');
  writeFileSync(join(root, 'newer.json'), JSON.stringify({ ...saved, toolVersion: '99.0.0' }));
  const newer = runCli(root, ['audit', '--baseline', 'newer.json', 'fix1.cpp']);
  assert.equal(newer.status, 0, newer.stderr);
  assert.match(newer.stderr, /newer\.json: written by winsock-lint 99\.0\.0, newer than this \d+\.\d+\.\d+/);
  assert.ok(existsSync(join(root, 'b.json')));
  assert.doesNotMatch(bom.stderr, /newer/);
});

test('a backtracking-prone --exclude or config exclude finishes at once; an unsupported glob is exit 2', (t) => {
  const name = `${'a'.repeat(40)}.cpp`;
  const root = makeTree(t, {
    [`r/src/${name}`]: FIXABLE,
    'r/winsock-lint.config.json': JSON.stringify({ exclude: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b'] }),
  });
  // Backtracking took minutes here; the limit only guards against a hang, it is no measure.
  const options = { cwd: root, encoding: 'utf8' as const, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } };
  const run = spawnSync(
    process.execPath,
    [BIN, 'audit', '-f', 'json', '--exclude', '**/*a*a*a*a*a*a*a*a*a*a*b', 'r'],
    options,
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
  const bad = runCli(root, ['audit', '--exclude', '+(x)', 'r']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--include\/--exclude: glob "\+\(x\)": the extglob \+\(…\) is not supported/);
});

test('by default a file over 2 MiB is skipped with a note naming --max-file-size', (t) => {
  const root = makeTree(t, { 'big.c': `${FIXABLE}${'int filler = 0;\n'.repeat(140_000)}` });
  const run = runCli(root, ['audit', '-f', 'json', '.']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /big\.c: skipped: \d+ bytes is more than --max-file-size \(2097152 bytes\)/);
});
