// The command winsock-lint.auditWorkspace in a multi-root workspace: advertised, rescans every folder,
// returns every file's diagnostics exactly as pull diagnostics give them, counts files and findings,
// and reports work-done progress through the request's token or a server-initiated $/progress.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import type { AuditResult } from '../src/audit.js';
import { fixtureUri, readFixture, startClient, type TestClient } from './support/lsp-client.js';
import { CLEAN_SOURCE, DEPRECATED_CALL, TempWorkspace } from './support/temp-workspace.js';

const AUDIT = 'winsock-lint.auditWorkspace';
const LOOSE_FIXTURE = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';
let first: TempWorkspace;
let second: TempWorkspace;
let client: TestClient;
let commands: string[];

before(async () => {
  first = new TempWorkspace({
    'winsock-lint.config.json': JSON.stringify({ exclude: ['vendor'] }),
    'src/a.cpp': DEPRECATED_CALL,
    'src/clean.cpp': CLEAN_SOURCE,
    'vendor/v.cpp': DEPRECATED_CALL,
    'notes.txt': DEPRECATED_CALL,
  });
  second = new TempWorkspace();
  // Cross-file findings with related locations in other files.
  second.copyFixtureFolder('rules/fast-path-both-sides/project-client-only');
  let result;
  ({ client, result } = await startClient({
    capabilities: {
      textDocument: { diagnostic: { relatedInformation: true } },
      window: { workDoneProgress: true },
    },
    workspaceFolders: [first.folder('first'), second.folder('second')],
  }));
  commands = result.capabilities.executeCommandProvider?.commands ?? [];
  // An open document outside both folders.
  client.open(fixtureUri(LOOSE_FIXTURE), readFixture(LOOSE_FIXTURE));
});
after(async () => {
  await client.stop();
  first.remove();
  second.remove();
});

function audit(workDoneToken?: string): Promise<AuditResult> {
  return client.connection.sendRequest('workspace/executeCommand', {
    command: AUDIT,
    arguments: [],
    ...(workDoneToken !== undefined ? { workDoneToken } : {}),
  });
}

/** What pull diagnostics give, per URI with at least one diagnostic. */
async function pulled(): Promise<Map<string, Diagnostic[]>> {
  const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', {
    previousResultIds: [],
  });
  const byUri = new Map<string, Diagnostic[]>();
  for (const item of report.items) if (item.kind === 'full' && item.items.length > 0) byUri.set(item.uri, item.items);
  return byUri;
}

void test('audit: advertised; results, counts and diagnostics as pulled, over both folders', async () => {
  assert.ok(commands.includes(AUDIT));
  assert.ok(commands.includes('winsock-lint.showDocumentation'));

  const result = await audit('audit-1');
  assert.deepEqual(Object.keys(result).sort(), ['files', 'findings', 'results']);
  // first: src/a.cpp, src/clean.cpp (vendor excluded, notes.txt no source); second: client.cpp,
  // server.cpp, ipc.h; plus the open document outside the folders.
  assert.equal(result.files, 6);
  const uris = result.results.map((r) => r.uri);
  assert.deepEqual(uris, [...uris].sort());
  assert.ok(uris.includes(first.uri('src/a.cpp')));
  assert.ok(uris.includes(second.uri('project-client-only/client.cpp')));
  assert.ok(uris.includes(fixtureUri(LOOSE_FIXTURE)));
  assert.ok(!uris.includes(first.uri('vendor/v.cpp')));
  assert.ok(!uris.includes(first.uri('src/clean.cpp')), 'files without diagnostics have no entry');
  assert.ok(result.results.every((r) => r.diagnostics.length > 0));
  assert.equal(
    result.findings,
    result.results.reduce((sum, r) => sum + r.diagnostics.length, 0),
  );
  assert.ok(
    result.results.some((r) => r.diagnostics.some((d) => (d.relatedInformation ?? []).length > 0)),
    'related information (the client supports it)',
  );

  const expected = await pulled();
  assert.deepEqual(new Map(result.results.map((r) => [r.uri, r.diagnostics])), expected);
  const loose: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: fixtureUri(LOOSE_FIXTURE) },
  });
  assert.deepEqual(
    loose.kind === 'full' ? loose.items : undefined,
    result.results.find((r) => r.uri === fixtureUri(LOOSE_FIXTURE))?.diagnostics,
  );
});

void test('audit: progress through the workDoneToken, begin to end', async () => {
  const token = 'audit-progress';
  await audit(token);
  await client.waitFor(() => client.progress.find((p) => p.token === token && p.value.kind === 'end'));
  const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds.at(-1), 'end');
  assert.equal(kinds.filter((k) => k === 'begin').length, 1);
  assert.equal(kinds.filter((k) => k === 'end').length, 1);
});

void test('audit: without a token, a server-initiated progress', async () => {
  const created = client.requests.filter((r) => r.method === 'window/workDoneProgress/create').length;
  await audit();
  const tokens = client.requests
    .filter((r) => r.method === 'window/workDoneProgress/create')
    .slice(created)
    .map((r) => (r.params as { token: string }).token);
  assert.equal(tokens.length, 1, 'one progress for the whole audit');
  const begin = client.progress.find((p) => p.token === tokens[0] && p.value.kind === 'begin');
  assert.match(begin?.value.title ?? '', /audit/);
  await client.waitFor(() => client.progress.find((p) => p.token === tokens[0] && p.value.kind === 'end'));
});

void test('audit: rescans the folders (a file written since is found)', async () => {
  const before = await audit();
  first.write('src/late.cpp', DEPRECATED_CALL);
  const after = await audit();
  assert.equal(after.files, before.files + 1);
  assert.equal(after.findings, before.findings + 1);
  assert.deepEqual(
    after.results.find((r) => r.uri === first.uri('src/late.cpp'))?.diagnostics.map((d) => d.code),
    ['no-deprecated-fast-path'],
  );
});
