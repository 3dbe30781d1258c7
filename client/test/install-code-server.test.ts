// client/scripts/install-code-server.sh keeps code-server's state in its tools folder: run with a fresh HOME
// (and the installed tools), it leaves nothing in that HOME, where the user's ~/.config/code-server would be.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findTools } from './support/code-server.js';
import { CLIENT_DIR } from './support/paths.js';

void test("install-code-server.sh writes nothing into the user's home (config.yaml, data)", (t) => {
  const tools = findTools();
  if ('missing' in tools) {
    t.skip(tools.missing);
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'winsock-lint-home-'));
  try {
    const toolsDir = process.env['WINSOCK_LINT_TOOLS'] ?? join(homedir(), '.cache/winsock-lint/tools');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, WINSOCK_LINT_TOOLS: toolsDir };
    delete env['XDG_CONFIG_HOME'];
    delete env['XDG_DATA_HOME'];
    const run = spawnSync('bash', [join(CLIENT_DIR, 'scripts/install-code-server.sh')], { env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').pop(), tools.codeServer, 'prints the binary');
    assert.deepEqual(readdirSync(home), [], `nothing written to HOME (${run.stderr})`);
    assert.ok(
      existsSync(join(toolsDir, 'xdg/config/code-server/config.yaml')),
      "code-server's config is in the tools folder",
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
