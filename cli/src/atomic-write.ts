// Writes a file atomically: a temporary file in the same folder, written in full and fsynced, then renamed over
// the target, so a reader sees the old bytes or the new ones, never half a file. Keeps the target's mode, writes
// through symbolic links to the real file, and (for --fix) refuses when the target changed since it was read.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Called with the target's current bytes right before the rename (empty when it no longer exists);
   * returning false abandons the write: the temporary file is removed and the target left as it is.
   */
  unchanged?: (current: Uint8Array) => boolean;
}

export type AtomicWriteResult = 'written' | 'changed-on-disk';

/** Throws on I/O errors (the temporary file is removed first); the target is never left half-written. */
export function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): AtomicWriteResult {
  const target = realTarget(path);
  const mode = existingMode(target);
  const temp = join(
    dirname(target),
    `.${basename(target)}.winsock-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  // 'wx': never follow or reuse something already at the temporary name.
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  let renamed = false;
  try {
    try {
      // The umask applied to openSync's mode; set the original mode exactly.
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
    if (options.unchanged && !options.unchanged(currentBytes(target) ?? new Uint8Array())) {
      return 'changed-on-disk';
    }
    renameSync(temp, target);
    renamed = true;
    syncFolder(dirname(target));
    return 'written';
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone; nothing to clean up.
      }
    }
  }
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

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
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
