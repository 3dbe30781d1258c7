// The commands of the palette's "winsock-lint" category. Each reports its own failures as a message;
// none throws into VS Code.
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids.js';
import { isLintedLanguage } from './languages.js';
import { FIX_ALL_KIND } from './protocol.js';
import { RULE_CATALOG } from './rule-catalog.js';
import { openRuleDocs } from './rule-docs.js';
import type { ServerSession } from './server-session.js';
import type { WorkspaceAudit } from './workspace-audit.js';

export interface CommandContext {
  session: ServerSession;
  audit: WorkspaceAudit;
  output: vscode.LogOutputChannel;
  extension: vscode.ExtensionContext;
  /** Restarts the server the user asked for (the status forgets earlier crashes). */
  restart: () => Promise<void>;
}

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof Error && /cancel/i.test(error.message));
}

function guarded(name: string, output: vscode.LogOutputChannel, run: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await run();
    } catch (error) {
      if (isCancellation(error)) return;
      const message = error instanceof Error ? error.message : String(error);
      output.error(`${name} failed: ${message}`);
      void vscode.window.showErrorMessage(`winsock-lint: ${name} failed: ${message}`);
    }
  };
}

async function auditWorkspace({ session, audit }: CommandContext): Promise<void> {
  const client = session.running;
  if (!client) {
    void vscode.window.showWarningMessage('winsock-lint: the language server is not running.');
    return;
  }
  await audit.run(client);
}

async function fixAllInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isLintedLanguage(editor.document.languageId)) {
    void vscode.window.showInformationMessage('winsock-lint: open a C, C++, TypeScript or JavaScript file first.');
    return;
  }
  await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

async function openRuleDocumentation(extension: vscode.ExtensionContext): Promise<void> {
  const items = RULE_CATALOG.map((rule) => ({
    label: rule.id,
    description: `default: ${rule.defaultSeverity}${rule.fixKind === 'code' ? ', fixable' : ''}`,
    detail: rule.description,
    url: rule.docsUrl,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'winsock-lint: Open Rule Documentation',
    placeHolder: 'Choose a rule',
    matchOnDetail: true,
  });
  if (picked) await openRuleDocs(extension, picked.url);
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { output } = context;
  const register = (id: string, name: string, run: () => Promise<void>): vscode.Disposable =>
    vscode.commands.registerCommand(id, guarded(name, output, run));
  return [
    register(COMMANDS.auditWorkspace, 'Audit Workspace', () => auditWorkspace(context)),
    register(COMMANDS.fixAllInFile, 'Fix All in File', fixAllInFile),
    register(COMMANDS.showOutput, 'Show Output', async () => output.show(true)),
    register(COMMANDS.restartServer, 'Restart Server', context.restart),
    register(COMMANDS.openRuleDocumentation, 'Open Rule Documentation', () => openRuleDocumentation(context.extension)),
  ];
}
