// --include and --exclude: globs (the engine's linear-time matcher, dotfiles matched) against paths relative to
// the working folder, with forward slashes. Files found in folders must match an --include (when there is one);
// every file, also one named on the command line, is dropped when it or a folder above it matches an --exclude.
// createPathFilter throws GlobError for a glob that does not compile (exit 2).
import { relative, sep } from 'node:path';
import { compileGlobs } from '@winsock-lint/rules';

export interface PathFilterOptions {
  include: readonly string[];
  exclude: readonly string[];
  cwd: string;
}

export type PathVerdict = 'included' | 'excluded' | 'not-included';

export type PathFilter = (path: string, explicit: boolean) => PathVerdict;

/** "./src/**" → "src/**"; "build/" (a folder) → "build/**"; backslashes (Windows habits) → slashes. */
function normaliseGlob(glob: string): string {
  const bare = glob.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return bare.endsWith('/') ? `${bare}**` : bare;
}

export function createPathFilter(options: PathFilterOptions): PathFilter {
  const compile = (globs: readonly string[]): ((path: string) => boolean) | undefined =>
    globs.length === 0 ? undefined : compileGlobs(globs.map(normaliseGlob));
  const include = compile(options.include);
  const exclude = compile(options.exclude);
  return (path, explicit) => {
    const rel = relative(options.cwd, path).split(sep).join('/');
    if (exclude) {
      // A glob naming a folder ("vendor", "build/gen") excludes what is inside it, as in .gitignore.
      const parts = rel.split('/');
      for (let n = parts.length; n > 0; n--) {
        if (exclude(parts.slice(0, n).join('/'))) return 'excluded';
      }
    }
    if (include && !explicit && !include(rel)) return 'not-included';
    return 'included';
  };
}
