// The two-line code frame under a stylish finding: the source line and a caret run under the range.
// Tabs are expanded, control and bidi characters shown as U+FFFD, and long lines cut to a window.
const TAB_WIDTH = 4;
const MAX_WIDTH = 160;
const CONTEXT_BEFORE = 40;

export interface FrameText {
  /** The source line as displayed. */
  source: string;
  /** Spaces then carets, aligned under `source`; never empty. */
  carets: string;
}

/**
 * Lays out `lineText` with carets under [startColumn, endColumn) (UTF-16 columns); an undefined end
 * means "to the end of the line" (a range that goes on to later lines). At least one caret is drawn.
 */
export function frameLine(lineText: string, startColumn: number, endColumn: number | undefined): FrameText {
  const cells: string[] = [];
  let caretStart = -1;
  let caretEnd = -1;
  let i = 0;
  for (const char of lineText) {
    const units = char.length;
    if (caretStart < 0 && startColumn < i + units) caretStart = cells.length;
    if (caretEnd < 0 && endColumn !== undefined && endColumn < i + units) caretEnd = cells.length;
    if (char === '\t') {
      const width = TAB_WIDTH - (cells.length % TAB_WIDTH);
      for (let k = 0; k < width; k++) cells.push(' ');
    } else {
      cells.push(isUnsafe(char) ? '\uFFFD' : char);
    }
    i += units;
  }
  if (caretStart < 0) caretStart = cells.length;
  if (caretEnd < 0) caretEnd = cells.length;
  caretEnd = Math.max(caretEnd, caretStart + 1);

  let from = 0;
  let to = cells.length;
  if (cells.length > MAX_WIDTH) {
    from = Math.max(0, Math.min(caretStart - CONTEXT_BEFORE, cells.length - MAX_WIDTH));
    to = Math.min(cells.length, from + MAX_WIDTH);
  }
  const before = from > 0 ? '…' : '';
  const after = to < cells.length ? '…' : '';
  const shown = before + cells.slice(from, to).join('') + after;
  const start = caretStart - from + before.length;
  const end = Math.max(start + 1, Math.min(caretEnd, to) - from + before.length);
  return { source: shown, carets: ' '.repeat(start) + '^'.repeat(end - start) };
}

/** The text with every unsafe character (see isUnsafe) shown as U+FFFD; tabs are kept. */
export function replaceUnsafe(text: string): string {
  let out = '';
  for (const char of text) out += char !== '\t' && isUnsafe(char) ? '\uFFFD' : char;
  return out;
}

/** C0/C1 controls and bidirectional overrides would garble the terminal or hide what the code says. */
export function isUnsafe(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
