// --cache: the engine's extracted facts of each file on disk, keyed by content hash, so a second audit of an
// unchanged tree parses nothing again. A broken or unreadable cache entry is simply a miss.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { analyzeProject } from '@winsock-lint/rules';

type FactsCache = NonNullable<NonNullable<Parameters<typeof analyzeProject>[1]>['cache']>;
type FileFacts = NonNullable<ReturnType<FactsCache['get']>>;

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'winsock-lint');

export class DiskFactsCache implements FactsCache {
  readonly dir: string;
  hits = 0;
  misses = 0;

  constructor(location: string, cwd: string) {
    this.dir = resolve(cwd, location);
  }

  private entry(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): FileFacts | undefined {
    try {
      const facts = JSON.parse(readFileSync(this.entry(key), 'utf8')) as FileFacts;
      this.hits++;
      return facts;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(key: string, facts: FileFacts): void {
    const file = this.entry(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(temp, JSON.stringify(facts));
      renameSync(temp, file);
    } catch {
      // A read-only or full disk only costs speed: the next run parses the file again.
    }
  }
}
