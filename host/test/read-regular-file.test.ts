// readRegularFile: regular files read whole, FIFOs and devices refused without blocking, every read bounded by
// the limit (also a file whose size fstat cannot tell, as /proc files); readRegularText drops a UTF-8 BOM.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NotReadableError, readRegularFile, readRegularText } from '../src/index.js';

test('regular files are read; larger ones are reported with their size', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-read-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.c'), 'int a;\n');
  const read = readRegularFile(join(dir, 'a.c'), 100);
  assert.equal(read.kind === 'read' && read.bytes.toString(), 'int a;\n');
  assert.deepEqual(readRegularFile(join(dir, 'a.c'), 3), { kind: 'too-large', size: 7 });
  writeFileSync(join(dir, 'bom.json'), '\ufeff{}');
  assert.equal(readRegularText(join(dir, 'bom.json'), 100), '{}');
  assert.throws(() => readRegularFile(join(dir, 'missing'), 100), { code: 'ENOENT' });
});

test('a FIFO (no writer) and /dev/zero are refused at once, never read', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-read-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo')]).status, 0);
  assert.deepEqual(readRegularFile(join(dir, 'fifo'), 100), { kind: 'not-regular', type: 'a FIFO' });
  assert.deepEqual(readRegularFile('/dev/zero', 100), { kind: 'not-regular', type: 'a character device' });
  assert.throws(() => readRegularText('/dev/zero', 100), NotReadableError);
});

test('a file whose fstat size is 0 (a /proc file) is still bounded by the limit', () => {
  const status = readRegularFile('/proc/self/status', 1 << 20);
  assert.equal(status.kind, 'read');
  const small = readRegularFile('/proc/self/status', 16);
  assert.equal(small.kind, 'too-large');
});
