// ESLint's JSON formatter output: one LintResult per analysed file (also files without messages), 1-based
// lines and columns, fixes as one [start, end) replacement into the decoded text. Pure.
import { mergeFixEdits, toOneBased } from '@winsock-lint/rules';
import type { Finding, Fix } from '../engine-types.js';
import type { ShardStamp } from '../shard.js';
import type { ReportFile } from './report-types.js';

/** The key of a sharded JSON report's shard stamp in each result. */
export const SHARD_KEY = 'winsockLintShard';

export interface EslintFix {
  range: [number, number];
  text: string;
}

/** Keys in the order ESLint's linter creates them, so the text matches ESLint's byte for byte. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  nodeType: null;
  messageId?: string;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: Array<{ desc: string; fix: EslintFix }>;
}

export interface EslintLintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: 0;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: [];
}

/** With --shard, each result also records the shard (`winsockLintShard`) for `merge`; ESLint readers ignore it. */
export function formatJson(files: readonly ReportFile[], shard?: ShardStamp): string {
  const results = toEslintResults(files);
  return JSON.stringify(shard ? results.map((result) => ({ ...result, [SHARD_KEY]: shard })) : results);
}

export function toEslintResults(files: readonly ReportFile[]): EslintLintResult[] {
  return files.map(({ result, text }) => {
    const messages = result.findings.map((finding) => toEslintMessage(finding, text));
    let errorCount = 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const message of messages) {
      if (message.severity === 2) {
        errorCount++;
        if (message.fix) fixableErrorCount++;
      } else {
        warningCount++;
        if (message.fix) fixableWarningCount++;
      }
    }
    return {
      filePath: result.path,
      messages,
      suppressedMessages: [],
      errorCount,
      fatalErrorCount: 0,
      warningCount,
      fixableErrorCount,
      fixableWarningCount,
      usedDeprecatedRules: [],
    };
  });
}

function toEslintMessage(finding: Finding, text: string): EslintMessage {
  const start = toOneBased(finding.range.start);
  const end = toOneBased(finding.range.end);
  const message: EslintMessage = {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: start.line,
    column: start.column,
    nodeType: null,
    // ESLint adds messageId only when the rule reported with one.
    ...(finding.messageId ? { messageId: finding.messageId } : {}),
    endLine: end.line,
    endColumn: end.column,
  };
  const fix = toEslintFix(text, finding.fix);
  if (fix) message.fix = fix;
  const suggestions = finding.suggestions.flatMap((suggestion) => {
    const suggestionFix = toEslintFix(text, suggestion);
    return suggestionFix ? [{ desc: suggestion.message, fix: suggestionFix }] : [];
  });
  if (suggestions.length > 0) message.suggestions = suggestions;
  return message;
}

/** ESLint drops fixes and suggestions that change nothing; a fix without edits is such a fix. */
function toEslintFix(text: string, fix: Fix | undefined): EslintFix | undefined {
  if (!fix || fix.edits.length === 0) return undefined;
  const merged = mergeFixEdits(text, fix);
  return { range: merged.range, text: merged.text };
}
