// The temporary files winsock-lint writes next to a target before renaming them over it: short names
// (`.wl-<pid>-<4 random>.tmp`, about 20 characters whatever the target's length, so a 250-byte file name can
// still be fixed), which also say which process wrote them, so a later run can remove the leftovers of a process
// that is gone (killed by SIGKILL, or a power cut).
import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** `.wl-<pid in base 36>-<4 random base-36 characters>.tmp`. */
const TEMP_NAME = /^\.wl-([0-9a-z]{1,11})-[0-9a-z]{4}\.tmp$/;
/** The long names earlier versions wrote: `.<target>.winsock-lint-<pid>-<8 hex>.tmp`. */
const LEGACY_TEMP_NAME = /^\..*\.winsock-lint-(\d{1,10})-[0-9a-f]{8}\.tmp$/s;

export function temporaryName(pid = process.pid): string {
  const random = [...randomBytes(4)].map((byte) => (byte % 36).toString(36)).join('');
  return `.wl-${pid.toString(36)}-${random}.tmp`;
}

/** The process id a temporary file name of ours records, or undefined for any other name. */
export function temporaryFileOwner(name: string): number | undefined {
  const short = TEMP_NAME.exec(name);
  if (short?.[1] !== undefined) return parseInt(short[1], 36);
  const legacy = LEGACY_TEMP_NAME.exec(name);
  if (legacy?.[1] !== undefined) return Number(legacy[1]);
  return undefined;
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of our naming pattern in `folder` whose process is gone; returns their paths.
 * Anything else (other names, files of a running process, errors) is left alone.
 */
export function removeStaleTemporaryFiles(folder: string, exists: (pid: number) => boolean = processExists): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = temporaryFileOwner(name);
    if (pid === undefined || pid <= 0 || exists(pid)) continue;
    const path = join(folder, name);
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
