// Offset spans of statements for edits: the whole lines a statement stands alone on, or the statement with
// the blanks before it, and the indentation of a line. Only the indentation is scanned (1 MB lines stay linear).
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';

/** The file's own line break (CRLF, lone CR or LF), for text an edit inserts. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
}

export interface Span {
  start: number;
  end: number;
}

/** From the start of the node's first line to after its last line's break, when it stands alone there. */
export function wholeLineSpan(node: SyntaxNode, text: string): Span | undefined {
  let start = node.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return undefined;
  let end = node.endIndex;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (end < text.length && text[end] !== '\r' && text[end] !== '\n') return undefined;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}

/** The node and the spaces before it, for a node that shares its line with other code. */
export function withBlanksBeforeSpan(node: SyntaxNode, text: string): Span {
  let start = node.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: node.endIndex };
}

/** What removing a statement deletes. */
export function removalSpan(node: SyntaxNode, text: string): Span {
  return wholeLineSpan(node, text) ?? withBlanksBeforeSpan(node, text);
}

/** The blanks at the start of the line `offset` is on, when only blanks precede it there. */
export function indentationAt(offset: number, text: string): string | undefined {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return undefined;
  return text.slice(start, offset);
}
