// The command winsock-lint.auditWorkspace: rescans every workspace folder, waits until every analysis
// has settled, and returns every file's diagnostics (as published or pulled), reporting work-done
// progress through the request's token or a server-initiated $/progress.
import type { Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { Analyzer } from './analyzer.js';
import type { DocumentStore } from './documents.js';
import type { WorkspaceScanner } from './workspace-scan.js';
import type { AuditResult as ProtocolAuditResult } from './protocol.js';

export type AuditResult = ProtocolAuditResult<Diagnostic>;

export interface AuditContext {
  analyzer: Analyzer;
  scanner: WorkspaceScanner;
  documents: DocumentStore;
}

export async function auditWorkspace(context: AuditContext, progress: WorkDoneProgressReporter): Promise<AuditResult> {
  const { analyzer, scanner, documents } = context;
  progress.begin('winsock-lint: auditing the workspace', 0, 'Reading the workspace folders', false);
  try {
    await scanner.scanAll((percentage, message) => progress.report(Math.min(percentage, 99), message));
    // A newer scan (a configuration change meanwhile) supersedes this one: wait for it as well.
    await scanner.done();
    progress.report(99, 'Analysing open documents');
    await Promise.all(documents.all().map((document) => analyzer.resultFor(document.uri)));
    await analyzer.settled();
    return summarize(analyzer);
  } finally {
    progress.done();
  }
}

function summarize(analyzer: Analyzer): AuditResult {
  const analysed = analyzer.allResults().filter((result) => result.skipped === undefined);
  const results = analysed
    .filter((result) => result.diagnostics.length > 0)
    .map(({ uri, diagnostics }) => ({ uri, diagnostics }))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const findings = results.reduce((sum, result) => sum + result.diagnostics.length, 0);
  return { files: analysed.length, findings, results };
}
