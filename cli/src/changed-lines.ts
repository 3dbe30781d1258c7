// --changed-since <ref>: the lines changed since a git ref, so a run can report only findings on them (a pull
// request's own changes). Uses `git diff --unified=0 <ref> -- <paths>` (working tree against the ref: committed,
// staged and unstaged changes); untracked files (not ignored) count as changed entirely. Renamed files count
// only their changed lines. An untrusted checkout's git configuration never runs a command: every git call has
// core.fsmonitor off and no pager, the diff has --no-textconv and --no-ext-diff, and every filter driver the
// configuration defines is emptied (git would run `clean` on changed working-tree files).
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
      ...neutralisedFilters(cwd),
      '-c',
      'core.quotePath=false',
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
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

/** `-c filter.<name>.clean= -c filter.<name>.smudge= -c filter.<name>.process= …` for each configured driver. */
function neutralisedFilters(cwd: string): string[] {
  let listing: string;
  try {
    listing = git(['config', '--null', '--name-only', '--get-regexp', '^filter\\.'], cwd, () => '');
  } catch {
    return []; // No filter configured (git config exits 1).
  }
  const names = new Set<string>();
  for (const key of listing.split('\0')) {
    const match = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return [...names].flatMap((name) =>
    ['clean', 'smudge', 'process', 'required'].flatMap((key) => [
      '-c',
      `filter.${name}.${key}=${key === 'required' ? 'false' : ''}`,
    ]),
  );
}

/** Settings that make git run commands (fsmonitor hooks, pagers), off for every call. */
const SAFE_GIT = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.pager=cat'];

function git(args: string[], cwd: string, message: (stderr: string) => string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat' };
  delete env['GIT_EXTERNAL_DIFF'];
  try {
    return execFileSync('git', [...SAFE_GIT, ...args], {
      cwd,
      env,
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
