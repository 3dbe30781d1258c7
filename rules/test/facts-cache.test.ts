// Facts of unchanged files come from the cache (by content hash), and give the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject, type FactsCache, type FileFacts } from '../src/index.js';

function countingCache(): FactsCache & { hits: number; misses: number } {
  const store = new Map<string, FileFacts>();
  const cache = {
    hits: 0,
    misses: 0,
    get(key: string) {
      const value = store.get(key);
      if (value) cache.hits++;
      else cache.misses++;
      // A disk cache hands back parsed JSON: so does this one.
      return value ? (JSON.parse(JSON.stringify(value)) as FileFacts) : undefined;
    },
    set(key: string, facts: FileFacts) {
      store.set(key, facts);
    },
  };
  return cache;
}

const helper = {
  path: '/c/fastpath.cpp',
  text: 'void Enable(SOCKET s) {\n  BOOL on = TRUE; DWORD b = 0;\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n',
};
const caller = {
  path: '/c/client.cpp',
  text: 'void Dial(SOCKET s, const sockaddr* a) {\n  connect(s, a, 16);\n  Enable(s);\n}\n',
};

test('a second run over unchanged files hits the cache and reports the same findings', () => {
  const cache = countingCache();
  const first = analyzeProject([helper, caller], { cache });
  assert.equal(cache.hits, 0);
  const misses = cache.misses;
  const second = analyzeProject([helper, caller], { cache });
  assert.equal(cache.hits, misses, 'every extraction of the second run came from the cache');
  assert.deepEqual(second, first);
});

test('a changed file misses; a moved file with the same text hits', () => {
  const cache = countingCache();
  analyzeProject([helper, caller], { cache });
  const before = cache.misses;
  const changed = { ...caller, text: caller.text.replace('Enable(s);', 'Enable(s); Enable(s);') };
  analyzeProject([helper, changed], { cache });
  assert.ok(cache.misses > before, 'the changed file was extracted again');
  const moved = analyzeProject([{ ...helper, path: '/c/net/fastpath.cpp' }, caller], { cache });
  assert.equal(moved[0]!.path, '/c/net/fastpath.cpp');
  assert.equal(moved[0]!.findings[0]!.path, '/c/net/fastpath.cpp', 'cached facts take the new path');
});
