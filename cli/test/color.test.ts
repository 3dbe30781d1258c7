// When output is coloured: flags first, then FORCE_COLOR, NO_COLOR and TERM=dumb, then whether stdout is a TTY.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPalette, shouldUseColor } from '../src/color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

test('auto: colours on a terminal only', () => {
  assert.equal(shouldUseColor('auto', tty, {}), true);
  assert.equal(shouldUseColor('auto', pipe, {}), false);
  assert.equal(shouldUseColor('auto', {}, {}), false);
});

test('NO_COLOR (non-empty) and TERM=dumb turn colours off; an empty NO_COLOR does not', () => {
  assert.equal(shouldUseColor('auto', tty, { NO_COLOR: '1' }), false);
  assert.equal(shouldUseColor('auto', tty, { NO_COLOR: '' }), true);
  assert.equal(shouldUseColor('auto', tty, { TERM: 'dumb' }), false);
});

test('FORCE_COLOR forces colours (even into a pipe, even with NO_COLOR); FORCE_COLOR=0 forbids them', () => {
  assert.equal(shouldUseColor('auto', pipe, { FORCE_COLOR: '1' }), true);
  assert.equal(shouldUseColor('auto', pipe, { FORCE_COLOR: '' }), true);
  assert.equal(shouldUseColor('auto', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
  assert.equal(shouldUseColor('auto', tty, { FORCE_COLOR: '0' }), false);
  assert.equal(shouldUseColor('auto', tty, { FORCE_COLOR: 'false' }), false);
});

test('--color and --no-color override everything', () => {
  assert.equal(shouldUseColor('always', pipe, { NO_COLOR: '1', FORCE_COLOR: '0' }), true);
  assert.equal(shouldUseColor('never', tty, { FORCE_COLOR: '1' }), false);
});

test('palettes', () => {
  assert.equal(createPalette(false).red('x'), 'x');
  assert.equal(createPalette(true).red('x'), '\u001b[31mx\u001b[39m');
  assert.equal(createPalette(true).dim(''), '');
});
