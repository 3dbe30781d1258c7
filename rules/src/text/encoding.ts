// Decodes and re-encodes source files the way legacy Windows code needs (UTF-8, UTF-16 with a BOM,
// Windows-1252), so that fixes can be written back byte-for-byte without losing anything.
import { LineIndex, toOneBased } from './positions.js';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedSource {
  /** The decoded text, without the byte-order mark. */
  text: string;
  encoding: SourceEncoding;
  /**
   * Whether the bytes began with a byte-order mark. For 'windows-1252' this means the file began
   * with the UTF-8 BOM (EF BB BF) but the rest was not valid UTF-8: the BOM is kept out of `text`
   * (so `#include` on line 1 still parses) and written back by encodeSource.
   */
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const BINARY_SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** True for a NUL byte in the first 8 KiB, unless a UTF-16 BOM says the NULs are text. */
export function isBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

// Windows-1252 as the WHATWG Encoding Standard defines it: 0x80-0x9F map to these code points;
// the five bytes Microsoft left undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the C1 control
// of the same value. We use our own table both ways, not TextDecoder, because Node 20's
// TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1, and one table guarantees round-trips.
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

const CP1252_ENCODE: ReadonlyMap<number, number> = new Map(CP1252_HIGH.map((codePoint, i) => [codePoint, 0x80 + i]));

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte);
    if (chunk.length === 8192) {
      text += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return text + String.fromCharCode(...chunk);
}

function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_ENCODE.get(code);
    if (byte === undefined) throw unencodable(text, i, 'windows-1252');
    out[i] = byte;
  }
  return out;
}

/**
 * UTF-16 is decoded unit by unit rather than with TextDecoder, so that an unpaired surrogate
 * survives as itself (TextDecoder would turn it into U+FFFD and the round-trip would lose it).
 */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, label: string): string {
  if (bytes.length % 2 !== 0) {
    throw new Error(
      `Cannot decode ${label}: the file has an odd number of bytes after its byte-order mark, ` +
        'so it is probably truncated.',
    );
  }
  let text = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    chunk.push(littleEndian ? a | (b << 8) : (a << 8) | b);
    if (chunk.length === 8192) {
      text += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return text + String.fromCharCode(...chunk);
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = littleEndian ? code & 0xff : code >> 8;
    out[2 * i + 1] = littleEndian ? code >> 8 : code & 0xff;
  }
  return out;
}

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM has already been stripped; a second one is content and must survive.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * BOM first (UTF-8, UTF-16LE, UTF-16BE); without one, strict UTF-8, else Windows-1252 (which
 * accepts any bytes). Throws only for UTF-16 with an odd number of bytes.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: decodeUtf16(bytes.subarray(2), true, 'UTF-16LE'),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: decodeUtf16(bytes.subarray(2), false, 'UTF-16BE'),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom };
  return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
}

function unencodable(text: string, index: number, encoding: SourceEncoding): Error {
  const codePoint = text.codePointAt(index) ?? 0;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const where = toOneBased(new LineIndex(text).positionAt(index));
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  const shown = isSurrogate ? 'an unpaired surrogate' : `'${String.fromCodePoint(codePoint)}'`;
  return new Error(
    `Cannot encode U+${hex} (${shown}) at line ${where.line}, column ${where.column} as ` +
      `${encoding}; the file was not changed.`,
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The exact inverse of decodeSource. Throws (never substitutes) when `text` holds a character
 * the encoding cannot represent, so a caller can never write back a file that lost data.
 */
export function encodeSource(text: string, encoding: SourceEncoding, bom: boolean): Uint8Array {
  let prefix: readonly number[] = [];
  let body: Uint8Array;
  switch (encoding) {
    case 'utf-8': {
      const lone = LONE_SURROGATE.exec(text);
      if (lone) throw unencodable(text, lone.index, encoding);
      prefix = bom ? UTF8_BOM : [];
      body = new TextEncoder().encode(text);
      break;
    }
    case 'utf-16le':
      prefix = bom ? [0xff, 0xfe] : [];
      body = encodeUtf16(text, true);
      break;
    case 'utf-16be':
      prefix = bom ? [0xfe, 0xff] : [];
      body = encodeUtf16(text, false);
      break;
    case 'windows-1252':
      // See DecodedSource.bom: the only BOM a Windows-1252 file can have come with is UTF-8's.
      prefix = bom ? UTF8_BOM : [];
      body = encodeWindows1252(text);
      break;
  }
  if (prefix.length === 0) return body;
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

/**
 * The file's line-break style. A lone \r counts as its own style, so any lone \r yields 'mixed':
 * callers inserting lines should then not guess.
 */
export function detectEol(text: string): '\n' | '\r\n' | 'mixed' | 'none' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else {
        cr++;
      }
    } else if (code === 0x0a) {
      lf++;
    }
  }
  const styles = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (styles === 0) return 'none';
  if (styles > 1 || cr > 0) return 'mixed';
  return crlf > 0 ? '\r\n' : '\n';
}
