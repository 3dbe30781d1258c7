// Tests for applying edits and fixes: ordering, overlap handling and merging a fix into one range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applyFixes, mergeFixEdits } from '../src/fix/apply-edits.js';
import { LineIndex } from '../src/text/positions.js';
import type { Fix, TextEdit } from '../src/types.js';

const TEXT = 'int a = 1;\r\nint b = 2; // 😀\r\nint c = 3;\r\n';
const index = new LineIndex(TEXT);

function edit(start: number, end: number, text: string): TextEdit {
  return { range: index.rangeOf(start, end), text };
}

function fix(message: string, ...edits: TextEdit[]): Fix {
  return { message, edits };
}

const at = (needle: string): number => {
  const offset = TEXT.indexOf(needle);
  assert.notEqual(offset, -1, needle);
  return offset;
};

test('applyEdits: applies edits given in any order', () => {
  const result = applyEdits(TEXT, [
    edit(at('c = 3'), at('c = 3') + 1, 'z'),
    edit(at('a = 1'), at('a = 1') + 1, 'x'),
    edit(at('😀'), at('😀') + 2, 'smile'),
  ]);
  assert.equal(result, 'int x = 1;\r\nint b = 2; // smile\r\nint z = 3;\r\n');
});

test('applyEdits: insertions, deletions and an empty edit list', () => {
  assert.equal(applyEdits(TEXT, []), TEXT);
  assert.equal(applyEdits('abc', [edit(0, 0, '>'), edit(3, 3, '<'), edit(1, 2, '')]), '>ac<');
  // Two insertions at one offset keep their given order; an insertion before a replacement too.
  assert.equal(applyEdits('abc', [edit(1, 1, 'X'), edit(1, 1, 'Y'), edit(1, 2, 'Z')]), 'aXYZc');
  // Adjacent replacements do not overlap.
  assert.equal(applyEdits('abcd', [edit(2, 4, '34'), edit(0, 2, '12')]), '1234');
});

test('applyEdits: throws on overlapping or invalid edits', () => {
  assert.throws(() => applyEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')]), /overlap/);
  assert.throws(() => applyEdits('abcdef', [edit(1, 1, 'x'), edit(0, 3, 'y')]), /overlap/);
  assert.throws(
    () => applyEdits('ab', [{ range: { start: index.positionAt(1), end: index.positionAt(0) }, text: '' }]),
    /ends before it starts/,
  );
  assert.throws(() => applyEdits('ab', [edit(0, 5, '')]), /outside the text/);
});

test('applyFixes: applies non-overlapping fixes in one pass, ordered by first edit', () => {
  const later = fix('Rename c.', edit(at('c = 3'), at('c = 3') + 1, 'z'));
  const earlier = fix('Rename a.', edit(at('a = 1'), at('a = 1') + 1, 'x'));
  const result = applyFixes(TEXT, [later, earlier]);
  assert.equal(result.text, 'int x = 1;\r\nint b = 2; // 😀\r\nint z = 3;\r\n');
  assert.deepEqual(result.applied, [earlier, later]);
  assert.deepEqual(result.skipped, []);
});

test('applyFixes: skips a fix that overlaps one already taken, then a second pass applies it', () => {
  const removeLine = fix('Remove line 1.', edit(0, at('int b'), ''));
  const rename = fix('Rename a.', edit(at('a = 1'), at('a = 1') + 1, 'x'));
  const other = fix('Rename b.', edit(at('b = 2'), at('b = 2') + 1, 'y'));
  const first = applyFixes(TEXT, [rename, removeLine, other]);
  assert.equal(first.text, 'int y = 2; // 😀\r\nint c = 3;\r\n');
  assert.deepEqual(first.applied, [removeLine, other]);
  assert.deepEqual(first.skipped, [rename]);
});

test('applyFixes: a multi-edit fix is skipped whole if any of its edits collides', () => {
  const a = fix('Edit start and end.', edit(0, 3, 'INT'), edit(at('c = 3'), at('c = 3') + 1, 'z'));
  const b = fix('Edit c.', edit(at('c = 3') - 1, at('c = 3') + 5, ' c=3;'));
  const result = applyFixes(TEXT, [b, a]);
  assert.deepEqual(result.applied, [a]);
  assert.deepEqual(result.skipped, [b]);
  assert.equal(result.text, 'INT a = 1;\r\nint b = 2; // 😀\r\nint z = 3;\r\n');
});

test('applyFixes: fixes that merely touch are skipped too, as in ESLint', () => {
  const first = fix('Replace ab.', edit(0, 2, 'AB'));
  const second = fix('Replace cd.', edit(2, 4, 'CD'));
  const insertA = fix('Insert X.', edit(4, 4, 'X'));
  const insertB = fix('Insert Y.', edit(4, 4, 'Y'));
  const result = applyFixes('abcdef', [first, second, insertA, insertB]);
  assert.equal(result.text, 'ABcdXef');
  assert.deepEqual(result.applied, [first, insertA]);
  assert.deepEqual(result.skipped, [second, insertB]);
});

test('applyFixes: a fix whose own edits overlap is a bug and throws', () => {
  const broken = fix('Broken.', edit(0, 3, 'x'), edit(1, 2, 'y'));
  assert.throws(() => applyFixes('abcdef', [broken]), /Fix "Broken\.": edits \[0, 3\) and \[1, 2\) overlap/);
});

test('mergeFixEdits: one range, text between edits copied unchanged', () => {
  const f = fix('Two edits.', edit(at('b = 2'), at('b = 2') + 1, 'bee'), edit(at('a = 1'), at('a = 1') + 1, 'ay'));
  const merged = mergeFixEdits(TEXT, f);
  assert.deepEqual(merged, {
    range: [at('a = 1'), at('b = 2') + 1],
    text: 'ay = 1;\r\nint bee',
  });
  const [start, end] = merged.range;
  assert.equal(TEXT.slice(0, start) + merged.text + TEXT.slice(end), applyEdits(TEXT, f.edits));
});

test('mergeFixEdits: a single edit and an empty fix', () => {
  assert.deepEqual(mergeFixEdits('abc', fix('One.', edit(1, 2, 'B'))), {
    range: [1, 2],
    text: 'B',
  });
  assert.deepEqual(mergeFixEdits('abc', fix('None.')), { range: [0, 0], text: '' });
});
