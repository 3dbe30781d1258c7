// Pull diagnostics: textDocument/diagnostic with result ids, workspace/diagnostic over the workspace
// folder read from disk, and workspace/diagnostic/refresh when an edit in one file changes another's
// findings. Nothing is pushed to a client that pulls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { fixturePath, fixtureUri, readFixture, startClient, type TestClient } from './support/lsp-client.js';
import { pathToFileURL } from 'node:url';

const PROJECT = 'rules/fast-path-both-sides/project-client-only';
let client: TestClient;

before(async () => {
  ({ client } = await startClient({
    capabilities: {
      textDocument: { diagnostic: { relatedInformation: true } },
      workspace: { diagnostics: { refreshSupport: true } },
      window: { workDoneProgress: true },
    },
    workspaceFolders: [{ uri: pathToFileURL(fixturePath(PROJECT)).href, name: 'project' }],
  }));
});
after(() => client.stop());

function workspaceDiagnostics(
  previousResultIds: { uri: string; value: string }[] = [],
): Promise<WorkspaceDiagnosticReport> {
  return client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
}

function codesFor(report: WorkspaceDiagnosticReport, uri: string): string[] {
  const item = report.items.find((i) => i.uri === uri);
  return item && item.kind === 'full' ? item.items.map((d) => String(d.code)).sort() : [];
}

void test('pull: workspace, document and refresh', async () => {
  const clientUri = fixtureUri(`${PROJECT}/client.cpp`);
  const serverUri = fixtureUri(`${PROJECT}/server.cpp`);

  const first = await workspaceDiagnostics();
  assert.deepEqual(codesFor(first, clientUri), ['fast-path-both-sides', 'no-deprecated-fast-path']);
  assert.equal(first.items.find((i) => i.uri === clientUri)?.version, null);
  assert.ok(
    client.requests.some((r) => r.method === 'window/workDoneProgress/create'),
    'the scan reports progress',
  );

  const serverText = readFixture(`${PROJECT}/server.cpp`);
  client.open(serverUri, serverText);
  const report: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: serverUri },
  });
  assert.equal(report.kind, 'full');
  assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
  const again: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: serverUri },
    previousResultId: report.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });

  // The listener opts in too (an incremental change): client.cpp's both-sides finding goes away.
  const line = serverText.split('\n').findIndex((l) => l.includes('SOCKET ls = socket('));
  const insert =
    '    BOOL on = TRUE;\n    DWORD bytes = 0;\n    WSAIoctl(ls, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);\n';
  const refreshes = client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: serverUri, version: 2 },
    contentChanges: [
      { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: insert },
    ],
  });
  await client.waitFor(() =>
    client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes ? true : undefined,
  );

  const changed: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: serverUri },
    previousResultId: report.resultId,
  });
  assert.equal(changed.kind, 'full');
  const serverCodes = changed.kind === 'full' ? changed.items.map((d) => d.code) : [];
  assert.deepEqual(
    serverCodes,
    ['no-deprecated-fast-path'],
    'the inserted call is at the right place (line-based change applied)',
  );
  if (changed.kind === 'full') assert.equal(changed.items[0]?.range.start.line, line + 3);

  const second = await workspaceDiagnostics();
  assert.deepEqual(codesFor(second, clientUri), ['no-deprecated-fast-path']);
  assert.equal(second.items.find((i) => i.uri === serverUri)?.version, 2);

  // Unchanged result ids come back as unchanged once something else changes (long poll).
  const previous = second.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' }));
  const pending = workspaceDiagnostics(previous);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: serverUri, version: 3 },
    contentChanges: [{ text: serverText }],
  });
  const third = await pending;
  assert.deepEqual(codesFor(third, clientUri), ['fast-path-both-sides', 'no-deprecated-fast-path']);

  assert.equal(client.diagnostics.length, 0, 'nothing pushed to a pulling client');
});
