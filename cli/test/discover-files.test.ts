// Unit tests of file discovery on real temporary trees: extensions, ignored folders, explicit files,
// sorted output, symlinked folders and loops, unreadable folders and missing paths.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { discoverFiles } from '../src/discover-files.js';
import { lock, makeTree } from './helpers/temp-tree.js';
import { rerunAsNobody } from './helpers/unprivileged.js';

const EXTENSIONS = ['.c', '.cc', '.cpp', '.cxx', '.h', '.hh', '.hpp', '.hxx', '.inl', '.ipp'];

function relativePaths(root: string, files: ReadonlyArray<{ path: string }>): string[] {
  return files.map((file) =>
    file.path
      .slice(root.length + 1)
      .split('\\')
      .join('/'),
  );
}

test('walks nested folders for C/C++ sources, any letter case, in sorted order', (t) => {
  const root = makeTree(t, {
    'src/net/socket.cpp': '',
    'src/net/Socket.HPP': '',
    'src/main.c': '',
    'src/README.md': '',
    'src/build.rs': '',
    'include/api.h': '',
    'include/detail/impl.inl': '',
    'a-b.c': '',
    'LEGACY.C': '',
    'empty/': '',
  });
  const result = discoverFiles([root], { extensions: EXTENSIONS });
  assert.deepEqual(relativePaths(root, result.files), [
    'LEGACY.C',
    'a-b.c',
    'include/api.h',
    'include/detail/impl.inl',
    'src/main.c',
    'src/net/Socket.HPP',
    'src/net/socket.cpp',
  ]);
  assert.ok(result.files.every((file) => !file.explicit));
  assert.deepEqual(result.notes, []);
  assert.deepEqual(result.missing, []);
});

test('skips .git, node_modules and the other default-ignored folders, but not a folder named explicitly', (t) => {
  const root = makeTree(t, {
    '.git/hooks/x.c': '',
    'node_modules/pkg/binding.cc': '',
    '.svn/y.c': '',
    'vendor/.hg/z.c': '',
    'vendor/keep.c': '',
  });
  assert.deepEqual(relativePaths(root, discoverFiles([root], { extensions: EXTENSIONS }).files), ['vendor/keep.c']);
  const named = discoverFiles([join(root, 'node_modules')], { extensions: EXTENSIONS });
  assert.deepEqual(relativePaths(root, named.files), ['node_modules/pkg/binding.cc']);
});

test('a file named on the command line is taken as given, whatever its extension', (t) => {
  const root = makeTree(t, { 'legacy/net.txt': 'x', 'legacy/net.c': '' });
  const result = discoverFiles(['legacy/net.txt', 'legacy'], { extensions: EXTENSIONS, cwd: root });
  assert.deepEqual(
    result.files.map((file) => [
      file.path
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
      file.explicit,
    ]),
    [
      ['legacy/net.c', false],
      ['legacy/net.txt', true],
    ],
  );
});

test('a file found twice is listed once, and is explicit if it was also named', (t) => {
  const root = makeTree(t, { 'src/a.c': '' });
  const result = discoverFiles([root, join(root, 'src/a.c'), join(root, 'src')], {
    extensions: EXTENSIONS,
  });
  assert.deepEqual(relativePaths(root, result.files), ['src/a.c']);
  assert.equal(result.files[0]?.explicit, true);
});

test('missing paths are reported separately (the CLI exits 2 on them)', (t) => {
  const root = makeTree(t, { 'a.c': '' });
  const result = discoverFiles(['a.c', 'nope', 'nope.c'], { extensions: EXTENSIONS, cwd: root });
  assert.deepEqual(relativePaths(root, result.files), ['a.c']);
  assert.deepEqual(result.missing, [join(root, 'nope'), join(root, 'nope.c')]);
});

test('a symlink loop is noted once and not followed; a symlinked folder elsewhere is walked once', (t) => {
  const root = makeTree(t, { 'src/a.c': '', 'zshared/s.h': '' });
  try {
    symlinkSync(root, join(root, 'src', 'loop'), 'dir');
    symlinkSync(join(root, 'zshared'), join(root, 'src', 'linked-shared'), 'dir');
  } catch (error) {
    t.skip(`cannot create symbolic links here: ${String(error)}`);
    return;
  }
  const result = discoverFiles([root], { extensions: EXTENSIONS });
  // zshared/ is reached first through src/linked-shared (sorted walk), then skipped as already walked.
  assert.deepEqual(relativePaths(root, result.files), ['src/a.c', 'src/linked-shared/s.h']);
  assert.equal(result.notes.length, 1);
  assert.equal(result.notes[0]?.path, join(root, 'src', 'loop'));
  assert.match(result.notes[0]?.reason ?? '', /^symbolic link loop to .*; not followed$/);
});

test('a loop through two links is also caught', (t) => {
  const root = makeTree(t, { 'a/x.c': '', 'b/y.c': '' });
  try {
    symlinkSync(join(root, 'b'), join(root, 'a', 'to-b'), 'dir');
    symlinkSync(join(root, 'a'), join(root, 'b', 'to-a'), 'dir');
  } catch (error) {
    t.skip(`cannot create symbolic links here: ${String(error)}`);
    return;
  }
  const result = discoverFiles([join(root, 'a')], { extensions: EXTENSIONS });
  assert.deepEqual(relativePaths(root, result.files), ['a/to-b/y.c', 'a/x.c']);
  assert.deepEqual(
    result.notes.map((note) => note.path),
    [join(root, 'a', 'to-b', 'to-a')],
  );
});

test('an unreadable folder is noted ("cannot read directory: EACCES") and the walk goes on', (t) => {
  // Root reads any folder: as root, the test runs again as user 65534.
  if (rerunAsNobody(t, fileURLToPath(import.meta.url))) return;
  const root = makeTree(t, { 'ok/a.c': '', 'secret/b.c': '' });
  lock(join(root, 'secret'));
  const result = discoverFiles([root], { extensions: EXTENSIONS });
  assert.deepEqual(relativePaths(root, result.files), ['ok/a.c']);
  assert.deepEqual(result.notes, [{ path: join(root, 'secret'), reason: 'cannot read directory: EACCES' }]);
});

test('the order does not depend on the order of the arguments', (t) => {
  const root = makeTree(t, { 'z/1.c': '', 'a/2.c': '', 'm/3.h': '' });
  mkdirSync(join(root, 'm', 'deeper'));
  const one = discoverFiles(['z', 'a', 'm'], { extensions: EXTENSIONS, cwd: root });
  const two = discoverFiles(['m', 'a', 'z'], { extensions: EXTENSIONS, cwd: root });
  assert.deepEqual(one.files, two.files);
  assert.deepEqual(relativePaths(root, one.files), ['a/2.c', 'm/3.h', 'z/1.c']);
});

test('.gitignore and .ignore files in walked folders leave files and folders out; a deeper ! re-includes', (t) => {
  const root = makeTree(t, {
    '.gitignore': 'build/\n*.gen.c\n',
    'build/out.c': '',
    'src/a.c': '',
    'src/a.gen.c': '',
    'src/.ignore': 'scratch.c\n!keep.gen.c\n',
    'src/scratch.c': '',
    'src/keep.gen.c': '',
  });
  const options = { extensions: EXTENSIONS, useIgnoreFiles: true };
  assert.deepEqual(relativePaths(root, discoverFiles([root], options).files), ['src/a.c', 'src/keep.gen.c']);
  // Without useIgnoreFiles (--no-ignore) every source is found.
  assert.deepEqual(relativePaths(root, discoverFiles([root], { extensions: EXTENSIONS }).files), [
    'build/out.c',
    'src/a.c',
    'src/a.gen.c',
    'src/keep.gen.c',
    'src/scratch.c',
  ]);
});

test("the repository root's .gitignore applies when only a subfolder is named; explicit files always count", (t) => {
  const root = makeTree(t, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'src/generated/\n',
    'src/a.c': '',
    'src/generated/g.c': '',
  });
  const options = { extensions: EXTENSIONS, useIgnoreFiles: true, cwd: root };
  assert.deepEqual(relativePaths(root, discoverFiles(['src'], options).files), ['src/a.c']);
  assert.deepEqual(relativePaths(root, discoverFiles(['src', 'src/generated/g.c'], options).files), [
    'src/a.c',
    'src/generated/g.c',
  ]);
  // A folder named on the command line is walked even when an ignore file above it excludes it.
  assert.deepEqual(relativePaths(root, discoverFiles(['src/generated'], options).files), ['src/generated/g.c']);
});

test('walks folders for TypeScript/JavaScript FFI code too, but not bundles, declarations or build output', (t) => {
  const root = makeTree(t, {
    'src/ipc.ts': '',
    'src/ui/view.tsx': '',
    'src/legacy.cjs': '',
    'src/native.mjs': '',
    'src/vendor.min.js': '',
    'src/app.bundle.js': '',
    'src/types.d.ts': '',
    'dist/ipc.js': '',
    'build/gen/out.js': '',
    'build/native/shim.cpp': '',
    'node_modules/koffi/index.js': '',
  });
  const result = discoverFiles([root], { extensions: [...EXTENSIONS, '.ts', '.tsx', '.js', '.cjs', '.mjs'] });
  assert.deepEqual(relativePaths(root, result.files), [
    'build/native/shim.cpp',
    'src/ipc.ts',
    'src/legacy.cjs',
    'src/native.mjs',
    'src/ui/view.tsx',
  ]);
  // Named on the command line, a bundle is audited.
  const named = discoverFiles([join(root, 'src/vendor.min.js')], { extensions: ['.js'] });
  assert.equal(named.files.length, 1);
});
