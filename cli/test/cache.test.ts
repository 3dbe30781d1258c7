// --cache keeps extracted facts on disk by content hash: a second run reads them and reports the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskFactsCache } from '../src/facts-cache.js';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../bin/winsock-lint.js');

test('a second --cache run reads every parsed file from the cache and reports the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-cache-'));
  writeFileSync(
    join(dir, 'helper.cpp'),
    'void Enable(SOCKET s) {\n  BOOL on = TRUE; DWORD b = 0;\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n',
  );
  writeFileSync(
    join(dir, 'client.cpp'),
    'void Dial(SOCKET s, const sockaddr* a) {\n  connect(s, a, 16);\n  Enable(s);\n}\n',
  );
  const cacheDir = join(dir, '.cache');
  const run = (): string =>
    spawnSync(process.execPath, [BIN, 'audit', '.', '--format', 'json', '--cache', '--cache-location', cacheDir], {
      cwd: dir,
      encoding: 'utf8',
    }).stdout;
  const first = run();
  const entries = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
  assert.ok(entries.length >= 2, 'both files were cached');
  assert.equal(run(), first);

  const cache = new DiskFactsCache(cacheDir, dir);
  for (const entry of entries)
    assert.ok(
      cache.get(
        String(entry)
          .split(/[\\/]/)
          .pop()!
          .replace(/\.json$/, ''),
      ),
    );
  assert.equal(cache.hits, entries.length);
  assert.equal(cache.get('0000-not-there'), undefined, 'a missing entry is a miss');
});
