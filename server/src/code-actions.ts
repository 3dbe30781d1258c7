// Code actions, vscode-eslint style: they only look up what was recorded when the document was
// validated (matched by diagnostic id and version, or by range and code); an older version gets no edit.
import { docsUrl } from '@winsock-lint/rules';
import type { Finding, RuleId } from '@winsock-lint/rules';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from './protocol.js';
import { SHOW_DOCUMENTATION } from './commands.js';
import { disableFileEdit, disableLineEdit } from './disable-comments.js';
import { matchDiagnostics } from './diagnostic-matching.js';
import type { DocumentResult } from './document-result.js';
import { fixAllEdit } from './fix-all.js';
import { PositionMapper, type PositionEncoding } from './positions.js';
import { fixToTextEdit, workspaceEdit } from './text-edits.js';

export { FIX_ALL_KIND };

export interface CodeActionContext {
  result: DocumentResult;
  /** The document's current version: a result for another version yields nothing editable. */
  currentVersion: number;
  encoding: PositionEncoding;
  documentChanges: boolean;
  reanalyze: (text: string) => Finding[];
}

/** Whether a kind the client asked for (`only`) covers `kind`. */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  const { result } = context;
  const only = params.context.only;
  if (result.version !== context.currentVersion) return [];
  const mapper = new PositionMapper(result.text, context.encoding);
  const edit = (edits: TextEdit[]) => workspaceEdit(result.uri, result.version, edits, context.documentChanges);
  const actions: CodeAction[] = [];

  // The client's diagnostics, matched to the records (diagnostic-matching.ts); a stale view gets nothing.
  const { pairs, stale } = matchDiagnostics(result, params.context.diagnostics, params.range);
  if (stale && pairs.length === 0) return [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    const disabled = new Set<RuleId>();
    for (const { diagnostic, finding } of pairs) {
      if (finding.fix) {
        actions.push({
          title: finding.fix.message,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diagnostic],
          edit: edit([fixToTextEdit(finding.fix, mapper)]),
        });
      }
      for (const suggestion of finding.suggestions) {
        actions.push({
          title: suggestion.message,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit([fixToTextEdit(suggestion, mapper)]),
        });
      }
    }
    // One set of disable/documentation actions per rule, after the fixes.
    for (const { diagnostic, finding } of pairs) {
      const rule = finding.ruleId;
      if (rule === null || disabled.has(rule)) continue;
      disabled.add(rule);
      actions.push({
        title: `Disable ${rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableLineEdit(finding, rule, mapper)]),
      });
      actions.push({
        title: `Disable ${rule} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableFileEdit(rule, mapper)]),
      });
      const title = `Show documentation for ${rule}`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: SHOW_DOCUMENTATION, arguments: [docsUrl(rule)] },
      });
    }
  }

  const fixAllRequested =
    only !== undefined && only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`));
  const fixAllOffered = only === undefined && result.findings.some((f) => f.fix);
  if (fixAllRequested || fixAllOffered) {
    const fixAll = fixAllEdit(result, mapper, context.reanalyze);
    const title = 'Fix all auto-fixable winsock-lint problems';
    // Nothing left to fix: no action, so applying fix-all twice is the same as once.
    if (fixAll) actions.push({ title, kind: FIX_ALL_KIND, edit: edit([fixAll]) });
  }
  return actions;
}
