// The packaged .vsix: its manifest, exactly the files the extension needs (the two bundles, the native
// packages with the four platforms' prebuilds, the schema, the README, the rule pages), bundles that do not
// rely on import.meta, its size, and the page "Show documentation" opens for every rule id.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULE_IDS, findingDocsUrl } from '@winsock-lint/rules';
import { NATIVE_PACKAGES, RUNTIME_FILES, SHIPPED_PLATFORMS } from '../build/native-packages.js';
import { SHIPPED_DOCS_DIR, shippedDocFor } from '../src/shipped-docs.js';
import { REPO_DIR, readManifest } from './support/paths.js';
import { readZip, vsixUnderTest } from './support/vsix.js';

const MAX_VSIX_BYTES = 8 * 1024 * 1024;

function expectedFiles(): string[] {
  const files = [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/readme.md',
    'extension/schemas/winsock-lint.config.schema.json',
    'extension/dist/extension.cjs',
    'extension/dist/server.cjs',
  ];
  for (const page of readdirSync(join(REPO_DIR, 'docs/rules'))) files.push(`extension/${SHIPPED_DOCS_DIR}/${page}`);
  for (const [name, runtimeFiles] of Object.entries(RUNTIME_FILES)) {
    for (const file of runtimeFiles) files.push(`extension/dist/node_modules/${name}/${file}`);
  }
  for (const name of NATIVE_PACKAGES) {
    for (const platform of SHIPPED_PLATFORMS) {
      files.push(`extension/dist/node_modules/${name}/prebuilds/${platform}/${name}.node`);
    }
  }
  return files.sort();
}

test('the .vsix holds exactly the extension’s run-time files, with four platforms of prebuilds', async () => {
  const vsix = vsixUnderTest();
  const files = await readZip(vsix);
  assert.deepEqual([...files.keys()].sort(), expectedFiles());

  const manifest = readManifest();
  const packaged = JSON.parse(files.get('extension/package.json')?.toString() ?? '{}') as typeof manifest;
  assert.equal(packaged.name, manifest.name);
  assert.equal(packaged.version, manifest.version);
  assert.deepEqual(packaged.contributes, manifest.contributes);
  const vsixManifest = files.get('extension.vsixmanifest')?.toString() ?? '';
  assert.match(vsixManifest, new RegExp(`<Identity[^>]*Id="${manifest.name}"[^>]*Version="${manifest.version}"`));

  for (const bundle of ['extension/dist/extension.cjs', 'extension/dist/server.cjs']) {
    const code = files.get(bundle)?.toString() ?? '';
    assert.ok(code.length > 10_000, `${bundle} is empty`);
    assert.doesNotMatch(code, /\bimport\.meta\b/, `${bundle} relies on import.meta, which CommonJS lacks`);
    assert.doesNotMatch(code, /require\("(?:\.\.\/)+(?:rules|server|host)\//, `${bundle} requires a workspace file`);
  }
  const size = statSync(vsix).size;
  assert.ok(size < MAX_VSIX_BYTES, `the .vsix is ${size} bytes`);
  console.log(`# ${vsix}: ${(size / 1024 / 1024).toFixed(2)} MB, ${files.size} files`);
});

test('the packaged README shows the screenshots through absolute links to files of the repository', async () => {
  const files = await readZip(vsixUnderTest());
  const readme = files.get('extension/readme.md')?.toString() ?? '';
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
  assert.ok(images.length >= 3, `README images: ${images.join(', ')}`);
  for (const image of images) {
    const url = new URL(image);
    assert.equal(url.protocol, 'https:', image);
    const path = url.pathname.replace(/^\/winsock-lint\/winsock-lint\/raw\/HEAD\//, '');
    assert.ok(existsSync(join(REPO_DIR, path)), `${image}: ${path} is not in the repository`);
  }
});

test('"Show documentation" finds the page of every rule id the server links, shipped unchanged', async () => {
  const files = await readZip(vsixUnderTest());
  for (const id of [...RULE_IDS, null]) {
    const url = findingDocsUrl(id);
    const shipped = shippedDocFor(url);
    assert.ok(shipped, `${url} names a shipped page`);
    const name = id ?? 'unused-suppression';
    assert.equal(
      files.get(`extension/${shipped}`)?.toString(),
      readFileSync(join(REPO_DIR, 'docs/rules', `${name}.md`), 'utf8'),
      `${shipped} in the .vsix`,
    );
  }
  assert.equal(shippedDocFor('https://example.com/other.md'), undefined);
});
