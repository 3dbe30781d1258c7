// The README's rules table is generated from the rules' metadata; this fails when it was not regenerated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ruleMetas } from '../src/index.js';
import { REPO_ROOT } from './support/fixture-files.js';
import { renderRulesTable, replaceRulesTable } from './support/rules-table.js';

test('README rules table matches the rules (npm run docs:readme regenerates it)', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.equal(replaceRulesTable(readme, renderRulesTable(ruleMetas)), readme);
});

test('README quick start is the two commands', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.match(readme, /npm ci && npx winsock-lint audit fixtures\/demo/);
  assert.match(readme, /^npm test$/m);
});
