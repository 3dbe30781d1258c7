// The JSON schema of winsock-lint.config.json against the engine's validator (parseConfigFile): the
// same top-level keys and rule ids, the same verdict on valid and invalid files, and every
// configuration in the repository (files and the documentation's examples) valid.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ConfigError, RULE_IDS, parseConfigFile } from '@winsock-lint/rules';
import { schemaProblems } from './support/json-schema.js';
import { CLIENT_DIR, REPO_DIR } from './support/paths.js';

const schema = JSON.parse(readFileSync(`${CLIENT_DIR}schemas/winsock-lint.config.schema.json`, 'utf8')) as Record<
  string,
  unknown
>;
const properties = schema['properties'] as Record<string, Record<string, unknown>>;

function engineAccepts(text: string): boolean {
  try {
    parseConfigFile(text, 'winsock-lint.config.json');
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

/** The top-level keys the engine names when it rejects an unknown one. */
function engineTopLevelKeys(): string[] {
  try {
    parseConfigFile('{ "qqqqqqqqqqqqqqqqqqqq": 1 }', 'c.json');
  } catch (error) {
    const listed = /expected one of (.*)\.$/m.exec((error as Error).message)?.[1] ?? '';
    return [...listed.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
  }
  return [];
}

test('the schema has the engine’s top-level keys and rule ids', () => {
  assert.deepEqual(Object.keys(properties).sort(), engineTopLevelKeys().sort());
  const rules = properties['rules']?.['properties'] as Record<string, unknown>;
  assert.deepEqual(Object.keys(rules), [...RULE_IDS]);
});

const SAMPLES: string[] = [
  '{}',
  '{ "$schema": "./node_modules/x.json" }',
  '{ "$schema": 3 }',
  '{ "rules": {} }',
  '{ "rules": { "fast-path-both-sides": "off", "no-deprecated-fast-path": "error" } }',
  '{ "rules": { "fast-path-tcp-only": 0, "fast-path-ioctl-arguments": 2 } }',
  '{ "rules": { "fast-path-tcp-only": ["warn"] } }',
  '{ "rules": { "fast-path-tcp-only": [1] } }',
  '{ "rules": { "fast-path-tcp-only": ["warn", {}] } }',
  '{ "rules": { "fast-path-tcp-only": [] } }',
  '{ "rules": { "fast-path-tcp-only": 3 } }',
  '{ "rules": { "fast-path-tcp-only": 1.5 } }',
  '{ "rules": { "fast-path-tcp-only": "warning" } }',
  '{ "rules": { "fast-path-tcp-only": true } }',
  '{ "rules": { "fast-path-tcp-only": null } }',
  '{ "rules": { "winsock-lint/fast-path-tcp-only": "warn" } }',
  '{ "rules": { "no-such-rule": "warn" } }',
  '{ "rules": [] }',
  '{ "rules": "all" }',
  '{ "include": ["src/**"], "exclude": ["third_party/", "**/*.generated.cpp"] }',
  '{ "include": [] }',
  '{ "include": "src/**" }',
  '{ "include": [""] }',
  '{ "include": ["   "] }',
  '{ "exclude": [3] }',
  '{ "exclude": [" build "] }',
  '{ "reportUnusedSuppressions": "warn" }',
  '{ "reportUnusedSuppressions": "off" }',
  '{ "reportUnusedSuppressions": 2 }',
  '{ "reportUnusedSuppressions": true }',
  '{ "reportUnusedSuppressions": false }',
  '{ "reportUnusedSuppressions": "loud" }',
  '{ "reportUnusedSuppressions": null }',
  '{ "rule": {} }',
  '{ "extends": "x" }',
  '[]',
  '"rules"',
  'null',
];

test('the schema and the engine agree on valid and invalid configurations', () => {
  for (const text of SAMPLES) {
    const problems = schemaProblems(schema, JSON.parse(text));
    assert.equal(problems.length === 0, engineAccepts(text), `${text}: schema says ${JSON.stringify(problems)}`);
  }
});

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', '.tmp', '.scratch', 'out'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** winsock-lint.config.json files, and the JSON examples of configurations in the documentation. */
function repositoryConfigurations(): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  for (const path of walk(REPO_DIR)) {
    const where = relative(REPO_DIR, path);
    if (path.endsWith('winsock-lint.config.json')) found.push({ where, text: readFileSync(path, 'utf8') });
    if (!path.endsWith('.md')) continue;
    for (const [, block = ''] of readFileSync(path, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)) {
      let value: unknown;
      try {
        value = JSON.parse(block);
      } catch {
        continue;
      }
      const rules = (value as { rules?: unknown } | null)?.rules;
      const configLike = typeof rules === 'object' && rules !== null && !Array.isArray(rules);
      if (configLike) found.push({ where: `${where} (example)`, text: block });
    }
  }
  return found;
}

test('every configuration in the repository validates against the schema and the engine', () => {
  const configurations = repositoryConfigurations();
  assert.ok(configurations.length > 0, 'no configuration found in the repository');
  for (const { where, text } of configurations) {
    assert.deepEqual(schemaProblems(schema, JSON.parse(text)), [], where);
    assert.ok(engineAccepts(text), `${where} is rejected by the engine`);
  }
});
