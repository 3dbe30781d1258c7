// The project a file belongs to, indexed once per ESLint process: the sources of the folder tree up to the nearest
// winsock-lint.config.json, package.json or .git, read and decoded once, their facts kept in an in-memory FactsCache,
// and the engine's whole-project results computed once and reused for every file whose text is unchanged.
import fs from 'node:fs';
import path from 'node:path';
import {
  ANALYSED_EXTENSIONS,
  analyzeProject,
  decodeSource,
  isBinary,
  type FactsCache,
  type FileFacts,
  type FileResult,
  type ProjectFile,
} from '@winsock-lint/rules';

const ROOT_MARKERS = ['winsock-lint.config.json', 'package.json', '.git'];
/** Folders that never hold the project's own sources. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** Above this many sources the project index is not built and files are analysed on their own. */
export const MAX_PROJECT_FILES = 20_000;
/** Source files larger than this are left out of the index (generated code, amalgamations). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** A long-lived process (editor, eslint_d) re-checks the files on disk at most this often. */
const REVALIDATE_MS = 2_000;

/** The nearest folder at or above the file's folder with a root marker, or undefined. */
export function findProjectRoot(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (ROOT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isSource(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ANALYSED_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** Source files under root (sorted, so analysis order is stable), skipping dot-folders and build output. */
export function listSources(root: string, limit = MAX_PROJECT_FILES): string[] | undefined {
  const out: string[] = [];
  const walk = (dir: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !walk(full)) return false;
      } else if (entry.isFile() && isSource(entry.name)) {
        out.push(full);
        if (out.length > limit) return false;
      }
    }
    return true;
  };
  return walk(root) ? out : undefined;
}

interface IndexedFile extends ProjectFile {
  mtimeMs: number;
  size: number;
}

function readSource(file: string): IndexedFile | undefined {
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    const bytes = fs.readFileSync(file);
    if (isBinary(bytes)) return undefined;
    return { path: file, text: decodeSource(bytes).text, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return undefined;
  }
}

export class MemoryFactsCache implements FactsCache {
  readonly #map = new Map<string, FileFacts>();
  get(key: string): FileFacts | undefined {
    return this.#map.get(key);
  }
  set(key: string, facts: FileFacts): void {
    this.#map.set(key, facts);
  }
  get size(): number {
    return this.#map.size;
  }
}

/** One project's files and the engine's results over them. */
export class ProjectIndex {
  readonly root: string;
  readonly cache = new MemoryFactsCache();
  #files: IndexedFile[] = [];
  #byPath = new Map<string, IndexedFile>();
  #results: Map<string, FileResult> | undefined;
  #checkedAt = 0;
  /** How often the whole project was analysed (for tests and measurements). */
  analyses = 0;

  private constructor(root: string) {
    this.root = root;
  }

  /** Undefined when the folder has more sources than MAX_PROJECT_FILES. */
  static build(root: string): ProjectIndex | undefined {
    const index = new ProjectIndex(root);
    return index.#refresh() ? index : undefined;
  }

  /** Re-lists the folder and re-reads files whose size or mtime changed; false when the project is too big. */
  #refresh(): boolean {
    const listed = listSources(this.root);
    if (!listed) return false;
    let changed = listed.length !== this.#files.length;
    const files: IndexedFile[] = [];
    for (const file of listed) {
      const known = this.#byPath.get(file);
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(file);
      } catch {
        stat = undefined;
      }
      if (known && stat && stat.mtimeMs === known.mtimeMs && stat.size === known.size) {
        files.push(known);
        continue;
      }
      changed = true;
      const read = readSource(file);
      if (read) files.push(read);
    }
    this.#files = files;
    this.#byPath = new Map(files.map((f) => [f.path, f]));
    if (changed) this.#results = undefined;
    this.#checkedAt = Date.now();
    return true;
  }

  get files(): readonly ProjectFile[] {
    return this.#files;
  }

  /** The engine's result for `file` as it reads now (`text`), analysed with the rest of the project. */
  resultFor(file: string, text: string): FileResult {
    if (Date.now() - this.#checkedAt > REVALIDATE_MS) this.#refresh();
    const indexed = this.#byPath.get(file);
    if (indexed && indexed.text === text) {
      // The common case in a CLI run: the project is analysed once, every file takes its share.
      if (!this.#results) {
        this.analyses++;
        this.#results = new Map(analyzeProject(this.#files, { cache: this.cache }).map((r) => [r.path, r]));
      }
      return this.#results.get(file) ?? { path: file, findings: [], notes: [] };
    }
    // The file differs from the disk (a --fix pass, an editor buffer, stdin) or is new: analyse the project with
    // this text in its place; unchanged files come from the facts cache.
    this.analyses++;
    const files = indexed
      ? this.#files.map((f) => (f.path === file ? { path: file, text } : f))
      : [...this.#files, { path: file, text }];
    return (
      analyzeProject(files, { cache: this.cache }).find((r) => r.path === file) ?? {
        path: file,
        findings: [],
        notes: [],
      }
    );
  }
}

const projects = new Map<string, ProjectIndex | null>();

/** The index of the project at `root`, built on first use and kept for the process (null: too big). */
export function projectIndex(root: string): ProjectIndex | undefined {
  let index = projects.get(root);
  if (index === undefined) {
    index = ProjectIndex.build(root) ?? null;
    projects.set(root, index);
  }
  return index ?? undefined;
}

/** Forgets every project index (tests, long-lived hosts that want a fresh start). */
export function clearProjectIndexes(): void {
  projects.clear();
}
