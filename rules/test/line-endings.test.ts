// Line endings: LF, CRLF and classic Mac CR files give the same findings at the same lines and columns
// (tree-sitter ends lines at \n only, editors also at a lone \r), and fixes keep the file's own endings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProject, applyFixes, IncrementalExtractor } from '../src/index.js';
import type { FileResult } from '../src/index.js';

const LINES = [
  '#include <winsock2.h>',
  '// a comment that must end at its line break',
  'void open_fast(SOCKET s, const sockaddr* a, int n) {',
  '    DWORD on = 1, bytes = 0;',
  '    connect(s, a, n);',
  '    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);',
  '}',
  '',
];

function summary(result: FileResult): string[] {
  return result.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`);
}

test('LF, CRLF and lone CR files give the same findings at the same lines and columns', () => {
  const [lf, crlf, cr] = ['\n', '\r\n', '\r'].map(
    (eol) => analyzeProject([{ path: '/p/a.cpp', text: LINES.join(eol) }])[0]!,
  );
  assert.ok(lf!.findings.length >= 2, 'the LF file has findings');
  assert.deepEqual(summary(crlf!), summary(lf!));
  assert.deepEqual(summary(cr!), summary(lf!));
});

test('the incremental extractor reads lone CR line breaks like a fresh extraction', () => {
  const text = LINES.join('\r');
  const extractor = new IncrementalExtractor();
  analyzeProject([{ path: '/p/a.cpp', text }], { extractorFor: () => extractor });
  const edited = text.replace('bytes = 0;', 'bytes = 0;\r    int unused = 0;');
  const files = [{ path: '/p/a.cpp', text: edited }];
  const incremental = analyzeProject(files, { extractorFor: () => extractor })[0]!;
  assert.deepEqual(summary(incremental), summary(analyzeProject(files)[0]!));
  assert.ok(incremental.findings.length >= 2);
});

test('fixes keep lone CR line endings', () => {
  const text = LINES.join('\r');
  const [result] = analyzeProject([{ path: '/p/a.cpp', text }]);
  const fixes = result!.findings.flatMap((f) => (f.fix ? [f.fix] : []));
  assert.ok(fixes.length > 0, 'there is a fix to apply');
  const fixed = applyFixes(text, fixes).text;
  assert.ok(!fixed.includes('\n'), 'no LF was introduced');
  const lfFixed = applyFixes(
    LINES.join('\n'),
    analyzeProject([{ path: '/p/a.cpp', text: LINES.join('\n') }])[0]!.findings.flatMap((f) => (f.fix ? [f.fix] : [])),
  ).text;
  assert.equal(fixed.replace(/\r/g, '\n'), lfFixed);
});
