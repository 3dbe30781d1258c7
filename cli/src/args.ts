// Turns argv into a typed command with node:util parseArgs (strict). Pure: no I/O, no process state;
// the known rule ids are passed in so this module needs nothing from the engine at run time.
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { DEFAULT_CACHE_LOCATION } from './facts-cache.js';
import type { RuleId, RuleOverrides, SeveritySetting } from './engine-types.js';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
/** What `winsock-lint merge` can join. */
export const MERGE_FORMATS = ['sarif', 'json'] as const;
export type MergeFormat = (typeof MERGE_FORMATS)[number];
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** 'auto' asks the terminal and the environment; the flags force a choice. */
export type ColorChoice = 'auto' | 'always' | 'never';

/**
 * 2 MiB: a file this large that contains the code is analysed in about 15 s within 300 MB (the engine costs
 * about 5 s and 90 MB per MB it parses); the language server uses the same default.
 */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface AuditOptions {
  paths: string[];
  format: OutputFormat;
  configPath: string | undefined;
  ruleOverrides: RuleOverrides;
  /** --severity: every rule that is on reports at this severity (--rule still wins). */
  severity: 'warn' | 'error' | undefined;
  maxFileSize: number;
  /** Like ESLint's --quiet: report errors only. */
  quiet: boolean;
  color: ColorChoice;
  /** --fix writes automatic fixes; --fix-dry-run prints them as a unified diff. */
  fix: FixMode;
  /** --output-file: the report goes to this file (written atomically) instead of stdout. */
  outputFile: string | undefined;
  /** --cache: where extracted facts are kept between runs (undefined: no cache). */
  cacheLocation: string | undefined;
  /** --jobs: worker threads reading and parsing files (default: os.availableParallelism()). */
  jobs: number;
  /** --stats: print how many files were read, parsed, and the time of each stage to stderr. */
  stats: boolean;
  /** --no-prefilter: parse every file, not only those that can matter (for benchmarks and comparisons). */
  noPrefilter: boolean;
  /** False with --no-ignore: .gitignore and .ignore files are not read. */
  useIgnoreFiles: boolean;
  /** --include / --exclude globs, relative to the working folder. */
  include: string[];
  exclude: string[];
  /** --max-warnings: exit 1 when more warnings than this are reported; -1 means no limit. */
  maxWarnings: number;
  /** --baseline: report only findings whose fingerprint is not in this file. */
  baseline: string | undefined;
  /** --update-baseline: (re)write the --baseline file from the current findings. */
  updateBaseline: boolean;
  /** --changed-since: report only findings on lines changed since this git ref. */
  changedSince: string | undefined;
  /** --shard i/n: report only the files whose path hashes into shard i (1-based) of n. */
  shard: Shard | undefined;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `winsock-lint merge`: joins the reports of several shards. */
export interface MergeOptions {
  reports: string[];
  /** undefined: taken from the first report. */
  format: MergeFormat | undefined;
  outputFile: string | undefined;
}

export type FixMode = 'off' | 'write' | 'dry-run';

/** What --print-config needs: the file and the options that change its configuration. */
export interface PrintConfigOptions {
  file: string;
  configPath: string | undefined;
  ruleOverrides: RuleOverrides;
  severity: 'warn' | 'error' | undefined;
}

export type HelpTopic = 'general' | 'audit' | 'merge';

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' }
  | { kind: 'list-rules' }
  | { kind: 'print-config'; options: PrintConfigOptions }
  | { kind: 'audit'; options: AuditOptions }
  | { kind: 'merge'; options: MergeOptions }
  | { kind: 'lsp'; args: string[] };

/** A command line that cannot be run; main prints the message and exits with 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: HelpTopic,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  severity: { type: 'string' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  'no-ignore': { type: 'boolean' },
  'no-prefilter': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  stats: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'changed-since': { type: 'string' },
  shard: { type: 'string' },
} as const;

/** The options `merge` accepts; any other is a usage error. */
const MERGE_OPTION_NAMES: ReadonlySet<string> = new Set(['format', 'output-file', 'help']);

// A Map, not an object literal: '--rule x=constructor' must not find Object.prototype members.
const SEVERITY_WORDS: ReadonlyMap<string, SeveritySetting> = new Map([
  ['off', 'off'],
  ['warn', 'warn'],
  ['error', 'error'],
  // ESLint's numeric spellings, for muscle memory.
  ['0', 'off'],
  ['1', 'warn'],
  ['2', 'error'],
]);

export function parseCommandLine(argv: readonly string[], knownRuleIds: readonly string[]): Command {
  // The language server takes its own transport flags (--stdio, --node-ipc, --socket=N); it is loaded only
  // for this command, since it costs most of the CLI's start-up time.
  if (argv[0] === 'lsp') return { kind: 'lsp', args: argv.slice(1) };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes and readable messages.
    const topic: HelpTopic = argv.includes('audit') ? 'audit' : argv.includes('merge') ? 'merge' : 'general';
    throw new UsageError(error instanceof Error ? error.message : String(error), topic);
  }
  const { values, positionals, tokens } = parsed;
  const [command, ...rest] = positionals;

  if (values.version) return { kind: 'version' };
  if (command === undefined) {
    if (values.help) return { kind: 'help', topic: 'general' };
    // Informational options need no command; `winsock-lint --list-rules` works as well as with audit.
    if (values['list-rules']) return { kind: 'list-rules' };
    throw new UsageError('missing command; did you mean `winsock-lint audit <paths…>`?', 'general');
  }
  if (command === 'merge') return parseMerge(values, rest, tokens ?? []);
  if (command !== 'audit') {
    throw new UsageError(`unknown command '${command}'`, 'general');
  }
  if (values.help) return { kind: 'help', topic: 'audit' };
  if (values['list-rules']) return { kind: 'list-rules' };
  if (values['print-config'] !== undefined) {
    if (rest.length > 0) {
      throw new UsageError(`--print-config takes one file and no other paths, got: ${rest.join(' ')}`, 'audit');
    }
    return {
      kind: 'print-config',
      options: {
        file: values['print-config'],
        configPath: values.config,
        ruleOverrides: parseRuleOverrides(values.rule ?? [], knownRuleIds),
        severity: parseSeverity(values.severity),
      },
    };
  }
  if (values.fix && values['fix-dry-run']) {
    throw new UsageError('--fix and --fix-dry-run cannot be used together', 'audit');
  }
  if (rest.length === 0) {
    throw new UsageError('audit needs at least one file or folder to check', 'audit');
  }
  const shard = parseShard(values.shard);
  const changedSince = values['changed-since'];
  if (changedSince !== undefined && (changedSince === '' || changedSince.startsWith('-'))) {
    throw new UsageError(`--changed-since expects a git ref, got '${changedSince}'`, 'audit');
  }
  const baseline = values.baseline;
  if (baseline === '') throw new UsageError('--baseline expects a file name', 'audit');
  const updateBaseline = values['update-baseline'] ?? false;
  if (updateBaseline && baseline === undefined) {
    throw new UsageError('--update-baseline needs --baseline FILE (the file to write)', 'audit');
  }
  if (updateBaseline && (shard !== undefined || changedSince !== undefined)) {
    throw new UsageError(
      '--update-baseline cannot be combined with --shard or --changed-since: it would drop the ' +
        'entries of the files or lines left out',
      'audit',
    );
  }
  if ((values.fix || values['fix-dry-run']) && (shard !== undefined || changedSince !== undefined)) {
    throw new UsageError(
      '--fix and --fix-dry-run cannot be combined with --shard or --changed-since: fixes change ' +
        'whole files, those options narrow the report to some files or lines',
      'audit',
    );
  }

  return {
    kind: 'audit',
    options: {
      paths: rest,
      format: parseFormat(values.format),
      configPath: values.config,
      ruleOverrides: parseRuleOverrides(values.rule ?? [], knownRuleIds),
      severity: parseSeverity(values.severity),
      maxFileSize: parseMaxFileSize(values['max-file-size']),
      quiet: values.quiet ?? false,
      color: lastColorChoice(tokens ?? []),
      fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
      outputFile: parseOutputFile(values['output-file']),
      useIgnoreFiles: !(values['no-ignore'] ?? false),
      noPrefilter: values['no-prefilter'] ?? false,
      jobs: parseJobs(values.jobs),
      stats: values.stats ?? false,
      cacheLocation:
        values.cache || values['cache-location'] !== undefined
          ? (values['cache-location'] ?? DEFAULT_CACHE_LOCATION)
          : undefined,
      include: parseGlobs('--include', values.include ?? []),
      exclude: parseGlobs('--exclude', values.exclude ?? []),
      maxWarnings: parseMaxWarnings(values['max-warnings']),
      baseline,
      updateBaseline,
      changedSince,
      shard,
    },
  };
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw new UsageError(`--jobs must be a whole number from 1 to 256, not '${value}'`, 'audit');
  }
  return jobs;
}

function parseMerge(
  values: { format?: string | undefined; 'output-file'?: string | undefined; help?: boolean | undefined },
  reports: readonly string[],
  tokens: ReadonlyArray<{ kind: string; name?: string }>,
): Command {
  if (values.help) return { kind: 'help', topic: 'merge' };
  for (const token of tokens) {
    if (token.kind === 'option' && token.name !== undefined && !MERGE_OPTION_NAMES.has(token.name)) {
      throw new UsageError(`--${token.name} is not an option of merge`, 'merge');
    }
  }
  if (reports.length === 0) {
    throw new UsageError('merge needs at least one report file (SARIF or JSON)', 'merge');
  }
  const format = values.format;
  if (format !== undefined && !(MERGE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `merge cannot join '${format}' reports; expected one of: ${MERGE_FORMATS.join(', ')}`,
      'merge',
    );
  }
  const outputFile = values['output-file'];
  if (outputFile === '') throw new UsageError('--output-file expects a file name', 'merge');
  return {
    kind: 'merge',
    options: { reports: [...reports], format: format as MergeFormat | undefined, outputFile },
  };
}

/** `i/n`: 1 ≤ i ≤ n, whole numbers. */
function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 <= i <= n (for example 2/4), got '${value}'`, 'audit');
  }
  return { index, count };
}

function parseSeverity(value: string | undefined): 'warn' | 'error' | undefined {
  if (value === undefined) return undefined;
  if (value === 'warn' || value === 'error') return value;
  throw new UsageError(`--severity expects warn or error, got '${value}'`, 'audit');
}

function parseOutputFile(value: string | undefined): string | undefined {
  if (value === '') throw new UsageError('--output-file expects a file name', 'audit');
  return value;
}

function parseGlobs(option: string, globs: readonly string[]): string[] {
  for (const glob of globs) {
    if (glob.trim() === '') throw new UsageError(`${option} expects a glob, got ''`, 'audit');
  }
  return [...globs];
}

/** ESLint's spelling: a whole number of warnings allowed, or -1 for no limit (the default). */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  const count = /^(?:-1|\d+)$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count)) {
    throw new UsageError(
      `--max-warnings expects a whole number of warnings (or -1 for no limit), got '${value}'`,
      'audit',
    );
  }
  return count;
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'stylish';
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UsageError(`unknown format '${value}'; expected one of: ${OUTPUT_FORMATS.join(', ')}`, 'audit');
}

function parseRuleOverrides(specs: readonly string[], knownRuleIds: readonly string[]): RuleOverrides {
  const overrides: RuleOverrides = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new UsageError(
        `--rule expects ID=SEVERITY (for example no-deprecated-fast-path=error), got '${spec}'`,
        'audit',
      );
    }
    const id = spec.slice(0, eq).trim();
    const word = spec.slice(eq + 1).trim();
    if (!knownRuleIds.includes(id)) {
      throw new UsageError(`unknown rule '${id}' in --rule; known rules: ${knownRuleIds.join(', ')}`, 'audit');
    }
    const severity = SEVERITY_WORDS.get(word);
    if (severity === undefined) {
      throw new UsageError(`unknown severity '${word}' for rule '${id}'; expected off, warn or error`, 'audit');
    }
    overrides[id as RuleId] = severity;
  }
  return overrides;
}

function parseMaxFileSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_SIZE;
  const bytes = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(`--max-file-size expects a positive whole number of bytes, got '${value}'`, 'audit');
  }
  return bytes;
}

/** `--color` and `--no-color` may both appear (an alias plus a flag); the last one wins, as in most CLIs. */
function lastColorChoice(tokens: ReadonlyArray<{ kind: string; name?: string }>): ColorChoice {
  let choice: ColorChoice = 'auto';
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'color') choice = 'always';
    else if (token.name === 'no-color') choice = 'never';
  }
  return choice;
}
