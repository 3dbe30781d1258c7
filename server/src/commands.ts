// The one command the server executes: winsock-lint.showDocumentation opens a rule's documentation
// (window/showDocument when the client supports it, else a message with the link).
import { RULE_IDS, docsUrl } from '@winsock-lint/rules';
import type { Connection } from 'vscode-languageserver/node';
import { invalidParams } from './request-params.js';
import { showMessage } from './messages.js';

export const SHOW_DOCUMENTATION = 'winsock-lint.showDocumentation';

export function registerCommands(connection: Connection, canShowDocument: () => boolean): void {
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOCUMENTATION) throw invalidParams(`Unknown command '${params.command}'.`);
    const [url] = params.arguments ?? [];
    const known = RULE_IDS.map((id) => docsUrl(id));
    if (typeof url !== 'string' || !known.includes(url))
      throw invalidParams(`${SHOW_DOCUMENTATION} takes the URL of a rule's documentation.`);
    if (canShowDocument()) {
      const shown = await connection.window.showDocument({ uri: url, external: true });
      return shown.success;
    }
    showMessage(connection, 'info', `winsock-lint documentation: ${url}`);
    return true;
  });
}
