// Merges defaults, the config file and command-line overrides, and decides which files a config
// file's include/exclude globs select. Paths are compared with forward slashes on every platform.
import path from 'node:path';
import type { SeveritySetting } from '../types.js';
import type { ConfigFile, ResolvedConfig } from './config-types.js';
import { compileGlobs, GlobError } from './glob.js';

/** Later layers win: base, then the config file, then overrides (e.g. from the command line). */
export function resolveConfig(
  base: ResolvedConfig,
  file: ConfigFile | undefined,
  overrides?: Partial<ResolvedConfig['rules']>,
): ResolvedConfig {
  const rules = { ...base.rules };
  for (const layer of [file?.rules, overrides]) {
    for (const [id, severity] of Object.entries(layer ?? {}) as [keyof typeof rules, SeveritySetting | undefined][]) {
      // A Partial may hold explicit undefined values; they mean "not set", not "off".
      if (severity !== undefined) rules[id] = severity;
    }
  }
  return {
    rules,
    reportUnusedSuppressions: file?.reportUnusedSuppressions ?? base.reportUnusedSuppressions,
  };
}

const WINDOWS_PATH = /^[A-Za-z]:[\\/]|\\/;

/** `filePath` relative to `configDir`, with forward slashes, whichever platform wrote them. */
function relativePosix(configDir: string, filePath: string): string {
  if (WINDOWS_PATH.test(configDir) || WINDOWS_PATH.test(filePath)) {
    return path.win32.relative(configDir, filePath).replace(/\\/g, '/');
  }
  return path.posix.relative(configDir, filePath);
}

/** "./src/**" → "src/**"; "build/" (a folder) → "build/**". */
function normaliseGlob(glob: string): string {
  const bare = glob.replace(/^(?:\.\/)+/, '');
  return bare.endsWith('/') ? `${bare}**` : bare;
}

type Matcher = (relativePath: string) => boolean;
interface Matchers {
  include: Matcher | undefined;
  exclude: Matcher | undefined;
}

// Compiling globs is far slower than matching; a config file is checked against many paths.
const compiled = new WeakMap<ConfigFile, Matchers>();

/**
 * Linear-time matchers (glob.ts). parseConfigFile rejects globs that do not compile; one that reaches here
 * anyway (an editor setting) is left out, each valid glob still applies.
 */
function compileValid(globs: readonly string[]): Matcher {
  const valid = globs.filter((glob) => {
    try {
      compileGlobs([glob]);
      return true;
    } catch (error) {
      if (error instanceof GlobError) return false;
      throw error;
    }
  });
  return compileGlobs(valid);
}

function matchersFor(file: ConfigFile): Matchers {
  let matchers = compiled.get(file);
  if (!matchers) {
    const compile = (globs: string[] | undefined): Matcher | undefined =>
      globs && compileValid(globs.map(normaliseGlob));
    matchers = { include: compile(file.include), exclude: compile(file.exclude) };
    compiled.set(file, matchers);
  }
  return matchers;
}

/**
 * Whether the config file selects `filePath`. No include list selects everything; an exclude
 * wins over an include. An exclude glob that matches a folder excludes everything inside it (as in
 * .gitignore), so "third_party" works as well as "third_party/**".
 */
export function isPathIncluded(file: ConfigFile | undefined, configDir: string, filePath: string): boolean {
  if (!file) return true;
  const relative = relativePosix(configDir, filePath);
  const { include, exclude } = matchersFor(file);
  if (include && !include(relative)) return false;
  if (exclude) {
    const parts = relative.split('/');
    for (let n = parts.length; n > 0; n--) {
      if (exclude(parts.slice(0, n).join('/'))) return false;
    }
  }
  return true;
}
