// Unit tests of command-line parsing: commands, defaults, every option, and the usage errors that exit 2.
import { availableParallelism } from 'node:os';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE, parseCommandLine, UsageError, type AuditOptions } from '../src/args.js';

const RULES = ['no-deprecated-fast-path', 'fast-path-before-connect', 'fast-path-tcp-only'];

function audit(...argv: string[]): AuditOptions {
  const command = parseCommandLine(argv, RULES);
  assert.equal(command.kind, 'audit');
  return (command as { options: AuditOptions }).options;
}

function usageError(argv: string[], pattern: RegExp): void {
  assert.throws(
    () => parseCommandLine(argv, RULES),
    (error: unknown) => error instanceof UsageError && pattern.test(error.message),
  );
}

test('audit with paths gets the defaults', () => {
  assert.deepEqual(audit('audit', 'src', 'include/net.h'), {
    paths: ['src', 'include/net.h'],
    format: 'stylish',
    configPath: undefined,
    ruleOverrides: {},
    severity: undefined,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    quiet: false,
    color: 'auto',
    fix: 'off',
    outputFile: undefined,
    useIgnoreFiles: true,
    noPrefilter: false,
    jobs: availableParallelism(),
    stats: false,
    cacheLocation: undefined,
    include: [],
    exclude: [],
    maxWarnings: -1,
    baseline: undefined,
    updateBaseline: false,
    changedSince: undefined,
    shard: undefined,
  });
  assert.equal(audit('audit', 'src', '--no-prefilter').noPrefilter, true);
  assert.equal(DEFAULT_MAX_FILE_SIZE, 2 * 1024 * 1024);
});

test('options may come before, between or after the paths, in long, short and = forms', () => {
  const options = audit('audit', '-f', 'json', 'a', '--config=ci/w.json', 'b', '--quiet', '--max-file-size', '1024');
  assert.deepEqual(options.paths, ['a', 'b']);
  assert.equal(options.format, 'json');
  assert.equal(options.configPath, 'ci/w.json');
  assert.equal(options.quiet, true);
  assert.equal(options.maxFileSize, 1024);
  assert.equal(audit('audit', '--format=stylish', 'x').format, 'stylish');
  assert.equal(audit('audit', '-c', 'w.json', '-q', 'x').configPath, 'w.json');
});

test('paths after -- may start with a dash', () => {
  assert.deepEqual(audit('audit', '--', '-odd.c', '--also').paths, ['-odd.c', '--also']);
});

test('--rule is repeatable; the last setting of a rule wins; numeric severities are accepted', () => {
  const options = audit(
    'audit',
    '--rule',
    'fast-path-tcp-only=off',
    '--rule',
    'no-deprecated-fast-path=warn',
    '--rule=no-deprecated-fast-path=error',
    '--rule',
    'fast-path-before-connect=1',
    'src',
  );
  assert.deepEqual(options.ruleOverrides, {
    'fast-path-tcp-only': 'off',
    'no-deprecated-fast-path': 'error',
    'fast-path-before-connect': 'warn',
  });
});

test('bad --rule values are usage errors that say what is wrong', () => {
  usageError(['audit', '--rule', 'no-deprecated-fast-path', 'src'], /expects ID=SEVERITY/);
  usageError(['audit', '--rule', '=error', 'src'], /expects ID=SEVERITY/);
  usageError(
    ['audit', '--rule', 'no-such-rule=error', 'src'],
    /unknown rule 'no-such-rule'.*known rules: no-deprecated-fast-path/,
  );
  usageError(['audit', '--rule', 'fast-path-tcp-only=fatal', 'src'], /unknown severity 'fatal'.*off, warn or error/);
  usageError(['audit', '--rule', 'fast-path-tcp-only=constructor', 'src'], /unknown severity/);
});

test('--color and --no-color: the last one wins; neither means auto', () => {
  assert.equal(audit('audit', 'x').color, 'auto');
  assert.equal(audit('audit', '--color', 'x').color, 'always');
  assert.equal(audit('audit', '--no-color', 'x').color, 'never');
  assert.equal(audit('audit', '--no-color', '--color', 'x').color, 'always');
  assert.equal(audit('audit', '--color', '--no-color', 'x').color, 'never');
});

test('unknown format, bad size, unknown option and missing values are usage errors', () => {
  usageError(['audit', '--format', 'xml', 'src'], /unknown format 'xml'; expected one of: stylish, json, sarif/);
  usageError(['audit', '--max-file-size', '12k', 'src'], /positive whole number of bytes, got '12k'/);
  usageError(['audit', '--max-file-size', '0', 'src'], /positive whole number/);
  usageError(['audit', '--fix-all', 'src'], /Unknown option '--fix-all'/);
  usageError(['audit', 'src', '--format'], /argument missing/);
});

test('usage errors know which help to point to', () => {
  assert.throws(
    () => parseCommandLine(['audit', '--bogus', 'x'], RULES),
    (error: unknown) => error instanceof UsageError && error.topic === 'audit',
  );
  assert.throws(
    () => parseCommandLine(['--bogus'], RULES),
    (error: unknown) => error instanceof UsageError && error.topic === 'general',
  );
});

test('audit without paths, no command and unknown commands are usage errors', () => {
  usageError(['audit'], /at least one file or folder/);
  usageError(['audit', '--quiet'], /at least one file or folder/);
  usageError([], /missing command/);
  usageError(['--format', 'json'], /missing command/);
  usageError(['lint', 'src'], /unknown command 'lint'/);
});

test('help and version', () => {
  assert.deepEqual(parseCommandLine(['--help'], RULES), { kind: 'help', topic: 'general' });
  assert.deepEqual(parseCommandLine(['-h'], RULES), { kind: 'help', topic: 'general' });
  assert.deepEqual(parseCommandLine(['audit', '--help'], RULES), { kind: 'help', topic: 'audit' });
  assert.deepEqual(parseCommandLine(['audit', 'src', '-h'], RULES), {
    kind: 'help',
    topic: 'audit',
  });
  assert.deepEqual(parseCommandLine(['--version'], RULES), { kind: 'version' });
  assert.deepEqual(parseCommandLine(['-v'], RULES), { kind: 'version' });
});

test('--fix, --fix-dry-run, --output-file, --no-ignore, --include/--exclude and --max-warnings', () => {
  const options = audit(
    'audit',
    '--fix',
    '-o',
    'report.sarif',
    '--format',
    'sarif',
    '--no-ignore',
    '--include',
    'src/**',
    '--include=include/**',
    '--exclude',
    'third_party',
    '--max-warnings',
    '5',
    'src',
  );
  assert.equal(options.fix, 'write');
  assert.equal(options.outputFile, 'report.sarif');
  assert.equal(options.format, 'sarif');
  assert.equal(options.useIgnoreFiles, false);
  assert.deepEqual(options.include, ['src/**', 'include/**']);
  assert.deepEqual(options.exclude, ['third_party']);
  assert.equal(options.maxWarnings, 5);
  assert.equal(audit('audit', '--fix-dry-run', 'x').fix, 'dry-run');
  assert.equal(audit('audit', '--max-warnings=-1', 'x').maxWarnings, -1);
  assert.equal(audit('audit', '--max-warnings', '0', 'x').maxWarnings, 0);
});

test('bad values of the new options are usage errors', () => {
  usageError(['audit', '--fix', '--fix-dry-run', 'src'], /cannot be used together/);
  usageError(['audit', '--max-warnings', 'lots', 'src'], /--max-warnings expects a whole number/);
  usageError(['audit', '--max-warnings=-2', 'src'], /--max-warnings expects a whole number/);
  usageError(['audit', '--output-file=', 'src'], /--output-file expects a file name/);
  usageError(['audit', '--exclude=', 'src'], /--exclude expects a glob/);
  usageError(['audit', '--print-config', 'a.c', 'src'], /takes one file and no other paths/);
});

test('--list-rules and --print-config need no paths', () => {
  assert.deepEqual(parseCommandLine(['audit', '--list-rules'], RULES), { kind: 'list-rules' });
  assert.deepEqual(parseCommandLine(['--list-rules'], RULES), { kind: 'list-rules' });
  assert.deepEqual(
    parseCommandLine(['audit', '--print-config', 'src/a.c', '-c', 'w.json', '--rule', 'fast-path-tcp-only=off'], RULES),
    {
      kind: 'print-config',
      options: {
        file: 'src/a.c',
        configPath: 'w.json',
        ruleOverrides: { 'fast-path-tcp-only': 'off' },
        severity: undefined,
      },
    },
  );
});

test('--severity sets every rule that is on; --rule still wins; bad values are usage errors', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const bin = join(fileURLToPath(new URL('.', import.meta.url)), '../../bin/winsock-lint.js');
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-severity-'));
  writeFileSync(join(dir, 'winsock-lint.config.json'), JSON.stringify({ rules: { 'fast-path-both-sides': 'off' } }));
  const run = (...args: string[]): Record<string, string> =>
    JSON.parse(
      spawnSync(process.execPath, [bin, 'audit', '--print-config', join(dir, 'a.cpp'), ...args], {
        cwd: dir,
        encoding: 'utf8',
      }).stdout,
    ).rules;
  const rules = run('--severity', 'error', '--rule', 'no-deprecated-fast-path=warn');
  assert.equal(rules['fast-path-supported-options'], 'error', 'a warn rule becomes an error');
  assert.equal(rules['fast-path-both-sides'], 'off', 'rules turned off stay off');
  assert.equal(rules['no-deprecated-fast-path'], 'warn', '--rule wins');
  assert.equal(audit('audit', 'src', '--severity', 'warn').severity, 'warn');
  assert.throws(() => audit('audit', 'src', '--severity', 'off'), /--severity expects warn or error/);
});

test('--jobs takes a whole number of worker threads', () => {
  const jobs = (argv: string[]) => {
    const command = parseCommandLine(argv, RULES);
    return command.kind === 'audit' ? command.options.jobs : undefined;
  };
  assert.equal(jobs(['audit', 'src', '--jobs', '3']), 3);
  assert.equal(jobs(['audit', 'src', '-j', '1']), 1);
  assert.throws(() => parseCommandLine(['audit', 'src', '--jobs', '0'], RULES), /--jobs/);
  assert.throws(() => parseCommandLine(['audit', 'src', '--jobs', 'many'], RULES), /--jobs/);
});
