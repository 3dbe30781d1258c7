// source.fixAll.winsock-lint: every automatic fix of the document, applied with applyFixes and
// re-analysed until nothing changes (as ESLint's --fix), expressed as one edit of the changed text.
// Applying it and asking again yields no edit.
import { applyFixes } from '@winsock-lint/rules';
import type { Finding } from '@winsock-lint/rules';
import type { TextEdit } from 'vscode-languageserver/node';
import type { DocumentResult } from './document-result.js';
import { minimalEdit } from './text-edits.js';
import type { PositionMapper } from './positions.js';

const MAX_PASSES = 10;

export function fixAllEdit(
  result: DocumentResult,
  mapper: PositionMapper,
  reanalyze: (text: string) => Finding[],
): TextEdit | undefined {
  let text = result.text;
  let findings = result.findings;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes).text;
    if (next === text) break;
    text = next;
    findings = reanalyze(text);
  }
  return minimalEdit(result.text, text, mapper);
}
