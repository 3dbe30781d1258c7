// Pure state behind the language status item and the status bar entry: the server's state, the number
// of findings, open documents not analysed yet ("analysing…", never a false all-clear), slow analyses
// (from the analysisStatus notification) and unexpected server restarts.
import type { AnalysisStatus } from './protocol.js';

export type ServerState = 'starting' | 'running' | 'stopped';
export type StatusSeverity = 'information' | 'warning' | 'error';

/** An analysis at least this long turns the status into a warning. */
export const SLOW_ANALYSIS_MS = 2000;

export interface StatusView {
  /** Language status item text. */
  text: string;
  /** Status bar text, with a codicon. */
  statusBarText: string;
  /** Why the status is what it is (language status detail, status bar tooltip). */
  detail: string;
  severity: StatusSeverity;
  busy: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export class StatusModel {
  state: ServerState = 'starting';
  findings = 0;
  /** Times the server stopped without the user or the extension asking it to. */
  unexpectedStops = 0;
  startError: string | undefined;
  private readonly slow = new Map<string, number>();
  private readonly skipped = new Map<string, string>();
  /** Open documents the running server has not reported an analysis of yet. */
  private readonly pending = new Set<string>();
  private stopExpected = false;

  /** The extension is about to stop or restart the server itself (command, trust change, shutdown). */
  expectStop(): void {
    this.stopExpected = true;
  }

  /** A restart the user asked for starts with a clean record. */
  restartRequested(): void {
    this.expectStop();
    this.unexpectedStops = 0;
    this.startError = undefined;
    this.slow.clear();
    this.skipped.clear();
  }

  /** Documents handed to the server (opened, or open when it starts): "analysing…" until each is reported. */
  awaitAnalysis(uris: Iterable<string>): void {
    for (const uri of uris) this.pending.add(uri);
  }

  serverStateChanged(next: ServerState): void {
    if (this.state === 'running' && next !== 'running' && !this.stopExpected) this.unexpectedStops++;
    if (next === 'running') {
      this.stopExpected = false;
      this.startError = undefined;
    }
    this.state = next;
  }

  startFailed(message: string): void {
    this.startError = message;
    this.state = 'stopped';
  }

  analysisReported(status: AnalysisStatus): void {
    this.pending.delete(status.uri);
    if (status.durationMs >= SLOW_ANALYSIS_MS) this.slow.set(status.uri, status.durationMs);
    else this.slow.delete(status.uri);
    if (status.skipped) this.skipped.set(status.uri, status.skipped);
    else this.skipped.delete(status.uri);
  }

  documentClosed(uri: string): void {
    this.pending.delete(uri);
    this.slow.delete(uri);
    this.skipped.delete(uri);
  }

  view(fileName: (uri: string) => string = defaultFileName): StatusView {
    const reasons: string[] = [];
    if (this.startError !== undefined) reasons.push(`The server could not start: ${this.startError}`);
    if (this.unexpectedStops > 0) {
      const restarted = this.state === 'stopped' ? 'and was not restarted' : 'and was restarted';
      reasons.push(
        `The server stopped unexpectedly ${this.unexpectedStops === 1 ? 'once' : `${this.unexpectedStops} times`} ${restarted}.`,
      );
    }
    const slowest = [...this.slow].sort((a, b) => b[1] - a[1]);
    const first = slowest[0];
    if (first) {
      const others = slowest.length > 1 ? ` (${plural(slowest.length - 1, 'other slow file')})` : '';
      reasons.push(`Analysis of ${fileName(first[0])} took ${seconds(first[1])}${others}.`);
    }
    for (const [uri, why] of this.skipped) reasons.push(`${fileName(uri)} is not analysed: ${why}`);

    const troubled = this.unexpectedStops > 0 || this.slow.size > 0;
    const severity: StatusSeverity = this.state === 'stopped' ? 'error' : troubled ? 'warning' : 'information';
    if (this.state === 'starting') {
      return {
        text: 'winsock-lint: starting',
        statusBarText: '$(sync~spin) winsock-lint',
        detail: reasons.join(' ') || 'The language server is starting.',
        severity,
        busy: true,
      };
    }
    if (this.state === 'stopped') {
      return {
        text: 'winsock-lint: stopped',
        statusBarText: '$(error) winsock-lint: stopped',
        detail: reasons.join(' ') || 'The language server is not running. Run "winsock-lint: Restart Server".',
        severity,
        busy: false,
      };
    }
    if (this.pending.size > 0) {
      const waiting = `Analysing ${plural(this.pending.size, 'open file')} with the rest of the workspace.`;
      return {
        text: 'winsock-lint: analysing…',
        statusBarText: '$(sync~spin) winsock-lint: analysing…',
        detail: [waiting, ...reasons].join(' '),
        severity,
        busy: true,
      };
    }
    const count = this.findings === 0 ? 'no findings' : plural(this.findings, 'finding');
    return {
      text: `winsock-lint: ${count}`,
      statusBarText: `${severity === 'warning' ? '$(warning)' : '$(check)'} winsock-lint: ${this.findings}`,
      detail: reasons.join(' ') || 'The language server is running.',
      severity,
      busy: false,
    };
  }
}

/** The last path segment of a URI, decoded. */
export function defaultFileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
