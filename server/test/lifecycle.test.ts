// The base protocol and lifecycle under hostile clients: malformed headers are skipped (the next message is
// answered), requests out of order get the spec's error codes (ServerNotInitialized before initialize,
// InvalidRequest for a second initialize and after shutdown, InvalidParams for params null), a 20 MB document
// does not hold up other requests, and a backtracking-prone workspace glob does not hang the server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { contentLength } from '../src/framing.js';
import { lifecycleError } from '../src/lifecycle.js';
import { RawServer } from './support/raw-lsp.js';
import { DEPRECATED_CALL, TempWorkspace } from './support/temp-workspace.js';

const HOVER = { textDocument: { uri: 'file:///tmp/none.cpp' }, position: { line: 0, character: 0 } };

void test('header blocks: Content-Length must be present, decimal and bounded; every line Name: value', () => {
  assert.equal(contentLength('Content-Length: 12'), 12);
  assert.equal(contentLength('content-length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 3);
  assert.match(String(contentLength('Content-Length: abc')), /not a decimal number/);
  assert.match(String(contentLength('Content-Length: -5')), /not a decimal number/);
  assert.match(String(contentLength('Content-Length: 9999999999')), /more than/);
  assert.match(String(contentLength('Content-Type: x')), /without Content-Length/);
  assert.match(String(contentLength('garbage\r\nContent-Length: 2')), /without "Name: value"/);
});

void test('malformed headers are logged and skipped; the server answers the next message', async () => {
  const server = new RawServer();
  try {
    server.raw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
    server.raw('garbage without a header\r\n\r\n');
    server.raw('Content-Type: text/plain\r\n\r\n{}');
    const initialized = await server.initialize(1);
    assert.ok(initialized.result, JSON.stringify(initialized));
    await server.stderrMatching(/Content-Length is not a decimal number: "abc"/);
    // A well-framed body that is not JSON costs only itself.
    server.raw('Content-Length: 5\r\n\r\n{{{{{');
    server.send({ method: 'initialized', params: {} });
    const hover = await server.request(2, 'textDocument/hover', HOVER);
    assert.equal(hover.result, null);
    assert.ok(!server.received.some((m) => m.id === 99), 'the body of a skipped frame is never run');
  } finally {
    server.kill();
  }
});

void test('lifecycle errors: -32002 before initialize, -32600 for a second initialize and after shutdown', async () => {
  const server = new RawServer();
  const before = await server.request(1, 'textDocument/hover', HOVER);
  assert.equal(before.error?.code, -32002);
  assert.ok((await server.initialize(2)).result);
  assert.equal((await server.initialize(3)).error?.code, -32600);
  server.send({ method: 'initialized', params: {} });
  assert.equal((await server.request(4, 'textDocument/codeAction', null)).error?.code, -32602);
  assert.equal((await server.request(5, 'textDocument/hover')).error?.code, -32602);
  assert.equal((await server.request(6, 'shutdown')).result, null);
  const after = await server.request(7, 'textDocument/hover', HOVER);
  assert.equal(after.error?.code, -32600);
  assert.match(after.error?.message ?? '', /shutting down/);
  server.send({ method: 'exit' });
  assert.equal(await server.exited, 0);
});

void test('lifecycleError decides by state, method and params', () => {
  assert.equal(lifecycleError('new', { method: 'initialize', params: {} }), undefined);
  assert.equal(lifecycleError('running', { method: 'shutdown', params: undefined }), undefined);
  assert.equal(lifecycleError('running', { method: 'textDocument/hover', params: [] })?.code, -32602);
  assert.equal(lifecycleError('shut-down', { method: 'shutdown', params: undefined })?.code, -32600);
});

void test('a 20 MB document does not hold up a request for another document', async () => {
  const server = new RawServer();
  try {
    await server.initialize(1);
    server.send({ method: 'initialized', params: {} });
    const uri = 'file:///tmp/winsock-lint-20mb.cpp';
    const text = DEPRECATED_CALL.repeat(Math.ceil((20 * 1024 * 1024) / DEPRECATED_CALL.length));
    server.send({
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'cpp', version: 1, text } },
    });
    const hover = await server.request(2, 'textDocument/hover', HOVER);
    assert.equal(hover.result, null);
    const shown = await server.waitFor((m) => m.method === 'window/showMessage');
    assert.match(JSON.stringify(shown.params), /maxFileSize/);
  } finally {
    server.kill();
  }
});

void test('a workspace config with a backtracking-prone exclude glob does not hang the server', async () => {
  const workspace = new TempWorkspace({
    [`src/${'a'.repeat(60)}.cpp`]: DEPRECATED_CALL,
    'winsock-lint.config.json': JSON.stringify({ exclude: [`**/*${'a*'.repeat(14)}b`] }),
  });
  const server = new RawServer();
  try {
    const folder = pathToFileURL(workspace.root).href;
    await server.request(1, 'initialize', {
      processId: null,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'w' }],
      capabilities: {},
    });
    server.send({ method: 'initialized', params: {} });
    const audit = await server.request(2, 'workspace/executeCommand', {
      command: 'winsock-lint.auditWorkspace',
      arguments: [],
    });
    assert.equal((audit.result as { files: number }).files, 1, JSON.stringify(audit));
  } finally {
    server.kill();
    workspace.remove();
  }
});
