// Configuration discovery: the nearest winsock-lint.config.json wins, --config replaces discovery,
// include/exclude select files, rule overrides layer on top, and broken files stop the CLI with exit 2.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG_FILE_NAME, ConfigLoader, ConfigLoadError } from '../src/load-config.js';
import { main } from '../src/main.js';
import { captureIo } from './helpers/capture-io.js';
import { makeTree } from './helpers/temp-tree.js';

const config = (value: unknown): string => JSON.stringify(value, null, 2);

test('the nearest configuration file above a file wins, and each applies to its whole subtree', (t) => {
  const root = makeTree(t, {
    [CONFIG_FILE_NAME]: config({ rules: { 'no-deprecated-fast-path': 'error' } }),
    [`legacy/${CONFIG_FILE_NAME}`]: config({ rules: { 'no-deprecated-fast-path': 'off' } }),
    'legacy/deep/er/a.c': '',
    'src/b.c': '',
  });
  const loader = new ConfigLoader();
  const legacy = loader.configFor(join(root, 'legacy/deep/er/a.c'));
  assert.equal(legacy.path, join(root, 'legacy', CONFIG_FILE_NAME));
  assert.equal(legacy.dir, join(root, 'legacy'));
  assert.equal(legacy.resolved.rules['no-deprecated-fast-path'], 'off');
  const src = loader.configFor(join(root, 'src/b.c'));
  assert.equal(src.path, join(root, CONFIG_FILE_NAME));
  assert.equal(src.resolved.rules['no-deprecated-fast-path'], 'error');
  // Cached per folder and per file: the same object comes back.
  assert.equal(loader.configFor(join(root, 'legacy/deep/er/other.c')), legacy);
});

test('--config replaces discovery for every file; command-line rules override it', (t) => {
  const root = makeTree(t, {
    [`src/${CONFIG_FILE_NAME}`]: config({ rules: { 'fast-path-tcp-only': 'off' } }),
    'ci/strict.json': config({
      rules: { 'fast-path-tcp-only': 'error', 'no-deprecated-fast-path': 'error' },
    }),
    'src/a.c': '',
  });
  const loader = new ConfigLoader({
    configPath: 'ci/strict.json',
    cwd: root,
    overrides: { 'no-deprecated-fast-path': 'off' },
  });
  loader.preload();
  const loaded = loader.configFor(join(root, 'src/a.c'));
  assert.equal(loaded.path, join(root, 'ci/strict.json'));
  assert.equal(loaded.dir, join(root, 'ci'));
  assert.equal(loaded.resolved.rules['fast-path-tcp-only'], 'error');
  assert.equal(loaded.resolved.rules['no-deprecated-fast-path'], 'off');
});

test('without any configuration file the defaults apply and every file is included', (t) => {
  const root = makeTree(t, { 'a.c': '' });
  const loader = new ConfigLoader({ overrides: { 'fast-path-tcp-only': 'off' } });
  const loaded = loader.configFor(join(root, 'a.c'));
  // (Unless some folder above the temporary folder has a configuration file of its own.)
  if (loaded.path === undefined) {
    assert.equal(loaded.file, undefined);
    assert.equal(loaded.resolved.rules['fast-path-tcp-only'], 'off');
  }
  assert.equal(loader.isIncluded(join(root, 'a.c'), false), true);
});

test('include/exclude decide for files found in folders; files named explicitly skip include but not exclude', (t) => {
  const root = makeTree(t, {
    [CONFIG_FILE_NAME]: config({ include: ['src/**'], exclude: ['src/third_party'] }),
    'src/a.c': '',
    'src/third_party/z.c': '',
    'tools/t.c': '',
  });
  const loader = new ConfigLoader();
  assert.equal(loader.isIncluded(join(root, 'src/a.c'), false), true);
  assert.equal(loader.isIncluded(join(root, 'src/third_party/z.c'), false), false);
  assert.equal(loader.isIncluded(join(root, 'tools/t.c'), false), false);
  assert.equal(loader.isIncluded(join(root, 'tools/t.c'), true), true);
  assert.equal(loader.isIncluded(join(root, 'src/third_party/z.c'), true), false);
});

test('a broken configuration file is a ConfigLoadError naming the file', (t) => {
  const root = makeTree(t, {
    [CONFIG_FILE_NAME]: '{ "rules": { "no-deprecated-fast-path": "error", } }',
    'a.c': '',
  });
  const loader = new ConfigLoader();
  assert.throws(
    () => loader.configFor(join(root, 'a.c')),
    (error: unknown) => error instanceof ConfigLoadError && error.message.includes(join(root, CONFIG_FILE_NAME)),
  );
});

test('broken JSON: the CLI exits 2 and names the file and the problem on stderr, stdout stays empty', async (t) => {
  const root = makeTree(t, { [CONFIG_FILE_NAME]: '{ "rules": [ }', 'src/a.c': 'int x;\n' });
  const io = captureIo(root);
  assert.equal(await main(['audit', 'src'], io), 2);
  assert.equal(io.out(), '');
  assert.match(io.err(), /^winsock-lint: error: .*winsock-lint\.config\.json/m);
  assert.ok(io.err().includes(join(root, CONFIG_FILE_NAME)), io.err());
});

test('an invalid rule severity in a configuration file exits 2 too', async (t) => {
  const root = makeTree(t, {
    [CONFIG_FILE_NAME]: config({ rules: { 'no-deprecated-fast-path': 'loud' } }),
    'a.c': '',
  });
  const io = captureIo(root);
  assert.equal(await main(['audit', '.'], io), 2);
  assert.ok(io.err().includes(join(root, CONFIG_FILE_NAME)), io.err());
});

test('--config naming a missing file exits 2 before any work', async (t) => {
  const root = makeTree(t, { 'a.c': '' });
  const io = captureIo(root);
  assert.equal(await main(['audit', '--config', 'nope.json', 'a.c'], io), 2);
  assert.equal(io.err(), `winsock-lint: error: cannot read configuration file ${join(root, 'nope.json')}: ENOENT\n`);
});
