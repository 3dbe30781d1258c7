// Builds LSP text edits from engine fixes (one merged edit per fix, via mergeFixEdits) and from a
// before/after text pair, and wraps them in a workspace edit for one document version.
import { mergeFixEdits } from '@winsock-lint/rules';
import type { Fix } from '@winsock-lint/rules';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { PositionMapper } from './positions.js';

/** The fix as one LSP edit on the text it was computed for. */
export function fixToTextEdit(fix: Fix, mapper: PositionMapper): TextEdit {
  const merged = mergeFixEdits(mapper.text, fix);
  return { range: mapper.offsetsToLspRange(merged.range[0], merged.range[1]), newText: merged.text };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** One edit replacing the part of `before` that differs from `after`; undefined when equal. */
export function minimalEdit(before: string, after: string, mapper: PositionMapper): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a CRLF: positions inside them do not exist for the client.
  while (
    start > 0 &&
    (isHighSurrogate(before.charCodeAt(start - 1)) ||
      (before.charCodeAt(start - 1) === 0x0d && before.charCodeAt(start) === 0x0a))
  )
    start--;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  while (
    end > 0 &&
    (isHighSurrogate(before.charCodeAt(before.length - end - 1)) ||
      (before.charCodeAt(before.length - end - 1) === 0x0d && before.charCodeAt(before.length - end) === 0x0a))
  )
    end--;
  return {
    range: mapper.offsetsToLspRange(start, before.length - end),
    newText: after.slice(start, after.length - end),
  };
}

/** Edits of one document, versioned when the client supports documentChanges. */
export function workspaceEdit(
  uri: string,
  version: number | null,
  edits: TextEdit[],
  documentChanges: boolean,
): WorkspaceEdit {
  if (documentChanges && version !== null) {
    return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  }
  return { changes: { [uri]: edits } };
}
