// Keeps the server's pulled diagnostics to open documents. vscode-languageclient pulls workspace
// diagnostics every 2 s when the server offers them; the extension shows the whole workspace only on
// "Audit Workspace" (its own collection), so the offer is withdrawn before the features initialize.
import type { ServerCapabilities, StaticFeature } from 'vscode-languageclient/node';

export class OpenDocumentDiagnosticsOnly implements StaticFeature {
  getState(): { kind: 'static' } {
    return { kind: 'static' };
  }

  fillClientCapabilities(): void {}

  preInitialize(capabilities: ServerCapabilities): void {
    const provider = capabilities.diagnosticProvider;
    if (provider !== undefined && typeof provider === 'object') {
      capabilities.diagnosticProvider = { ...provider, workspaceDiagnostics: false };
    }
  }

  initialize(): void {}

  clear(): void {}
}
