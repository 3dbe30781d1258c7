// `merge` refuses what it cannot join correctly: JSON entries that are not ESLint results, SARIF results whose
// ruleIndex or artifact index points outside their run, shards of different runs, the same shard twice, and a
// shard mixed with an unsharded report. Each sharded report records its shard and run id.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXABLE, runCli, type Run } from './helpers/cli-run.js';
import { makeTree } from './helpers/temp-tree.js';

const run = (cwd: string, ...args: string[]): Run => runCli(cwd, args);

function tree(t: Parameters<typeof makeTree>[0]): string {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 6; i++) spec[`src/f${i}.c`] = FIXABLE.replace('enable', `enable${i}`);
  const root = makeTree(t, spec);
  for (const format of ['json', 'sarif']) {
    for (const i of [1, 2])
      assert.equal(run(root, 'audit', '--shard', `${i}/2`, '-f', format, '-o', `s${i}.${format}`, 'src').status, 0);
    run(root, 'audit', '-f', format, '-o', `full.${format}`, 'src');
  }
  return root;
}

test('each shard records its shard and run id; the merged report records none', (t) => {
  const root = tree(t);
  const json = JSON.parse(readFileSync(join(root, 's1.json'), 'utf8')) as Array<{ winsockLintShard: unknown }>;
  const stamp = json[0]?.winsockLintShard as { index: number; count: number; runId: string };
  assert.deepEqual([stamp.index, stamp.count, /^[0-9a-f]{16}$/.test(stamp.runId)], [1, 2, true]);
  const sarif = JSON.parse(readFileSync(join(root, 's2.sarif'), 'utf8')) as {
    runs: Array<{ automationDetails: { id: string }; properties: Record<string, unknown> }>;
  };
  assert.equal(sarif.runs[0]?.automationDetails.id, `winsock-lint/${stamp.runId}/2-of-2`);
  const merged = run(root, 'merge', 's1.json', 's2.json');
  assert.equal(merged.status, 0, merged.stderr);
  assert.equal(merged.stdout, readFileSync(join(root, 'full.json'), 'utf8'));
  const mergedSarif = run(root, 'merge', 's1.sarif', 's2.sarif');
  assert.equal(mergedSarif.status, 0, mergedSarif.stderr);
  assert.doesNotMatch(mergedSarif.stdout, /automationDetails|winsock-lint\.shard/);
});

test('the same shard twice, shards of another run, or a shard with a full report are refused (exit 2)', (t) => {
  const root = tree(t);
  const twice = run(root, 'merge', 's1.json', 's1.json');
  assert.equal(twice.status, 2);
  assert.match(twice.stderr, /s1\.json is shard 1\/2 again/);
  // Another run: the tree changed between the shards.
  writeFileSync(join(root, 'src/f0.c'), `${FIXABLE}// edited\n`);
  assert.equal(run(root, 'audit', '--shard', '2/2', '-f', 'sarif', '-o', 'other2.sarif', 'src').status, 0);
  const other = run(root, 'merge', 's1.sarif', 'other2.sarif');
  assert.equal(other.status, 2);
  assert.match(other.stderr, /shards of different runs/);
  const mixed = run(root, 'merge', 's1.json', 'full.json');
  assert.equal(mixed.status, 2);
  assert.match(mixed.stderr, /full\.json is not a --shard report/);
  // Unsharded reports of the same files overlap.
  const overlap = run(root, 'merge', 'full.json', 'full.json');
  assert.equal(overlap.status, 2);
  assert.match(overlap.stderr, /both report .*f0\.c/);
});

test('non-report JSON entries and out-of-range SARIF indexes are refused with where they are', (t) => {
  const root = tree(t);
  writeFileSync(join(root, 'junk.json'), JSON.stringify([{ filePath: 'a.c', messages: [] }, 42]));
  const junk = run(root, 'merge', 'junk.json');
  assert.equal(junk.status, 2);
  assert.match(junk.stderr, /junk\.json: entry 0 is not an ESLint result \(no errorCount integer\)/);
  writeFileSync(
    join(root, 'msgs.json'),
    JSON.stringify([{ filePath: 'a.c', messages: [{ severity: 7 }], errorCount: 0, warningCount: 0 }]),
  );
  assert.match(run(root, 'merge', 'msgs.json').stderr, /message 0 needs ruleId, severity 1 or 2/);

  const log = JSON.parse(readFileSync(join(root, 'full.sarif'), 'utf8')) as {
    runs: Array<{
      results: Array<{
        ruleIndex: number;
        locations: Array<{ physicalLocation: { artifactLocation: { index: number } } }>;
      }>;
    }>;
  };
  const result = log.runs[0]?.results[0];
  assert.ok(result);
  const original = result.ruleIndex;
  result.ruleIndex = 999;
  writeFileSync(join(root, 'rule.sarif'), JSON.stringify(log));
  const badRule = run(root, 'merge', 'rule.sarif');
  assert.equal(badRule.status, 2);
  assert.match(badRule.stderr, /rule\.sarif: run 0 result 0: ruleIndex 999 is not a rule of the run/);
  result.ruleIndex = original;
  const location = result.locations[0]?.physicalLocation.artifactLocation;
  assert.ok(location);
  location.index = 500;
  writeFileSync(join(root, 'artifact.sarif'), JSON.stringify(log));
  const badArtifact = run(root, 'merge', 'artifact.sarif');
  assert.equal(badArtifact.status, 2);
  assert.match(badArtifact.stderr, /artifact\.sarif: run 0 result 0: artifact index 500 is not an artifact of the run/);
});
