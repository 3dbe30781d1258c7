// Writes --output-file (and merge's): a regular file or a new path is replaced atomically (atomic-write.ts);
// anything else that exists (a character device such as /dev/null or /dev/stdout, a FIFO, a socket) is opened
// and written in place, never replaced by a regular file. Write errors (ENOSPC on /dev/full) are thrown.
import { closeSync, constants, openSync, statSync, writeSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

export function writeOutputFile(path: string, data: string): void {
  if (!isSpecial(path)) {
    writeFileAtomic(path, data);
    return;
  }
  const fd = openSync(path, constants.O_WRONLY | constants.O_TRUNC);
  try {
    const bytes = Buffer.from(data, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the path exists and is not a regular file (following links). /dev/stdout, /dev/fd/N and
 * /proc/self/fd/N name an open descriptor, whatever it refers to: written in place too.
 */
function isSpecial(path: string): boolean {
  if (/^\/(?:dev\/(?:stdout|stderr|fd\/)|proc\/(?:self|\d+)\/fd\/)/.test(path)) return true;
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // A new file.
  }
}
