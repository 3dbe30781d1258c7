// The language server reports what the fixtures of precision and object flows expect (numbers as data,
// comments in macros, platform arms, one root cause, APIs shadowed by project functions, type guards,
// accessors and member factories): single files opened alone, and a project folder as the workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { expectedFindings, key } from './support/annotations.js';
import { fixturePath, fixtureUri, readFixture, startClient, type TestClient } from './support/lsp-client.js';

const SINGLE_FILES = [
  'edge-cases/numbers-as-data.c',
  'edge-cases/define-comments.c',
  'ffi/edge-cases/correct-number-tables.ts',
  'rules/fast-path-supported-options/correct-platform-options.cpp',
  'rules/fast-path-supported-options/platform-arms.cpp',
  'rules/fast-path-supported-options/listener-member-wrappers.cpp',
  'rules/fast-path-tcp-only/udp-one-finding.cpp',
  'rules/fast-path-tcp-only/correct-type-guards.cpp',
  'rules/fast-path-tcp-only/type-guards.cpp',
  'rules/fast-path-tcp-only/member-factory.cpp',
  'rules/fast-path-ioctl-arguments/correct-project-ioctl.cpp',
  'rules/fast-path-before-connect/project-named-like-api.cpp',
  'rules/fast-path-before-accept/device-accessors.cpp',
  'rules/fast-path-both-sides/correct-bind-only.cpp',
  'rules/fast-path-supported-options/correct-version-comparisons.cpp',
];
const PROJECT = 'rules/fast-path-supported-options/project-options-elsewhere';
const PROJECT_FILES = ['server.cpp', 'acceptor.cpp', 'tuning.cpp'];

function languageOf(fixture: string): string {
  return fixture.endsWith('.ts') ? 'typescript' : fixture.endsWith('.c') ? 'c' : 'cpp';
}

async function publishedKeys(client: TestClient, fixture: string, closeAfter: boolean): Promise<string[]> {
  const uri = fixtureUri(fixture);
  client.open(uri, readFixture(fixture), languageOf(fixture));
  const published = await client.pushed(uri, 1);
  // Documents open together are one project: close this one so the next file is analysed alone.
  if (closeAfter) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return published.diagnostics
    .map((d) => key({ line: d.range.start.line, column: d.range.start.character, rule: String(d.code) }))
    .sort();
}

let single: TestClient;
let project: TestClient;

before(async () => {
  ({ client: single } = await startClient({ capabilities: {} }));
  ({ client: project } = await startClient({
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(fixturePath(PROJECT)).href, name: 'project' }],
  }));
});
after(async () => {
  await single.stop();
  await project.stop();
});

for (const fixture of SINGLE_FILES) {
  void test(`language server: ${fixture} matches its annotations`, async () => {
    assert.deepEqual(
      await publishedKeys(single, fixture, true),
      expectedFindings(readFixture(fixture)).map(key).sort(),
    );
  });
}

for (const name of PROJECT_FILES) {
  const fixture = `${PROJECT}/${name}`;
  void test(`language server, project folder: ${fixture} matches its annotations`, async () => {
    assert.deepEqual(
      await publishedKeys(project, fixture, false),
      expectedFindings(readFixture(fixture)).map(key).sort(),
    );
  });
}
