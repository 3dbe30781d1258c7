// Finds dependency specs in package-lock.json that float on a dist-tag (`latest`, `next`, …) with no override
// pinning them: such a spec makes `npm ci` reject the lock file as soon as the registry moves the tag.
// Usage: node scripts/lockfile-dist-tags.mjs [package-lock.json]   (exit 1 and one line per problem)

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const RANGE_TOKEN =
  /^(?:[<>]=?|=|~>?|\^)?v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** True when `spec` names a registry dist-tag rather than a version, range, alias, path, URL or git spec. */
export function isDistTag(spec) {
  const text = spec.trim().replace(/([<>]=?|=|~>?|\^)\s+/g, '$1'); // `>= 2.1.2` is `>=2.1.2`
  if (text === '' || text === '*' || text === 'x' || text === 'X') return false;
  if (text.startsWith('npm:')) {
    const at = text.lastIndexOf('@');
    return at > 'npm:'.length ? isDistTag(text.slice(at + 1)) : false;
  }
  if (/^(?:[a-z+]+:|\.|~\/|\/)/i.test(text) || text.includes('/')) return false; // file:, git+, URLs, paths, owner/repo
  return !text.split('||').every((alternative) => {
    const tokens = alternative.trim().split(/\s+/).filter(Boolean);
    return tokens.length > 0 && tokens.every((token) => token === '-' || RANGE_TOKEN.test(token));
  });
}

/** The package name of a lock entry's key (`node_modules/a/node_modules/@s/b` → `@s/b`; '' is the root). */
function packageNameOf(key, entry) {
  if (key === '') return entry.name ?? '(root)';
  const at = key.lastIndexOf('node_modules/');
  return at < 0 ? (entry.name ?? key) : key.slice(at + 'node_modules/'.length);
}

/** True when the root `overrides` pin `dependency` globally, or nested under its direct dependent's selector. */
function isOverridden(overrides, dependent, dependency) {
  if (!overrides || typeof overrides !== 'object') return false;
  if (typeof overrides[dependency] === 'string') return true;
  if (overrides[dependency] && typeof overrides[dependency]['.'] === 'string') return true;
  for (const [selector, nested] of Object.entries(overrides)) {
    const name = selector.replace(/(.)@.*$/, '$1');
    if (name === dependent && nested && typeof nested === 'object' && isOverridden(nested, '', dependency)) return true;
  }
  return false;
}

/** Every `{ dependency, spec, dependent, field }` of `lock` that floats on a dist-tag that `overrides` (package.json's) do not pin. */
export function findDistTagSpecs(lock, overrides) {
  const problems = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const dependent = packageNameOf(key, entry);
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, spec] of Object.entries(entry[field] ?? {})) {
        if (typeof spec !== 'string' || !isDistTag(spec)) continue;
        if (isOverridden(overrides, dependent, dependency)) continue;
        problems.push({ dependency, spec, dependent, field });
      }
    }
  }
  return problems;
}

/** One line per problem, naming the package and who depends on it. */
export function describeDistTagSpec({ dependency, spec, dependent, field }) {
  return `${dependency}@"${spec}" (in ${dependent}'s ${field}) floats on a dist-tag; pin it in package.json "overrides"`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const lockPath = process.argv[2] ?? 'package-lock.json';
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const manifest = JSON.parse(readFileSync(lockPath.replace(/package-lock\.json$/, 'package.json'), 'utf8'));
  const problems = findDistTagSpecs(lock, manifest.overrides);
  for (const problem of problems) console.error(describeDistTagSpec(problem));
  process.exitCode = problems.length > 0 ? 1 : 0;
}
