// The language status item and the status bar entry: they render the StatusModel, recounting the
// winsock-lint diagnostics at each render and as soon as VS Code's diagnostics change.
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids.js';
import { DOCUMENT_SELECTOR } from './languages.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import type { StatusModel, StatusSeverity } from './status-model.js';

const SHOW_OUTPUT: vscode.Command = { title: 'Show Output', command: COMMANDS.showOutput };

const LANGUAGE_SEVERITY: Record<StatusSeverity, vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

const BAR_BACKGROUND: Record<StatusSeverity, vscode.ThemeColor | undefined> = {
  information: undefined,
  warning: new vscode.ThemeColor('statusBarItem.warningBackground'),
  error: new vscode.ThemeColor('statusBarItem.errorBackground'),
};

/** Every winsock-lint diagnostic VS Code knows of: live ones from the server and the audit's. */
export function countFindings(): number {
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) if (diagnostic.source === DIAGNOSTIC_SOURCE) count++;
  }
  return count;
}

export class StatusItems implements vscode.Disposable {
  private readonly languageItem: vscode.LanguageStatusItem;
  private readonly barItem: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: StatusModel) {
    this.languageItem = vscode.languages.createLanguageStatusItem(
      'winsockLint.status',
      DOCUMENT_SELECTOR.map((filter) => ({ ...filter })),
    );
    this.languageItem.name = 'winsock-lint';
    this.languageItem.command = SHOW_OUTPUT;
    this.barItem = vscode.window.createStatusBarItem('winsockLint.status', vscode.StatusBarAlignment.Right, 100);
    this.barItem.name = 'winsock-lint';
    this.barItem.command = SHOW_OUTPUT;
    this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => this.render()));
    this.render();
    this.barItem.show();
  }

  render(): void {
    // Counted now, not later: the count is that of the Problems view at every change.
    this.model.findings = countFindings();
    const view = this.model.view((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false));
    this.languageItem.text = view.text;
    this.languageItem.detail = view.detail;
    this.languageItem.severity = LANGUAGE_SEVERITY[view.severity];
    this.languageItem.busy = view.busy;
    this.barItem.text = view.statusBarText;
    this.barItem.tooltip = view.detail;
    this.barItem.backgroundColor = BAR_BACKGROUND[view.severity];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.languageItem.dispose();
    this.barItem.dispose();
  }
}
