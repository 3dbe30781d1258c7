// Test helper for permission tests: root ignores file modes, so they run as the unprivileged user 65534
// (nobody) through `setpriv --reuid=65534 --regid=65534 --clear-groups`. Either one CLI run (runCliAsNobody) or
// a whole test again in a child test runner (rerunAsNobody), whose result the parent test asserts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { BIN, type Run } from './cli-run.js';
import { isRoot } from './temp-tree.js';

export const NOBODY_UID = 65534;
const SETPRIV = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** Whether this process can switch to the unprivileged user (root, with setpriv installed). */
export function canRunAsNobody(): boolean {
  return isRoot() && spawnSync('setpriv', [...SETPRIV, 'true']).status === 0;
}

function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const name of ['FORCE_COLOR', 'NODE_TEST_CONTEXT', 'CI']) delete env[name];
  return env;
}

/** Runs `winsock-lint <args>` in `cwd` as user 65534 (the caller checks canRunAsNobody first). */
export function runCliAsNobody(cwd: string, args: readonly string[]): Run {
  const result = spawnSync('setpriv', [...SETPRIV, process.execPath, BIN, ...args], {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * When running as root: runs the current test (by its exact name, from `testFile`) again as user 65534 and
 * asserts that it passed there and was not skipped; returns true, and the caller returns. Otherwise (already
 * unprivileged) returns false and the caller runs the test itself. A tree the child creates is its own.
 */
export function rerunAsNobody(t: TestContext, testFile: string): boolean {
  if (!isRoot()) return false;
  if (!canRunAsNobody()) {
    t.skip('running as root without setpriv: chmod 000 cannot be observed');
    return true;
  }
  const pattern = `^${t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  const child = spawnSync(
    'setpriv',
    [...SETPRIV, process.execPath, '--test', '--test-reporter=tap', `--test-name-pattern=${pattern}`, testFile],
    { env: cleanEnv(), encoding: 'utf8' },
  );
  const output = `${child.stdout}\n${child.stderr}`;
  assert.equal(child.status, 0, output);
  assert.match(output, /^# pass 1$/m, output);
  assert.match(output, /^# fail 0$/m, output);
  const skipped = output.match(/^ok \d+ - .*# SKIP.*$/gm) ?? [];
  assert.deepEqual(
    skipped.filter((line) => !line.endsWith('# SKIP test name does not match pattern')),
    [],
    'the test skipped itself as user 65534',
  );
  return true;
}

/** A folder everyone may write in (a root-made temporary tree, for a test run as another user). */
export function openToEveryone(path: string): void {
  chmodSync(path, 0o777);
}
