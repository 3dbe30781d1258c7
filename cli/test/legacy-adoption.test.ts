// End to end for adopting the linter on legacy code: --baseline / --update-baseline, --changed-since, --shard and
// `winsock-lint merge`. Spawns the real binary on temporary trees (and temporary git repositories).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shardOf } from '../src/shard.js';
import { makeTree } from './helpers/temp-tree.js';
import { IOCTL, runCli, type Run } from './helpers/cli-run.js';

const run = (cwd: string, ...args: string[]): Run => runCli(cwd, args, ['CI']);

const fn = (name: string, body = `    ${IOCTL}`): string =>
  [`void ${name}(SOCKET s) {`, '    int on = 1;', '    DWORD bytes = 0;', body, '}', ''].join('\n');
const CLEAN = 'int add(int a, int b) { return a + b; }\n';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; severity: number }>;
}

function findings(out: Run): Array<{ file: string; ruleId: string | null; line: number }> {
  return (JSON.parse(out.stdout) as JsonResult[]).flatMap((r) =>
    r.messages.map((m) => ({ file: r.filePath, ruleId: m.ruleId, line: m.line })),
  );
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

test('--update-baseline records the findings; later runs report only new ones; moved code is not new', (t) => {
  const root = makeTree(t, { 'src/a.c': fn('a') + fn('b'), 'src/b.c': fn('c'), 'src/ok.c': CLEAN });
  const write = run(root, 'audit', '--baseline', 'wl-baseline.json', '--update-baseline', '-f', 'json', 'src');
  assert.equal(write.status, 0, write.stderr);
  assert.match(write.stderr, /baseline: wrote 3 entries to .*wl-baseline\.json \(3 new, 0 pruned\)/);
  assert.deepEqual(findings(write), [], 'everything is accepted after an update');
  const baseline = JSON.parse(readFileSync(join(root, 'wl-baseline.json'), 'utf8')) as {
    version: number;
    toolVersion: string;
    entries: Array<{ path: string; ruleId: string; fingerprint: string; message: string }>;
  };
  assert.equal(baseline.version, 1);
  assert.match(baseline.toolVersion, /^\d+\.\d+\.\d+/);
  assert.deepEqual(
    baseline.entries.map((e) => [e.path, e.ruleId, e.fingerprint.replace(/^[0-9a-f]{16}:/, 'H:')]),
    [
      ['src/a.c', 'no-deprecated-fast-path', 'H:1'],
      ['src/a.c', 'no-deprecated-fast-path', 'H:2'],
      ['src/b.c', 'no-deprecated-fast-path', 'H:1'],
    ],
  );
  assert.ok(baseline.entries.every((e) => e.message.includes('SIO_LOOPBACK_FAST_PATH')));

  const again = run(root, 'audit', '--baseline', 'wl-baseline.json', '-f', 'json', 'src');
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(findings(again), []);

  // Lines added above, the call re-indented, the file's functions reordered: nothing new.
  writeFileSync(join(root, 'src/a.c'), `// header\n\n${fn('b', `\t\t${IOCTL}`)}\n${fn('a')}`);
  const moved = run(root, 'audit', '--baseline', 'wl-baseline.json', '-f', 'json', 'src');
  assert.deepEqual(findings(moved), [], moved.stdout);

  // A third identical call in a.c is new (occurrence 3); so is one in a new file.
  writeFileSync(join(root, 'src/a.c'), fn('a') + fn('b') + fn('z'));
  writeFileSync(join(root, 'src/new.c'), fn('n'));
  const added = run(root, 'audit', '--baseline', 'wl-baseline.json', '-f', 'json', 'src');
  assert.deepEqual(
    findings(added).map((f) => [f.file.slice(root.length + 1), f.line]),
    [
      ['src/a.c', 14],
      ['src/new.c', 4],
    ],
  );

  // Removing code leaves stale entries: noted, and pruned (and counted) by --update-baseline.
  writeFileSync(join(root, 'src/b.c'), CLEAN);
  const stale = run(root, 'audit', '--baseline', 'wl-baseline.json', 'src');
  assert.match(
    stale.stderr,
    /note: .*wl-baseline\.json: 1 entry no longer matches a finding; run with --update-baseline/,
  );
  const pruned = run(root, 'audit', '--baseline', 'wl-baseline.json', '--update-baseline', 'src');
  assert.equal(pruned.status, 0, pruned.stderr);
  assert.match(pruned.stderr, /wrote 4 entries .* \(2 new, 1 pruned\)/);
  assert.deepEqual(readdirSync(root).sort(), ['src', 'wl-baseline.json'], 'no temporary files left');
});

test('--baseline paths are relative to the baseline file, so the audit can run from elsewhere', (t) => {
  const root = makeTree(t, { 'proj/src/a.c': fn('a'), 'proj/ci/': '' });
  const write = run(join(root, 'proj'), 'audit', '--baseline', 'ci/base.json', '--update-baseline', 'src');
  assert.equal(write.status, 0, write.stderr);
  const entries = (
    JSON.parse(readFileSync(join(root, 'proj/ci/base.json'), 'utf8')) as {
      entries: Array<{ path: string }>;
    }
  ).entries;
  assert.deepEqual(
    entries.map((e) => e.path),
    ['../src/a.c'],
  );
  const fromRoot = run(root, 'audit', '--baseline', 'proj/ci/base.json', '-f', 'json', 'proj');
  assert.deepEqual(findings(fromRoot), []);
});

test('--baseline: a missing or broken baseline, or --update-baseline misuse, exits 2', (t) => {
  const root = makeTree(t, { 'a.c': fn('a'), 'bad.json': '{"version": 1', 'other.json': '{"version": 7}' });
  const missing = run(root, 'audit', '--baseline', 'nope.json', 'a.c');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /baseline .*nope\.json does not exist; create it with --update-baseline/);
  assert.match(run(root, 'audit', '--baseline', 'bad.json', 'a.c').stderr, /is not valid JSON/);
  assert.match(run(root, 'audit', '--baseline', 'other.json', 'a.c').stderr, /is not a winsock-lint baseline/);
  const alone = run(root, 'audit', '--update-baseline', 'a.c');
  assert.equal(alone.status, 2);
  assert.match(alone.stderr, /--update-baseline needs --baseline FILE/);
  const sharded = run(root, 'audit', '--baseline', 'x.json', '--update-baseline', '--shard', '1/2', 'a.c');
  assert.equal(sharded.status, 2);
  assert.match(sharded.stderr, /cannot be combined with --shard or --changed-since/);
});

test('--changed-since reports only findings on changed lines and in untracked files', (t) => {
  const root = makeTree(t, {
    'src/old.c': fn('a') + fn('b'),
    'src/same.c': fn('c'),
    '.gitignore': 'ignored/\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  // A new call in old.c (appended), an untracked file, an ignored untracked file.
  writeFileSync(join(root, 'src/old.c'), fn('a') + fn('b') + fn('d'));
  writeFileSync(join(root, 'src/untracked.c'), fn('u'));
  makeTreeFile(root, 'ignored/x.c', fn('x'));
  const out = run(root, 'audit', '--changed-since', 'HEAD', '-f', 'json', 'src', 'ignored/x.c');
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(
    findings(out).map((f) => [f.file.slice(root.length + 1), f.line]),
    [
      ['src/old.c', 14],
      ['src/untracked.c', 4],
    ],
  );
  // Committed changes count too (the working tree is compared with the ref).
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'more');
  const since = run(root, 'audit', '--changed-since', 'HEAD~1', '-f', 'json', 'src');
  assert.equal(findings(since).length, 2, since.stdout);
  assert.deepEqual(findings(run(root, 'audit', '--changed-since', 'HEAD', '-f', 'json', 'src')), []);

  const unknown = run(root, 'audit', '--changed-since', 'no-such-branch', 'src');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--changed-since: unknown git ref 'no-such-branch'/);
  const fix = run(root, 'audit', '--changed-since', 'HEAD', '--fix', 'src');
  assert.equal(fix.status, 2);
  assert.match(fix.stderr, /--fix and --fix-dry-run cannot be combined with --shard or --changed-since/);
});

test('--changed-since outside a git repository exits 2 with a clear message', (t) => {
  const root = makeTree(t, { 'a.c': fn('a') });
  const out = run(root, 'audit', '--changed-since', 'HEAD', 'a.c');
  assert.equal(out.status, 2);
  assert.match(out.stderr, /^winsock-lint: error: --changed-since needs a git repository, but .* is not inside one$/m);
  assert.equal(out.stdout, '');
});

test('--shard splits files by a hash of their path: disjoint, complete, stable when files are added', (t) => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 12; i++) spec[`src/m${i}.c`] = i % 3 === 0 ? fn(`f${i}`) : CLEAN;
  const root = makeTree(t, spec);
  const shardFiles = (n: number): string[][] =>
    Array.from({ length: n }, (_, i) => {
      const out = run(root, 'audit', '--shard', `${i + 1}/${n}`, '-f', 'json', 'src');
      assert.ok(out.status === 0 || out.status === 1, out.stderr);
      return (JSON.parse(out.stdout) as JsonResult[]).map((r) => r.filePath.slice(root.length + 1));
    });
  const before = shardFiles(3);
  const all = before.flat().sort();
  assert.deepEqual(all, Object.keys(spec).sort(), 'every file in exactly one shard');
  for (const [i, files] of before.entries()) {
    for (const file of files) assert.equal(shardOf(file, 3), i + 1);
  }
  makeTreeFile(root, 'src/added.c', CLEAN);
  const after = shardFiles(3);
  for (const [i, files] of before.entries()) {
    assert.deepEqual(
      after[i]?.filter((f) => f !== 'src/added.c'),
      files,
      'no file moved shard',
    );
  }
  for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) {
    const out = run(root, 'audit', '--shard', bad, 'src');
    assert.equal(out.status, 2, bad);
    assert.match(out.stderr, /--shard expects i\/n/);
  }
});

test('merge: shards of a run joined give the unsharded report (JSON exactly, SARIF results and rules)', (t) => {
  const spec: Record<string, string> = {
    'src/conn.c': [
      'void g(SOCKET s, const struct sockaddr *a, int n) {',
      '    int on = 1;',
      '    DWORD bytes = 0;',
      '    connect(s, a, n);',
      `    ${IOCTL}`,
      '}',
      '',
    ].join('\n'),
  };
  for (let i = 0; i < 8; i++) spec[`src/d${i}/m.c`] = fn(`f${i}`);
  const root = makeTree(t, spec);
  for (const format of ['json', 'sarif']) {
    for (const i of [1, 2, 3]) {
      run(root, 'audit', '--shard', `${i}/3`, '-f', format, '-o', `shard-${i}.${format}`, 'src');
    }
    run(root, 'audit', '-f', format, '-o', `full.${format}`, 'src');
  }
  const merged = run(root, 'merge', 'shard-1.json', 'shard-2.json', 'shard-3.json');
  assert.equal(merged.status, 0, merged.stderr);
  assert.equal(merged.stdout, readFileSync(join(root, 'full.json'), 'utf8'));

  const sarifOut = run(root, 'merge', '-o', 'merged.sarif', 'shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif');
  assert.equal(sarifOut.status, 0, sarifOut.stderr);
  assert.equal(sarifOut.stdout, '');
  type Log = {
    runs: Array<{
      tool: { driver: { rules: Array<{ id: string }> } };
      artifacts: Array<{ location: { uri: string } }>;
      results: Array<{
        ruleId: string;
        ruleIndex: number;
        partialFingerprints: Record<string, string>;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index: number } } }>;
      }>;
    }>;
  };
  const read = (name: string): Log => JSON.parse(readFileSync(join(root, name), 'utf8')) as Log;
  const full = read('full.sarif');
  const joined = read('merged.sarif');
  assert.equal(joined.runs.length, 1);
  const run0 = joined.runs[0];
  assert.ok(run0);
  assert.deepEqual(
    run0.tool.driver.rules.map((r) => r.id),
    full.runs[0]?.tool.driver.rules.map((r) => r.id),
  );
  const key = (r: Log['runs'][number]['results'][number]): string =>
    `${r.locations[0]?.physicalLocation.artifactLocation.uri} ${r.ruleId} ${r.partialFingerprints['primaryLocationLineHash']}`;
  assert.deepEqual(run0.results.map(key).sort(), full.runs[0]?.results.map(key).sort());
  assert.ok(run0.results.length >= 10);
  // Indexes point at the right rule and artifact after renumbering.
  for (const result of run0.results) {
    assert.equal(run0.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    const location = result.locations[0]?.physicalLocation.artifactLocation;
    assert.equal(run0.artifacts[location?.index ?? -1]?.location.uri, location?.uri);
  }
  assert.equal(new Set(run0.artifacts.map((a) => a.location.uri)).size, run0.artifacts.length);

  const mixed = run(root, 'merge', 'shard-1.json', 'shard-1.sarif');
  assert.equal(mixed.status, 2);
  assert.match(mixed.stderr, /is a sarif report, not json/);
  assert.match(run(root, 'merge', '--format', 'sarif', 'shard-1.json').stderr, /is a json report, not sarif/);
  assert.match(run(root, 'merge', 'missing.json').stderr, /cannot read .*missing\.json: ENOENT/);
  writeFileSync(join(root, 'junk.json'), '{"a": 1}');
  assert.match(run(root, 'merge', 'junk.json').stderr, /neither a SARIF 2\.1\.0 log nor an ESLint-style JSON array/);
  const usage = run(root, 'merge', '--fix', 'shard-1.json');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--fix is not an option of merge/);
  assert.match(run(root, 'merge').stderr, /merge needs at least one report file/);
  assert.match(run(root, 'merge', '--help').stdout, /Usage: winsock-lint merge <reports…>/);
});

function makeTreeFile(root: string, relative: string, text: string): void {
  const path = join(root, relative);
  execFileSync('mkdir', ['-p', join(path, '..')]);
  writeFileSync(path, text);
}
