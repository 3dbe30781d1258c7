// Reading sources: legacy encodings decoded (never skipped), binary and too-large files skipped with a note,
// unreadable files noted, and the input order kept.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSources } from '../src/read-sources.js';
import { lock, makeTree } from './helpers/temp-tree.js';
import { rerunAsNobody } from './helpers/unprivileged.js';

const SOURCE = 'int on = 1; /* activé */\n';

test('UTF-8, Windows-1252 and UTF-16 (LE and BE, with a BOM) are decoded to the same text', async (t) => {
  const root = makeTree(t, {
    'utf8.c': SOURCE,
    'cp1252.c': Buffer.from(SOURCE, 'latin1'),
    'utf16le.c': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOURCE, 'utf16le')]),
    'utf16be.c': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SOURCE, 'utf16le').swap16()]),
  });
  const paths = ['utf8.c', 'cp1252.c', 'utf16le.c', 'utf16be.c'].map((name) => join(root, name));
  const result = await readSources(paths, { maxFileSize: 1024 });
  assert.deepEqual(result.notes, []);
  assert.deepEqual(
    result.files.map((file) => file.path),
    paths,
  );
  for (const file of result.files) assert.equal(file.text, SOURCE, file.path);
});

test('binary and too-large files are skipped with notes; the rest are read', async (t) => {
  const root = makeTree(t, {
    'a.c': 'int a;\n',
    'blob.c': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
    'big.c': 'x'.repeat(2000),
  });
  const paths = ['a.c', 'blob.c', 'big.c'].map((name) => join(root, name));
  // yieldEvery 1 exercises the yields to the event loop between files.
  const result = await readSources(paths, { maxFileSize: 1000, yieldEvery: 1 });
  assert.deepEqual(
    result.files.map((file) => file.path),
    [join(root, 'a.c')],
  );
  assert.deepEqual(result.notes, [
    { path: join(root, 'blob.c'), reason: 'skipped: binary file' },
    {
      path: join(root, 'big.c'),
      reason: 'skipped: 2000 bytes is more than --max-file-size (1000 bytes)',
    },
  ]);
});

test('files that vanished or cannot be read are noted and skipped', async (t) => {
  // Root reads any file: as root, the test runs again as user 65534.
  if (rerunAsNobody(t, fileURLToPath(import.meta.url))) return;
  const root = makeTree(t, { 'ok.c': 'int ok;\n', 'secret.c': 'int s;\n' });
  const gone = await readSources([join(root, 'gone.c')], { maxFileSize: 1000 });
  assert.deepEqual(gone.notes, [{ path: join(root, 'gone.c'), reason: 'cannot read: ENOENT' }]);
  lock(join(root, 'secret.c'));
  const result = await readSources([join(root, 'ok.c'), join(root, 'secret.c')], {
    maxFileSize: 1000,
  });
  assert.deepEqual(
    result.files.map((file) => file.path),
    [join(root, 'ok.c')],
  );
  assert.deepEqual(result.notes, [{ path: join(root, 'secret.c'), reason: 'cannot read: EACCES' }]);
});
