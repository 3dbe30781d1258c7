// The selection contract: the files the selection parses give exactly the findings of parsing every file
// (--no-prefilter), on every fixture project, and on all fixtures analysed together as one project, where
// common names (`init`, `close`, `open_socket`, methods on `this`) collide across files as in real trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyzeProject, decodeSource, type FileResult, type ProjectFile } from '../src/index.js';
import { scanLexicalFacts, mayMention } from '../src/select/lexical-facts.js';
import { extractFileFacts } from '../src/facts/extract-file.js';
import { fixtureProjects } from './support/fixture-files.js';

function read(paths: readonly string[]): ProjectFile[] {
  return paths.map((path) => ({ path, text: decodeSource(fs.readFileSync(path)).text }));
}

function comparable(results: readonly FileResult[]): unknown {
  return results.map((r) => ({ path: r.path, findings: r.findings, notes: r.notes }));
}

const projects = fixtureProjects();

test('selection gives the findings of --no-prefilter on every fixture project', () => {
  assert.ok(projects.length > 50);
  for (const project of projects) {
    const files = read(project.files);
    assert.deepEqual(
      comparable(analyzeProject(files)),
      comparable(analyzeProject(files, { noPrefilter: true })),
      project.name,
    );
  }
});

test('selection gives the findings of --no-prefilter on all fixtures as one project', () => {
  const files = read(projects.flatMap((p) => p.files));
  const selected = analyzeProject(files);
  assert.ok(selected.some((r) => r.findings.length > 0));
  assert.deepEqual(comparable(selected), comparable(analyzeProject(files, { noPrefilter: true })));
});

test('the lexical pass finds every function the extractor finds, and every identifier', () => {
  for (const file of read(projects.flatMap((p) => p.files).filter((p) => !/\.[cm]?[jt]sx?$/.test(p)))) {
    const lexical = scanLexicalFacts(file.text);
    const names = new Set(lexical.defines.map((d) => d.name));
    for (const fn of extractFileFacts(file.path, file.text).functions) {
      if (fn.name.startsWith('<') || !/^[A-Za-z_$][\w$]*$/.test(fn.name)) continue;
      assert.ok(names.has(fn.name), `${file.path}: ${fn.name} is defined but not found lexically`);
      if (fn.className && fn.qualified.includes('::') && !fn.qualified.includes('<')) {
        const owned = lexical.defines.filter(
          (d) => d.name === fn.name && (d.owner === undefined || d.owner === '?' || d.owner === fn.className),
        );
        assert.ok(owned.length > 0, `${file.path}: ${fn.qualified}`);
        const counted = owned.filter((d) => d.arity >= 0);
        if (counted.length === owned.length) {
          assert.ok(
            counted.some((d) => d.arity === fn.params.length),
            `${file.path}: ${fn.qualified} has ${fn.params.length} parameters`,
          );
        }
      }
    }
    // Numbers (0x98000010, 1'000) are skipped as the scanner skips them; non-ASCII letters belong to names.
    const code = file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ' ');
    const words = code.split(/[^\w$\u0080-\uffff]+/).filter((w) => /^[A-Za-z_$][\w$]*$/.test(w));
    for (const word of new Set(words)) {
      assert.ok(mayMention(lexical, word), `${file.path}: ${word} is in the text but not in its filter`);
    }
  }
});

test('common names do not drag unrelated files in', () => {
  // One helper applies the fast path; a hundred files define and call `init`, `close` and `open_socket` too.
  const helper = {
    path: '/p/fast.cpp',
    text: [
      'void enable_fast_path(SOCKET s) {',
      '  int on = 1; DWORD n;',
      '  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof on, NULL, 0, &n, NULL, NULL);',
      '  close(s);',
      '}',
    ].join('\n'),
  };
  const others = Array.from({ length: 100 }, (_, i) => ({
    path: `/p/other${i}.cpp`,
    text: [
      `struct Thing${i} { void init(); void close(); };`,
      `void Thing${i}::init() { open_socket(); }`,
      `void Thing${i}::close() { this->init(); }`,
      `static int open_socket() { return socket(AF_INET, SOCK_STREAM, 0); }`,
    ].join('\n'),
  }));
  let parsed = 0;
  const cache = {
    get: () => undefined,
    set: () => {
      parsed++;
    },
  };
  const results = analyzeProject([helper, ...others], { cache });
  assert.deepEqual(comparable(results), comparable(analyzeProject([helper, ...others], { noPrefilter: true })));
  assert.equal(parsed, 1);
});

test('a project definition that shadows an API in another file is parsed', () => {
  const caller = {
    path: '/p/client.cpp',
    text: [
      'void Client::start(const sockaddr *addr, int len) {',
      '  int on = 1; DWORD n;',
      '  connect(m_s, addr, len);',
      '  WSAIoctl(m_s, SIO_LOOPBACK_FAST_PATH, &on, sizeof on, NULL, 0, &n, NULL, NULL);',
      '}',
    ].join('\n'),
  };
  // Client::connect is the project's, not Winsock's: the call above is no connection request.
  const shadow = {
    path: '/p/client-connect.cpp',
    text: 'void Client::connect(SOCKET s, const sockaddr *a, int n) {}\n',
  };
  const files = [caller, shadow];
  const full = analyzeProject(files, { noPrefilter: true });
  assert.ok(!full[0]!.findings.some((f) => f.ruleId === 'fast-path-before-connect'));
  assert.deepEqual(comparable(analyzeProject(files)), comparable(full));
});
