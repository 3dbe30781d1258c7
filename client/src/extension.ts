// Entry point of the VS Code extension: starts the winsock-lint language server and wires the
// status items, the workspace audit, the commands and workspace trust together.
import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { DOCUMENT_SELECTOR } from './languages.js';
import { ServerSession } from './server-session.js';
import { StatusItems } from './status-items.js';
import { StatusModel } from './status-model.js';
import { WorkspaceAudit } from './workspace-audit.js';

let session: ServerSession | undefined;

/** The URIs of the documents the language client hands to the server. */
function handedToServer(documents: readonly vscode.TextDocument[]): string[] {
  const selector = DOCUMENT_SELECTOR.map((filter) => ({ ...filter }));
  return documents.filter((d) => vscode.languages.match(selector, d) > 0).map((d) => d.uri.toString());
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('winsock-lint', { log: true });
  const model = new StatusModel();
  const status = new StatusItems(model);
  const audit = new WorkspaceAudit(output);
  const current = new ServerSession(context, output);
  session = current;

  const restart = async (): Promise<void> => {
    model.restartRequested();
    audit.clear();
    status.render();
    await current.restart();
  };
  context.subscriptions.push(
    output,
    status,
    audit,
    current,
    current.onDidChangeState((state) => {
      model.serverStateChanged(state);
      // A (re)started server analyses every open document before it can say anything about them.
      if (state === 'running') model.awaitAnalysis(handedToServer(vscode.workspace.textDocuments));
      if (state !== 'running') audit.clear();
      status.render();
    }),
    current.onStartFailure((message) => {
      model.startFailed(message);
      status.render();
    }),
    current.onAnalysisStatus((analysis) => {
      model.analysisReported(analysis);
      status.render();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (current.running) model.awaitAnalysis(handedToServer([document]));
      status.render();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      model.documentClosed(document.uri.toString());
      status.render();
    }),
    // The server read the workspace's configuration files only if the workspace was trusted at start.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('Workspace trusted: restarting the server so that winsock-lint.config.json files apply.');
      void restart();
    }),
    ...registerCommands({ extension: context, session: current, audit, output, restart }),
  );
  output.info(
    `winsock-lint ${String(context.extension.packageJSON['version'])}; workspace trusted: ${vscode.workspace.isTrusted}`,
  );
  await current.start();
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
