// initializationOptions: useWorkspaceConfig false never reads winsock-lint.config.json (rules and
// include/exclude), malformed options are ignored with a warning, and winsock-lint/analysisStatus is
// sent (with findings, version and skip reasons) only to clients that ask for it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { startClient, type TestClient } from './support/lsp-client.js';
import { CLEAN_SOURCE, DEPRECATED_CALL, TempWorkspace } from './support/temp-workspace.js';

let workspace: TempWorkspace;

before(() => {
  workspace = new TempWorkspace({
    'winsock-lint.config.json': JSON.stringify({ rules: { 'no-deprecated-fast-path': 'error' }, exclude: ['vendor'] }),
    'src/a.cpp': DEPRECATED_CALL,
    'vendor/v.cpp': DEPRECATED_CALL,
  });
});
after(() => workspace.remove());

const PULL = { textDocument: { diagnostic: {} }, workspace: { configuration: true } };

/** uri → [code, severity] of every diagnostic, for the files with any. */
async function findingsByUri(client: TestClient): Promise<Record<string, [string, number | undefined][]>> {
  const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', {
    previousResultIds: [],
  });
  const byUri: Record<string, [string, number | undefined][]> = {};
  for (const item of report.items) {
    if (item.kind === 'full' && item.items.length > 0)
      byUri[item.uri] = item.items.map((d) => [String(d.code), d.severity]);
  }
  return byUri;
}

void test('useWorkspaceConfig false: the configuration file is never read', async () => {
  const { client } = await startClient({
    capabilities: PULL,
    workspaceFolders: [workspace.folder()],
    initializationOptions: { useWorkspaceConfig: false },
  });
  try {
    assert.deepEqual(await findingsByUri(client), {
      [workspace.uri('src/a.cpp')]: [['no-deprecated-fast-path', 2]],
      [workspace.uri('vendor/v.cpp')]: [['no-deprecated-fast-path', 2]],
    });
    // An open document in the (not) excluded folder is analysed too.
    client.open(workspace.uri('vendor/v.cpp'), `${DEPRECATED_CALL}\n`);
    const report = await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri: workspace.uri('vendor/v.cpp') },
    });
    assert.deepEqual(
      (report as { items: { code: string }[] }).items.map((d) => d.code),
      ['no-deprecated-fast-path'],
    );
    assert.equal(client.logs.filter((l) => l.type === 2).length, 0, 'no warnings');
  } finally {
    await client.stop();
  }
});

void test('useWorkspaceConfig true (and malformed options, ignored with a warning) read it', async () => {
  const cases: { initializationOptions: unknown; warnings: number }[] = [
    { initializationOptions: { useWorkspaceConfig: true }, warnings: 0 },
    { initializationOptions: { useWorkspaceConfig: 'no', colour: 1 }, warnings: 2 },
    { initializationOptions: 7, warnings: 1 },
  ];
  for (const { initializationOptions, warnings } of cases) {
    const { client } = await startClient({
      capabilities: PULL,
      workspaceFolders: [workspace.folder()],
      initializationOptions,
    });
    try {
      assert.deepEqual(await findingsByUri(client), { [workspace.uri('src/a.cpp')]: [['no-deprecated-fast-path', 1]] });
      const logged = client.logs.filter((l) => l.type === 2 && /initialization ?option/i.test(l.message));
      assert.equal(logged.length, warnings, JSON.stringify(initializationOptions));
    } finally {
      await client.stop();
    }
  }
});

void test('status notifications: one per open document and run, with findings, version and skip reason', async () => {
  const { client } = await startClient({
    capabilities: { workspace: { configuration: true } },
    workspaceFolders: [workspace.folder()],
    settings: { maxFileSize: 1000, exclude: ['excluded'] },
    initializationOptions: { statusNotifications: true },
  });
  try {
    const analysed = workspace.uri('src/a.cpp');
    const large = workspace.uri('src/large.cpp');
    const excludedBySettings = workspace.uri('excluded/e.cpp');
    const excludedByConfig = workspace.uri('vendor/v.cpp');
    const clean = 'untitled:Untitled-1';
    client.open(analysed, DEPRECATED_CALL);
    client.open(large, `${DEPRECATED_CALL}// ${'x'.repeat(1000)}\n`);
    client.open(excludedBySettings, DEPRECATED_CALL);
    client.open(excludedByConfig, DEPRECATED_CALL);
    client.open(clean, CLEAN_SOURCE);
    const statusOf = (uri: string, version = 1) =>
      client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.version === version));

    const published = await client.pushed(analysed, 1);
    const status = await statusOf(analysed);
    assert.equal(status.findings, published.diagnostics.length);
    assert.equal(status.findings, 1);
    assert.equal(status.skipped, undefined);
    assert.deepEqual(Object.keys(status).sort(), ['durationMs', 'findings', 'uri', 'version']);
    assert.deepEqual(await statusOf(large), {
      ...(await statusOf(large)),
      findings: 0,
      skipped: 'larger than winsockLint.maxFileSize',
    });
    assert.equal((await statusOf(excludedBySettings)).skipped, 'excluded');
    assert.equal((await statusOf(excludedByConfig)).skipped, 'excluded');
    assert.deepEqual(
      { ...(await statusOf(clean)), durationMs: 0 },
      { uri: clean, version: 1, durationMs: 0, findings: 0 },
    );
    for (const s of client.statuses) {
      assert.ok(s.durationMs >= 0 && Math.round(s.durationMs * 10) / 10 === s.durationMs, `durationMs ${s.durationMs}`);
    }
    // No status for files read from disk, only for open documents.
    const open = new Set([analysed, large, excludedBySettings, excludedByConfig, clean]);
    assert.ok(client.statuses.every((s) => open.has(s.uri)));

    // A change: a status for the new version.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: analysed, version: 2 },
      contentChanges: [{ text: CLEAN_SOURCE }],
    });
    assert.equal((await statusOf(analysed, 2)).findings, 0);

    // Settings: disabled.
    client.settings = { enable: false };
    const before = client.statuses.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const disabled = await client.waitFor(() =>
      client.statuses.slice(before).find((s) => s.uri === analysed && s.skipped === 'disabled'),
    );
    assert.equal(disabled.version, 2);
    assert.equal(disabled.findings, 0);
  } finally {
    await client.stop();
  }
});

void test('status notifications are not sent unless asked for', async () => {
  for (const initializationOptions of [undefined, { statusNotifications: false }]) {
    const { client } = await startClient({
      capabilities: { window: { workDoneProgress: true } },
      workspaceFolders: [workspace.folder()],
      initializationOptions,
    });
    try {
      const uri = workspace.uri('src/a.cpp');
      client.open(uri, DEPRECATED_CALL);
      assert.equal((await client.pushed(uri, 1)).diagnostics.length, 1);
      // The audit answers after every analysis has settled; a status would have come before.
      await client.connection.sendRequest('workspace/executeCommand', {
        command: 'winsock-lint.auditWorkspace',
        arguments: [],
      });
      assert.deepEqual(client.statuses, []);
    } finally {
      await client.stop();
    }
  }
});
