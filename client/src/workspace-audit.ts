// "Audit Workspace": asks the server to analyse every workspace folder (with progress), and shows the
// findings of files that are not open in a separate diagnostic collection. Opening a file hands it
// back to the server's live diagnostics; a server restart clears the audit.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic, LanguageClient, WorkDoneProgressReport } from 'vscode-languageclient/node';
import type { WorkDoneProgressBegin } from 'vscode-languageclient/node';
import { auditSummary, entriesToPublish, progressIncrement } from './audit-results.js';
import { AUDIT_WORKSPACE_COMMAND, parseAuditResult } from './protocol.js';

export const AUDIT_COLLECTION = 'winsock-lint audit';

function key(uri: vscode.Uri | string): string {
  return (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
}

export class WorkspaceAudit implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(AUDIT_COLLECTION);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.subscriptions = [vscode.workspace.onDidOpenTextDocument((document) => this.collection.delete(document.uri))];
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  async run(client: LanguageClient): Promise<void> {
    const title = 'winsock-lint: auditing the workspace';
    const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
    const raw = await vscode.window.withProgress(options, async (progress, token) => {
      const workDoneToken = randomUUID();
      let percent = 0;
      const report = (value: WorkDoneProgressBegin | WorkDoneProgressReport): void => {
        const increment = progressIncrement(percent, value.percentage);
        if (value.percentage !== undefined) percent = Math.max(percent, value.percentage);
        progress.report({ ...(value.message ? { message: value.message } : {}), ...(increment ? { increment } : {}) });
      };
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'end') report(value);
      });
      try {
        const params = { command: AUDIT_WORKSPACE_COMMAND, arguments: [], workDoneToken };
        return (await client.sendRequest(ExecuteCommandRequest.type, params, token)) as unknown;
      } finally {
        listener.dispose();
      }
    });
    const result = parseAuditResult(raw);
    if (!result) {
      this.output.error(`${AUDIT_WORKSPACE_COMMAND} returned an unexpected result: ${JSON.stringify(raw)}`);
      void vscode.window.showErrorMessage('winsock-lint: the audit returned an unexpected result; see the output.');
      return;
    }
    const open = new Set(vscode.workspace.textDocuments.map((document) => key(document.uri)));
    this.collection.clear();
    for (const entry of entriesToPublish(result, (uri) => open.has(key(uri)))) {
      try {
        const diagnostics = await client.protocol2CodeConverter.asDiagnostics(entry.diagnostics as LspDiagnostic[]);
        this.collection.set(vscode.Uri.parse(entry.uri), diagnostics);
      } catch (error) {
        this.output.warn(`Skipping the audit result for ${entry.uri}: ${String(error)}`);
      }
    }
    const summary = auditSummary(result);
    this.output.info(summary);
    void vscode.window.showInformationMessage(summary);
  }
}
