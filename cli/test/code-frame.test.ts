// The code frame's layout: carets under UTF-16 ranges, tabs expanded, astral characters, unsafe
// characters replaced, ranges running past the line, and long lines cut to a window.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameLine } from '../src/reporters/code-frame.js';

test('carets under the range', () => {
  assert.deepEqual(frameLine('int x = FOO;', 8, 11), {
    source: 'int x = FOO;',
    carets: '        ^^^',
  });
});

test('an empty range or a range at the end of the line still shows one caret', () => {
  assert.deepEqual(frameLine('abc', 1, 1), { source: 'abc', carets: ' ^' });
  assert.deepEqual(frameLine('abc', 3, 3), { source: 'abc', carets: '   ^' });
  assert.deepEqual(frameLine('', 0, 0), { source: '', carets: '^' });
});

test('a range that continues on later lines is underlined to the end of its first line', () => {
  assert.deepEqual(frameLine('/* start', 0, undefined), { source: '/* start', carets: '^^^^^^^^' });
});

test('tabs expand to 4-column stops, in the source and under it', () => {
  assert.deepEqual(frameLine('\tf(\tX);', 4, 5), { source: '    f(  X);', carets: '        ^' });
});

test('UTF-16 columns after astral characters map to one display column per character', () => {
  // '😀' is two UTF-16 units: X is at UTF-16 column 6 but display column 5.
  assert.deepEqual(frameLine('/*😀*/X', 6, 7), { source: '/*😀*/X', carets: '     ^' });
});

test('control and bidi-override characters are shown as U+FFFD', () => {
  assert.deepEqual(frameLine('a\u001b[2Jb\u202ec', 6, 7), {
    source: 'a\uFFFD[2Jb\uFFFDc',
    carets: '      ^',
  });
});

test('long lines are cut to a window around the range, with ellipses', () => {
  const line = `${'a'.repeat(300)}TARGET${'b'.repeat(300)}`;
  const frame = frameLine(line, 300, 306);
  assert.equal(frame.source, `…${'a'.repeat(40)}TARGET${'b'.repeat(114)}…`);
  assert.equal(frame.carets, `${' '.repeat(41)}^^^^^^`);
  // Near the end, the window ends at the end of the line.
  const tail = frameLine(line, 604, 606);
  assert.equal(tail.source, `…${'b'.repeat(160)}`);
  assert.equal(tail.carets, `${' '.repeat(159)}^^`);
});
