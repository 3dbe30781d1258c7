// --baseline and --update-baseline, for adopting the linter on legacy code: the findings accepted so far are
// recorded in a JSON file, and later runs report only findings not in it. A finding is identified by its file
// (relative to the baseline file's folder, forward slashes), its rule and the SARIF reporter's fingerprint
// (rule id + trimmed text of the finding's line + occurrence among identical (rule, line) pairs in the file), so
// code that moves to another line, or is re-indented, is not new. Line numbers are not part of it.
import { readRegularText } from '@winsock-lint/node-host';
import { dirname, relative, sep } from 'node:path';
import { errorCode } from './notes.js';
import { findingFingerprints, UNUSED_SUPPRESSION_RULE_ID } from './reporters/sarif.js';
import type { ReportFile } from './reporters/index.js';

export const BASELINE_VERSION = 1;
/** About 300,000 entries; a larger file is refused before it is parsed. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export interface BaselineEntry {
  /** Relative to the baseline file's folder, forward slashes. */
  path: string;
  ruleId: string;
  /** SARIF's primaryLocationLineHash: `<hash>:<occurrence>`. */
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  toolVersion: string;
  entries: BaselineEntry[];
}

/** A baseline that cannot be read or is not a baseline (exit 2). */
export class BaselineError extends Error {}

export function baselineKey(entry: Pick<BaselineEntry, 'path' | 'ruleId' | 'fingerprint'>): string {
  return `${entry.path}\u0000${entry.ruleId}\u0000${entry.fingerprint}`;
}

/** Reads a baseline; `undefined` when the file does not exist and `allowMissing` is set. */
export function readBaseline(file: string, allowMissing: boolean): BaselineFile | undefined {
  let text: string;
  try {
    // Without a UTF-8 byte-order mark (editors on Windows save JSON with one).
    text = readRegularText(file, MAX_BASELINE_BYTES);
  } catch (error) {
    if (allowMissing && errorCode(error) === 'ENOENT') return undefined;
    throw new BaselineError(
      errorCode(error) === 'ENOENT'
        ? `baseline ${file} does not exist; create it with --update-baseline`
        : `cannot read baseline ${file}: ${errorCode(error)}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (!isRecord(data) || data['version'] !== BASELINE_VERSION || !Array.isArray(data['entries'])) {
    throw new BaselineError(
      `baseline ${file} is not a winsock-lint baseline (version ${BASELINE_VERSION} with an entries array)`,
    );
  }
  const entries: BaselineEntry[] = [];
  for (const [i, entry] of (data['entries'] as unknown[]).entries()) {
    if (
      !isRecord(entry) ||
      typeof entry['path'] !== 'string' ||
      typeof entry['ruleId'] !== 'string' ||
      typeof entry['fingerprint'] !== 'string'
    ) {
      throw new BaselineError(`baseline ${file}: entry ${i} needs string path, ruleId and fingerprint`);
    }
    entries.push({
      path: entry['path'],
      ruleId: entry['ruleId'],
      fingerprint: entry['fingerprint'],
      message: typeof entry['message'] === 'string' ? entry['message'] : '',
    });
  }
  return {
    version: BASELINE_VERSION,
    toolVersion: typeof data['toolVersion'] === 'string' ? data['toolVersion'] : '',
    entries,
  };
}

/**
 * The note for a baseline written by a newer winsock-lint than this one (its fingerprints or rules may differ,
 * so findings it accepted can show up again), or undefined.
 */
export function newerToolNote(baseline: BaselineFile, ours: string): string | undefined {
  if (compareVersions(baseline.toolVersion, ours) <= 0) return undefined;
  return (
    `written by winsock-lint ${baseline.toolVersion}, newer than this ${ours}; ` +
    'findings it accepted may be reported again, so upgrade or run with --update-baseline'
  );
}

/** Compares "major.minor.patch" versions numerically (pre-release tags and missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] => (/^\d+(?:\.\d+)*/.exec(version)?.[0] ?? '0').split('.').map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Each file's baseline entries, one per finding, in finding order (parallel to result.findings). */
export function entriesOf(files: readonly ReportFile[], baselineFile: string): BaselineEntry[][] {
  const folder = dirname(baselineFile);
  return files.map(({ result, text }) => {
    const path = relative(folder, result.path).split(sep).join('/');
    const fingerprints = findingFingerprints(result.findings, text);
    return result.findings.map((finding, i) => ({
      path,
      ruleId: finding.ruleId ?? UNUSED_SUPPRESSION_RULE_ID,
      fingerprint: fingerprints[i] ?? '',
      message: finding.message,
    }));
  });
}

/** The baseline file's text: entries sorted (stable diffs in review), one JSON document. */
export function formatBaseline(entries: readonly BaselineEntry[], toolVersion: string): string {
  const unique = new Map(entries.map((entry) => [baselineKey(entry), entry]));
  const sorted = [...unique.values()].sort(
    (a, b) =>
      compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compareFingerprints(a.fingerprint, b.fingerprint),
  );
  const file: BaselineFile = { version: BASELINE_VERSION, toolVersion, entries: sorted };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function compareFingerprints(a: string, b: string): number {
  const [hashA = '', nA = '0'] = a.split(':');
  const [hashB = '', nB = '0'] = b.split(':');
  return compare(hashA, hashB) || Number(nA) - Number(nB);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
