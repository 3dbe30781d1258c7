// Every conversion between offsets, line/column positions and the coordinate systems of
// ESLint, SARIF and LSP lives here, so no other module has to reason about off-by-ones.
import type { Position, Range } from '../types.js';

export function makePosition(line: number, column: number, offset: number): Position {
  return { line, column, offset };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Maps UTF-16 offsets to 0-based line/column positions and back. Lines end at \n, \r\n or a
 * lone \r (as in LSP), and the line break is not part of the line's text.
 */
export class LineIndex {
  private readonly text: string;
  /** Offset of the first character of each line; always starts with 0. */
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case, found natively: only \n breaks lines.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === CR) {
          // \r\n is one break: the next line starts after the \n.
          if (text.charCodeAt(i + 1) === LF) i++;
          starts.push(i + 1);
        } else if (code === LF) {
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** At least 1: an empty text has one empty line, and "a\n" has two lines. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where `line` starts; lines before the first clamp to 0, past the last to the end. */
  lineStart(line: number): number {
    if (line < 0) return 0;
    return this.starts[line] ?? this.text.length;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number): number {
    if (line < 0) return 0;
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === LF) end--;
    if (this.text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  /** Offset clamped into [0, text.length]. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.trunc(offset), this.text.length));
    const line = this.lineOf(clamped);
    return makePosition(line, clamped - this.lineStart(line), clamped);
  }

  /**
   * Offset of a line/column. As in LSP, a column past the end of the line means the end of the
   * line (before its break), a line past the last means the end of the text.
   */
  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.lineStart(line);
    const end = this.lineContentEnd(line);
    return Math.max(start, Math.min(start + Math.trunc(column), end));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The line's text without its line break; '' for a line that does not exist. */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  /** The last line whose start is <= offset (binary search). */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** ESLint's internal `loc`: 1-based line, 0-based column. */
export function toEslintLocation(p: Position): { line: number; column: number } {
  return { line: p.line + 1, column: p.column };
}

/** What people read (ESLint's formatters, SARIF, "file:line:col"): 1-based line and column. */
export function toOneBased(p: Position): { line: number; column: number } {
  return { line: p.line + 1, column: p.column + 1 };
}

/** Bytes the code point starting at `index` takes in UTF-8, and how many UTF-16 units it spans. */
function codePointAt(text: string, index: number): { units: number; bytes: number } {
  const code = text.codePointAt(index) ?? 0;
  if (code < 0x80) return { units: 1, bytes: 1 };
  if (code < 0x800) return { units: 1, bytes: 2 };
  // Lone surrogates land here too: UTF-8 encoders write them as U+FFFD, 3 bytes.
  if (code < 0x10000) return { units: 1, bytes: 3 };
  return { units: 2, bytes: 4 };
}

/**
 * UTF-16 column → UTF-8 byte column within one line (for LSP clients that negotiate UTF-8).
 * A column past the end clamps to the end; one inside a surrogate pair maps to the pair's start.
 */
export function utf16ColumnToUtf8(lineText: string, column: number): number {
  let bytes = 0;
  for (let i = 0; i < lineText.length;) {
    const cp = codePointAt(lineText, i);
    if (i + cp.units > column) break;
    bytes += cp.bytes;
    i += cp.units;
  }
  return bytes;
}

/**
 * UTF-8 byte column → UTF-16 column within one line. A column past the end clamps to the end;
 * one inside a multi-byte character maps to that character's start.
 */
export function utf8ColumnToUtf16(lineText: string, column: number): number {
  let bytes = 0;
  let i = 0;
  while (i < lineText.length) {
    const cp = codePointAt(lineText, i);
    if (bytes + cp.bytes > column) break;
    bytes += cp.bytes;
    i += cp.units;
  }
  return i;
}

/** A tree-sitter point: rows count `\n` only (a lone `\r` is not a break to tree-sitter), columns in UTF-16. */
export interface TreePoint {
  row: number;
  column: number;
}

/** What tree-sitter's `tree.edit` takes: one replaced span, in UTF-16 offsets and tree points. */
export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: TreePoint;
  oldEndPosition: TreePoint;
  newEndPosition: TreePoint;
}

const CHUNK = 256;

function treePointAt(text: string, offset: number): TreePoint {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * The single edit that turns `before` into `after` (their common prefix and suffix kept), or undefined when
 * they are equal. Several edits in one change become one span covering them all, which tree-sitter handles.
 */
export function treeEditBetween(before: string, after: string): TreeEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  // Whole chunks first (string comparison is native), then character by character.
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK))
    start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let suffix = 0;
  while (
    suffix + CHUNK <= shorter - start &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK;
  while (
    suffix < shorter - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  const oldEndIndex = before.length - suffix;
  const newEndIndex = after.length - suffix;
  const startPosition = treePointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition: advance(startPosition, before, start, oldEndIndex),
    newEndPosition: advance(startPosition, after, start, newEndIndex),
  };
}

/** The point at `to`, from the point at `from` in the same text. */
function advance(point: TreePoint, text: string, from: number, to: number): TreePoint {
  let { row, column } = point;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === LF) {
      row++;
      column = 0;
    } else {
      column++;
    }
  }
  return { row, column };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const LONE_CR = /\r(?!\n)/;
const LONE_CRS = /\r(?!\n)/g;

/**
 * tree-sitter ends lines (and `//` comments and preprocessor lines) at `\n` only; LSP, ESLint and editors
 * also end them at a lone `\r` (classic Mac line endings). The text the parser gets has every lone `\r`
 * as `\n`: the same length and offsets, tree rows equal to editor lines.
 */
export function withTreeLineBreaks(text: string): string {
  return LONE_CR.test(text) ? text.replace(LONE_CRS, '\n') : text;
}
