// --fix and --fix-dry-run: applies automatic fixes ESLint-style (analyse the whole project, apply each file's
// non-overlapping fixes, repeat until nothing changes or 10 passes), then writes changed files back atomically
// in their own encoding, BOM and line endings, refusing files that changed on disk since they were read and
// files the user may not write (the mode, owner and group of a written file are kept).
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiskFactsCache } from './facts-cache.js';
import { analyzeProjectAsync, applyFixes, encodeSource, type ProjectFile } from '@winsock-lint/rules';
import { writeFileAtomicAsync } from './atomic-write.js';
import type { FileResult, Finding, Fix, ResolvedConfig } from './engine-types.js';
import { errorCode, type Note } from './notes.js';
import { hashBytes, type SourceInfo } from './read-sources.js';
import { removeStaleTemporaryFiles } from './temp-names.js';

/** As ESLint: at most 10 passes of fixes on the same text. */
export const MAX_FIX_PASSES = 10;

export interface FixLoopOptions {
  configFor: (path: string) => ResolvedConfig;
  /** Which findings' fixes to apply (e.g. errors only under --quiet); default: all. */
  wanted?: (finding: Finding) => boolean;
  maxPasses?: number;
  noPrefilter?: boolean;
  cache?: DiskFactsCache;
}

export interface FixLoopResult {
  /** Path → text after every pass; the same text as given for files nothing changed in. */
  texts: Map<string, string>;
  /** The analysis of `texts`: the findings that remain. */
  results: FileResult[];
  /** Paths whose text changed. */
  changed: string[];
  /** Passes that changed something. */
  passes: number;
  notes: Note[];
}

/** The automatic fix of a finding, if it has one that changes something. Suggestions never count. */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fix && finding.fix.edits.length > 0 ? finding.fix : undefined;
}

/**
 * Runs analysis and fixes until stable. Every pass analyses the whole project, because rules see across files;
 * the fixes themselves are per file. Pure apart from the engine: reads and writes nothing.
 */
export async function runFixLoop(files: readonly ProjectFile[], options: FixLoopOptions): Promise<FixLoopResult> {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const wanted = options.wanted ?? (() => true);
  const original = new Map(files.map((file) => [file.path, file.text]));
  const texts = new Map(original);
  const notes: Note[] = [];
  /** Files whose fixes threw (a rule bug): left alone in later passes. */
  const broken = new Set<string>();
  const analyze = (): Promise<FileResult[]> =>
    analyzeProjectAsync(
      files.map((file) => ({ path: file.path, text: texts.get(file.path) ?? file.text })),
      {
        configFor: options.configFor,
        noPrefilter: options.noPrefilter ?? false,
        ...(options.cache ? { cache: options.cache } : {}),
      },
    );

  let results = await analyze();
  let passes = 0;
  while (passes < maxPasses) {
    let changedThisPass = false;
    for (const result of results) {
      if (broken.has(result.path)) continue;
      const fixes = result.findings.filter(wanted).flatMap((f) => automaticFix(f) ?? []);
      if (fixes.length === 0) continue;
      const text = texts.get(result.path);
      if (text === undefined) continue;
      try {
        const fixed = applyFixes(text, fixes).text;
        if (fixed !== text) {
          texts.set(result.path, fixed);
          changedThisPass = true;
        }
      } catch (error) {
        broken.add(result.path);
        notes.push({
          path: result.path,
          reason: `fixes not applied: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    if (!changedThisPass) break;
    passes++;
    results = await analyze();
  }
  const changed = [...texts].filter(([path, text]) => original.get(path) !== text).map(([p]) => p);
  return { texts, results, changed, passes, notes };
}

export interface WriteOutcome {
  written: string[];
  /** Left untouched: changed on disk since it was read, not encodable, or an I/O error. */
  notWritten: string[];
  /** Files that changed on disk or could not be written (exit code 2). */
  refused: string[];
  notes: Note[];
}

/**
 * Writes each changed file back in the encoding and BOM it was read with. A file whose bytes changed since
 * they were read is refused; a fixed text the encoding cannot represent leaves the file untouched. Run it inside
 * withInterruptCleanup so Ctrl-C removes a pending temporary file.
 */
export async function writeFixedFiles(
  paths: readonly string[],
  texts: ReadonlyMap<string, string>,
  sources: ReadonlyMap<string, SourceInfo>,
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { written: [], notWritten: [], refused: [], notes: [] };
  for (const folder of new Set(paths.map((path) => dirname(path)))) {
    const removed = removeStaleTemporaryFiles(folder);
    if (removed.length > 0) {
      outcome.notes.push({
        path: folder,
        reason: `removed ${removed.length} stale temporary ${removed.length === 1 ? 'file' : 'files'} of an earlier run`,
      });
    }
  }
  for (const path of paths) {
    // A turn of the event loop (not just a microtask), so a pending SIGINT is handled between files.
    await new Promise((resolve) => setImmediate(resolve));
    const text = texts.get(path);
    const source = sources.get(path);
    if (text === undefined || source === undefined) continue;
    if (readOnly(path)) {
      outcome.notWritten.push(path);
      outcome.refused.push(path);
      outcome.notes.push({ path, reason: 'not fixed: read-only' });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = encodeSource(text, source.encoding, source.bom);
    } catch (error) {
      // encodeSource says what it could not encode and that the file was not changed.
      outcome.notWritten.push(path);
      outcome.notes.push({
        path,
        reason: `not fixed: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    try {
      // One file at a time, back to the event loop in between, so Ctrl-C is handled between files.
      const result = await writeFileAtomicAsync(path, bytes, {
        unchanged: (current) => hashBytes(current) === source.hash,
        keepOwner: 'required',
      });
      if (result === 'written') {
        outcome.written.push(path);
      } else {
        outcome.notWritten.push(path);
        outcome.refused.push(path);
        outcome.notes.push({
          path,
          reason: 'not fixed: the file changed on disk since it was read; run again to fix it',
        });
      }
    } catch (error) {
      outcome.notWritten.push(path);
      outcome.refused.push(path);
      const code = errorCode(error);
      outcome.notes.push({
        path,
        reason:
          code === 'EPERM'
            ? "not fixed: cannot keep the file's owner and group (EPERM)"
            : `not fixed: cannot write: ${code}`,
      });
    }
  }
  return outcome;
}

/**
 * Whether the user may not write the file: access(W_OK) says no, or no write bit is set at all (root passes
 * every access check, but a 0444 file is read-only by intent). Files that vanished are not read-only: the
 * write reports them as changed on disk.
 */
function readOnly(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return true;
    accessSync(path, constants.W_OK);
    return false;
  } catch (error) {
    return errorCode(error) === 'EACCES' || errorCode(error) === 'EROFS' || errorCode(error) === 'EPERM';
  }
}
