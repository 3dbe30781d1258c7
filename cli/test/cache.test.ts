// --cache keeps extracted facts on disk by content hash: a second run reads them and reports the same; entries
// that do not check out (shape, version, key, checksum) are misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskFactsCache, formatEntry, parseEntry } from '../src/facts-cache.js';

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

test('cache entries of the wrong shape, version, key or checksum are misses, and the run reports the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-cache-'));
  writeFileSync(
    join(dir, 'net.cpp'),
    'void Enable(SOCKET s) {\n  BOOL on = TRUE; DWORD b = 0;\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n',
  );
  const cacheDir = join(dir, '.cache');
  const run = (): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [BIN, 'audit', '.', '--format', 'json', '--cache', '--cache-location', cacheDir], {
      cwd: dir,
      encoding: 'utf8',
    });
  const first = run();
  const [entry] = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
  assert.ok(entry !== undefined);
  const path = join(cacheDir, String(entry));
  const key = String(entry)
    .split(/[\\/]/)
    .pop()!
    .replace(/\.json$/, '');
  const good = readFileSync(path, 'utf8');
  const [header = '', body = ''] = [good.slice(0, good.indexOf('\n')), good.slice(good.indexOf('\n') + 1)];
  const emptied = JSON.stringify({ ...(JSON.parse(body) as object), codeUses: [], functions: [] });
  const wrongShape = JSON.stringify({ ...(JSON.parse(body) as object), functions: 5 });
  const withSum = (text: string): string =>
    `${JSON.stringify({ ...(JSON.parse(header) as object), sha256: createHash('sha256').update(text).digest('hex') })}\n${text}`;
  const bad = {
    'valid JSON, not an entry': '{}',
    'the facts alone (an older format)': body,
    'a hand edit hiding the finding': `${header}\n${emptied}`,
    'the wrong shape with a matching checksum': withSum(wrongShape),
    'another facts format version': good.replace(/"version":\d+/, '"version":999'),
    'another key': good.replace(`"key":"${key}"`, '"key":"0000"'),
    truncated: good.slice(0, good.length - 10),
  };
  for (const [what, text] of Object.entries(bad)) {
    writeFileSync(path, text);
    const cache = new DiskFactsCache(cacheDir, dir);
    assert.equal(cache.get(key), undefined, what);
    assert.equal(cache.misses, 1, what);
    writeFileSync(path, text);
    const again = run();
    assert.equal(again.status, first.status, `${what}: ${again.stderr}`);
    assert.equal(again.stdout, first.stdout, what);
    assert.doesNotMatch(again.stderr, /internal error|TypeError/, what);
  }
  assert.equal(
    parseEntry(formatEntry(key, JSON.parse(body) as never), key)?.path,
    (JSON.parse(body) as { path: string }).path,
  );
});
