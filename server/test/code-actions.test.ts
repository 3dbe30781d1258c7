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

/** A diagnostic as Neovim 0.7 rebuilds it from its own store: no `data`, no codeDescription. */
function rebuilt(diagnostic: Diagnostic): Diagnostic {
  const { range, severity, message, source, code } = diagnostic;
  return { range, severity, message, source, code } as Diagnostic;
}

const QUICK_FIX_FIXTURE = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';
const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function quickFixesFor(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only: ['quickfix'] },
  });
}

const titles = (actions: CodeAction[]): string[] => actions.map((a) => a.title);

void test('a rebuilt diagnostic without data gets the same actions, matched by range, code and message', async () => {
  const { uri, published } = await openFixture(QUICK_FIX_FIXTURE);
  const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  const withData = await quickFixesFor(uri, target.range, [target]);
  assert.ok(withData.some((a) => a.isPreferred && a.edit));
  // Requested at the first line: only the match (not the range) can find the finding.
  const copy = rebuilt(target);
  const withoutData = await quickFixesFor(uri, FIRST_LINE, [copy]);
  assert.deepEqual(titles(withoutData), titles(withData));
  assert.deepEqual(
    withoutData.map((a) => a.edit),
    withData.map((a) => a.edit),
  );
  assert.deepEqual(withoutData[0]?.diagnostics, [copy], "the action names the client's diagnostic");
  // A client that drops `source` too still matches by range and code.
  const sourceless: Diagnostic = { ...copy };
  delete sourceless.source;
  assert.deepEqual(titles(await quickFixesFor(uri, FIRST_LINE, [sourceless])), titles(withData));
  // Another message or code is another diagnostic: nothing matches, and nothing overlaps the first line.
  assert.deepEqual(await quickFixesFor(uri, FIRST_LINE, [{ ...copy, message: 'something else' }]), []);
  assert.deepEqual(await quickFixesFor(uri, FIRST_LINE, [{ ...copy, code: 'fast-path-tcp-only' }]), []);
  await close(uri);
});

void test('diagnostics that match nothing, or none, get the actions of the findings in the requested range', async () => {
  const { uri, published } = await openFixture(QUICK_FIX_FIXTURE);
  const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  const expected = titles(await quickFixesFor(uri, target.range, [target]));
  const inside = { start: target.range.start, end: target.range.start };
  assert.deepEqual(titles(await quickFixesFor(uri, inside, [])), expected, 'an empty list');
  const foreign: Diagnostic = { range: target.range, message: 'unused variable', source: 'clangd', code: 'unused' };
  assert.deepEqual(titles(await quickFixesFor(uri, inside, [foreign])), expected, "another tool's diagnostic");
  // Rebuilt by a client that converted the columns differently (Neovim 0.7 sends byte columns).
  const shifted = rebuilt({
    ...target,
    range: { start: target.range.start, end: { ...target.range.end, character: 999 } },
  });
  assert.deepEqual(titles(await quickFixesFor(uri, inside, [shifted])), expected, 'a near miss');
  assert.deepEqual(await quickFixesFor(uri, FIRST_LINE, []), [], 'nothing in range');
  await close(uri);
});

void test('a rebuilt diagnostic matches only on the current version; a stale id still gets nothing', async () => {
  const { uri, text, published } = await openFixture(QUICK_FIX_FIXTURE);
  const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  const next = await change(uri, `// a new first line\n${text}`);
  // The old position no longer holds the finding: the rebuilt copy matches nothing there.
  assert.deepEqual(await quickFixesFor(uri, FIRST_LINE, [rebuilt(target)]), []);
  // With its id, the old diagnostic is stale: no edit even where the finding now is.
  const moved = next.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
  assert.deepEqual(await quickFixesFor(uri, moved.range, [target]), []);
  // The current diagnostic, rebuilt, matches again.
  assert.ok((await quickFixesFor(uri, FIRST_LINE, [rebuilt(moved)])).some((a) => a.isPreferred && a.edit));
  await close(uri);
});
