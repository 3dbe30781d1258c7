// The stylish reporter: ESLint's layout line by line (colours off), code frames, related locations,
// the summary, nothing at all without findings, and colours that change nothing but escape codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { formatStylish } from '../src/reporters/stylish.js';
import { finding, rangeOfText } from './helpers/synthetic.js';
import { A_PATH, A_TEXT, C_PATH, reportFiles } from './helpers/reporter-fixtures.js';

const CALL = 'WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);';
const MESSAGE_WIDTH = 'SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect'.length;

test('ESLint stylish layout with code frames and related locations, colours off', () => {
  const expected = [
    '',
    '/virtual/a.c',
    '  3:2   error    SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect  fast-path-before-connect',
    `    3 |     ${CALL}`,
    '      |     ^^^^^^^^',
    '    related: /virtual/a.c:2:5 The socket is connected here.',
    `  3:14  warning  ${'SIO_LOOPBACK_FAST_PATH is deprecated'.padEnd(MESSAGE_WIDTH)}  no-deprecated-fast-path`,
    `    3 |     ${CALL}`,
    `      |                 ${'^'.repeat('SIO_LOOPBACK_FAST_PATH'.length)}`,
    '',
    '/virtual/include/c.h',
    '  2:1  warning  Unused winsock-lint-disable comment',
    '    2 | /* winsock-lint-disable',
    `      | ${'^'.repeat('/* winsock-lint-disable'.length)}`,
    '',
    '\u2716 3 problems (1 error, 2 warnings)',
    '  0 errors and 1 warning potentially fixable with the `--fix` option.',
    '',
  ];
  assert.deepEqual(formatStylish(reportFiles(), { color: false }).split('\n'), expected);
});

test('nothing at all when there are no findings', () => {
  const files = reportFiles().map((file) => ({
    ...file,
    result: { ...file.result, findings: [] },
  }));
  assert.equal(formatStylish(files, { color: false }), '');
  assert.equal(formatStylish([], { color: true }), '');
});

test('singular words, no fixable line without fixes, wide line numbers aligned in the gutter', () => {
  const text = `${'\n'.repeat(9)}x = SIO_LOOPBACK_FAST_PATH;\ny = SIO_LOOPBACK_FAST_PATH;\n`;
  const first = rangeOfText(text, 'SIO_LOOPBACK_FAST_PATH');
  const second = rangeOfText(text, 'SIO_LOOPBACK_FAST_PATH', first.end.offset);
  const output = formatStylish(
    [
      {
        text,
        result: {
          path: '/v/w.c',
          notes: [],
          findings: [finding('/v/w.c', { range: first }), finding('/v/w.c', { range: second, severity: 'error' })],
        },
      },
    ],
    { color: false },
  );
  assert.deepEqual(output.split('\n'), [
    '',
    '/v/w.c',
    '  10:5  warning  SIO_LOOPBACK_FAST_PATH is deprecated  no-deprecated-fast-path',
    '    10 | x = SIO_LOOPBACK_FAST_PATH;',
    `       |     ${'^'.repeat(22)}`,
    '  11:5  error    SIO_LOOPBACK_FAST_PATH is deprecated  no-deprecated-fast-path',
    '    11 | y = SIO_LOOPBACK_FAST_PATH;',
    `       |     ${'^'.repeat(22)}`,
    '',
    '\u2716 2 problems (1 error, 1 warning)',
    '',
  ]);
});

test('colours: path underlined, severities coloured, and nothing else changes', () => {
  const plain = formatStylish(reportFiles(), { color: false });
  const coloured = formatStylish(reportFiles(), { color: true });
  assert.notEqual(coloured, plain);
  assert.equal(stripVTControlCharacters(coloured), plain);
  assert.ok(coloured.includes(`\u001b[4m${A_PATH}\u001b[24m`));
  assert.ok(coloured.includes(`\u001b[4m${C_PATH}\u001b[24m`));
  assert.ok(coloured.includes('\u001b[31merror\u001b[39m'));
  assert.ok(coloured.includes('\u001b[33mwarning\u001b[39m'));
  // A file with an error makes the summary red, as in ESLint.
  assert.ok(coloured.includes('\u001b[31m\u001b[1m\u2716 3 problems'));
  assert.ok(A_TEXT.length > 0);
});
