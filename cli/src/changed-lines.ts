// --changed-since <ref>: the lines changed since a git ref, so a run can report only findings on them (a pull
// request's own changes). Uses `git diff --unified=0 <ref> -- <paths>` (working tree against the ref: committed,
// staged and unstaged changes); untracked files (not ignored) count as changed entirely. Renamed files count
// only their changed lines.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Not in a git repository, an unknown ref, or git failing (exit 2). */
export class GitError extends Error {}

export interface ChangedLines {
  /** Whether 1-based `line` of `path` (absolute) changed. */
  has(path: string, line: number): boolean;
  /** Whether any line of `path` changed (or it is untracked). */
  touches(path: string): boolean;
}

/** Files that changed entirely (untracked) are stored with this marker instead of line numbers. */
const WHOLE_FILE = -1;

export function changedLinesSince(ref: string, paths: readonly string[], cwd: string): ChangedLines {
  const top = git(
    ['rev-parse', '--show-toplevel'],
    cwd,
    () => `--changed-since needs a git repository, but ${cwd} is not inside one`,
  ).trim();
  git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    cwd,
    () => `--changed-since: unknown git ref '${ref}'`,
  );
  const diff = git(
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--find-renames',
      '--end-of-options',
      ref,
      '--',
      ...paths,
    ],
    cwd,
    (stderr) => `--changed-since: git diff failed: ${stderr.trim()}`,
  );
  const changed = new Map<string, Set<number>>();
  const add = (relativePath: string, line: number): void => {
    const key = canonical(join(top, relativePath));
    let lines = changed.get(key);
    if (!lines) changed.set(key, (lines = new Set()));
    lines.add(line);
  };
  let current: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4));
      current = name === '/dev/null' ? undefined : name.replace(/^b\//, '');
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current !== undefined) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) add(current, n);
    }
  }
  const untracked = git(
    ['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...paths],
    cwd,
    (stderr) => `--changed-since: git ls-files failed: ${stderr.trim()}`,
  );
  for (const name of untracked.split('\0')) if (name !== '') add(name, WHOLE_FILE);

  const lookup = (path: string): Set<number> | undefined => changed.get(canonical(path));
  return {
    has: (path, line) => {
      const lines = lookup(path);
      return lines !== undefined && (lines.has(WHOLE_FILE) || lines.has(line));
    },
    touches: (path) => lookup(path) !== undefined,
  };
}

function git(args: string[], cwd: string, message: (stderr: string) => string): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr ?? '') : '';
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
      throw new GitError('--changed-since needs git, but git is not installed or not on PATH');
    }
    throw new GitError(message(stderr));
  }
}

/** Real path when it exists (git prints real paths; the working folder may be reached through a link). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** git's C-style quoting of unusual file names ("b/a\tb.c"), undone. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
