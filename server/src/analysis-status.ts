// The notification winsock-lint/analysisStatus, sent only to clients that ask for it
// (initializationOptions.statusNotifications): after each analysis run, one per open document whose
// result the run produced, with the run's duration, the number of findings and why it was skipped.
import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisRun } from './analyzer.js';
import type { DocumentStore } from './documents.js';
import { ANALYSIS_STATUS_NOTIFICATION, type AnalysisStatus } from './protocol.js';

export function sendAnalysisStatus(connection: Connection, documents: DocumentStore, run: AnalysisRun): void {
  const durationMs = Math.round(run.durationMs * 10) / 10;
  for (const result of run.results) {
    if (result.version === null || !documents.get(result.uri)) continue;
    const status: AnalysisStatus = {
      uri: result.uri,
      version: result.version,
      durationMs,
      findings: result.diagnostics.length,
    };
    if (result.skipped !== undefined) status.skipped = result.skipped;
    void connection.sendNotification(ANALYSIS_STATUS_NOTIFICATION, status);
  }
}
