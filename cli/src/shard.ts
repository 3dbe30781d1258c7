// --shard i/n: which files a shard reports. A file's shard comes from a hash of its path relative to the working
// folder (forward slashes), not from its position in the list, so adding or removing a file never moves
// another file to a different shard. Every shard still reads and analyses all files (rules see across files);
// only the report is split. Each sharded report records a ShardStamp (shard and run id) for `merge`.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { AuditOptions, Shard } from './args.js';
import { cliVersion } from './version.js';

/** The 1-based shard of a path (relative to the working folder, forward slashes) among `count`. */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function shardKey(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

/** What a --shard report records about itself, so `merge` can refuse mixed runs and repeated shards. */
export interface ShardStamp {
  index: number;
  count: number;
  /** The same for every shard of one run: tool version, settings, and every analysed file's path and hash. */
  runId: string;
}

export function shardRunId(version: string, settings: unknown, files: ReadonlyArray<[string, string]>): string {
  const hash = createHash('sha256').update(`${version}\0${JSON.stringify(settings)}\0`);
  for (const [path, fileHash] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    hash.update(`${path}\0${fileHash}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The stamp of this --shard run: settings that change findings, and every file read with its hash. */
export function shardStamp(
  shard: Shard,
  options: Pick<AuditOptions, 'ruleOverrides' | 'severity' | 'configPath' | 'changedSince' | 'baseline' | 'quiet'>,
  cwd: string,
  sources: ReadonlyMap<string, { hash: string }>,
): ShardStamp {
  const settings = [
    options.ruleOverrides,
    options.severity,
    options.configPath,
    options.changedSince,
    options.baseline,
  ];
  const files = [...sources].map(([path, info]): [string, string] => [shardKey(cwd, path), info.hash]);
  return {
    index: shard.index,
    count: shard.count,
    runId: shardRunId(cliVersion(), [...settings, options.quiet], files),
  };
}

export function inShard(cwd: string, path: string, shard: Shard): boolean {
  return shardOf(shardKey(cwd, path), shard.count) === shard.index;
}
