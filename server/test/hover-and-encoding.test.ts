// Hovers explain the finding (message, why, fix, docs link; without the message for clients that show the
// diagnostic in the hover themselves); UTF-8 position encoding is negotiated
// and used for diagnostics, hovers and incremental changes on a line with 😀 before the finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fixtureUri, readFixture, startClient } from './support/lsp-client.js';

const UNICODE = 'edge-cases/unicode-columns.cpp';

void test('hover shows message, explanation, fix and documentation link', async () => {
  const { client, result } = await startClient();
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  try {
    const fixture = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';
    const uri = fixtureUri(fixture);
    client.open(uri, readFixture(fixture));
    const published = await client.pushed(uri, 1);
    const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: target.range.start,
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    assert.ok(value.includes(target.message as string));
    assert.match(value, /before making the connection request/);
    assert.match(value, /Fix \(automatic\)/);
    assert.ok(value.includes(`(${target.codeDescription!.href})`));
    assert.deepEqual(hover?.range, target.range);
    const nothing: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.equal(nothing, null);
  } finally {
    await client.stop();
  }
});

void test('a client that shows diagnostics in hovers gets the explanation, fix and link, not the message', async () => {
  const { client } = await startClient({ initializationOptions: { hoverShowsDiagnostics: true } });
  try {
    const fixture = 'rules/fast-path-before-connect/connect-then-ioctl.cpp';
    const uri = fixtureUri(fixture);
    client.open(uri, readFixture(fixture));
    const published = await client.pushed(uri, 1);
    const target = published.diagnostics.find((d) => d.code === 'fast-path-before-connect')!;
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: target.range.start,
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.ok(!value.includes(target.message as string), `no message in:\n${value}`);
    assert.doesNotMatch(value, /\*\*winsock-lint: /, 'no heading repeating the code');
    assert.match(value, /^\*Why:\* .*before making the connection request/);
    assert.match(value, /Fix \(automatic\)/);
    assert.ok(value.includes(`(${target.codeDescription!.href})`));
    assert.deepEqual(
      client.logs.filter((l) => /initialization option/.test(l.message)),
      [],
      'a known option',
    );
  } finally {
    await client.stop();
  }
});

void test('utf-8 position encoding: columns count bytes on a line with 😀', async () => {
  const { client, result } = await startClient({
    capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } },
  });
  assert.equal(result.capabilities.positionEncoding, 'utf-8');
  try {
    const uri = fixtureUri(UNICODE);
    const text = readFixture(UNICODE);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('Trace("état: 😀'));
    const lineText = lines[line]!;
    const utf16 = lineText.indexOf('WSAIoctl(u');
    const utf8 = Buffer.byteLength(lineText.slice(0, utf16));
    assert.ok(utf8 > utf16);
    client.open(uri, text);
    const published = await client.pushed(uri, 1);
    const tcpOnly = published.diagnostics.find((d) => d.code === 'fast-path-tcp-only')!;
    assert.deepEqual(tcpOnly.range.start, { line, character: utf8 });
    const end = lineText.indexOf(';', utf16);
    assert.deepEqual(tcpOnly.range.end, { line, character: Buffer.byteLength(lineText.slice(0, end)) });

    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: utf8 + 1 },
    });
    assert.ok((hover?.contents as MarkupContent).value.includes('fast-path-tcp-only'));
    assert.deepEqual(hover?.range?.start, { line, character: utf8 });

    // An incremental change in UTF-8 columns: insert "/**/" just before `rc = WSAIoctl`.
    const rc = Buffer.byteLength(lineText.slice(0, lineText.indexOf('rc = WSAIoctl(u')));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: rc }, end: { line, character: rc } }, text: '/**/' }],
    });
    const changed: PublishDiagnosticsParams = await client.pushed(uri, 2);
    const moved = changed.diagnostics.find((d) => d.code === 'fast-path-tcp-only')!;
    assert.deepEqual(moved.range.start, { line, character: utf8 + 4 });
  } finally {
    await client.stop();
  }
});

void test('a client preferring utf-16 keeps utf-16', async () => {
  const { client, result } = await startClient({
    capabilities: { general: { positionEncodings: ['utf-16', 'utf-8'] } },
  });
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  await client.stop();
});
