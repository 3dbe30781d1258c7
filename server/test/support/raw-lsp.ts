// Test harness for the base protocol itself: spawns the real server on stdio and writes raw bytes (malformed
// headers, requests out of lifecycle order), reading its answers with a framing parser of its own. Waiting is
// always on promises: a message matching a predicate, or the process exiting.
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_BIN } from './lsp-client.js';

export interface RawMessage {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawServer {
  readonly received: RawMessage[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];

  constructor() {
    this.child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      this.wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Writes bytes as they are (to forge headers). */
  raw(text: string | Buffer): void {
    this.child.stdin?.write(text);
  }

  /** Writes one well-framed JSON-RPC message. */
  send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(id: number, method: string, params?: unknown): Promise<RawMessage> {
    this.send(params === undefined ? { id, method } : { id, method, params });
    return this.response(id);
  }

  initialize(id = 1): Promise<RawMessage> {
    return this.request(id, 'initialize', { processId: null, rootUri: null, capabilities: {} });
  }

  response(id: number): Promise<RawMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  waitFor(predicate: (message: RawMessage) => boolean): Promise<RawMessage> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const found = this.received.find(predicate);
        if (found) resolve(found);
        return found !== undefined;
      };
      if (check()) return;
      const waiter = (): void => {
        if (check()) this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves when stderr matches. */
  stderrMatching(pattern: RegExp): Promise<void> {
    return new Promise((resolve) => {
      const waiter = (): void => {
        if (!pattern.test(this.stderr)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
      waiter();
    });
  }

  kill(): void {
    this.child.kill();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private onData(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString())?.[1]);
      if (this.pending.length < end + 4 + length) break;
      this.received.push(JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString()) as RawMessage);
      this.pending = this.pending.subarray(end + 4 + length);
    }
    this.wake();
  }
}
