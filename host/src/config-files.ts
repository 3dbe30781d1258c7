// Finds and reads winsock-lint.config.json for the deliveries that run on Node (the CLI and the language
// server); the engine only validates and resolves the JSON, since it does no I/O.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRegularText } from './read-regular-file.js';

export const CONFIG_FILE_NAME = 'winsock-lint.config.json';
/** A configuration is a few hundred bytes; anything over 16 MiB is refused before it is parsed. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** The nearest configuration file above a folder, each folder looked up once. */
export class NearestConfigFinder {
  /** Folder → nearest configuration file (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();

  find(startDir: string): string | undefined {
    const visited: string[] = [];
    let dir = startDir;
    let found: string | null = null;
    for (;;) {
      const cached = this.nearest.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.nearest.set(v, found);
    return found ?? undefined;
  }

  /** Forget what was found (a configuration file was added or removed). */
  clear(): void {
    this.nearest.clear();
  }
}

/**
 * A configuration file's text, without the byte-order mark editors on Windows like to save JSON with.
 * Throws the file system's error when it cannot be read, NotReadableError when it is not a regular file
 * (`--config /dev/zero`) or larger than MAX_CONFIG_BYTES.
 */
export function readConfigText(path: string): string {
  return readRegularText(path, MAX_CONFIG_BYTES);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
