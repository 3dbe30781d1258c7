// The commands the server executes: winsock-lint.showDocumentation opens a rule's documentation
// (window/showDocument when the client supports it, else a message with the link), and
// winsock-lint.auditWorkspace reports every file's findings (see audit.ts).
import { RULE_IDS, findingDocsUrl } from '@winsock-lint/rules';
import {
  ExecuteCommandRequest,
  type Connection,
  type ExecuteCommandParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { AUDIT_WORKSPACE_COMMAND, SHOW_DOCUMENTATION_COMMAND } from './protocol.js';
import type { AuditResult } from './audit.js';
import { invalidParams } from './request-params.js';
import { showMessage } from './messages.js';

export const SHOW_DOCUMENTATION = SHOW_DOCUMENTATION_COMMAND;
export const AUDIT_WORKSPACE = AUDIT_WORKSPACE_COMMAND;
export const COMMANDS: readonly string[] = [SHOW_DOCUMENTATION, AUDIT_WORKSPACE];

export interface CommandHandlers {
  canShowDocument: () => boolean;
  /** `progress` reports through the request's workDoneToken or a server-initiated $/progress. */
  auditWorkspace: (progress: WorkDoneProgressReporter) => Promise<AuditResult>;
}

export function registerCommands(connection: Connection, handlers: CommandHandlers): void {
  // onRequest rather than onExecuteCommand: the latter removes workDoneToken from the params, and
  // the audit must know whether the client gave one.
  connection.onRequest(ExecuteCommandRequest.type, async (params) => {
    if (params.command === SHOW_DOCUMENTATION) return showDocumentation(connection, params, handlers.canShowDocument());
    if (params.command === AUDIT_WORKSPACE) {
      const { workDoneToken } = params;
      const progress =
        workDoneToken !== undefined
          ? connection.window.attachWorkDoneProgress(workDoneToken)
          : await connection.window
              .createWorkDoneProgress()
              .catch(() => connection.window.attachWorkDoneProgress(undefined));
      return handlers.auditWorkspace(progress);
    }
    throw invalidParams(`Unknown command '${params.command}'.`);
  });
}

async function showDocumentation(
  connection: Connection,
  params: ExecuteCommandParams,
  canShowDocument: boolean,
): Promise<boolean> {
  const [url] = params.arguments ?? [];
  const known = [...RULE_IDS, null].map((id) => findingDocsUrl(id));
  if (typeof url !== 'string' || !known.includes(url))
    throw invalidParams(`${SHOW_DOCUMENTATION} takes the URL of a rule's documentation.`);
  if (canShowDocument) {
    const shown = await connection.window.showDocument({ uri: url, external: true });
    return shown.success;
  }
  showMessage(connection, 'info', `winsock-lint documentation: ${url}`);
  return true;
}
