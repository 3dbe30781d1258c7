// `winsock-lint lsp --stdio` starts the language server: initialize, a diagnostic for an opened document,
// shutdown and exit, over real stdio framing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/winsock-lint.js');

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
}

test('winsock-lint lsp --stdio serves diagnostics and exits on request', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const received: Message[] = [];
  const waiters: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8')) as Message;
      buffer = buffer.subarray(header + 4 + length);
      received.push(message);
      for (const w of [...waiters]) {
        if (w.match(message)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  });
  const waitFor = (match: (m: Message) => boolean): Promise<Message> =>
    new Promise((resolve) => {
      const found = received.find(match);
      if (found) resolve(found);
      else waiters.push({ match, resolve });
    });
  const send = (message: object): void => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  const init = await waitFor((m) => m.id === 1);
  assert.equal((init.result as { serverInfo?: { name?: string } }).serverInfo?.name, 'winsock-lint');
  send({ method: 'initialized', params: {} });
  const uri = 'file:///tmp/winsock-lint-lsp-command/client.cpp';
  const text = 'void f(SOCKET s) {\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, 4, NULL, 0, &b, NULL, NULL);\n}\n';
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cpp', version: 1, text } } });
  const published = await waitFor(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as { uri: string; diagnostics: unknown[] }).diagnostics.length > 0,
  );
  const diagnostics = (
    published.params as { diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }
  ).diagnostics;
  assert.deepEqual(
    diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`),
    ['no-deprecated-fast-path 1:14'],
  );
  send({ id: 2, method: 'shutdown' });
  await waitFor((m) => m.id === 2);
  send({ method: 'exit' });
  assert.equal(await exited, 0);
});

test('winsock-lint lsp without a transport is a usage error', async () => {
  const child = spawn(process.execPath, [BIN, 'lsp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(stderr, /lsp needs a transport/);
});
