// Workspace scanning honours winsock-lint.config.json (rules, include/exclude) and skips tool folders;
// watched-file events for the configuration re-analyse, and file watchers are registered dynamically.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { startClient, type TestClient } from './support/lsp-client.js';

const SOURCE =
  'void f(SOCKET s)\n{\n    BOOL on = TRUE;\n    DWORD b = 0;\n    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n';
let root: string;
let client: TestClient;

function write(relative: string, text: string): void {
  mkdirSync(join(root, relative, '..'), { recursive: true });
  writeFileSync(join(root, relative), text);
}
const uriOf = (relative: string): string => pathToFileURL(join(root, relative)).href;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'winsock-lint-server-'));
  write(
    'winsock-lint.config.json',
    JSON.stringify({ rules: { 'no-deprecated-fast-path': 'error' }, exclude: ['vendor'] }),
  );
  write('src/a.cpp', SOURCE);
  write('vendor/v.cpp', SOURCE);
  write('node_modules/pkg/n.cpp', SOURCE);
  write('notes.txt', SOURCE);
  ({ client } = await startClient({
    capabilities: {
      textDocument: { diagnostic: {} },
      workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'tmp' }],
  }));
});
after(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

void test('configuration file: severities, exclusions, watched changes', async () => {
  const first: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', {
    previousResultIds: [],
  });
  const withFindings = first.items.filter((i) => i.kind === 'full' && i.items.length > 0).map((i) => i.uri);
  assert.deepEqual(withFindings, [uriOf('src/a.cpp')]);
  const item = first.items[0]!;
  assert.ok(item.kind === 'full');
  assert.deepEqual(
    item.items.map((d) => [d.code, d.severity]),
    [['no-deprecated-fast-path', 1]],
  );

  const registration = await client.waitFor(() =>
    client.requests.find((r) => r.method === 'client/registerCapability'),
  );
  assert.match(JSON.stringify(registration.params), /workspace\/didChangeWatchedFiles.*winsock-lint\.config\.json/);

  write('winsock-lint.config.json', JSON.stringify({ rules: { 'no-deprecated-fast-path': 'off' } }));
  const refreshes = client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriOf('winsock-lint.config.json'), type: 2 }],
  });
  await client.waitFor(() =>
    client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes ? true : undefined,
  );
  const second: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', {
    previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' })),
  });
  const a = second.items.find((i) => i.uri === uriOf('src/a.cpp'));
  assert.ok(a && a.kind === 'full');
  assert.deepEqual(a.items, []);
});
