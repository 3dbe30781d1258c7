// Owns the language client: starts the bundled server over IPC, restarts it, reports its state and the
// server's analysis status notifications. A server that cannot start is reported, never thrown.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR } from './languages.js';
import { OpenDocumentDiagnosticsOnly } from './open-document-diagnostics.js';
import {
  ANALYSIS_STATUS_NOTIFICATION,
  SHOW_DOCUMENTATION_COMMAND,
  initializationOptions,
  parseAnalysisStatus,
} from './protocol.js';
import { openRuleDocs } from './rule-docs.js';
import type { AnalysisStatus } from './protocol.js';
import type { ServerState } from './status-model.js';

/** The client id: VS Code reads `winsockLint.trace.server` through it. */
export const CLIENT_ID = 'winsockLint';
export const SERVER_MODULE = 'dist/server.cjs';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function publicState(state: State): ServerState {
  if (state === State.Running) return 'running';
  if (state === State.Starting) return 'starting';
  return 'stopped';
}

export class ServerSession implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly statusEmitter = new vscode.EventEmitter<AnalysisStatus>();
  private readonly startFailureEmitter = new vscode.EventEmitter<string>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onAnalysisStatus = this.statusEmitter.event;
  readonly onStartFailure = this.startFailureEmitter.event;
  private client: LanguageClient | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The running client, if any (commands need it to talk to the server). */
  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  async start(): Promise<void> {
    try {
      const client = this.client ?? this.create();
      await client.start();
    } catch (error) {
      this.failed(error);
    }
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the winsock-lint language server.');
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    if (!client?.needsStop()) return;
    try {
      await client.stop();
    } catch (error) {
      this.output.warn(`Stopping the language server failed: ${describe(error)}`);
    }
  }

  dispose(): void {
    void this.client?.dispose();
    this.stateEmitter.dispose();
    this.statusEmitter.dispose();
    this.startFailureEmitter.dispose();
  }

  private create(): LanguageClient {
    const module = this.context.asAbsolutePath(SERVER_MODULE);
    if (!existsSync(module)) throw new Error(`the server bundle ${module} is missing; reinstall the extension.`);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR.map((filter) => ({ ...filter })),
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Evaluated at every (re)start, so granting workspace trust and restarting takes effect.
      initializationOptions: () => initializationOptions(vscode.workspace.isTrusted),
      middleware: {
        // "Show documentation" opens the page shipped in the extension instead of asking the server for a browser.
        executeCommand: (command, args: unknown[], next) => {
          const [url] = args;
          if (command === SHOW_DOCUMENTATION_COMMAND && typeof url === 'string') return openRuleDocs(this.context, url);
          return next(command, args);
        },
      },
    };
    const client = new LanguageClient(CLIENT_ID, 'winsock-lint', serverOptions, clientOptions);
    client.registerFeature(new OpenDocumentDiagnosticsOnly());
    client.onDidChangeState((event) => this.stateEmitter.fire(publicState(event.newState)));
    client.onNotification(ANALYSIS_STATUS_NOTIFICATION, (params: unknown) => {
      const status = parseAnalysisStatus(params);
      if (status) this.statusEmitter.fire(status);
      else this.output.warn(`Ignoring a malformed ${ANALYSIS_STATUS_NOTIFICATION} notification.`);
    });
    this.client = client;
    return client;
  }

  private failed(error: unknown): void {
    const message = describe(error);
    this.output.error(`The winsock-lint language server could not start: ${message}`);
    this.startFailureEmitter.fire(message);
  }
}
