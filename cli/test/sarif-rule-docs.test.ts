// Every rule id the tool can report has a documentation page under docs/rules/ and a helpUri in SARIF: the real
// CLI's SARIF log of all fixtures (which report every rule and suppression comment problems) is checked against
// the pages on disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOCS_BASE_URL, RULE_IDS } from '@winsock-lint/rules';
import { BIN } from './helpers/cli-run.js';
import { UNUSED_SUPPRESSION_RULE_ID, type SarifLog } from '../src/reporters/sarif.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

void test('every rule in the SARIF log, and every rule id its results use, has a docs page and a helpUri', () => {
  const run = spawnSync(process.execPath, [BIN, 'audit', '--format', 'sarif', join(REPO, 'fixtures')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 1, run.stderr);
  const [sarif] = (JSON.parse(run.stdout) as SarifLog).runs;
  assert.ok(sarif);
  const rules = sarif.tool.driver.rules;
  const reported = new Set(sarif.results.map((result) => result.ruleId));
  for (const id of [...RULE_IDS, UNUSED_SUPPRESSION_RULE_ID]) {
    assert.ok(reported.has(id), `the fixtures report ${id}`);
  }
  for (const id of reported)
    assert.ok(
      rules.some((rule) => rule.id === id),
      `${id} is described in the driver`,
    );
  assert.deepEqual(
    rules.map((rule) => rule.id),
    [...RULE_IDS, UNUSED_SUPPRESSION_RULE_ID],
  );
  for (const rule of rules) {
    const name = rule.id.replace(/^winsock-lint\//, '');
    assert.equal(rule.helpUri, `${DOCS_BASE_URL}${name}.md`, `${rule.id}: helpUri`);
    assert.ok(rule.helpUri !== undefined && rule.help.text.includes(rule.helpUri), `${rule.id}: help names the page`);
    const page = join(REPO, 'docs/rules', `${name}.md`);
    assert.ok(existsSync(page), `${rule.id}: docs/rules/${name}.md exists`);
    assert.equal(readFileSync(page, 'utf8').split('\n')[0], `# ${name}`, `${rule.id}: the page's title`);
  }
});
