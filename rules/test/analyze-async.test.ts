// analyzeProjectAsync: the same results as analyzeProject, and a cancellation request stops it between
// parses with AnalysisCancelled (the language server cancels a workspace run when a newer edit arrives).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisCancelled, analyzeProject, analyzeProjectAsync } from '../src/index.js';

const files = Array.from({ length: 40 }, (_, i) => ({
  path: `/p/f${i}.cpp`,
  text: `void f${i}(SOCKET s) { DWORD b = 0; WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &b, 4, NULL, 0, &b, NULL, NULL); }\n`,
}));

test('analyzeProjectAsync gives what analyzeProject gives', async () => {
  assert.deepEqual(await analyzeProjectAsync(files), analyzeProject(files));
});

test('a cancellation request stops the analysis between parses', async () => {
  let asked = 0;
  await assert.rejects(
    analyzeProjectAsync(files, {
      isCancelled: () => {
        asked++;
        return true;
      },
    }),
    AnalysisCancelled,
  );
  assert.equal(asked, 1, 'asked at the first turn, then stopped');
});

test('an analysis that is never cancelled asks at every turn and finishes', async () => {
  let asked = 0;
  const results = await analyzeProjectAsync(files, {
    isCancelled: () => {
      asked++;
      return false;
    },
  });
  assert.equal(results.length, files.length);
  assert.ok(asked >= 2, `asked between parses (${asked} times)`);
});
