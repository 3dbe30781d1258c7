// What every reporter receives: each analysed file's result with the decoded text its positions index into.
import type { FileResult } from '../engine-types.js';

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
}
