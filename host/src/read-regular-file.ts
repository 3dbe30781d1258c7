// Reads one file for analysis or configuration without trusting what the path names now: opened with O_NONBLOCK
// (a FIFO swapped in after discovery cannot block the open), checked with fstat on the open descriptor (no race
// with a later swap), read only when it is a regular file, and never more than `limit` bytes (a file that grows
// while it is read, or a link to /dev/zero, cannot exhaust memory). The single place every delivery reads a file.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RegularFileRead =
  | { kind: 'read'; bytes: Buffer }
  /** Larger than the limit: `size` is what fstat said, or the bytes seen so far when the file grew. */
  | { kind: 'too-large'; size: number }
  /** A FIFO, device, socket or folder: never read. */
  | { kind: 'not-regular'; type: string };

/** Reads the file at `path` if it is a regular file of at most `limit` bytes. Throws the file system's errors. */
export function readRegularFile(path: string, limit: number): RegularFileRead {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'not-regular', type: fileType(stats) };
    if (stats.size > limit) return { kind: 'too-large', size: stats.size };
    return readBounded(fd, stats.size, limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, expecting about `expected` bytes, but stops as soon as more than `limit` arrive. */
function readBounded(fd: number, expected: number, limit: number): RegularFileRead {
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return { kind: 'too-large', size: length };
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > limit) return { kind: 'too-large', size: length };
  return { kind: 'read', bytes: buffer.subarray(0, length) };
}

function fileType(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** Not a regular file, or too large: the message says which ("is a FIFO, not a regular file"). */
export class NotReadableError extends Error {
  override name = 'NotReadableError';
}

/**
 * The text (UTF-8, without a byte-order mark) of a regular file of at most `limit` bytes, for configurations,
 * baselines and reports. Throws the file system's errors, or NotReadableError (its message says why).
 */
export function readRegularText(path: string, limit: number): string {
  const read = readRegularFile(path, limit);
  if (read.kind === 'not-regular') throw new NotReadableError(`is ${read.type}, not a regular file`);
  if (read.kind === 'too-large') {
    throw new NotReadableError(`is larger than ${formatLimit(limit)} (the limit for this kind of file)`);
  }
  const text = read.bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatLimit(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
