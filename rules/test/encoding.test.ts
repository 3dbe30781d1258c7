// Tests for decoding/encoding source bytes: BOMs, strict UTF-8, Windows-1252 and exact round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SourceEncoding, decodeSource, detectEol, encodeSource, isBinary } from '../src/text/encoding.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

function roundTrip(input: Uint8Array): void {
  const decoded = decodeSource(input);
  assert.deepEqual(encodeSource(decoded.text, decoded.encoding, decoded.bom), input);
}

test('isBinary: NUL in the first 8 KiB is binary, UTF-16 with a BOM is text', () => {
  assert.equal(isBinary(bytes(0x41, 0x00, 0x42)), true);
  assert.equal(isBinary(new TextEncoder().encode('int main() { return 0; }\n')), false);
  assert.equal(isBinary(bytes()), false);
  assert.equal(isBinary(bytes(0xff, 0xfe, 0x41, 0x00)), false);
  assert.equal(isBinary(bytes(0xfe, 0xff, 0x00, 0x41)), false);
  const lateNul = new Uint8Array(8193).fill(0x41);
  lateNul[8192] = 0;
  assert.equal(isBinary(lateNul), false);
  lateNul[8191] = 0;
  assert.equal(isBinary(lateNul), true);
});

test('decodeSource: plain UTF-8 with é and an astral character', () => {
  const input = new TextEncoder().encode('caf\u00e9 \u{1F600}\n');
  assert.deepEqual(decodeSource(input), {
    text: 'caf\u00e9 \u{1F600}\n',
    encoding: 'utf-8',
    bom: false,
  });
  roundTrip(input);
});

test('decodeSource: a UTF-8 BOM is detected and kept out of the text', () => {
  const input = bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9);
  assert.deepEqual(decodeSource(input), { text: 'a\u00e9', encoding: 'utf-8', bom: true });
  roundTrip(input);
});

test('decodeSource: a second BOM after the first is content and survives', () => {
  const input = bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61);
  assert.deepEqual(decodeSource(input), { text: '\uFEFFa', encoding: 'utf-8', bom: true });
  roundTrip(input);
});

test('decodeSource: UTF-16LE with BOM, including a surrogate pair', () => {
  // "é😀\r\n": U+00E9, U+D83D U+DE00, CR, LF
  const input = bytes(0xff, 0xfe, 0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x0d, 0x00, 0x0a, 0x00);
  assert.deepEqual(decodeSource(input), {
    text: '\u00e9\u{1F600}\r\n',
    encoding: 'utf-16le',
    bom: true,
  });
  roundTrip(input);
});

test('decodeSource: UTF-16BE with BOM', () => {
  const input = bytes(0xfe, 0xff, 0x00, 0x41, 0x20, 0xac, 0xd8, 0x3d, 0xde, 0x00);
  assert.deepEqual(decodeSource(input), {
    text: 'A\u20ac\u{1F600}',
    encoding: 'utf-16be',
    bom: true,
  });
  roundTrip(input);
});

test('decodeSource: an unpaired surrogate in UTF-16 survives the round-trip', () => {
  const input = bytes(0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x42, 0x00);
  const decoded = decodeSource(input);
  assert.equal(decoded.text, 'A\uD83DB');
  roundTrip(input);
});

test('decodeSource: UTF-16 with an odd byte count is refused', () => {
  assert.throws(() => decodeSource(bytes(0xff, 0xfe, 0x41, 0x00, 0x42)), /odd number of bytes/);
});

test('decodeSource: invalid UTF-8 falls back to Windows-1252 (smart quotes, euro)', () => {
  // “x” costs €5 — as Notepad on a Western-European Windows would have saved it.
  const input = bytes(0x93, 0x78, 0x94, 0x20, 0x80, 0x35);
  assert.deepEqual(decodeSource(input), {
    text: '\u201cx\u201d \u20ac5',
    encoding: 'windows-1252',
    bom: false,
  });
  roundTrip(input);
});

test('decodeSource: Windows-1252 maps 0x80-0x9F per WHATWG, undefined bytes to C1 controls', () => {
  const high = Array.from({ length: 32 }, (_, i) => 0x80 + i);
  const decoded = decodeSource(new Uint8Array(high));
  assert.equal(decoded.encoding, 'windows-1252');
  const expected = [
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
    0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
    0x0153, 0x009d, 0x017e, 0x0178,
  ];
  assert.deepEqual(
    [...decoded.text].map((c) => c.codePointAt(0)),
    expected,
  );
  roundTrip(new Uint8Array(high));
});

test('decodeSource/encodeSource: every possible byte round-trips through Windows-1252', () => {
  const all = new Uint8Array(256).map((_, i) => i);
  const decoded = decodeSource(all);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.equal(decoded.text.length, 256);
  assert.equal(decoded.text.charAt(0xe9), '\u00e9');
  roundTrip(all);
});

test('decodeSource: UTF-8 BOM followed by invalid UTF-8 is Windows-1252 with bom: true', () => {
  const input = bytes(0xef, 0xbb, 0xbf, 0x23, 0x93, 0x94);
  assert.deepEqual(decodeSource(input), {
    text: '#\u201c\u201d',
    encoding: 'windows-1252',
    bom: true,
  });
  roundTrip(input);
});

test('decodeSource: overlong and surrogate UTF-8 sequences are not accepted as UTF-8', () => {
  assert.equal(decodeSource(bytes(0xc0, 0xaf)).encoding, 'windows-1252');
  assert.equal(decodeSource(bytes(0xed, 0xa0, 0x80)).encoding, 'windows-1252');
  roundTrip(bytes(0xc0, 0xaf));
  roundTrip(bytes(0xed, 0xa0, 0x80));
});

test('decodeSource: empty input is UTF-8 without BOM', () => {
  assert.deepEqual(decodeSource(bytes()), { text: '', encoding: 'utf-8', bom: false });
  roundTrip(bytes());
});

test('encodeSource: writes each BOM', () => {
  assert.deepEqual(encodeSource('A', 'utf-8', true), bytes(0xef, 0xbb, 0xbf, 0x41));
  assert.deepEqual(encodeSource('A', 'utf-16le', true), bytes(0xff, 0xfe, 0x41, 0x00));
  assert.deepEqual(encodeSource('A', 'utf-16be', true), bytes(0xfe, 0xff, 0x00, 0x41));
  assert.deepEqual(encodeSource('A', 'utf-16le', false), bytes(0x41, 0x00));
  assert.deepEqual(encodeSource('\u20ac', 'windows-1252', false), bytes(0x80));
  assert.deepEqual(encodeSource('\u0081', 'windows-1252', false), bytes(0x81));
});

test('encodeSource: text edited after decoding re-encodes in the same encoding', () => {
  const decoded = decodeSource(bytes(0x93, 0x61, 0x94, 0x0d, 0x0a));
  const edited = decoded.text.replace('a', '\u00e9\u2014');
  assert.deepEqual(encodeSource(edited, decoded.encoding, decoded.bom), bytes(0x93, 0xe9, 0x97, 0x94, 0x0d, 0x0a));
});

test('encodeSource: a character Windows-1252 lacks throws with its position', () => {
  assert.throws(
    () => encodeSource('ok\nx \u{1F600}', 'windows-1252', false),
    (error: unknown) =>
      error instanceof Error &&
      error.message ===
        "Cannot encode U+1F600 ('\u{1F600}') at line 2, column 3 as windows-1252; the file was not changed.",
  );
  // U+0080 is not 0x80 in Windows-1252 (that is €), so it cannot be written either.
  assert.throws(() => encodeSource('\u0080', 'windows-1252', false), /U\+0080/);
});

test('encodeSource: an unpaired surrogate cannot be written as UTF-8', () => {
  assert.throws(
    () => encodeSource('a\uD800b', 'utf-8', false),
    /Cannot encode U\+D800 \(an unpaired surrogate\) at line 1, column 2 as utf-8/,
  );
  assert.deepEqual(encodeSource('\u{1F600}', 'utf-8', false), bytes(0xf0, 0x9f, 0x98, 0x80));
});

test('encodeSource/decodeSource: text round-trips through every encoding that can hold it', () => {
  const cases: [string, SourceEncoding, boolean][] = [
    ['caf\u00e9 \u{1F600}\r\n', 'utf-8', false],
    ['caf\u00e9 \u{1F600}\r\n', 'utf-8', true],
    ['caf\u00e9 \u{1F600}\r\n', 'utf-16le', true],
    ['caf\u00e9 \u{1F600}\r\n', 'utf-16be', true],
    ['caf\u00e9 \u201cq\u201d \u20ac\r\n', 'windows-1252', false],
  ];
  for (const [text, encoding, bom] of cases) {
    const encoded = encodeSource(text, encoding, bom);
    assert.deepEqual(decodeSource(encoded), { text, encoding, bom }, `${encoding} bom=${bom}`);
  }
});

test('detectEol', () => {
  assert.equal(detectEol(''), 'none');
  assert.equal(detectEol('one line'), 'none');
  assert.equal(detectEol('a\nb\n'), '\n');
  assert.equal(detectEol('a\r\nb\r\n'), '\r\n');
  assert.equal(detectEol('a\r\nb\n'), 'mixed');
  assert.equal(detectEol('a\rb\r'), 'mixed');
  assert.equal(detectEol('a\r\nb\rc'), 'mixed');
});
