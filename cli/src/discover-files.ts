// Finds the files an audit checks: explicit files as given, folders walked for C/C++ sources in sorted order,
// tool folders skipped, symlinked folders followed once (loops noted, never walked), unreadable folders noted.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { errorCode, type Note } from './notes.js';

/** Folders that hold version-control data, packages or IDE caches, never sources worth auditing. */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  '.bzr',
  '_darcs',
  'CVS',
  'node_modules',
  '.vs',
]);

export interface DiscoveredFile {
  /** Absolute path, as reached (through symlinks when that is how it was found). */
  path: string;
  /** Named on the command line rather than found by walking a folder. */
  explicit: boolean;
}

export interface DiscoveryResult {
  /** Sorted by path, each real file once. */
  files: DiscoveredFile[];
  notes: Note[];
  /** Command-line paths that do not exist (an error: exit 2). */
  missing: string[];
}

export interface DiscoverOptions {
  /** Extensions (with the dot) of the files to collect from folders; compared case-insensitively. */
  extensions: readonly string[];
  cwd?: string;
  ignoredDirectories?: ReadonlySet<string>;
}

export function discoverFiles(paths: readonly string[], options: DiscoverOptions): DiscoveryResult {
  const walker = new Walker(options);
  for (const given of paths) walker.visitArgument(resolve(options.cwd ?? process.cwd(), given));
  const files = walker.files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, notes: walker.notes, missing: walker.missing };
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Walker {
  readonly files: DiscoveredFile[] = [];
  readonly notes: Note[] = [];
  readonly missing: string[] = [];
  private readonly extensions: ReadonlySet<string>;
  private readonly ignored: ReadonlySet<string>;
  /** Real paths of folders already walked and files already collected. */
  private readonly seenDirectories = new Set<string>();
  private readonly seenFiles = new Map<string, DiscoveredFile>();

  constructor(options: DiscoverOptions) {
    this.extensions = new Set(options.extensions.map((ext) => ext.toLowerCase()));
    this.ignored = options.ignoredDirectories ?? DEFAULT_IGNORED_DIRECTORIES;
  }

  visitArgument(path: string): void {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = errorCode(error);
      // A dangling symbolic link counts as missing too: there is nothing to read.
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.missing.push(path);
      } else {
        this.notes.push({ path, reason: `cannot read: ${code}` });
      }
      return;
    }
    const real = realPath(path);
    if (stats.isDirectory()) {
      // A folder named on the command line is walked even if its name is in the ignore set.
      if (real === undefined || this.seenDirectories.has(real)) return;
      this.walk(path, real, new Set());
    } else if (stats.isFile()) {
      this.addFile(path, real ?? path, true);
    } else {
      this.notes.push({ path, reason: 'skipped: not a regular file or folder' });
    }
  }

  private walk(dir: string, realDir: string, ancestors: ReadonlySet<string>): void {
    this.seenDirectories.add(realDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.notes.push({ path: dir, reason: `cannot read directory: ${errorCode(error)}` });
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    const chain = new Set(ancestors).add(realDir);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (this.ignored.has(entry.name)) continue;
        const real = join(realDir, entry.name);
        if (!this.seenDirectories.has(real)) this.walk(path, real, chain);
      } else if (entry.isFile()) {
        if (this.wanted(entry.name)) this.addFile(path, join(realDir, entry.name), false);
      } else if (entry.isSymbolicLink()) {
        this.followLink(path, entry.name, chain);
      }
      // Sockets, FIFOs and devices inside folders are never sources: skipped silently.
    }
  }

  private followLink(path: string, name: string, chain: ReadonlySet<string>): void {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = errorCode(error);
      if (this.wanted(name) || code !== 'ENOENT') {
        this.notes.push({
          path,
          reason: code === 'ENOENT' ? 'broken symbolic link' : `cannot read: ${code}`,
        });
      }
      return;
    }
    const real = realPath(path);
    if (real === undefined) return;
    if (stats.isDirectory()) {
      if (this.ignored.has(name)) return;
      if (chain.has(real)) {
        this.notes.push({ path, reason: `symbolic link loop to ${real}; not followed` });
      } else if (!this.seenDirectories.has(real)) {
        this.walk(path, real, chain);
      }
      // A folder already walked through another path is skipped silently: its files are already listed.
    } else if (stats.isFile() && this.wanted(name)) {
      this.addFile(path, real, false);
    }
  }

  private wanted(name: string): boolean {
    return this.extensions.has(extname(name).toLowerCase());
  }

  private addFile(path: string, real: string, explicit: boolean): void {
    const seen = this.seenFiles.get(real);
    if (seen) {
      // Found twice (a folder and then by name, or through a symlink): keep the first path, but a file
      // named on the command line is explicit however it was found first.
      if (explicit) seen.explicit = true;
      return;
    }
    const file = { path, explicit };
    this.seenFiles.set(real, file);
    this.files.push(file);
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
