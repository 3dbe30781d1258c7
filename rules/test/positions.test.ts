// Tests for offset/line/column conversions, line breaks of every style and UTF-8 columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LineIndex,
  makePosition,
  toEslintLocation,
  toOneBased,
  utf16ColumnToUtf8,
  utf8ColumnToUtf16,
} from '../src/text/positions.js';

test('LineIndex: LF text', () => {
  const index = new LineIndex('ab\ncd\n');
  assert.equal(index.lineCount, 3);
  assert.deepEqual(
    [0, 1, 2].map((l) => index.lineStart(l)),
    [0, 3, 6],
  );
  assert.deepEqual(index.positionAt(0), { line: 0, column: 0, offset: 0 });
  assert.deepEqual(index.positionAt(2), { line: 0, column: 2, offset: 2 });
  assert.deepEqual(index.positionAt(3), { line: 1, column: 0, offset: 3 });
  assert.deepEqual(index.positionAt(6), { line: 2, column: 0, offset: 6 });
  assert.deepEqual(
    [0, 1, 2].map((l) => index.lineText(l)),
    ['ab', 'cd', ''],
  );
});

test('LineIndex: CRLF belongs to the line break', () => {
  const index = new LineIndex('ab\r\ncd\r\nef');
  assert.equal(index.lineCount, 3);
  assert.deepEqual(
    [0, 1, 2].map((l) => index.lineStart(l)),
    [0, 4, 8],
  );
  assert.deepEqual(
    [0, 1, 2].map((l) => index.lineText(l)),
    ['ab', 'cd', 'ef'],
  );
  assert.deepEqual(index.positionAt(5), { line: 1, column: 1, offset: 5 });
  assert.deepEqual(index.positionAt(3), { line: 0, column: 3, offset: 3 }); // between \r and \n
  assert.equal(index.offsetAt(1, 99), 6); // clamps before the \r
  assert.equal(index.lineContentEnd(0), 2);
});

test('LineIndex: a lone CR ends a line too, as in LSP', () => {
  const index = new LineIndex('a\rb\r\nc\nd');
  assert.equal(index.lineCount, 4);
  assert.deepEqual(
    [0, 1, 2, 3].map((l) => index.lineText(l)),
    ['a', 'b', 'c', 'd'],
  );
  assert.deepEqual(index.positionAt(2), { line: 1, column: 0, offset: 2 });
  assert.deepEqual(index.positionAt(7), { line: 3, column: 0, offset: 7 });
  assert.deepEqual(index.positionAt(4), { line: 1, column: 2, offset: 4 }); // the \n of \r\n
  assert.deepEqual(new LineIndex('\r\r').lineCount, 3);
});

test('LineIndex: columns count UTF-16 units (é is 1, 😀 is 2)', () => {
  const text = 'é😀x\n😀';
  const index = new LineIndex(text);
  assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 0, column: 3, offset: 3 });
  assert.equal(index.offsetAt(1, 2), 7);
  assert.equal(index.offsetAt(0, 3), 3);
});

test('LineIndex: empty text has one empty line', () => {
  const index = new LineIndex('');
  assert.equal(index.lineCount, 1);
  assert.equal(index.lineText(0), '');
  assert.deepEqual(index.positionAt(0), { line: 0, column: 0, offset: 0 });
  assert.equal(index.offsetAt(0, 5), 0);
});

test('LineIndex: out-of-range input clamps', () => {
  const index = new LineIndex('ab\ncd');
  assert.deepEqual(index.positionAt(-4), { line: 0, column: 0, offset: 0 });
  assert.deepEqual(index.positionAt(100), { line: 1, column: 2, offset: 5 });
  assert.equal(index.offsetAt(-1, 3), 0);
  assert.equal(index.offsetAt(7, 0), 5);
  assert.equal(index.offsetAt(0, -3), 0);
  assert.equal(index.offsetAt(0, 10), 2);
  assert.equal(index.lineText(9), '');
  assert.equal(index.lineStart(9), 5);
});

test('LineIndex: positionAt and offsetAt are inverse on every offset', () => {
  const text = 'x\r\n\u00e9\u{1F600}\ry\n\nz';
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const p = index.positionAt(offset);
    if (text.charAt(offset - 1) === '\r' && text.charAt(offset) === '\n') continue; // mid-CRLF
    assert.equal(index.offsetAt(p.line, p.column), offset, `offset ${offset}`);
  }
});

test('LineIndex: many lines (binary search)', () => {
  const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 1000);
  const offset = text.indexOf('line 777') + 5;
  assert.deepEqual(index.positionAt(offset), { line: 777, column: 5, offset });
  assert.equal(index.lineText(999), 'line 999');
});

test('LineIndex.rangeOf', () => {
  const index = new LineIndex('ab\ncd');
  assert.deepEqual(index.rangeOf(1, 4), {
    start: { line: 0, column: 1, offset: 1 },
    end: { line: 1, column: 1, offset: 4 },
  });
});

test('makePosition, toEslintLocation, toOneBased', () => {
  const p = makePosition(4, 7, 52);
  assert.deepEqual(p, { line: 4, column: 7, offset: 52 });
  assert.deepEqual(toEslintLocation(p), { line: 5, column: 7 });
  assert.deepEqual(toOneBased(p), { line: 5, column: 8 });
  assert.deepEqual(toOneBased(makePosition(0, 0, 0)), { line: 1, column: 1 });
});

test('utf16ColumnToUtf8: é is 2 bytes, € 3, 😀 4', () => {
  const line = 'aé€😀b';
  assert.deepEqual(
    [0, 1, 2, 3, 5, 6].map((c) => utf16ColumnToUtf8(line, c)),
    [0, 1, 3, 6, 10, 11],
  );
  assert.equal(utf16ColumnToUtf8(line, 4), 6); // inside the surrogate pair: the pair's start
  assert.equal(utf16ColumnToUtf8(line, 50), 11); // past the end clamps
  assert.equal(utf16ColumnToUtf8(line, -1), 0);
  assert.equal(utf16ColumnToUtf8('\uD800x', 1), 3); // a lone surrogate is written as U+FFFD
});

test('utf8ColumnToUtf16: inverse, clamping and mid-character columns', () => {
  const line = 'aé€😀b';
  assert.deepEqual(
    [0, 1, 3, 6, 10, 11].map((c) => utf8ColumnToUtf16(line, c)),
    [0, 1, 2, 3, 5, 6],
  );
  assert.equal(utf8ColumnToUtf16(line, 2), 1); // inside é
  assert.equal(utf8ColumnToUtf16(line, 8), 3); // inside 😀
  assert.equal(utf8ColumnToUtf16(line, 99), 6);
  assert.equal(utf8ColumnToUtf16(line, -2), 0);
  assert.equal(utf8ColumnToUtf16('', 3), 0);
});
