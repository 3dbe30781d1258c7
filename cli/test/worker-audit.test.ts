// The audit through the worker pool (more than 16 files): the same report as parsing every file, with one worker
// or two; unreadable, binary and oversized files noted as the in-thread reader notes them; --stats.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXABLE, runCli } from './helpers/cli-run.js';
import { makeTree } from './helpers/temp-tree.js';

// Compiled to cli/dist/test/worker-audit.test.js.
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

test('the pooled audit of every fixture equals --no-prefilter, with one worker or two', () => {
  const selected = runCli(FIXTURES, ['audit', '.', '-f', 'json', '--jobs', '2', '--stats']);
  const everything = runCli(FIXTURES, ['audit', '.', '-f', 'json', '--jobs', '1', '--no-prefilter']);
  assert.equal(selected.status, everything.status);
  const report = JSON.parse(selected.stdout) as { messages: unknown[] }[];
  assert.ok(report.length > 16 && report.some((r) => r.messages.length > 0));
  assert.equal(selected.stdout, everything.stdout);
  const stats = /stats: (\d+) files read \([\d.]+ MB\), (\d+) parsed/.exec(selected.stderr);
  assert.ok(stats, selected.stderr);
  assert.ok(Number(stats[2]) < Number(stats[1]));
});

test('the pooled audit notes binary and oversized files and reports the rest', (t) => {
  const spec: Record<string, string> = { 'src/fast.cpp': FIXABLE, 'src/big.cpp': `// ${'x'.repeat(2000)}\n` };
  for (let i = 0; i < 20; i++) spec[`src/plain${i}.cpp`] = `int f${i}(int a) { return a + ${i}; }\n`;
  const root = makeTree(t, spec);
  // NUL bytes make a file binary.
  writeFileSync(join(root, 'src/blob.cpp'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
  const run = runCli(root, ['audit', 'src', '-f', 'json', '--max-file-size', '1000', '--jobs', '2']);
  assert.equal(run.status, 0);
  assert.match(run.stderr, /blob\.cpp: skipped: binary file/);
  assert.match(run.stderr, /big\.cpp: skipped: \d+ bytes is more than --max-file-size/);
  const report = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
  assert.equal(report.length, 21);
  const fast = report.find((r) => r.filePath.endsWith('fast.cpp'));
  assert.deepEqual(
    fast?.messages.map((m) => m.ruleId),
    ['no-deprecated-fast-path'],
  );
});
