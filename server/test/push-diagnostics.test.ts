// Push diagnostics: a client without textDocument.diagnostic gets publishDiagnostics with codes,
// ranges, links, tags and related information matching the fixture's annotations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyzeProject, findingDocsUrl, isRuleId } from '@winsock-lint/rules';
import { expectedFindings, key } from './support/annotations.js';
import { fixturePath, fixtureUri, readFixture, startClient, type TestClient } from './support/lsp-client.js';

let client: TestClient;

before(async () => {
  ({ client } = await startClient({
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
  }));
});
after(() => client.stop());

const FIXTURES = [
  'rules/fast-path-before-connect/connect-then-ioctl.cpp',
  'rules/no-deprecated-fast-path/spellings.cpp',
  'rules/fast-path-ioctl-arguments/wsk-arguments.c',
  'edge-cases/suppressions.cpp',
];

for (const fixture of FIXTURES) {
  void test(`push: ${fixture} matches its annotations`, async () => {
    const text = readFixture(fixture);
    const uri = fixtureUri(fixture);
    client.open(uri, text, fixture.endsWith('.c') ? 'c' : 'cpp');
    const published = await client.pushed(uri, 1);
    const got = published.diagnostics
      .map((d) => key({ line: d.range.start.line, column: d.range.start.character, rule: String(d.code) }))
      .sort();
    assert.deepEqual(got, expectedFindings(text).map(key).sort());

    const engine = analyzeProject([{ path: fixturePath(fixture), text }])[0]?.findings ?? [];
    assert.equal(published.diagnostics.length, engine.length);
    published.diagnostics.forEach((d, i) => {
      const finding = engine[i]!;
      assert.equal(d.source, 'winsock-lint');
      assert.equal(d.message, finding.message);
      assert.equal(d.severity, finding.severity === 'error' ? 1 : 2);
      assert.deepEqual(d.range, {
        start: { line: finding.range.start.line, character: finding.range.start.column },
        end: { line: finding.range.end.line, character: finding.range.end.column },
      });
      if (!isRuleId(String(d.code))) assert.equal(d.code, 'unused-suppression');
      assert.equal(d.codeDescription?.href, findingDocsUrl(finding.ruleId));
      const tags = [
        ...(finding.tags.includes('unnecessary') ? [1] : []),
        ...(finding.tags.includes('deprecated') ? [2] : []),
      ];
      assert.deepEqual(d.tags ?? [], tags);
      assert.equal(d.relatedInformation?.length ?? 0, finding.related.length);
      for (const [j, related] of (d.relatedInformation ?? []).entries()) {
        assert.equal(related.location.uri, uri);
        assert.equal(related.location.range.start.line, finding.related[j]!.range.start.line);
      }
      assert.ok(typeof (d.data as { id?: unknown }).id === 'string');
    });
  });
}

void test('push: a change is re-published for the new version, a close clears', async () => {
  const fixture = 'rules/fast-path-tcp-only/udp-and-raw.cpp';
  const uri = fixtureUri(fixture);
  const text = readFixture(fixture);
  client.open(uri, text);
  const first = await client.pushed(uri, 1);
  assert.ok(first.diagnostics.length > 0);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: '// nothing here\n' }],
  });
  const second = await client.pushed(uri, 2);
  assert.deepEqual(second.diagnostics, []);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ text }],
  });
  await client.pushed(uri, 3);
  const count = client.diagnostics.length;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const cleared = await client.waitFor(() => client.diagnostics.slice(count).find((d) => d.uri === uri));
  assert.deepEqual(cleared.diagnostics, []);
});
