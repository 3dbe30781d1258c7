// --cache: the engine's extracted facts of each file on disk, keyed by content hash, so a second audit of an
// unchanged tree parses nothing again. Each entry is a header line (format, facts format version, key, SHA-256
// of the body) and the facts JSON; an entry whose header, checksum or shape does not check out (a hand edit, a
// truncated write, another version's file) is a miss, never a crash and never facts that hide findings.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRegularText } from '@winsock-lint/node-host';
import { FACTS_FORMAT_VERSION, type analyzeProject } from '@winsock-lint/rules';
import { temporaryName } from './temp-names.js';

type FactsCache = NonNullable<NonNullable<Parameters<typeof analyzeProject>[1]>['cache']>;
type FileFacts = NonNullable<ReturnType<FactsCache['get']>>;

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'winsock-lint');
const ENTRY_FORMAT = 'winsock-lint-facts';
/** An entry larger than this is a miss (the facts of a 2 MiB file are a few MB). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

interface EntryHeader {
  format: typeof ENTRY_FORMAT;
  version: number;
  key: string;
  sha256: string;
}

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
    let facts: FileFacts | undefined;
    try {
      facts = parseEntry(readRegularText(this.entry(key), MAX_ENTRY_BYTES), key);
    } catch {
      facts = undefined;
    }
    if (facts) this.hits++;
    else this.misses++;
    return facts;
  }

  set(key: string, facts: FileFacts): void {
    const folder = join(this.dir, key.slice(0, 2));
    const temp = join(folder, temporaryName());
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(temp, formatEntry(key, facts), { flag: 'wx' });
      renameSync(temp, this.entry(key));
    } catch {
      // A read-only or full disk only costs speed: the next run parses the file again.
    }
  }
}

export function formatEntry(key: string, facts: FileFacts): string {
  const body = JSON.stringify(facts);
  const header: EntryHeader = { format: ENTRY_FORMAT, version: FACTS_FORMAT_VERSION, key, sha256: sha256(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

/** The facts of an entry written by formatEntry for `key`, or undefined for anything else. */
export function parseEntry(text: string, key: string): FileFacts | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const header = JSON.parse(text.slice(0, newline)) as Partial<EntryHeader> | null;
  const body = text.slice(newline + 1);
  if (
    !isRecord(header) ||
    header.format !== ENTRY_FORMAT ||
    header.version !== FACTS_FORMAT_VERSION ||
    header.key !== key ||
    header.sha256 !== sha256(body)
  ) {
    return undefined;
  }
  const facts: unknown = JSON.parse(body);
  return isFileFacts(facts) ? facts : undefined;
}

/** The shape the engine reads: every field present with its type, every list element an object. */
function isFileFacts(value: unknown): value is FileFacts {
  if (!isRecord(value)) return false;
  const objects = (list: unknown): boolean => Array.isArray(list) && list.every(isRecord);
  return (
    typeof value['path'] === 'string' &&
    typeof value['language'] === 'string' &&
    Array.isArray(value['aliases']) &&
    value['aliases'].every((alias) => typeof alias === 'string') &&
    objects(value['codeUses']) &&
    objects(value['comments']) &&
    typeof value['hasSyntaxErrors'] === 'boolean' &&
    objects(value['functions']) &&
    (value['functions'] as Record<string, unknown>[]).every(
      (fn) =>
        typeof fn['name'] === 'string' &&
        typeof fn['qualified'] === 'string' &&
        objects(fn['events']) &&
        isRecord(fn['blocks']) &&
        ['params', 'locals', 'loopbackAddresses', 'returns'].every((list) => Array.isArray(fn[list])) &&
        isRecord(fn['range']) &&
        isRecord(fn['nameRange']),
    )
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
