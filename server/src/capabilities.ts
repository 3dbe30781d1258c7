// What the server tells the client in the initialize result, and what it learns about the client.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from './code-actions.js';
import { COMMANDS } from './commands.js';
import { negotiateEncoding, type PositionEncoding } from './positions.js';

export interface ClientFeatures {
  encoding: PositionEncoding;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  relatedInformation: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  showDocument: boolean;
  documentChanges: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  return {
    encoding: negotiateEncoding(capabilities.general?.positionEncodings),
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    relatedInformation:
      capabilities.textDocument?.publishDiagnostics?.relatedInformation === true ||
      capabilities.textDocument?.diagnostic?.relatedInformation === true,
    configuration: capabilities.workspace?.configuration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    positionEncoding: features.encoding,
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    hoverProvider: true,
    diagnosticProvider: { identifier: 'winsock-lint', interFileDependencies: true, workspaceDiagnostics: true },
    executeCommandProvider: { commands: [...COMMANDS] },
  };
}
