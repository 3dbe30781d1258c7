// Delivers diagnostics the way the client wants them: pushed with publishDiagnostics, or pulled with
// textDocument/diagnostic and workspace/diagnostic (with workspace/diagnostic/refresh when a change
// in one file changes another file's findings).
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Analyzer, ResultChange } from './analyzer.js';
import type { DocumentStore } from './documents.js';
import { requireTextDocument } from './request-params.js';

export type DeliveryMode = 'push' | 'pull';

export class DiagnosticDelivery {
  private changeListeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    readonly mode: DeliveryMode,
    private readonly refreshSupport: boolean,
    private readonly documents: DocumentStore,
  ) {}

  /** Called by the analyzer after each run. */
  onResults(changes: readonly ResultChange[], removed: readonly string[]): void {
    if (this.mode === 'push') {
      for (const { result } of changes) {
        if (result.version === null) continue;
        void this.connection.sendDiagnostics({
          uri: result.uri,
          version: result.version,
          diagnostics: result.diagnostics,
        });
      }
      for (const uri of removed) {
        if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      return;
    }
    // A client pulls a document's diagnostics when it changes; only changes it cannot know about
    // (another file's edit, a file on disk, a configuration change) need a refresh.
    const unseen = changes.some(
      ({ result, previous }) =>
        result.version === null || (previous !== undefined && previous.version === result.version),
    );
    if ((unseen || removed.length > 0) && this.refreshSupport) {
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }
    if (changes.length > 0 || removed.length > 0) {
      const listeners = this.changeListeners;
      this.changeListeners = [];
      for (const listener of listeners) listener();
    }
  }

  register(analyzer: Analyzer, ready: () => Promise<void>): void {
    this.connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const { uri } = requireTextDocument(params);
      const result = this.documents.get(uri) ? await analyzer.resultFor(uri) : analyzer.latest(uri);
      if (token.isCancellationRequested) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true });
      }
      if (!result) return { kind: 'full', items: [] };
      if (params.previousResultId === result.resultId) return { kind: 'unchanged', resultId: result.resultId };
      return { kind: 'full', resultId: result.resultId, items: result.diagnostics };
    });

    this.connection.languages.diagnostics.onWorkspace(async (params, token) => {
      const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      for (;;) {
        await ready();
        const items = this.workspaceItems(analyzer, previous);
        const nothingNew = previous.size > 0 && items.every((item) => item.kind === 'unchanged');
        if (!nothingNew || token.isCancellationRequested) return { items };
        // Long poll: answer once something changes (or the client gives up).
        await this.nextChange(token);
        if (token.isCancellationRequested) return { items };
      }
    });
  }

  private workspaceItems(
    analyzer: Analyzer,
    previous: ReadonlyMap<string, string>,
  ): WorkspaceDocumentDiagnosticReport[] {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const result of analyzer.allResults()) {
      if (result.findings.length === 0 && !previous.has(result.uri) && result.version === null) continue;
      reported.add(result.uri);
      if (previous.get(result.uri) === result.resultId) {
        items.push({ kind: 'unchanged', uri: result.uri, version: result.version, resultId: result.resultId });
      } else {
        items.push({
          kind: 'full',
          uri: result.uri,
          version: result.version,
          resultId: result.resultId,
          items: result.diagnostics,
        });
      }
    }
    for (const uri of previous.keys()) {
      if (!reported.has(uri)) items.push({ kind: 'full', uri, version: null, items: [] });
    }
    return items;
  }

  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      this.changeListeners.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }
}
