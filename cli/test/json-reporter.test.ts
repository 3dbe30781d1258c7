// The JSON reporter must print exactly what ESLint's JSON formatter prints for the same results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJson, toEslintResults } from '../src/reporters/json.js';
import { A_PATH, A_TEXT, B_PATH, C_PATH, callRange, reportFiles } from './helpers/reporter-fixtures.js';

test('ESLint LintResult shape, key order, 1-based positions and merged fix ranges', () => {
  const callStart = callRange.start.offset;
  const callEnd = callRange.end.offset;
  const expected = [
    {
      filePath: A_PATH,
      messages: [
        {
          ruleId: 'fast-path-before-connect',
          severity: 2,
          message: 'SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect.',
          line: 3,
          column: 2,
          nodeType: null,
          messageId: 'afterConnect',
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              desc: 'Remove the SIO_LOOPBACK_FAST_PATH call.',
              fix: { range: [callStart, callEnd], text: '' },
            },
          ],
        },
        {
          ruleId: 'no-deprecated-fast-path',
          severity: 1,
          message: 'SIO_LOOPBACK_FAST_PATH is deprecated.',
          line: 3,
          column: 14,
          nodeType: null,
          messageId: 'deprecated',
          endLine: 3,
          endColumn: 36,
          fix: { range: [callStart, callEnd], text: `/* ${A_TEXT.slice(callStart, callEnd)} */` },
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      usedDeprecatedRules: [],
    },
    {
      filePath: B_PATH,
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
    {
      filePath: C_PATH,
      messages: [
        {
          ruleId: null,
          severity: 1,
          message: 'Unused winsock-lint-disable comment.',
          line: 2,
          column: 1,
          nodeType: null,
          endLine: 3,
          endColumn: 25,
        },
      ],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
  ];
  // String equality also checks the key order, so the output is byte-for-byte ESLint's.
  assert.equal(formatJson(reportFiles()), JSON.stringify(expected));
});

test('the first message, spelled out as text', () => {
  const [first] = toEslintResults(reportFiles());
  const text = JSON.stringify(first?.messages[0]);
  assert.ok(
    text.startsWith(
      '{"ruleId":"fast-path-before-connect","severity":2,"message":"SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect.","line":3,"column":2,"nodeType":null,"messageId":"afterConnect","endLine":3,"endColumn":10,"suggestions":[{"desc":"Remove the SIO_LOOPBACK_FAST_PATH call.","fix":{"range":[',
    ),
    text,
  );
});

test('no files gives an empty array', () => {
  assert.equal(formatJson([]), '[]');
});
