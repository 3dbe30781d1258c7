// What winsock-lint writes never harms what is there: -o onto a device or FIFO writes into it (never replaces
// it), write errors exit 2; --fix refuses read-only files and keeps mode, owner and group; temporary names stay
// short; SIGHUP cleans up like SIGINT; stale temporary files of a killed run are removed by the next --fix.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BIN, FIXABLE, FIXED, runCli } from './helpers/cli-run.js';
import { isRoot, makeTree } from './helpers/temp-tree.js';
import { canRunAsNobody, NOBODY_UID, openToEveryone, runCliAsNobody } from './helpers/unprivileged.js';
import { temporaryName } from '../src/temp-names.js';

function env(): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete vars['FORCE_COLOR'];
  return vars;
}

test('-o onto a character device writes into it and leaves the device node in place', (t) => {
  const root = makeTree(t, { 'fix1.cpp': FIXABLE });
  const made = spawnSync('mknod', [join(root, 'null'), 'c', '1', '3']);
  if (made.status !== 0) {
    t.skip('cannot create a device node here (needs root)');
    return;
  }
  const run = runCli(root, ['audit', '-f', 'json', '-o', 'null', 'fix1.cpp']);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(statSync(join(root, 'null')).isCharacterDevice(), 'the device node was replaced');
});

test('-o /dev/full fails with ENOSPC and exit 2; -o /dev/stdout writes the report to stdout', (t) => {
  const root = makeTree(t, { 'fix1.cpp': FIXABLE });
  const full = runCli(root, ['audit', '-f', 'json', '-o', '/dev/full', 'fix1.cpp']);
  assert.equal(full.status, 2, full.stderr);
  assert.match(full.stderr, /cannot write the report to \/dev\/full: ENOSPC/);
  const stdout = runCli(root, ['audit', '-f', 'json', '-o', '/dev/stdout', 'fix1.cpp']);
  assert.equal(stdout.status, 0, stdout.stderr);
  assert.equal((JSON.parse(stdout.stdout) as unknown[]).length, 1);
});

test('-o onto a FIFO writes the report to its reader and the FIFO stays a FIFO', async (t) => {
  const root = makeTree(t, { 'fix1.cpp': FIXABLE });
  const fifo = join(root, 'fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const reader = spawn('cat', [fifo]);
  let received = '';
  reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const readerDone = new Promise((resolve) => reader.on('close', resolve));
  const cli = spawn(process.execPath, [BIN, 'audit', '-f', 'json', '-o', fifo, 'fix1.cpp'], { cwd: root, env: env() });
  const status = await new Promise((resolve) => cli.on('close', resolve));
  await readerDone;
  assert.equal(status, 0);
  assert.equal((JSON.parse(received) as unknown[]).length, 1);
  assert.ok(statSync(fifo).isFIFO(), 'the FIFO was replaced by a regular file');
});

test('--fix refuses a read-only file of another user in a writable folder: "not fixed: read-only", exit 2', (t) => {
  const root = makeTree(t, { 'src/ro.c': FIXABLE, 'src/ok.c': FIXABLE });
  const readOnly = join(root, 'src/ro.c');
  chmodSync(readOnly, 0o444);
  // As root: the file is root's, the folder everyone's, and the fix runs as user 65534 (the reported attack).
  // Otherwise the user's own 0444 file.
  const asNobody = canRunAsNobody();
  if (asNobody) {
    openToEveryone(root);
    openToEveryone(join(root, 'src'));
    chmodSync(join(root, 'src/ok.c'), 0o666);
  }
  const run = asNobody ? runCliAsNobody(root, ['audit', '--fix', 'src']) : runCli(root, ['audit', '--fix', 'src']);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /ro\.c: not fixed: read-only/);
  assert.equal(readFileSync(readOnly, 'utf8'), FIXABLE);
  const stats = statSync(readOnly);
  assert.equal(stats.mode & 0o777, 0o444);
  if (asNobody) assert.equal(stats.uid, 0, 'the owner changed');
  // The writable file next to it is fixed.
  assert.equal(readFileSync(join(root, 'src/ok.c'), 'utf8'), asNobody ? FIXABLE : FIXED);
});

test('--fix keeps the mode, owner and group of the file it rewrites', (t) => {
  if (!isRoot()) {
    t.skip('giving a file to another user needs root');
    return;
  }
  const root = makeTree(t, { 'net.c': FIXABLE });
  const path = join(root, 'net.c');
  chownSync(path, NOBODY_UID, NOBODY_UID);
  chmodSync(path, 0o640);
  const run = runCli(root, ['audit', '--fix', 'net.c']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  const stats = statSync(path);
  assert.deepEqual([stats.uid, stats.gid, stats.mode & 0o777], [NOBODY_UID, NOBODY_UID, 0o640]);
});

test('--fix fixes a file with a 250-byte name (temporary names are short)', (t) => {
  const name = `${'a'.repeat(246)}.cpp`;
  const root = makeTree(t, { [name]: FIXABLE });
  const run = runCli(root, ['audit', '--fix', '.']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(join(root, name), 'utf8'), FIXED);
  assert.ok(temporaryName().length <= 24);
});

test('a later --fix removes stale temporary files of a process that is gone, and nothing else', (t) => {
  const root = makeTree(t, { 'src/net.c': FIXABLE, 'src/.keep.tmp': 'mine\n' });
  // A process id that exists no more: a child that has exited.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const stale = [temporaryName(Number(gone.stdout)), `.net.c.winsock-lint-${gone.stdout}-0123abcd.tmp`];
  const running = temporaryName(process.pid);
  for (const name of [...stale, running]) writeFileSync(join(root, 'src', name), 'half a file');
  const run = runCli(root, ['audit', '--fix', 'src']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /src: removed 2 stale temporary files of an earlier run/);
  assert.deepEqual(readdirSync(join(root, 'src')).sort(), ['.keep.tmp', running, 'net.c'].sort());
});

test('SIGHUP during --fix: temporary file removed, files original or complete, exit 129', async (t) => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 4; i++) spec[`src/f${i}.c`] = FIXABLE;
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
      if (!sent && /test hook: pausing 400 ms before renaming/.test(stderr)) {
        sent = true;
        child.kill('SIGHUP');
      }
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  assert.deepEqual(exit, { code: 129, signal: null }, stderr);
  assert.match(stderr, /interrupted \(SIGHUP\): 1 temporary file removed/);
  assert.deepEqual(
    readdirSync(join(root, 'src')).sort(),
    Object.keys(spec).map((p) => p.slice(4)),
  );
  for (const path of Object.keys(spec)) assert.equal(readFileSync(join(root, path), 'utf8'), FIXABLE);
});
