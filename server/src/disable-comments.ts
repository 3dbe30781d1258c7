// The text edits of "Disable <rule> for this line" (a disable-next-line comment above the line, with
// its indentation, or the rule added to one already there) and "Disable <rule> for this file".
import { detectEol } from '@winsock-lint/rules';
import type { Finding, RuleId } from '@winsock-lint/rules';
import type { TextEdit } from 'vscode-languageserver/node';
import type { PositionMapper } from './positions.js';

export const REASON_PLACEHOLDER = 'TODO: explain why';
const NEXT_LINE = /^(\s*\/\/\s*winsock-lint-disable-next-line\s+)([^\s-][^-]*?)(\s+--.*)?$/;

function eolOf(text: string): string {
  return detectEol(text) === '\r\n' ? '\r\n' : '\n';
}

export function disableLineEdit(finding: Finding, rule: RuleId, mapper: PositionMapper): TextEdit {
  const { lines, text } = mapper;
  const line = finding.range.start.line;
  const above = line > 0 ? lines.lineText(line - 1) : '';
  const existing = NEXT_LINE.exec(above);
  if (existing && existing[2] !== undefined && existing[1] !== undefined) {
    const rules = existing[2].split(/[\s,]+/);
    if (!rules.includes(rule)) {
      const at = lines.lineStart(line - 1) + existing[1].length + existing[2].length;
      return { range: mapper.offsetsToLspRange(at, at), newText: `, ${rule}` };
    }
  }
  const lineText = lines.lineText(line);
  const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
  const at = lines.lineStart(line);
  const comment = `${indent}// winsock-lint-disable-next-line ${rule} -- ${REASON_PLACEHOLDER}${eolOf(text)}`;
  return { range: mapper.offsetsToLspRange(at, at), newText: comment };
}

/** The line after the file's leading comment block (// lines or one /* *\/ block), else 0. */
function lineAfterLeadingComments(mapper: PositionMapper): number {
  const { lines } = mapper;
  let line = 0;
  while (line < lines.lineCount) {
    const trimmed = lines.lineText(line).trim();
    if (trimmed.startsWith('//')) {
      line++;
    } else if (trimmed.startsWith('/*')) {
      let end = line;
      while (end < lines.lineCount && !lines.lineText(end).includes('*/', end === line ? 2 : 0)) end++;
      if (end >= lines.lineCount) return 0; // unterminated: do not guess
      line = end + 1;
    } else {
      break;
    }
  }
  return line;
}

export function disableFileEdit(rule: RuleId, mapper: PositionMapper): TextEdit {
  const { lines, text } = mapper;
  const eol = eolOf(text);
  const line = lineAfterLeadingComments(mapper);
  const comment = `/* winsock-lint-disable ${rule} */`;
  if (line >= lines.lineCount) {
    // The whole file is one comment block without a final line break.
    const at = text.length;
    return { range: mapper.offsetsToLspRange(at, at), newText: `${eol}${comment}${eol}` };
  }
  const at = lines.lineStart(line);
  return { range: mapper.offsetsToLspRange(at, at), newText: `${comment}${eol}` };
}
