// Test harness: spawns the real server (`node server/dist/src/bin.js --stdio`) and talks LSP to it
// through vscode-jsonrpc's client-side message connection. Waiting is always on promises.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type ProgressToken,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import type { AnalysisStatus } from '../../src/protocol.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const SERVER_BIN = join(REPO_ROOT, 'server', 'dist', 'src', 'bin.js');

export function fixturePath(relative: string): string {
  return join(REPO_ROOT, 'fixtures', relative);
}
export function fixtureUri(relative: string): string {
  return pathToFileURL(fixturePath(relative)).href;
}
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  workspaceFolders?: { uri: string; name: string }[];
  /** What workspace/configuration answers for section winsockLint (undefined: no settings). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Runs between the initialize answer and the initialized notification (e.g. to open a document). */
  beforeInitialized?: (client: TestClient) => void;
}

/** A $/progress notification: the token and its begin/report/end value. */
export interface ProgressNotification {
  token: ProgressToken;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly requests: { method: string; params: unknown }[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly progress: ProgressNotification[] = [];
  /** winsock-lint/analysisStatus notifications (sent only when initializationOptions ask for them). */
  readonly statuses: AnalysisStatus[] = [];
  readonly exited: Promise<number | null>;
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly connection: MessageConnection,
    readonly child: ChildProcess,
    /** What workspace/configuration answers; change it, then send didChangeConfiguration. */
    public settings: unknown,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.changed();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      this.changed();
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params);
      this.changed();
    });
    connection.onNotification('$/progress', (params: ProgressNotification) => {
      this.progress.push(params);
      this.changed();
    });
    connection.onNotification('winsock-lint/analysisStatus', (params: AnalysisStatus) => {
      this.statuses.push(params);
      this.changed();
    });
    connection.onRequest((method: string, params: unknown) => {
      this.requests.push({ method, params });
      this.changed();
      if (method === 'workspace/configuration') {
        const items = (params as { items: unknown[] }).items;
        return items.map(() => this.settings ?? null);
      }
      if (method === 'window/showDocument') return { success: true };
      return null;
    });
  }

  /** Resolves with the first value `pick` returns that is not undefined, checking after every message. */
  waitFor<T>(pick: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const value = pick();
        if (value === undefined) return false;
        resolve(value);
        return true;
      };
      if (check()) return;
      const listener = (): void => {
        if (check()) this.listeners.splice(this.listeners.indexOf(listener), 1);
      };
      this.listeners.push(listener);
    });
  }

  /** The first publishDiagnostics for `uri` (at `version`, if given) not yet consumed. */
  pushed(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() =>
      this.diagnostics.find((d) => d.uri === uri && (version === undefined || d.version === version)),
    );
  }

  open(uri: string, text: string, languageId = 'cpp', version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest('shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit').catch(() => undefined);
    }
    await this.exited;
    this.connection.dispose();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export async function startClient(
  options: ClientOptions = {},
): Promise<{ client: TestClient; result: InitializeResult }> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const client = new TestClient(connection, child, options.settings);
  connection.listen();
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? {},
    workspaceFolders: options.workspaceFolders ?? null,
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  })) as InitializeResult;
  options.beforeInitialized?.(client);
  await connection.sendNotification('initialized', {});
  return { client, result };
}

/** Applies LSP text edits (UTF-16 positions) to a text, last edit first. */
export function applyTextEdits(
  text: string,
  edits: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}
