// Reads and decodes the files to audit: synchronous reads (faster here than many concurrent async ones),
// too-large and binary files skipped with a note, legacy encodings (Windows-1252, UTF-16 with a BOM) decoded.
// Each file is read by readRegularFile: a FIFO or device swapped in after discovery is skipped, never waited on.
import { createHash } from 'node:crypto';
import { readRegularFile } from '@winsock-lint/node-host';
import { decodeSource, isBinary, type ProjectFile, type SourceEncoding } from '@winsock-lint/rules';
import { errorCode, type Note } from './notes.js';

/** How a file was stored, so --fix can write it back byte for byte and notice a change on disk. */
export interface SourceInfo {
  encoding: SourceEncoding;
  bom: boolean;
  /** SHA-256 (hex) of the bytes as read. */
  hash: string;
}

export interface ReadOptions {
  maxFileSize: number;
  /** Files between yields to the event loop (keeps memory flat on big trees). */
  yieldEvery?: number;
  /** Called after each file (read, skipped or unreadable) with the bytes read for it. */
  onFile?: (bytes: number) => void;
}

export interface ReadResult {
  files: ProjectFile[];
  notes: Note[];
  /** Path → encoding, BOM and hash of each file in `files`. */
  sources: Map<string, SourceInfo>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readSources(paths: readonly string[], options: ReadOptions): Promise<ReadResult> {
  const files: ProjectFile[] = [];
  const notes: Note[] = [];
  const sources = new Map<string, SourceInfo>();
  const yieldEvery = options.yieldEvery ?? 32;
  let sinceYield = 0;
  for (const path of paths) {
    if (++sinceYield >= yieldEvery) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const source = readSource(path, options.maxFileSize, notes, (bytes) => options.onFile?.(bytes));
    if (source === undefined) continue;
    // The engine's selection decides which files are worth parsing; every decoded file goes to it.
    files.push({ path, text: source.text });
    sources.set(path, source.info);
  }
  return { files, notes, sources };
}

/**
 * Reads and decodes one file: the one place a source file is opened (the audit's worker threads use it too).
 * Undefined, with a note, for an unreadable, too large, binary or undecodable file.
 */
export function readSource(
  path: string,
  maxFileSize: number,
  notes: Note[],
  onBytes?: (bytes: number) => void,
  hash = true,
): { text: string; info: SourceInfo } | undefined {
  const bytes = readBytes(path, maxFileSize, notes);
  onBytes?.(bytes?.length ?? 0);
  if (bytes === undefined) return undefined;
  if (isBinary(bytes)) {
    notes.push({ path, reason: 'skipped: binary file' });
    return undefined;
  }
  let decoded;
  try {
    decoded = decodeSource(bytes);
  } catch (error) {
    // Only UTF-16 with an odd number of bytes cannot be decoded (a truncated file).
    notes.push({ path, reason: `skipped: ${error instanceof Error ? error.message : error}` });
    return undefined;
  }
  return {
    text: decoded.text,
    info: { encoding: decoded.encoding, bom: decoded.bom, hash: hash ? hashBytes(bytes) : '' },
  };
}

function readBytes(path: string, maxFileSize: number, notes: Note[]): Uint8Array | undefined {
  try {
    const read = readRegularFile(path, maxFileSize);
    if (read.kind === 'read') return read.bytes;
    notes.push({
      path,
      reason:
        read.kind === 'not-regular'
          ? `skipped: ${read.type}, not a regular file`
          : `skipped: ${read.size} bytes is more than --max-file-size (${maxFileSize} bytes)`,
    });
  } catch (error) {
    notes.push({ path, reason: `cannot read: ${errorCode(error)}` });
  }
  return undefined;
}
