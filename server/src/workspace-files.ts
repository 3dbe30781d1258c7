// The workspace's source files as last read from disk: scanned in the background per workspace
// folder (skipping tool folders, honouring include/exclude and the size limit) and kept current by
// file-watch events. Open documents override these texts elsewhere.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularFile } from '@winsock-lint/node-host';
import { decodeSource, isBinary, languageForPath } from '@winsock-lint/rules';

/** Folders never worth reading: version control, packages, IDE caches. */
const IGNORED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '.vs', '.vscode']);

export interface ScanHooks {
  isIncluded(path: string): boolean;
  maxFileSize: number;
  /** Progress, 0–100, with a short message. */
  progress(percentage: number, message: string): void;
  isCancelled(): boolean;
}

export class WorkspaceFolderFiles {
  readonly texts = new Map<string, string>();
  /** A scan has finished (or failed): the folder's project can be analysed without a false all-clear. */
  scanned = false;

  constructor(
    readonly uri: string,
    readonly path: string,
  ) {}

  async scan(hooks: ScanHooks): Promise<void> {
    const paths: string[] = [];
    await collect(this.path, paths, hooks);
    // Read into a new map: analyses during a rescan keep seeing the previous complete set of texts.
    const texts = new Map<string, string>();
    let done = 0;
    for (const path of paths) {
      if (hooks.isCancelled()) return;
      const text = readSource(path, hooks.maxFileSize);
      if (text !== undefined) texts.set(path, text);
      done++;
      if (done % 25 === 0 || done === paths.length) {
        hooks.progress(Math.round((done / paths.length) * 100), `${done}/${paths.length} files read`);
        // Reads are synchronous (readRegularFile): requests and cancellation get a turn between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (hooks.isCancelled()) return;
    this.texts.clear();
    for (const [path, text] of texts) this.texts.set(path, text);
    this.scanned = true;
  }

  /** Re-reads one file after a watch event; false when nothing changed. */
  async refresh(path: string, isIncluded: boolean, maxFileSize: number): Promise<boolean> {
    const before = this.texts.get(path);
    const text = isIncluded && isSource(path) ? readSource(path, maxFileSize) : undefined;
    if (text === undefined) this.texts.delete(path);
    else this.texts.set(path, text);
    return before !== text;
  }
}

export function isSource(path: string): boolean {
  return languageForPath(path) !== undefined;
}

async function collect(dir: string, out: string[], hooks: ScanHooks): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (hooks.isCancelled()) return;
    const path = join(dir, entry.name);
    // Symbolic links are not followed: they can loop and usually point outside the project.
    if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name)) await collect(path, out, hooks);
    } else if (entry.isFile() && isSource(path) && hooks.isIncluded(path)) {
      out.push(path);
    }
  }
}

/**
 * The decoded text, or undefined for a missing, oversized, binary or undecodable file, or one that is no
 * longer a regular file (a FIFO swapped in is never waited on: readRegularFile).
 */
function readSource(path: string, maxFileSize: number): string | undefined {
  try {
    const read = readRegularFile(path, maxFileSize);
    if (read.kind !== 'read') return undefined;
    const bytes = read.bytes;
    if (isBinary(bytes)) return undefined;
    return decodeSource(bytes).text;
  } catch {
    return undefined;
  }
}
