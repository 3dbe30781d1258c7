// Unit tests of --include / --exclude: globs relative to the working folder, folder globs excluding what is
// inside, and files named on the command line escaping --include but not --exclude.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createPathFilter } from '../src/path-filter.js';

const CWD = join('/', 'repo');

test('no globs: everything is included', () => {
  const filter = createPathFilter({ include: [], exclude: [], cwd: CWD });
  assert.equal(filter(join(CWD, 'a.c'), false), 'included');
});

test('--include keeps matching files found in folders; files named explicitly always pass it', () => {
  const filter = createPathFilter({ include: ['src/**/*.cpp', './include/'], exclude: [], cwd: CWD });
  assert.equal(filter(join(CWD, 'src/net/a.cpp'), false), 'included');
  assert.equal(filter(join(CWD, 'include/deep/x.h'), false), 'included');
  assert.equal(filter(join(CWD, 'src/net/a.c'), false), 'not-included');
  assert.equal(filter(join(CWD, 'src/net/a.c'), true), 'included');
});

test('--exclude drops matching files and everything under a matching folder, also explicit files', () => {
  const filter = createPathFilter({
    include: [],
    exclude: ['third_party', '**/*.gen.c', 'build/'],
    cwd: CWD,
  });
  assert.equal(filter(join(CWD, 'third_party/zlib/a.c'), false), 'excluded');
  assert.equal(filter(join(CWD, 'src/x.gen.c'), true), 'excluded');
  assert.equal(filter(join(CWD, 'build/out/y.c'), false), 'excluded');
  assert.equal(filter(join(CWD, 'src/third_party_shim.c'), false), 'included');
});

test('dotfiles and dot folders match ordinary globs', () => {
  const filter = createPathFilter({ include: [], exclude: ['**/gen/**'], cwd: CWD });
  assert.equal(filter(join(CWD, '.hidden/gen/a.c'), false), 'excluded');
});
