// The extension's manifest against the engine and the server: rule settings, the generated rule catalog
// and config schema, activation, languages, commands and the defaults the server uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULE_IDS, ruleMetas } from '@winsock-lint/rules';
import { DEFAULT_MAX_FILE_SIZE, SETTINGS_SECTION } from '@winsock-lint/server/dist/src/settings.js';
import { configFileSchema, ruleCatalog, ruleSettingSchema } from '../build/rule-manifest.js';
import { COMMANDS } from '../src/command-ids.js';
import { DOCUMENT_SELECTOR, LANGUAGE_IDS } from '../src/languages.js';
import { RULE_CATALOG } from '../src/rule-catalog.js';
import { CLIENT_DIR, readManifest } from './support/paths.js';

const SYNC_HINT = 'out of date: run `npm run build && npm run sync-manifest -w client`';
const manifest = readManifest();
const settings = manifest.contributes.configuration.properties;

test('winsockLint.rules lists exactly the engine rules, with their descriptions and documentation', () => {
  const rules = settings['winsockLint.rules'];
  assert.ok(rules);
  assert.deepEqual(Object.keys(rules['properties'] as object), [...RULE_IDS]);
  assert.deepEqual(rules, ruleSettingSchema(ruleMetas), `package.json ${SYNC_HINT}`);
});

test('the rule catalog (Open Rule Documentation) and the config schema are generated from the engine', () => {
  assert.deepEqual(RULE_CATALOG, ruleCatalog(ruleMetas), `src/rule-catalog.ts ${SYNC_HINT}`);
  const schema: unknown = JSON.parse(readFileSync(`${CLIENT_DIR}schemas/winsock-lint.config.schema.json`, 'utf8'));
  assert.deepEqual(schema, configFileSchema(ruleMetas), `the config schema ${SYNC_HINT}`);
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: 'winsock-lint.config.json', url: './schemas/winsock-lint.config.schema.json' },
  ]);
});

test('settings: every one has a description and a default; the server reads the same section', () => {
  assert.equal(SETTINGS_SECTION, 'winsockLint');
  assert.deepEqual(Object.keys(settings).sort(), [
    'winsockLint.enable',
    'winsockLint.exclude',
    'winsockLint.include',
    'winsockLint.maxFileSize',
    'winsockLint.rules',
    'winsockLint.trace.server',
  ]);
  for (const [name, setting] of Object.entries(settings)) {
    assert.ok(setting['description'] ?? setting['markdownDescription'], `${name} has no description`);
    assert.ok('default' in setting, `${name} has no default`);
  }
  assert.equal(settings['winsockLint.enable']?.['default'], true);
  assert.equal(settings['winsockLint.maxFileSize']?.['default'], DEFAULT_MAX_FILE_SIZE);
  assert.deepEqual(settings['winsockLint.trace.server']?.['enum'], ['off', 'messages', 'verbose']);
  for (const globs of ['winsockLint.include', 'winsockLint.exclude']) {
    assert.equal(settings[globs]?.['type'], 'array');
    assert.deepEqual(settings[globs]?.['default'], []);
  }
});

test('activation, languages and workspace trust', () => {
  assert.deepEqual(manifest.activationEvents, [
    'onLanguage:c',
    'onLanguage:cpp',
    'onLanguage:typescript',
    'onLanguage:javascript',
    'workspaceContains:**/winsock-lint.config.json',
  ]);
  assert.deepEqual([...LANGUAGE_IDS], ['c', 'cpp', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact']);
  assert.equal(DOCUMENT_SELECTOR.length, LANGUAGE_IDS.length * 2);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(manifest.main, './dist/extension.cjs');
});

test('commands: the five of the palette, in the winsock-lint category, all registered by the extension', () => {
  const contributed = manifest.contributes.commands;
  assert.deepEqual(
    contributed.map((command) => command.title),
    ['Audit Workspace', 'Fix All in File', 'Show Output', 'Restart Server', 'Open Rule Documentation'],
  );
  for (const command of contributed) assert.equal(command.category, 'winsock-lint');
  assert.deepEqual(contributed.map((command) => command.command).sort(), Object.values(COMMANDS).sort());
});

test('the extension README lists every rule with its default and kind of fix', () => {
  const readme = readFileSync(`${CLIENT_DIR}README.md`, 'utf8');
  const fixColumn = { code: 'fix', suggestion: 'suggestion', none: '' } as const;
  for (const meta of ruleMetas) {
    const row = new RegExp(
      `^\\|\\s*\`${meta.id}\`\\s*\\|\\s*${meta.defaultSeverity}\\s*\\|\\s*${fixColumn[meta.fixKind]}\\s*\\|$`,
      'm',
    );
    assert.match(readme, row, `client/README.md: the row of ${meta.id}`);
  }
});
