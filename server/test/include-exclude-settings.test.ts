// The settings winsockLint.include/exclude (globs relative to the workspace folder) apply on top of
// winsock-lint.config.json's: a file is analysed only when both select it, in the workspace scan, for
// open documents and in the audit; a settings change re-reads the folder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import type { AuditResult } from '../src/audit.js';
import { startClient, type TestClient } from './support/lsp-client.js';
import { DEPRECATED_CALL, TempWorkspace } from './support/temp-workspace.js';

let workspace: TempWorkspace;
let client: TestClient;

before(async () => {
  workspace = new TempWorkspace({
    'winsock-lint.config.json': JSON.stringify({ exclude: ['gen'] }),
    'src/a.cpp': DEPRECATED_CALL,
    'src/sub/b.cpp': DEPRECATED_CALL,
    'test/t.cpp': DEPRECATED_CALL,
    'gen/g.cpp': DEPRECATED_CALL,
    'other/o.cpp': DEPRECATED_CALL,
  });
  ({ client } = await startClient({
    capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
    workspaceFolders: [workspace.folder()],
    settings: { include: ['src/**', './test/', 'gen/**'], exclude: ['src/sub'] },
  }));
});
after(async () => {
  await client.stop();
  workspace.remove();
});

async function filesWithFindings(): Promise<string[]> {
  const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', {
    previousResultIds: [],
  });
  return report.items
    .filter((i) => i.kind === 'full' && i.items.length > 0)
    .map((i) => i.uri)
    .sort();
}

void test('settings include/exclude: both the settings and the configuration file must select a file', async () => {
  assert.deepEqual(await filesWithFindings(), [workspace.uri('src/a.cpp'), workspace.uri('test/t.cpp')]);
  const audit: AuditResult = await client.connection.sendRequest('workspace/executeCommand', {
    command: 'winsock-lint.auditWorkspace',
    arguments: [],
  });
  assert.equal(audit.files, 2);

  // An open document the settings do not include is not analysed.
  client.open(workspace.uri('other/o.cpp'), DEPRECATED_CALL);
  const report: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: workspace.uri('other/o.cpp') },
  });
  assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
  assert.equal(client.logs.filter((l) => l.type === 2).length, 0, 'valid settings: no warnings');
});

void test('settings include/exclude: a change re-reads the folder; invalid values are ignored with a warning', async () => {
  client.settings = { include: 'src', exclude: ['other', 42] };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  // The configuration file still excludes gen/; the settings now exclude other/ only.
  assert.deepEqual(await filesWithFindings(), [
    workspace.uri('src/a.cpp'),
    workspace.uri('src/sub/b.cpp'),
    workspace.uri('test/t.cpp'),
  ]);
  const warnings = client.logs.filter((l) => l.type === 2).map((l) => l.message);
  assert.ok(warnings.some((m) => m.includes('winsockLint.include')));
  assert.ok(warnings.some((m) => m.includes('winsockLint.exclude[1]')));
});
