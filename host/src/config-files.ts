// Finds and reads winsock-lint.config.json for the deliveries that run on Node (the CLI and the language
// server); the engine only validates and resolves the JSON, since it does no I/O.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CONFIG_FILE_NAME = 'winsock-lint.config.json';

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
 * Throws the file system's error when it cannot be read.
 */
export function readConfigText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
