// Finds the files an audit checks: explicit files as given, folders walked for sources in sorted order (scripts
// but not bundles or build output), tool folders skipped, symlinked folders followed once (loops noted, never
// walked), unreadable folders noted, and (when asked) what .gitignore and .ignore files exclude left out, as git
// and ripgrep would.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { errorCode, type Note } from './notes.js';

/** Read in every folder walked (and in the folders between the repository root and a folder named). */
export const IGNORE_FILE_NAMES = ['.gitignore', '.ignore'] as const;

/** The rules of one folder's ignore files, matched against paths relative to that folder. */
interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

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

/** Folders holding a JavaScript build's output: scripts in them are generated, never the FFI code to audit. */
export const SCRIPT_OUTPUT_DIRECTORIES: ReadonlySet<string> = new Set([
  'dist',
  'build',
  'out',
  'coverage',
  'bower_components',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.parcel-cache',
]);

const SCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
/** Minified or bundled scripts by name: `app.min.js`, `vendor.bundle.js`, `main.chunk.js`, `x.d.ts` declarations. */
const GENERATED_SCRIPT = /(?:[.-]min|[.-]bundle|\.chunk|\.d)\.[cm]?[jt]sx?$/i;

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
  /**
   * Leave out what .gitignore and .ignore files exclude: those of every folder walked and of the folders
   * from the enclosing repository's root (the nearest folder above with a .git) down to a folder named.
   * Files named on the command line are always kept. Default: false.
   */
  useIgnoreFiles?: boolean;
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
  /** Real paths of walked folders inside a script build's output folder. */
  private readonly scriptOutput = new Set<string>();
  private readonly useIgnoreFiles: boolean;
  /** Folder → its ignore rules (null: it has no ignore file). */
  private readonly ignoreCache = new Map<string, IgnoreLevel | null>();

  constructor(options: DiscoverOptions) {
    this.extensions = new Set(options.extensions.map((ext) => ext.toLowerCase()));
    this.ignored = options.ignoredDirectories ?? DEFAULT_IGNORED_DIRECTORIES;
    this.useIgnoreFiles = options.useIgnoreFiles ?? false;
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
      this.walk(path, real, new Set(), this.levelsAbove(path));
    } else if (stats.isFile()) {
      this.addFile(path, real ?? path, true);
    } else {
      this.notes.push({ path, reason: 'skipped: not a regular file or folder' });
    }
  }

  /**
   * The ignore rules of the folders from the repository root down to the parent of `dir`. A folder named on
   * the command line is walked even when those rules exclude it; they then do not apply inside it either.
   */
  private levelsAbove(dir: string): IgnoreLevel[] {
    if (!this.useIgnoreFiles) return [];
    const chain: string[] = [];
    let current = dir;
    for (;;) {
      if (existsSync(join(current, '.git'))) break;
      const parent = dirname(current);
      if (parent === current) return []; // Not in a repository: only the folders walked count.
      current = parent;
      chain.push(current);
    }
    const levels = chain.reverse().flatMap((folder) => this.ignoreLevel(folder) ?? []);
    return isIgnored(levels, dir, true) ? [] : levels;
  }

  private ignoreLevel(dir: string): IgnoreLevel | undefined {
    const cached = this.ignoreCache.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let level: IgnoreLevel | null = null;
    for (const name of IGNORE_FILE_NAMES) {
      const path = join(dir, name);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
          this.notes.push({ path, reason: `cannot read ignore file: ${code}` });
        }
        continue;
      }
      // .ignore after .gitignore: its rules win, as in ripgrep.
      level ??= { dir, rules: ignore() };
      level.rules.add(text);
    }
    this.ignoreCache.set(dir, level);
    return level ?? undefined;
  }

  private walk(
    dir: string,
    realDir: string,
    ancestors: ReadonlySet<string>,
    parentLevels: readonly IgnoreLevel[],
  ): void {
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
    const own = this.useIgnoreFiles ? this.ignoreLevel(dir) : undefined;
    const levels = own ? [...parentLevels, own] : parentLevels;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (this.ignored.has(entry.name) || isIgnored(levels, path, true)) continue;
        const real = join(realDir, entry.name);
        if (this.scriptOutput.has(realDir) || SCRIPT_OUTPUT_DIRECTORIES.has(entry.name)) this.scriptOutput.add(real);
        if (!this.seenDirectories.has(real)) this.walk(path, real, chain, levels);
      } else if (entry.isFile()) {
        if (this.wanted(entry.name, this.scriptOutput.has(realDir)) && !isIgnored(levels, path, false)) {
          this.addFile(path, join(realDir, entry.name), false);
        }
      } else if (entry.isSymbolicLink()) {
        this.followLink(path, entry.name, chain, levels);
      }
      // Sockets, FIFOs and devices inside folders are never sources: skipped silently.
    }
  }

  private followLink(path: string, name: string, chain: ReadonlySet<string>, levels: readonly IgnoreLevel[]): void {
    if (isIgnored(levels, path, false)) return;
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
      if (this.ignored.has(name) || isIgnored(levels, path, true)) return;
      if (chain.has(real)) {
        this.notes.push({ path, reason: `symbolic link loop to ${real}; not followed` });
      } else if (!this.seenDirectories.has(real)) {
        this.walk(path, real, chain, levels);
      }
      // A folder already walked through another path is skipped silently: its files are already listed.
    } else if (stats.isFile() && this.wanted(name)) {
      this.addFile(path, real, false);
    }
  }

  /** A file found in a folder is audited by its extension; scripts not when generated (bundles, build output). */
  private wanted(name: string, inScriptOutput = false): boolean {
    const ext = extname(name).toLowerCase();
    if (!this.extensions.has(ext)) return false;
    return !SCRIPT_EXTENSIONS.has(ext) || !(inScriptOutput || GENERATED_SCRIPT.test(name));
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

/**
 * Whether ignore rules exclude `path`: the deepest folder's rules that say anything decide (a deeper
 * `!pattern` re-includes what a shallower file excluded), as git reads nested .gitignore files.
 */
function isIgnored(levels: readonly IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i];
    if (!level) continue;
    const rel = relative(level.dir, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('../')) continue;
    const verdict = level.rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
