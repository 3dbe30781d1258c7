// Starts the language server as packaged (dist/server.cjs unpacked from the .vsix into a folder outside
// the repository, so only the shipped node_modules can be found) with this machine's Node, and gets
// diagnostics for a fixture: the bundle and the prebuild loading work.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { analyzeProject } from '@winsock-lint/rules';
import { StdioLspClient } from './support/lsp-stdio.js';
import { REPO_DIR } from './support/paths.js';
import { unpackExtension, vsixUnderTest } from './support/vsix.js';

// A C file (tree-sitter-cpp) and a TypeScript FFI file (tree-sitter-typescript).
const FIXTURES = [
  { path: 'fixtures/demo/wakeup_pair.c', languageId: 'c' },
  { path: 'fixtures/ffi/koffi/client-connect-then-ioctl.ts', languageId: 'typescript' },
];

interface PublishedDiagnostics {
  uri: string;
  diagnostics: { code?: string; source?: string }[];
}

function codes(diagnostics: { code?: string | null }[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

test('the packaged server starts with Node 20 and reports the findings of a C and a TypeScript fixture', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'winsock-lint-bundled-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const extension = join(root, 'extension');
  await unpackExtension(vsixUnderTest(), extension);
  const workspace = join(root, 'workspace');
  mkdirSync(workspace);
  const files = FIXTURES.map(({ path, languageId }) => {
    const target = join(workspace, basename(path));
    copyFileSync(join(REPO_DIR, path), target);
    return { path: target, languageId, text: readFileSync(target, 'utf8'), uri: pathToFileURL(target).href };
  });

  const child = spawn(process.execPath, [join(extension, 'dist/server.cjs'), '--stdio'], { cwd: root });
  t.after(() => child.kill());
  const client = new StdioLspClient(child);
  const initialized = (await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
    capabilities: {},
  })) as { serverInfo?: { name: string } };
  assert.equal(initialized.serverInfo?.name, 'winsock-lint');
  client.notify('initialized', {});

  const expected = analyzeProject(files.map(({ path, text }) => ({ path, text })));
  for (const file of files) {
    const { uri, languageId, text } = file;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const published = (await client.waitFor(
      'textDocument/publishDiagnostics',
      (params) =>
        (params as PublishedDiagnostics).uri === uri && (params as PublishedDiagnostics).diagnostics.length > 0,
      60_000,
    )) as PublishedDiagnostics;
    const findings = expected.find((result) => result.path === file.path)?.findings ?? [];
    assert.ok(findings.length > 0, `the engine finds nothing in ${file.path}`);
    assert.deepEqual(codes(published.diagnostics), codes(findings.map((f) => ({ code: f.ruleId }))), file.path);
    for (const diagnostic of published.diagnostics) assert.equal(diagnostic.source, 'winsock-lint');
  }
  await client.request('shutdown', null);
  client.notify('exit', null);
});
