// Every rule file is registered, ids match the contract list, and each rule's metadata is complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RULE_IDS, docsUrl, ruleMetas } from '../src/index.js';
import { REPO_ROOT } from './support/fixture-files.js';

const RULES_DIR = path.join(REPO_ROOT, 'rules/src/rules');

test('every file named like a rule id is registered, in RULE_IDS order', () => {
  const files = fs
    .readdirSync(RULES_DIR)
    .filter((f) => /^(no-deprecated-|fast-path-).*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(files, [...RULE_IDS].sort());
  assert.deepEqual(
    ruleMetas.map((m) => m.id),
    [...RULE_IDS],
  );
});

for (const meta of ruleMetas) {
  test(`${meta.id}: metadata`, () => {
    assert.match(meta.description, /^(Disallow|Require|Enforce) /);
    assert.ok(!meta.description.endsWith('.'), 'descriptions have no trailing period (ESLint style)');
    assert.equal(meta.docsUrl, docsUrl(meta.id));
    assert.ok(['warn', 'error'].includes(meta.defaultSeverity));
    assert.ok(['code', 'suggestion', 'none'].includes(meta.fixKind));
    assert.ok(Object.keys(meta.messages).length > 0);
    for (const [id, message] of Object.entries(meta.messages)) {
      assert.match(id, /^[a-z][A-Za-z]+$/, `message id ${id} is camelCase`);
      assert.match(message, /\.$/, `message ${id} is a full sentence ending in a period`);
    }
    const source = fs.readFileSync(path.join(RULES_DIR, `${meta.id}.ts`), 'utf8');
    assert.match(source.split('\n')[0]!, /^\/\/ /, 'the rule file starts with a purpose comment');
  });
}
