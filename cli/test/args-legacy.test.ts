// Command-line parsing of --format html, the legacy-adoption options and the merge command.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommandLine, UsageError, type AuditOptions } from '../src/args.js';
import { auditHelp, generalHelp, mergeHelp } from '../src/help.js';

const RULES = ['no-deprecated-fast-path'];

function audit(...argv: string[]): AuditOptions {
  const command = parseCommandLine(argv, RULES);
  assert.equal(command.kind, 'audit');
  return (command as { options: AuditOptions }).options;
}

function usageError(argv: string[], pattern: RegExp, topic = 'audit'): void {
  assert.throws(
    () => parseCommandLine(argv, RULES),
    (error: unknown) => error instanceof UsageError && pattern.test(error.message) && error.topic === topic,
  );
}

test('--format html, --baseline, --update-baseline, --changed-since and --shard parse', () => {
  assert.equal(audit('audit', '-f', 'html', 'src').format, 'html');
  const options = audit('audit', '--baseline', 'b.json', '--update-baseline', 'src');
  assert.equal(options.baseline, 'b.json');
  assert.equal(options.updateBaseline, true);
  assert.equal(audit('audit', '--changed-since', 'origin/main', 'src').changedSince, 'origin/main');
  assert.deepEqual(audit('audit', '--shard', '2/4', 'src').shard, { index: 2, count: 4 });
  assert.deepEqual(audit('audit', '--shard=1/1', 'src').shard, { index: 1, count: 1 });
});

test('legacy-adoption options: bad values and combinations are usage errors', () => {
  usageError(['audit', '--shard', '0/2', 'src'], /--shard expects i\/n/);
  usageError(['audit', '--shard', '3/2', 'src'], /--shard expects i\/n/);
  usageError(['audit', '--shard', 'half', 'src'], /--shard expects i\/n/);
  usageError(['audit', '--changed-since=', 'src'], /--changed-since expects a git ref/);
  usageError(['audit', '--changed-since=--output=x', 'src'], /--changed-since expects a git ref/);
  usageError(['audit', '--baseline=', 'src'], /--baseline expects a file name/);
  usageError(['audit', '--update-baseline', 'src'], /needs --baseline FILE/);
  usageError(['audit', '--baseline', 'b', '--update-baseline', '--changed-since', 'HEAD', 'src'], /cannot be combined/);
  usageError(['audit', '--fix', '--shard', '1/2', 'src'], /--fix and --fix-dry-run cannot be combined/);
  usageError(
    ['audit', '--fix-dry-run', '--changed-since', 'HEAD', 'src'],
    /--fix and --fix-dry-run cannot be combined/,
  );
});

test('merge: reports, --format and --output-file; nothing else', () => {
  assert.deepEqual(parseCommandLine(['merge', 'a.sarif', 'b.sarif', '-o', 'm.sarif'], RULES), {
    kind: 'merge',
    options: { reports: ['a.sarif', 'b.sarif'], format: undefined, outputFile: 'm.sarif' },
  });
  assert.deepEqual(parseCommandLine(['merge', '--format', 'json', 'a.json'], RULES), {
    kind: 'merge',
    options: { reports: ['a.json'], format: 'json', outputFile: undefined },
  });
  assert.deepEqual(parseCommandLine(['merge', '--help'], RULES), { kind: 'help', topic: 'merge' });
  usageError(['merge'], /merge needs at least one report file/, 'merge');
  usageError(['merge', '-f', 'html', 'a'], /merge cannot join 'html' reports/, 'merge');
  usageError(['merge', '--quiet', 'a'], /--quiet is not an option of merge/, 'merge');
  usageError(['merge', '--bogus', 'a'], /bogus/, 'merge');
});

test('help documents the new format, options and command', () => {
  const help = auditHelp(RULES, ['.c']);
  for (const text of [
    'html',
    '--baseline <file>',
    '--update-baseline',
    '--changed-since <ref>',
    '--shard <i>/<n>',
    '130',
  ]) {
    assert.ok(help.includes(text), text);
  }
  assert.match(generalHelp(), /merge <reports…>/);
  assert.match(mergeHelp(), /--output-file <file>/);
});
