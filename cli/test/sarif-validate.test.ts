// Validates the SARIF output for the fixture trees with Microsoft's SARIF multitool (`validate`): no errors
// allowed. The multitool exits 0 even when the schema check fails, so its own SARIF log (-o) is inspected;
// a deliberately broken log proves the check can fail. Skipped where the multitool's binary is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeTree } from './helpers/temp-tree.js';

// Compiled to cli/dist/test/sarif-validate.test.js.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/winsock-lint.js', import.meta.url));
const MULTITOOL = join(REPO_ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

interface Validation {
  errors: string[];
  stdout: string;
}

/** npm 11 skipped the package's chmod postinstall; make the binary executable (idempotent). */
function ensureExecutable(t: TestContext): boolean {
  if (process.platform !== 'linux' || !existsSync(MULTITOOL)) {
    t.skip('the SARIF multitool binary for Linux is not installed');
    return false;
  }
  const mode = statSync(MULTITOOL).mode;
  if ((mode & 0o100) === 0) chmodSync(MULTITOOL, mode | 0o100);
  return true;
}

function validate(sarifPath: string, outPath: string): Validation {
  // --no: never ask the registry; the multitool is a devDependency of the workspace.
  const result = spawnSync(
    'npx',
    ['--no', 'sarif-multitool', 'validate', sarifPath, '--output', outPath, '--log', 'ForceOverwrite'],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  assert.equal(result.error, undefined, String(result.error));
  assert.ok(existsSync(outPath), `no validation log; stdout: ${result.stdout} stderr: ${result.stderr}`);
  const log = JSON.parse(readFileSync(outPath, 'utf8')) as {
    runs: Array<{
      results?: Array<{ level?: string; ruleId?: string; message?: { text?: string; arguments?: string[] } }>;
      invocations?: Array<{ toolExecutionNotifications?: Array<{ level?: string; message?: { text?: string } }> }>;
    }>;
  };
  const errors: string[] = [];
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      if (r.level === 'error') errors.push(`${r.ruleId}: ${r.message?.text ?? r.message?.arguments?.join(' ')}`);
    }
    for (const invocation of run.invocations ?? []) {
      for (const n of invocation.toolExecutionNotifications ?? []) {
        if (n.level === 'error') errors.push(`notification: ${n.message?.text}`);
      }
    }
  }
  return { errors, stdout: result.stdout };
}

test('SARIF for fixtures/demo and fixtures/edge-cases passes the SARIF multitool validator', (t) => {
  if (!ensureExecutable(t)) return;
  const dir = makeTree(t, {});
  const sarif = join(dir, 'fixtures.sarif');
  const audit = spawnSync(
    process.execPath,
    [BIN, 'audit', '--format', 'sarif', '--output-file', sarif, 'fixtures/demo', 'fixtures/edge-cases'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  assert.equal(audit.status, 1, audit.stderr);
  const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
    runs: Array<{ results: Array<{ ruleId: string; fixes?: unknown[]; relatedLocations?: unknown[] }> }>;
  };
  const results = log.runs[0]?.results ?? [];
  // The fixtures exercise every part of the output: fixes, related locations, unused suppressions.
  assert.ok(results.some((r) => r.fixes));
  assert.ok(results.some((r) => r.relatedLocations));
  assert.ok(results.some((r) => r.ruleId === 'winsock-lint/unused-suppression'));

  const validation = validate(sarif, join(dir, 'validation.sarif'));
  assert.deepEqual(validation.errors, [], validation.stdout);
  assert.ok(!/: error /.test(validation.stdout), validation.stdout);
});

test('the validator check is not vacuous: a broken log fails it', (t) => {
  if (!ensureExecutable(t)) return;
  const dir = makeTree(t, {});
  const broken = join(dir, 'broken.sarif');
  writeFileSync(
    broken,
    JSON.stringify({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: {} }, results: [] }],
    }),
  );
  const validation = validate(broken, join(dir, 'validation.sarif'));
  assert.ok(validation.errors.length > 0, validation.stdout);
});
