// The single adapter between engine positions (UTF-16 columns + offsets) and LSP positions in the
// negotiated encoding. Only this module converts columns, and only with the engine's helpers.
import { LineIndex, utf16ColumnToUtf8, utf8ColumnToUtf16 } from '@winsock-lint/rules';
import type { Position as EnginePosition, Range as EngineRange } from '@winsock-lint/rules';
import type { Position, Range } from 'vscode-languageserver/node';

export type PositionEncoding = 'utf-16' | 'utf-8';

/** Converts positions for one text in one encoding; build one per document version. */
export class PositionMapper {
  private lineIndex: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly encoding: PositionEncoding,
  ) {}

  /** Built on first use: UTF-16 positions of findings need none. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** Engine line/UTF-16 column → LSP position. */
  toLsp(position: { line: number; column: number }): Position {
    if (this.encoding === 'utf-16') return { line: position.line, character: position.column };
    const lineText = this.lines.lineText(position.line);
    return { line: position.line, character: utf16ColumnToUtf8(lineText, position.column) };
  }

  toLspRange(range: EngineRange): Range {
    return { start: this.toLsp(range.start), end: this.toLsp(range.end) };
  }

  /** UTF-16 offset into the text → LSP position. */
  offsetToLsp(offset: number): Position {
    return this.toLsp(this.lines.positionAt(offset));
  }

  offsetsToLspRange(start: number, end: number): Range {
    return { start: this.offsetToLsp(start), end: this.offsetToLsp(end) };
  }

  /** LSP position → engine position (clamped into the text like LSP says). */
  fromLsp(position: Position): EnginePosition {
    const line = Math.max(0, position.line);
    const character = Math.max(0, position.character);
    const column = this.encoding === 'utf-16' ? character : utf8ColumnToUtf16(this.lines.lineText(line), character);
    return this.lines.positionAt(this.lines.offsetAt(line, column));
  }

  fromLspRange(range: Range): EngineRange {
    return { start: this.fromLsp(range.start), end: this.fromLsp(range.end) };
  }
}

/** An LSP range in `encoding` for `text`, re-expressed in UTF-16 (what TextDocument.update expects). */
export function rangeToUtf16(text: string, encoding: PositionEncoding, range: Range): Range {
  if (encoding === 'utf-16') return range;
  const mapper = new PositionMapper(text, encoding);
  const start = mapper.fromLsp(range.start);
  const end = mapper.fromLsp(range.end);
  return {
    start: { line: start.line, character: start.column },
    end: { line: end.line, character: end.column },
  };
}

/**
 * Picks the position encoding from the client's `general.positionEncodings` (its preference order):
 * UTF-16 unless the client prefers UTF-8 or does not offer UTF-16 at all.
 */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  if (!offered || offered.length === 0) return 'utf-16';
  const utf8 = offered.indexOf('utf-8');
  const utf16 = offered.indexOf('utf-16');
  if (utf8 >= 0 && (utf16 < 0 || utf8 < utf16)) return 'utf-8';
  return 'utf-16';
}
