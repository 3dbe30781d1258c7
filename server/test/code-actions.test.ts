// Code actions: the recorded quick fix removes its diagnostic, fix-all matches the fixture's .fixed
// text and is idempotent, disable comments work, documentation opens, and stale diagnostics get nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { applyTextEdits, fixtureUri, readFixture, startClient, type TestClient } from './support/lsp-client.js';

let client: TestClient;
let nextVersion = 1;

before(async () => {
  ({ client } = await startClient({
    capabilities: {
      window: { showDocument: { support: true } },
      workspace: { workspaceEdit: { documentChanges: true } },
    },
  }));
});
after(() => client.stop());

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : [],
    );
  }
  return edit.changes?.[uri] ?? [];
}

async function openFixture(
  fixture: string,
): Promise<{ uri: string; text: string; published: PublishDiagnosticsParams; version: number }> {
  const uri = fixtureUri(fixture);
  const text = readFixture(fixture);
  const version = nextVersion++;
  client.open(uri, text, 'cpp', version);
  return { uri, text, published: await client.pushed(uri, version), version };
}

async function change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
  const version = nextVersion++;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });
  return client.pushed(uri, version);
}

function actionsAt(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

async function close(uri: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

void test('the preferred quick fix removes its diagnostic', async () => {
  const { uri, text, published } = await openFixture('rules/fast-path-before-connect/connect-then-ioctl.cpp');
  const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  const actions = await actionsAt(uri, [target]);
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred, 'a preferred fix');
  assert.equal(preferred.kind, 'quickfix');
  const fixed = applyTextEdits(text, editsOf(preferred.edit, uri));
  assert.notEqual(fixed, text);
  const after = await change(uri, fixed);
  const count = (p: PublishDiagnosticsParams): number =>
    p.diagnostics.filter((d) => d.code === 'fast-path-before-connect').length;
  assert.equal(count(after), count(published) - 1);
  assert.ok(!after.diagnostics.some((d) => d.range.start.line === target.range.start.line && d.code === target.code));
  await close(uri);
});

void test('fix all equals the .fixed file and is idempotent', async () => {
  const fixture = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';
  const { uri, text, published } = await openFixture(fixture);
  const [fixAll, ...rest] = await actionsAt(uri, [], ['source.fixAll.winsock-lint']);
  assert.equal(rest.length, 0);
  assert.equal(fixAll?.kind, 'source.fixAll.winsock-lint');
  const edits = editsOf(fixAll?.edit, uri);
  assert.equal(edits.length, 1, 'one edit replacing the changed text');
  const fixed = applyTextEdits(text, edits);
  assert.equal(fixed, readFixture(`${fixture}.fixed`));
  // Asking twice for the same version gives the same edit.
  assert.deepEqual(await actionsAt(uri, [], ['source.fixAll.winsock-lint']), [fixAll]);
  assert.ok(published.diagnostics.length > 0);
  await change(uri, fixed);
  assert.deepEqual(await actionsAt(uri, [], ['source.fixAll.winsock-lint']), []);
  await close(uri);
});

void test('disable for this line and for this file suppress the rule', async () => {
  const { uri, text, published } = await openFixture('rules/fast-path-tcp-only/udp-and-raw.cpp');
  const target = published.diagnostics.find((d) => d.code === 'fast-path-tcp-only')!;
  const actions = await actionsAt(uri, [target], ['quickfix']);
  const line = actions.find((a) => a.title === 'Disable fast-path-tcp-only for this line')!;
  const file = actions.find((a) => a.title === 'Disable fast-path-tcp-only for this file')!;
  const lineEdit = editsOf(line.edit, uri)[0]!;
  const indent = /^\s*/.exec(text.split('\n')[target.range.start.line]!)![0];
  assert.equal(
    lineEdit.newText,
    `${indent}// winsock-lint-disable-next-line fast-path-tcp-only -- TODO: explain why\n`,
  );
  const byLine = await change(uri, applyTextEdits(text, [lineEdit]));
  const total = (p: PublishDiagnosticsParams): number =>
    p.diagnostics.filter((d) => d.code === 'fast-path-tcp-only').length;
  assert.equal(total(byLine), total(published) - 1);
  assert.ok(!byLine.diagnostics.some((d) => d.code === 'unused-suppression'));

  const fileEdit = editsOf(file.edit, uri)[0]!;
  assert.equal(fileEdit.newText, '/* winsock-lint-disable fast-path-tcp-only */\n');
  const firstCode = text.split('\n').findIndex((l) => !l.startsWith('//'));
  assert.equal(fileEdit.range.start.line, firstCode, 'inserted after the leading comment block');
  const byFile = await change(uri, applyTextEdits(text, [fileEdit]));
  assert.equal(total(byFile), 0);
  await close(uri);
});

void test('show documentation opens the rule page', async () => {
  const { uri, published } = await openFixture('rules/fast-path-tcp-only/udp-and-raw.cpp');
  const target = published.diagnostics.find((d) => d.code === 'fast-path-tcp-only')!;
  const docs = (await actionsAt(uri, [target])).find((a) => a.title === 'Show documentation for fast-path-tcp-only')!;
  assert.ok(docs.command);
  const shown = await client.connection.sendRequest('workspace/executeCommand', {
    command: docs.command.command,
    arguments: docs.command.arguments,
  });
  assert.equal(shown, true);
  const request = client.requests.find((r) => r.method === 'window/showDocument');
  assert.deepEqual(request?.params, { uri: target.codeDescription?.href, external: true });
  await assert.rejects(
    client.connection.sendRequest('workspace/executeCommand', {
      command: docs.command.command,
      arguments: ['file:///etc/passwd'],
    }),
    /documentation/,
  );
  await close(uri);
});

void test('a diagnostic from an older version gets no edit', async () => {
  const { uri, text, published } = await openFixture('rules/fast-path-before-connect/connect-then-ioctl.cpp');
  const stale = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  await change(uri, `// a new first line\n${text}`);
  const actions = await actionsAt(uri, [stale]);
  assert.deepEqual(
    actions.filter((a) => a.edit),
    [],
  );
  await close(uri);
});
