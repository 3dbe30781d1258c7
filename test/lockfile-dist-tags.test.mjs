// The lock file must install with `npm ci` however the registry moves: no dependency spec in it may float on a
// dist-tag that package.json's overrides do not pin. Offline: reads package.json and package-lock.json only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeDistTagSpec, findDistTagSpecs, isDistTag } from '../scripts/lockfile-dist-tags.mjs';

const root = new URL('..', import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

test('no dependency in package-lock.json floats on an unpinned dist-tag', () => {
  const problems = findDistTagSpecs(readJson('package-lock.json'), readJson('package.json').overrides);
  assert.deepEqual(problems.map(describeDistTagSpec), []);
});

test('dist-tags are told apart from versions, ranges, aliases and non-registry specs', () => {
  for (const tag of ['latest', 'next', 'beta', 'canary', 'rc', 'npm:eslint@latest']) assert.ok(isDistTag(tag), tag);
  const notTags = ['1.2.3', '^4.0.0', '~0.25.0', '>=1 <2', '1 - 2', '1.x || 2', '*', '', 'x', 'v1.2.3', '4.0.0-rc.1'];
  for (const spec of [...notTags, 'npm:eslint@^10.15.0', 'file:../rules', 'git+https://h/r.git', 'owner/repo']) {
    assert.ok(!isDistTag(spec), spec);
  }
});

test('an unpinned dist-tag is named with its dependent; a global or nested override pins it', () => {
  const lock = {
    packages: {
      '': { name: 'app', devDependencies: { formatter: '^3.1.0' } },
      'node_modules/formatter': { version: '3.1.0', dependencies: { chardet: 'latest', lodash: '^4.17.14' } },
      'node_modules/other/node_modules/@scope/tool': { version: '1.0.0', peerDependencies: { chardet: 'next' } },
    },
  };
  assert.deepEqual(findDistTagSpecs(lock, undefined).map(describeDistTagSpec), [
    `chardet@"latest" (in formatter's dependencies) floats on a dist-tag; pin it in package.json "overrides"`,
    `chardet@"next" (in @scope/tool's peerDependencies) floats on a dist-tag; pin it in package.json "overrides"`,
  ]);
  assert.deepEqual(findDistTagSpecs(lock, { chardet: '4.0.0' }), []);
  const nested = findDistTagSpecs(lock, { 'formatter@^3': { chardet: '4.0.0' } });
  assert.deepEqual(
    nested.map((p) => p.dependent),
    ['@scope/tool'],
  );
});
