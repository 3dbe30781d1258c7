// Unit tests of --fix's parts: the fix loop on the real engine (stable, idempotent, suggestions never applied),
// and the atomic writer (mode kept, symlinks written through, files changed on disk or unencodable untouched).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultConfig, defaultSeverities } from '@winsock-lint/rules';
import { writeFileAtomic } from '../src/atomic-write.js';
import { automaticFix, runFixLoop, writeFixedFiles } from '../src/fix.js';
import { readSources } from '../src/read-sources.js';
import { FIXABLE as SOURCE, FIXED } from './helpers/cli-run.js';
import { makeTree } from './helpers/temp-tree.js';

const config = defaultConfig(defaultSeverities());
const configFor = () => config;

test('the fix loop removes the deprecated call, re-analyses, and a second run changes nothing', async () => {
  const first = await runFixLoop([{ path: '/p/net.c', text: SOURCE }], { configFor });
  assert.equal(first.texts.get('/p/net.c'), FIXED);
  assert.deepEqual(first.changed, ['/p/net.c']);
  assert.equal(first.passes, 1);
  // The results describe the fixed text: nothing left to report.
  assert.deepEqual(first.results[0]?.findings, []);
  const second = await runFixLoop([{ path: '/p/net.c', text: FIXED }], { configFor });
  assert.deepEqual(second.changed, []);
  assert.equal(second.passes, 0);
});

test('wanted() limits which findings are fixed (errors only under --quiet); suggestions never apply', async () => {
  const none = await runFixLoop([{ path: '/p/net.c', text: SOURCE }], {
    configFor,
    wanted: (finding) => finding.severity === 'error',
  });
  assert.deepEqual(none.changed, []);
  assert.equal(
    automaticFix({
      ruleId: 'fast-path-ioctl-arguments',
      severity: 'error',
      messageId: 'x',
      message: 'x',
      path: '/p/a.c',
      range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
      related: [],
      suggestions: [{ message: 'Review me.', edits: [] }],
      tags: [],
    }),
    undefined,
  );
});

test('the loop stops after maxPasses', async () => {
  const result = await runFixLoop([{ path: '/p/net.c', text: SOURCE }], { configFor, maxPasses: 0 });
  assert.deepEqual(result.changed, []);
  assert.ok(result.results[0]?.findings.some((f) => f.ruleId === 'no-deprecated-fast-path'));
});

test('writeFileAtomic replaces the file, keeps its mode and leaves no temporary file behind', (t) => {
  const root = makeTree(t, { 'a.c': 'old\n' });
  const path = join(root, 'a.c');
  chmodSync(path, 0o640);
  assert.equal(writeFileAtomic(path, 'new\n'), 'written');
  assert.equal(readFileSync(path, 'utf8'), 'new\n');
  assert.equal(statSync(path).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(root), ['a.c']);
});

test('writeFileAtomic writes through a symbolic link to the real file', (t) => {
  const root = makeTree(t, { 'real/a.c': 'old\n', 'links/': '' });
  try {
    symlinkSync(join(root, 'real/a.c'), join(root, 'links/a.c'));
  } catch (error) {
    t.skip(`cannot create symbolic links here: ${String(error)}`);
    return;
  }
  writeFileAtomic(join(root, 'links/a.c'), 'new\n');
  assert.ok(statSync(join(root, 'links/a.c')).isFile());
  assert.equal(readFileSync(join(root, 'real/a.c'), 'utf8'), 'new\n');
  assert.deepEqual(readdirSync(join(root, 'real')), ['a.c']);
});

test('writeFixedFiles refuses a file that changed on disk since it was read, and leaves it as it is', async (t) => {
  const root = makeTree(t, { 'net.c': SOURCE, 'other.c': SOURCE });
  const paths = [join(root, 'net.c'), join(root, 'other.c')];
  const read = await readSources(paths, { maxFileSize: 1 << 20 });
  const fixed = await runFixLoop(read.files, { configFor });
  // Someone saves net.c after it was read.
  writeFileSync(paths[0] ?? '', `${SOURCE}// edited\n`);
  const outcome = await writeFixedFiles(fixed.changed, fixed.texts, read.sources);
  assert.deepEqual(outcome.refused, [paths[0]]);
  assert.deepEqual(outcome.written, [paths[1]]);
  assert.match(outcome.notes[0]?.reason ?? '', /changed on disk since it was read/);
  assert.equal(readFileSync(paths[0] ?? '', 'utf8'), `${SOURCE}// edited\n`);
  assert.equal(readFileSync(paths[1] ?? '', 'utf8'), FIXED);
  assert.deepEqual(readdirSync(root).sort(), ['net.c', 'other.c']);
});

test('writeFixedFiles leaves a file untouched with a note when the fixed text cannot be encoded', async (t) => {
  const latin1 = Buffer.from(`/* caf\u00e9 */\n${SOURCE}`, 'latin1');
  const root = makeTree(t, { 'cp.c': latin1 });
  const path = join(root, 'cp.c');
  const read = await readSources([path], { maxFileSize: 1 << 20 });
  assert.equal(read.sources.get(path)?.encoding, 'windows-1252');
  const texts = new Map([[path, `/* \u4e2d */\n${SOURCE}`]]);
  const outcome = await writeFixedFiles([path], texts, read.sources);
  assert.deepEqual(outcome.notWritten, [path]);
  assert.deepEqual(outcome.refused, []);
  assert.match(outcome.notes[0]?.reason ?? '', /^not fixed: Cannot encode U\+4E2D/);
  assert.deepEqual(readFileSync(path), latin1);
});
