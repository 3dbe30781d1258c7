// Opens a rule's documentation: the Markdown page shipped inside the extension, in VS Code's Markdown
// preview (offline, and before the docs are published anywhere); the URL in a browser only when the page
// is not in the extension.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { shippedDocFor } from './shipped-docs.js';

export async function openRuleDocs(context: vscode.ExtensionContext, url: string): Promise<boolean> {
  const shipped = shippedDocFor(url);
  const path = shipped === undefined ? undefined : context.asAbsolutePath(shipped);
  if (path !== undefined && existsSync(path)) {
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(path));
    return true;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url));
}
