// The audit's pure parts: parsing the server's answer, skipping open files, the summary and progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditSummary, entriesToPublish, progressIncrement } from '../src/audit-results.js';
import { initializationOptions, parseAnalysisStatus, parseAuditResult } from '../src/protocol.js';

const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };

test('open documents are left to the live diagnostics; files without findings are not published', () => {
  const result = parseAuditResult({
    files: 5,
    findings: 3,
    results: [
      { uri: 'file:///w/a.cpp', diagnostics: [diagnostic, diagnostic] },
      { uri: 'file:///w/open.cpp', diagnostics: [diagnostic] },
      { uri: 'file:///w/clean.cpp', diagnostics: [] },
    ],
  });
  assert.ok(result);
  const published = entriesToPublish(result, (uri) => uri.endsWith('open.cpp'));
  assert.deepEqual(
    published.map((entry) => entry.uri),
    ['file:///w/a.cpp'],
  );
});

test('summaries count findings and files with findings', () => {
  const one = { uri: 'file:///a.c', diagnostics: [diagnostic] };
  assert.equal(
    auditSummary({ files: 12, findings: 16, results: [one, one, { uri: 'file:///b.c', diagnostics: [] }] }),
    'winsock-lint: 16 findings in 2 files (12 files checked).',
  );
  assert.equal(
    auditSummary({ files: 1, findings: 1, results: [one] }),
    'winsock-lint: 1 finding in 1 file (1 file checked).',
  );
  assert.equal(auditSummary({ files: 3, findings: 0, results: [] }), 'winsock-lint: no findings (3 files checked).');
});

test('malformed audit answers are rejected or trimmed, never thrown', () => {
  assert.equal(parseAuditResult(undefined), undefined);
  assert.equal(parseAuditResult(null), undefined);
  assert.equal(parseAuditResult('16 findings'), undefined);
  assert.equal(parseAuditResult({ files: 1 }), undefined);
  const trimmed = parseAuditResult({
    files: -1,
    findings: 'many',
    results: [null, 7, { uri: 3, diagnostics: [] }, { uri: 'file:///a.c', diagnostics: [diagnostic, 'x', null] }],
  });
  assert.deepEqual(trimmed, { files: 1, findings: 1, results: [{ uri: 'file:///a.c', diagnostics: [diagnostic] }] });
});

test('analysis status notifications are checked field by field', () => {
  assert.deepEqual(parseAnalysisStatus({ uri: 'file:///a.c', version: 2, durationMs: 15, findings: 1 }), {
    uri: 'file:///a.c',
    version: 2,
    durationMs: 15,
    findings: 1,
  });
  assert.deepEqual(
    parseAnalysisStatus({ uri: 'file:///a.c', version: null, durationMs: 0, findings: 0, skipped: 'too large' }),
    { uri: 'file:///a.c', version: null, durationMs: 0, findings: 0, skipped: 'too large' },
  );
  for (const bad of [
    undefined,
    null,
    [],
    'x',
    { uri: 1, durationMs: 1, findings: 0 },
    { uri: 'u', durationMs: NaN, findings: 0 },
    { uri: 'u', durationMs: 1, findings: -1 },
  ]) {
    assert.equal(parseAnalysisStatus(bad), undefined, JSON.stringify(bad));
  }
});

test('progress percentages become increments that never go backwards', () => {
  assert.equal(progressIncrement(0, undefined), undefined);
  assert.equal(progressIncrement(0, 25), 25);
  assert.equal(progressIncrement(25, 60), 35);
  assert.equal(progressIncrement(60, 40), 0);
  assert.equal(progressIncrement(90, 250), 10);
});

test('the server reads workspace configuration files only in a trusted workspace; VS Code shows the message', () => {
  const always = { statusNotifications: true, hoverShowsDiagnostics: true };
  assert.deepEqual(initializationOptions(true), { useWorkspaceConfig: true, ...always });
  assert.deepEqual(initializationOptions(false), { useWorkspaceConfig: false, ...always });
});
