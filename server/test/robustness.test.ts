// Robustness: oversized documents (one message), disabled settings, unknown languages, untitled
// documents, malformed and unknown requests, and an orderly shutdown/exit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { fixtureUri, readFixture, startClient } from './support/lsp-client.js';

const FIXTURE = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';

void test('a document over maxFileSize is skipped with one message', async () => {
  const { client } = await startClient();
  try {
    const uri = 'file:///tmp/winsock-lint-huge.cpp';
    const text = readFixture(FIXTURE);
    const huge = text + `// ${'x'.repeat(2 * 1024 * 1024)}\n`;
    client.open(uri, huge);
    assert.deepEqual((await client.pushed(uri, 1)).diagnostics, []);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${huge}// more\n` }],
    });
    assert.deepEqual((await client.pushed(uri, 2)).diagnostics, []);
    assert.equal(client.messages.length, 1);
    assert.match(client.messages[0]!.message, /maxFileSize/);
    // Back under the limit, it is analysed again.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text }],
    });
    assert.ok((await client.pushed(uri, 3)).diagnostics.length > 0);
  } finally {
    await client.stop();
  }
});

void test('settings: enable false and a smaller maxFileSize, rule severities', async () => {
  const off = await startClient({ capabilities: { workspace: { configuration: true } }, settings: { enable: false } });
  const uri = fixtureUri(FIXTURE);
  off.client.open(uri, readFixture(FIXTURE));
  assert.deepEqual((await off.client.pushed(uri, 1)).diagnostics, []);
  assert.ok(off.client.requests.some((r) => r.method === 'workspace/configuration'));
  await off.client.stop();

  const tuned = await startClient({
    capabilities: { workspace: { configuration: true } },
    settings: { rules: { 'fast-path-before-connect': 'warn', 'no-deprecated-fast-path': 'off' }, maxFileSize: 100 },
  });
  const small = 'file:///tmp/winsock-lint-small.cpp';
  tuned.client.open(small, 'void f(SOCKET s) { WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, 0, 0, 0, 0, 0, 0, 0); }\n');
  const published = await tuned.client.pushed(small, 1);
  assert.ok(published.diagnostics.every((d) => d.code !== 'no-deprecated-fast-path'));
  tuned.client.open(uri, readFixture(FIXTURE));
  assert.deepEqual((await tuned.client.pushed(uri, 1)).diagnostics, []);
  assert.equal(tuned.client.messages.length, 1);
  await tuned.client.stop();
});

void test('untitled documents are analysed alone; unknown languages are ignored', async () => {
  const { client } = await startClient();
  try {
    const python = 'file:///tmp/winsock-lint.py';
    client.open(python, 'SIO_LOOPBACK_FAST_PATH = 0x98000010\n', 'python');
    const untitled = 'untitled:Untitled-1';
    client.open(untitled, readFixture(FIXTURE), 'cpp');
    const published = await client.pushed(untitled, 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'fast-path-before-connect'));
    assert.ok(!client.diagnostics.some((d) => d.uri === python));
    assert.equal(
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: python },
        position: { line: 0, character: 1 },
      }),
      null,
    );
  } finally {
    await client.stop();
  }
});

void test('malformed and unknown requests get errors; shutdown and exit end the process with 0', async () => {
  const { client } = await startClient();
  const code = async (promise: Promise<unknown>): Promise<number> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof ResponseError);
      return error.code;
    }
    assert.fail('expected an error');
  };
  assert.equal(await code(client.connection.sendRequest('textDocument/hover', {})), ErrorCodes.InvalidParams);
  assert.equal(
    await code(
      client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///x.cpp' },
        position: { line: -1 },
      }),
    ),
    ErrorCodes.InvalidParams,
  );
  assert.equal(
    await code(
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: 'file:///x.cpp' },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      }),
    ),
    ErrorCodes.InvalidParams,
  );
  assert.equal(await code(client.connection.sendRequest('winsock-lint/nonsense', {})), ErrorCodes.MethodNotFound);
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  assert.equal(await client.exited, 0);
  client.connection.dispose();
});
