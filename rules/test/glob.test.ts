// The linear-time glob matcher: agrees with picomatch (dotfiles matched) on the syntax it supports, matches
// pathological patterns against long names in linear time, and refuses what it does not support with a reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import picomatch from 'picomatch';
import { compileGlob, compileGlobs, GlobError, globProblem, isPathIncluded, parseConfigFile } from '../src/index.js';

const PATTERNS = [
  '*',
  '**',
  '*.c',
  '**/*.c',
  'src/**',
  'src/**/*.h',
  'a/**/b',
  '**/a/**',
  'a/*',
  'a/**b',
  'a**b',
  '?.c',
  'a?b',
  '[a-c].c',
  '[abc]*',
  '[[:digit:]]*.c',
  '{a,b}.c',
  '{a,b/{c,d}}/x',
  '{1..3}.c',
  'a{,b}',
  '@(a|b).c',
  '?(a|b).c',
  'x/**/*.cpp',
  'vendor',
  'third_party/**',
  '.hidden/*',
  '**/.git/**',
  '*.{c,h}',
  'build/gen/**',
  'a\\*b',
  '!*.c',
  '**/test/*',
  'src/*/x.c',
  '*/',
  '(a|b).c',
];
const PATHS = [
  'a',
  'a.c',
  'b.c',
  'd.c',
  'ab',
  'axb',
  'a/b',
  'a/x/b',
  'a/x/y/b',
  'a/xb',
  'a/b/c',
  'src',
  'src/a.h',
  'src/x/y.h',
  'src/a.c',
  'x/a.cpp',
  'x/y/z.cpp',
  'vendor',
  'vendor/a.c',
  'third_party',
  'third_party/x/y.c',
  '.hidden/a',
  '.git',
  'r/.git/config',
  'a*b',
  'aab',
  '1.c',
  '01.c',
  '02.c',
  '9.c',
  'q/test/t.c',
  'test/t.c',
  'src/k/x.c',
  'a/b/x',
  'a/c/x',
  'a/x',
  '.c',
  'ac.h',
  'aa.c',
  'build/gen/p.c',
  'build/gen',
];

test('agrees with picomatch on every supported pattern and path', () => {
  for (const pattern of PATTERNS) {
    const ours = compileGlob(pattern);
    const theirs = picomatch(pattern, { dot: true });
    for (const path of PATHS) {
      assert.equal(ours(path), theirs(path), `${JSON.stringify(pattern)} against ${JSON.stringify(path)}`);
    }
  }
});

test('classes negate with [!…] and never match a slash', () => {
  const glob = compileGlob('[!a].c');
  assert.deepEqual(['a.c', 'b.c', '/.c'].map(glob), [false, true, false]);
});

test('a pathological pattern against a 4,000-character name answers at once (no backtracking)', () => {
  const glob = compileGlobs([`**/*${'a*'.repeat(30)}b`]);
  const name = `r/src/${'a'.repeat(4000)}.cpp`;
  const started = process.hrtime.bigint();
  // The state set has at most ~60 states: 4,000 characters × 60 states, whatever the pattern.
  for (let i = 0; i < 10; i++) assert.equal(glob(name), false);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.ok(ms < 5000, `took ${ms} ms`);
  assert.equal(glob(`r/${'a'.repeat(4000)}b`), true);
});

test('unsupported extglobs and explosive braces are errors with a reason', () => {
  assert.match(globProblem('+(a).c') ?? '', /extglob \+\(…\) is not supported/);
  assert.match(globProblem('a/*(b|c)') ?? '', /extglob \*\(…\) is not supported/);
  assert.match(globProblem('{a,b}'.repeat(11)) ?? '', /more than 1024 alternatives/);
  assert.match(globProblem('{1..100000}') ?? '', /more than 1024 values/);
  assert.equal(globProblem('src/**/*.c'), undefined);
  assert.throws(
    () => compileGlobs(['ok', '+(x)']),
    (error) => error instanceof GlobError && /"\+\(x\)"/.test(error.message),
  );
});

test('a configuration with a bad glob is a config error at its position; good globs keep working', () => {
  assert.throws(
    () => parseConfigFile('{\n  "exclude": ["ok/**", "+(x)"]\n}', '/p/winsock-lint.config.json'),
    /winsock-lint\.config\.json:2:24: 'exclude\[1\]': the extglob \+\(…\) is not supported/,
  );
  const file = parseConfigFile(`{"exclude": ["**/*${'a*'.repeat(10)}b"]}`, '/p/c.json');
  assert.equal(isPathIncluded(file, '/p', `/p/src/${'a'.repeat(300)}.cpp`), true);
  assert.equal(isPathIncluded(file, '/p', `/p/src/${'a'.repeat(30)}b`), false);
});
