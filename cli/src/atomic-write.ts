// Writes a file atomically: a temporary file in the same folder, written in full and fsynced, then renamed over
// the target, so a reader sees the old bytes or the new ones, never half a file. Keeps the target's mode, owner
// and group, writes through symbolic links to the real file, and (for --fix) refuses when the target changed
// since it was read. Temporary names are short (TEMP_NAME in temp-names.ts) whatever the target's length.
// Temporary files that exist are registered, so an interrupt handler can remove them (see interrupt.ts).
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryName } from './temp-names.js';
import { PAUSE_BEFORE_RENAME, testPause } from './test-hooks.js';

export interface AtomicWriteOptions {
  /**
   * Called with the target's current bytes right before the rename (empty when it no longer exists);
   * returning false abandons the write: the temporary file is removed and the target left as it is.
   */
  unchanged?: (current: Uint8Array) => boolean;
  /**
   * 'required' (--fix): when the new file cannot get the target's owner and group, nothing is written and an
   * error with code EPERM is thrown. 'best-effort' (default: reports, baselines): the writer's own is kept then.
   */
  keepOwner?: 'required' | 'best-effort';
}

export type AtomicWriteResult = 'written' | 'changed-on-disk';

/** Temporary files written but not yet renamed or removed. */
const pendingTemps = new Set<string>();

/** The temporary files that exist right now (normally none outside a write). */
export function pendingTemporaryFiles(): string[] {
  return [...pendingTemps];
}

/** Removes every pending temporary file (synchronously: safe in a signal handler); returns how many. */
export function removePendingTemporaryFiles(): number {
  let removed = 0;
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
      removed++;
    } catch {
      // Already gone.
    }
  }
  pendingTemps.clear();
  return removed;
}

/** Throws on I/O errors (the temporary file is removed first); the target is never left half-written. */
export function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): AtomicWriteResult {
  const staged = stage(path, data, options);
  return finish(staged, options);
}

/**
 * As writeFileAtomic, but returns to the event loop between writing the temporary file and the rename (only
 * when a test asks for a pause), so a SIGINT handler can run while a temporary file exists.
 */
export async function writeFileAtomicAsync(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<AtomicWriteResult> {
  const staged = stage(path, data, options);
  try {
    await testPause(PAUSE_BEFORE_RENAME, `before renaming ${staged.temp}`);
  } catch (error) {
    discard(staged.temp);
    throw error;
  }
  return finish(staged, options);
}

interface Staged {
  target: string;
  temp: string;
}

/** Writes the complete temporary file; on failure removes it and throws. */
function stage(path: string, data: Uint8Array | string, options: AtomicWriteOptions): Staged {
  const target = realTarget(path);
  const existing = existingStats(target);
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  const { temp, fd } = createTemporaryFile(dirname(target), mode ?? 0o666);
  pendingTemps.add(temp);
  try {
    try {
      if (existing !== undefined) keepOwnerAndGroup(fd, existing, options.keepOwner ?? 'best-effort');
      // The umask applied to openSync's mode; set the original mode exactly (after chown, which clears setuid).
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) {
        written += writeSync(fd, bytes, written, bytes.length - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    discard(temp);
    throw error;
  }
  return { target, temp };
}

/** A new temporary file in `folder` ('wx': never follow or reuse something already at the name). */
function createTemporaryFile(folder: string, mode: number): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = join(folder, temporaryName());
    try {
      return { temp, fd: openSync(temp, 'wx', mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw error;
    }
  }
}

/** Checks the target and renames the temporary file over it, or removes the temporary file. */
function finish({ target, temp }: Staged, options: AtomicWriteOptions): AtomicWriteResult {
  let renamed = false;
  try {
    if (options.unchanged && !options.unchanged(currentBytes(target) ?? new Uint8Array())) {
      return 'changed-on-disk';
    }
    renameSync(temp, target);
    renamed = true;
    pendingTemps.delete(temp);
    syncFolder(dirname(target));
    return 'written';
  } finally {
    if (!renamed) discard(temp);
  }
}

function discard(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // Already gone; nothing to clean up.
  }
  pendingTemps.delete(temp);
}

/** The file a symbolic link points to (renaming over the link would replace it with a plain file). */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // A new file.
  }
}

function currentBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function existingStats(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Gives the temporary file the target's owner and group (only where they differ from the writer's). */
function keepOwnerAndGroup(fd: number, target: Stats, keep: 'required' | 'best-effort'): void {
  const own = fstatSync(fd);
  if (own.uid === target.uid && own.gid === target.gid) return;
  try {
    fchownSync(fd, target.uid, target.gid);
  } catch (error) {
    if (keep === 'required') throw error;
  }
}

/** Makes the rename itself durable; not every platform can open a folder, so failures are ignored. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory handle.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
