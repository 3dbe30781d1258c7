// The nearest configuration file wins, each folder is looked up once, and a byte-order mark is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, NearestConfigFinder, readConfigText } from '../src/index.js';

test('the nearest file above a folder is found; folders named like it are not files', () => {
  const root = mkdtempSync(join(tmpdir(), 'winsock-lint-host-'));
  mkdirSync(join(root, 'a/b/c'), { recursive: true });
  mkdirSync(join(root, 'a/b/c', CONFIG_FILE_NAME));
  writeFileSync(join(root, 'a', CONFIG_FILE_NAME), '{}');
  const finder = new NearestConfigFinder();
  assert.equal(finder.find(join(root, 'a/b/c')), join(root, 'a', CONFIG_FILE_NAME));
  // Cached per folder: removing the file is only seen after clear().
  rmSync(join(root, 'a', CONFIG_FILE_NAME));
  assert.equal(finder.find(join(root, 'a/b')), join(root, 'a', CONFIG_FILE_NAME));
  finder.clear();
  assert.equal(finder.find(join(root, 'a/b')), undefined);
});

test('readConfigText drops a byte-order mark and passes read errors on', () => {
  const root = mkdtempSync(join(tmpdir(), 'winsock-lint-host-'));
  writeFileSync(join(root, CONFIG_FILE_NAME), '\ufeff{"rules":{}}');
  assert.equal(readConfigText(join(root, CONFIG_FILE_NAME)), '{"rules":{}}');
  assert.throws(() => readConfigText(join(root, 'missing.json')), /ENOENT/);
});
