// A workspace's first analysis: a document opened before its folder is read gets no diagnostics until it is
// analysed with the rest of the folder (no false all-clear), the folder's $/progress reports the analysis phase
// and ends only once the diagnostics are out, and the log counts the folder's files once, when known (a scan that
// a configuration change replaces logs nothing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixturePath, fixtureUri, readFixture, startClient } from './support/lsp-client.js';

const PROJECT = 'cross-file/project-helper-after-connect';
/** Its findings come from a helper in net/fastpath.cpp: analysed alone, the file has none. */
const CLIENT = `${PROJECT}/app/client.cpp`;

void test('a document opened before its folder is read is first published with the whole project’s findings', async () => {
  const uri = fixtureUri(CLIENT);
  /** For each progress that ended: whether the document's diagnostics had been published by then. */
  const ends = new Map<unknown, boolean>();
  const { client } = await startClient({
    capabilities: { window: { workDoneProgress: true } },
    workspaceFolders: [{ uri: pathToFileURL(fixturePath(PROJECT)).href, name: 'project' }],
    initializationOptions: { statusNotifications: true },
    // The document is open before the server starts reading the folder.
    beforeInitialized: (c) => {
      c.open(uri, readFixture(CLIENT));
      // A configuration change restarts the folder's scan at once (as VS Code's first settings do).
      void c.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      // Checked as each message arrives: were the diagnostics out when a progress ended?
      void c.waitFor(() => {
        for (const p of c.progress) {
          if (p.value.kind === 'end' && !ends.has(p.token))
            ends.set(
              p.token,
              c.diagnostics.some((d) => d.uri === uri),
            );
        }
        return undefined;
      });
    },
  });
  try {
    const published = await client.pushed(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`),
      ['14:fast-path-before-connect', '23:fast-path-before-connect'],
      'the first diagnostics are those of the project (nothing before)',
    );
    assert.equal(client.diagnostics.filter((d) => d.uri === uri).length, 1, 'one publication');
    const status = await client.waitFor(() => client.statuses.find((s) => s.uri === uri));
    assert.equal(status.findings, 2, 'the first analysis status counts them too');

    // The folder's progress: begun before, analysing reported, ended after the diagnostics were published.
    // The scan that analysed (the one the configuration change started; the first stopped early).
    const token = client.progress.find((p) => p.value.message?.startsWith('analysing'))?.token;
    assert.ok(token !== undefined, 'a $/progress reports the analysis');
    const end = await client.waitFor(() => client.progress.find((p) => p.token === token && p.value.kind === 'end'));
    assert.equal(ends.get(token), true, 'that progress ends after the diagnostics are published');
    const messages = client.progress.filter((p) => p.token === token).map((p) => p.value.message ?? '');
    assert.ok(
      messages.some((m) => m.startsWith('analysing')),
      `the analysis phase is reported: ${messages.join(' | ')}`,
    );
    const percentages = client.progress
      .filter((p) => p.token === token && p.value.percentage !== undefined)
      .map((p) => p.value.percentage!);
    assert.deepEqual(
      percentages,
      [...percentages].sort((a, b) => a - b),
      'percentages rise',
    );
    assert.ok(
      client.progress.indexOf(end) >
        client.progress.findIndex((p) => p.token === token && p.value.message?.startsWith('analysing')),
    );

    const counts = client.logs.filter((l) => /source files in/.test(l.message)).map((l) => l.message);
    assert.deepEqual(counts, [`winsock-lint: 4 source files in ${fixturePath(PROJECT)}`], 'the count, once');
  } finally {
    await client.stop();
  }
});
