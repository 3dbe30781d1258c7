// What every reporter receives: each analysed file's result with the decoded text its positions index into.
import type { FileResult } from '../engine-types.js';
import type { ShardStamp } from '../shard.js';

export interface ReportFile {
  result: FileResult;
  /** The decoded source text (code frames, fix ranges). */
  text: string;
}

export interface ReportOptions {
  color: boolean;
  /** SARIF: artifact URIs are relative to this folder; default: the process's working folder. */
  cwd?: string;
  /** SARIF: the tool version to record; default: the CLI's package version. */
  version?: string;
  /** JSON and SARIF: the --shard this report is, recorded in it for `merge`. */
  shard?: ShardStamp | undefined;
}
