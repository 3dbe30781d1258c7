// --shard i/n: which files a shard reports. A file's shard comes from a hash of its path relative to the working
// folder (forward slashes), not from its position in the list, so adding or removing a file never moves
// another file to a different shard. Every shard still reads and analyses all files (rules see across files);
// only the report is split. Pure.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Shard } from './args.js';

/** The 1-based shard of a path (relative to the working folder, forward slashes) among `count`. */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function shardKey(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

export function inShard(cwd: string, path: string, shard: Shard): boolean {
  return shardOf(shardKey(cwd, path), shard.count) === shard.index;
}
