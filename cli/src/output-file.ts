// Writes --output-file (and merge's): a regular file or a new path is replaced atomically (atomic-write.ts);
// anything else that exists (a character device such as /dev/null or /dev/stdout, a FIFO, a socket) is opened
// and written in place, never replaced by a regular file. /dev/stdout, /dev/stderr, /dev/fd/N and
// /proc/self/fd/N are written to that descriptor of this process (a socket cannot be opened through them).
// Write errors (ENOSPC on /dev/full) are thrown.
import { closeSync, constants, openSync, statSync, writeSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

export function writeOutputFile(path: string, data: string): void {
  const bytes = Buffer.from(data, 'utf8');
  const descriptor = ownDescriptor(path);
  if (descriptor !== undefined) {
    writeAll(descriptor, bytes);
  } else if (isSpecial(path)) {
    const fd = openSync(path, constants.O_WRONLY | constants.O_TRUNC);
    try {
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
  } else {
    writeFileAtomic(path, bytes);
  }
}

/** The descriptor number a /dev/stdout-like path names, or undefined. */
function ownDescriptor(path: string): number | undefined {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const match = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Writes every byte; a non-blocking pipe that is full (EAGAIN) is waited on, a millisecond at a time. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** Whether the path exists and is not a regular file (following links). */
function isSpecial(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // A new file.
  }
}
