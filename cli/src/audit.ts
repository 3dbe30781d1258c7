// `winsock-lint audit`: discover files (ignore files, --include/--exclude), apply configuration, read and decode,
// analyse (or fix: --fix writes, --fix-dry-run prints a diff), narrow the report (--shard, --changed-since,
// --baseline), report to stdout or --output-file; returns the exit code (0 clean or warnings within
// --max-warnings, 1 an error-severity finding or too many warnings, 2 a missing path, a broken configuration
// or baseline, no git repository for --changed-since, an unwritable report or a refused fix; 130 on Ctrl-C
// during --fix).
import { relative, resolve, sep } from 'node:path';
import { DiskFactsCache } from './facts-cache.js';
import { analyzeProjectAsync, ANALYSED_EXTENSIONS, GlobError } from '@winsock-lint/rules';
import type { AuditOptions } from './args.js';
import { writeFileAtomic } from './atomic-write.js';
import {
  baselineKey,
  BaselineError,
  entriesOf,
  formatBaseline,
  newerToolNote,
  readBaseline,
  type BaselineEntry,
  type BaselineFile,
} from './baseline.js';
import { changedLinesSince, GitError, type ChangedLines } from './changed-lines.js';
import { shouldUseColor } from './color.js';
import { unifiedDiff } from './diff.js';
import { discoverFiles } from './discover-files.js';
import type { FileResult, Finding } from './engine-types.js';
import { runFixLoop, writeFixedFiles } from './fix.js';
import { withInterruptCleanup } from './interrupt.js';
import type { CliIo } from './io.js';
import { ConfigLoadError, ConfigLoader } from './load-config.js';
import { errorCode, formatNote, type Note } from './notes.js';
import { writeOutputFile } from './output-file.js';
import { printable } from './printable.js';
import { createPathFilter } from './path-filter.js';
import { createProgress } from './progress.js';
import { readSources } from './read-sources.js';
import { analyzeStreaming } from './stream-analysis.js';
import { WorkerPool } from './worker-pool.js';
import { formatReport, type ReportFile } from './reporters/index.js';
import { inShard, shardStamp } from './shard.js';
import { PAUSE_AFTER_DISCOVERY, testPause } from './test-hooks.js';
import { cliVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Up to this many files are read and analysed in the main thread: starting workers would cost more. */
const IN_THREAD_FILES = 16;

export async function runAudit(options: AuditOptions, io: CliIo): Promise<number> {
  const writeNotes = (notes: readonly Note[]): void => {
    for (const note of notes) io.stderr.write(formatNote(note));
  };

  const discovery = discoverFiles(options.paths, {
    extensions: ANALYSED_EXTENSIONS,
    cwd: io.cwd,
    useIgnoreFiles: options.useIgnoreFiles,
  });
  if (discovery.missing.length > 0) {
    for (const path of discovery.missing)
      io.stderr.write(`winsock-lint: error: no such file or folder: ${printable(path)}\n`);
    return EXIT_FAILURE;
  }
  writeNotes(discovery.notes);

  const configs = new ConfigLoader({
    configPath: options.configPath,
    overrides: options.ruleOverrides,
    severity: options.severity,
    cwd: io.cwd,
  });
  let filter;
  try {
    filter = createPathFilter({ include: options.include, exclude: options.exclude, cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    io.stderr.write(`winsock-lint: error: --include/--exclude: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const checked: string[] = [];
  try {
    configs.preload();
    for (const file of discovery.files) {
      const verdict = filter(file.path, file.explicit);
      if (verdict !== 'included') {
        if (file.explicit) writeNotes([{ path: file.path, reason: 'skipped: excluded by --exclude' }]);
        continue;
      }
      if (configs.isIncluded(file.path, file.explicit)) {
        checked.push(file.path);
      } else if (file.explicit) {
        const from = configs.configFor(file.path).path ?? 'the configuration';
        writeNotes([{ path: file.path, reason: `skipped: excluded by ${from}` }]);
      }
    }
  } catch (error) {
    if (error instanceof ConfigLoadError) {
      for (const line of error.message.split('\n')) io.stderr.write(`winsock-lint: error: ${line}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  if (discovery.files.length === 0) {
    io.stderr.write(`winsock-lint: warning: no C/C++ files found in ${options.paths.join(', ')}\n`);
  }

  // Legacy-adoption inputs are checked before the (long) reading and analysis, so mistakes fail fast.
  let changed: ChangedLines | undefined;
  let baseline: BaselineFile | undefined;
  const baselineFile = options.baseline === undefined ? undefined : resolve(io.cwd, options.baseline);
  try {
    if (options.changedSince !== undefined) {
      changed = changedLinesSince(options.changedSince, options.paths, io.cwd);
    }
    if (baselineFile !== undefined) baseline = readBaseline(baselineFile, options.updateBaseline);
    const newer = baseline && newerToolNote(baseline, cliVersion());
    if (baselineFile !== undefined && newer !== undefined) writeNotes([{ path: baselineFile, reason: newer }]);
  } catch (error) {
    if (error instanceof GitError || error instanceof BaselineError) {
      io.stderr.write(`winsock-lint: error: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }

  await testPause(PAUSE_AFTER_DISCOVERY, 'after discovery');
  const progress = createProgress(io.stderr, io.env, { quiet: options.quiet });
  // Every file's configuration was loaded (and validated) above, so this lookup cannot fail.
  const configFor = (path: string) => configs.configFor(path).resolved;
  let results: FileResult[];
  let texts: Map<string, string>;
  let refusedWrites = 0;
  let diff = '';
  // Hashes of every file, for --shard's run id; only the in-thread reader computes them.
  let sourceInfos: ReadonlyMap<string, { hash: string }> = new Map();
  const streamable = options.fix === 'off' && options.cacheLocation === undefined && options.shard === undefined;
  if (streamable && checked.length > IN_THREAD_FILES) {
    // Streamed through the worker pool: memory holds lexical facts and the parsed files' facts only.
    const pool = new WorkerPool(options.jobs);
    try {
      progress.begin('reading', checked.length);
      const streamed = await analyzeStreaming(
        checked,
        {
          maxFileSize: options.maxFileSize,
          pool,
          onFile: (bytes) => progress.advance(1, bytes),
          onScanned: (files, bytes) => {
            progress.clear();
            progress.begin(`analysing ${files} ${plural('file', files)} (${(bytes / (1024 * 1024)).toFixed(1)} MB)`, 0);
          },
        },
        { configFor, noPrefilter: options.noPrefilter },
      );
      progress.clear();
      writeNotes(streamed.notes);
      results = streamed.results;
      texts = streamed.texts;
      if (options.stats) {
        const { read, megabytes, parsed, scanSeconds, analyseSeconds } = streamed.stats;
        io.stderr.write(
          `winsock-lint: stats: ${read} ${plural('file', read)} read (${megabytes.toFixed(1)} MB), ${parsed} parsed ` +
            `(${read > 0 ? ((parsed / read) * 100).toFixed(2) : '0'}%), ${pool.size} ${plural('worker', pool.size)}; ` +
            `read and scan ${scanSeconds.toFixed(2)} s, select, parse and check ${analyseSeconds.toFixed(2)} s\n`,
        );
      }
    } finally {
      await pool.close();
    }
  } else {
    progress.begin('reading', checked.length);
    const sources = await readSources(checked, {
      maxFileSize: options.maxFileSize,
      onFile: (bytes) => progress.advance(1, bytes),
    });
    progress.clear();
    writeNotes(sources.notes);
    sourceInfos = sources.sources;
    const megabytes = sources.files.reduce((sum, file) => sum + file.text.length, 0) / (1024 * 1024);
    progress.begin(
      `${options.fix === 'off' ? 'analysing' : 'analysing and fixing'} ${sources.files.length} ` +
        `${plural('file', sources.files.length)} (${megabytes.toFixed(1)} MB)`,
      0,
    );

    const cacheOption = options.cacheLocation ? { cache: new DiskFactsCache(options.cacheLocation, io.cwd) } : {};
    texts = new Map(sources.files.map((file) => [file.path, file.text]));
    if (options.fix === 'off') {
      results = await analyzeProjectAsync(sources.files, {
        configFor,
        noPrefilter: options.noPrefilter,
        ...cacheOption,
      });
      progress.clear();
    } else {
      const fixed = await runFixLoop(sources.files, {
        configFor,
        noPrefilter: options.noPrefilter,
        ...cacheOption,
        // As ESLint 9: under --quiet only error-severity findings are fixed.
        wanted: (finding) => !options.quiet || finding.severity === 'error',
      });
      progress.clear();
      writeNotes(fixed.notes);
      results = fixed.results;
      if (options.fix === 'dry-run') {
        for (const path of fixed.changed) {
          diff += unifiedDiff(diffPath(io.cwd, path), texts.get(path) ?? '', fixed.texts.get(path) ?? '');
        }
        texts = fixed.texts;
      } else {
        const outcome = await withInterruptCleanup(io.stderr, () =>
          writeFixedFiles(fixed.changed, fixed.texts, sources.sources),
        );
        writeNotes(outcome.notes);
        refusedWrites = outcome.refused.length;
        if (outcome.notWritten.length === 0) {
          texts = fixed.texts;
        } else {
          // The report must describe what is on disk: keep the fixed text only where it was written.
          const written = new Set(outcome.written);
          texts = new Map(
            sources.files.map((file) => [
              file.path,
              written.has(file.path) ? (fixed.texts.get(file.path) ?? file.text) : file.text,
            ]),
          );
          results = await analyzeProjectAsync(
            sources.files.map((file) => ({ path: file.path, text: texts.get(file.path) ?? file.text })),
            { configFor, noPrefilter: options.noPrefilter, ...cacheOption },
          );
        }
      }
    }
  }

  let reported: ReportFile[] = results.map((result) => ({ result, text: texts.get(result.path) ?? '' }));
  // Fingerprints need every finding of a file (their occurrence numbers count them), so they are computed
  // before any narrowing; findings are then looked up by identity.
  const entryOf = new Map<Finding, BaselineEntry>();
  if (baselineFile !== undefined) {
    entriesOf(reported, baselineFile).forEach((entries, i) => {
      reported[i]?.result.findings.forEach((finding, j) => {
        const entry = entries[j];
        if (entry) entryOf.set(finding, entry);
      });
    });
  }
  const shard = options.shard;
  if (shard !== undefined) reported = reported.filter((file) => inShard(io.cwd, file.result.path, shard));
  if (changed !== undefined) {
    const lines = changed;
    reported = reported.map((file) =>
      keepFindings(file, (finding) => lines.has(finding.path, finding.range.start.line + 1)),
    );
  }
  if (baselineFile !== undefined) {
    const current = new Set([...entryOf.values()].map(baselineKey));
    let accepted = new Set((baseline?.entries ?? []).map(baselineKey));
    if (options.updateBaseline) {
      const pruned = [...accepted].filter((key) => !current.has(key)).length;
      const added = [...current].filter((key) => !accepted.has(key)).length;
      try {
        writeFileAtomic(baselineFile, formatBaseline([...entryOf.values()], cliVersion()));
      } catch (error) {
        io.stderr.write(`winsock-lint: error: cannot write the baseline to ${baselineFile}: ${errorCode(error)}\n`);
        return EXIT_FAILURE;
      }
      io.stderr.write(
        `winsock-lint: baseline: wrote ${current.size} ${plural('entry', current.size, 'entries')} to ` +
          `${baselineFile} (${added} new, ${pruned} pruned)\n`,
      );
      accepted = current;
    } else if (shard === undefined && changed === undefined) {
      const stale = [...accepted].filter((key) => !current.has(key)).length;
      if (stale > 0) {
        writeNotes([
          {
            path: baselineFile,
            reason:
              `${stale} ${plural('entry no longer matches', stale, 'entries no longer match')} a finding; ` +
              'run with --update-baseline to prune',
          },
        ]);
      }
    }
    reported = reported.map((file) =>
      keepFindings(file, (finding) => {
        const entry = entryOf.get(finding);
        return entry === undefined || !accepted.has(baselineKey(entry));
      }),
    );
  }
  for (const { result } of reported) {
    writeNotes(result.notes.map((reason) => ({ path: result.path, reason })));
  }
  if (options.quiet) reported = reported.map((file) => ({ ...file, result: errorsOnly(file.result) }));

  if (diff !== '') io.stdout.write(diff);
  const toFile = options.outputFile !== undefined;
  const color = toFile ? options.color === 'always' : shouldUseColor(options.color, io.stdout, io.env);
  const output = formatReport(options.format, reported, {
    color,
    cwd: io.cwd,
    version: cliVersion(),
    ...(shard ? { shard: shardStamp(shard, options, io.cwd, sourceInfos) } : {}),
  });
  const counts = countFindings(reported);
  if (options.outputFile !== undefined) {
    const target = resolve(io.cwd, options.outputFile);
    try {
      writeOutputFile(target, output === '' ? '' : `${output}\n`);
    } catch (error) {
      io.stderr.write(`winsock-lint: error: cannot write the report to ${target}: ${errorCode(error)}\n`);
      return EXIT_FAILURE;
    }
  } else if (options.fix === 'dry-run') {
    // stdout holds the patch; the report would make it unusable with `git apply`.
    io.stderr.write(
      `winsock-lint: --fix-dry-run: ${diffFileCount(diff)} ${plural('file', diffFileCount(diff))} ` +
        `would change; ${counts.errors + counts.warnings} ${plural('problem', counts.errors + counts.warnings)} ` +
        `would remain (${counts.errors} ${plural('error', counts.errors)}, ` +
        `${counts.warnings} ${plural('warning', counts.warnings)}); use --output-file for the report\n`,
    );
  } else if (output !== '') {
    // As ESLint's CLI prints a formatter's output: followed by a newline, and nothing when it is empty.
    io.stdout.write(`${output}\n`);
  }

  if (refusedWrites > 0) {
    io.stderr.write(
      `winsock-lint: error: ${refusedWrites} ${plural('file was', refusedWrites, 'files were')} ` +
        'not fixed (see the notes above)\n',
    );
    return EXIT_FAILURE;
  }
  if (counts.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings >= 0 && counts.warnings > options.maxWarnings) {
    io.stderr.write(
      `winsock-lint: error: too many warnings (${counts.warnings}; --max-warnings is ` + `${options.maxWarnings})\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function countFindings(files: readonly ReportFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const { result } of files) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** The path a diff names: relative to the working folder, with forward slashes (as git prints it). */
function diffPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

function diffFileCount(diff: string): number {
  return diff.match(/^\+\+\+ b\//gm)?.length ?? 0;
}

function plural(word: string, count: number, many = `${word}s`): string {
  return count === 1 ? word : many;
}

function keepFindings(file: ReportFile, keep: (finding: Finding) => boolean): ReportFile {
  return { ...file, result: { ...file.result, findings: file.result.findings.filter(keep) } };
}

/** --quiet, as in ESLint: warnings are neither reported nor counted. */
function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
