// Hover on a flagged range: the finding's message, why it matters, the available fix and a link
// to the rule's documentation, as Markdown. Clients that show the diagnostic in the hover themselves
// (initialization option hoverShowsDiagnostics) get all but the message.
import { findingDocsUrl } from '@winsock-lint/rules';
import type { Finding } from '@winsock-lint/rules';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { ruleCode } from './diagnostics.js';
import type { DocumentResult } from './document-result.js';
import { PositionMapper, type PositionEncoding } from './positions.js';
import { RULE_EXPLANATIONS, UNUSED_SUPPRESSION_EXPLANATION } from './rule-explanations.js';
import type { Position } from 'vscode-languageserver/node';

function section(finding: Finding, withMessage: boolean): string {
  const parts = withMessage
    ? [
        `**winsock-lint: ${ruleCode(finding)}** (${finding.severity === 'error' ? 'error' : 'warning'})`,
        '',
        finding.message,
        '',
      ]
    : [];
  parts.push(`*Why:* ${finding.ruleId ? RULE_EXPLANATIONS[finding.ruleId] : UNUSED_SUPPRESSION_EXPLANATION}`, '');
  if (finding.fix) parts.push(`*Fix (automatic):* ${finding.fix.message}`, '');
  for (const suggestion of finding.suggestions) parts.push(`*Suggestion:* ${suggestion.message}`, '');
  if (!finding.fix && finding.suggestions.length === 0) parts.push('*Fix:* none automatic; see the documentation.', '');
  parts.push(`[Documentation for ${ruleCode(finding)}](${findingDocsUrl(finding.ruleId)})`);
  return parts.join('\n').trimEnd();
}

/** The hover for the findings covering `position`, or null when there are none. */
export function hoverAt(
  result: DocumentResult,
  position: Position,
  encoding: PositionEncoding,
  clientShowsDiagnostics = false,
): Hover | null {
  const mapper = new PositionMapper(result.text, encoding);
  const offset = mapper.fromLsp(position).offset;
  const covering = result.findings.filter((f) => f.range.start.offset <= offset && offset <= f.range.end.offset);
  const first = covering[0];
  if (!first) return null;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: covering.map((finding) => section(finding, !clientShowsDiagnostics)).join('\n\n---\n\n'),
    },
    range: mapper.toLspRange(first.range),
  };
}
