// A progress line on stderr for long runs: files done/total, MB/s and ETA, redrawn in place with \r at most
// every 100 ms. Only on a terminal: never when stderr is piped or redirected, when CI is set, when TERM=dumb,
// or under --quiet. The engine's analysis is one synchronous call, so the reading phase shows real progress and
// the analysis a one-line phase message; a streaming engine can drive the same sink phase by phase.
import type { OutputStream } from './io.js';

/** What a phase of work reports; a no-op sink when progress is off. */
export interface ProgressSink {
  /** Starts a phase with `total` units (files) of work; 0 when the amount cannot be measured. */
  begin(phase: string, total: number): void;
  /** `files` more units done, `bytes` more bytes processed. */
  advance(files: number, bytes: number): void;
  /** Removes the line from the terminal (before anything else is written to stderr). */
  clear(): void;
}

export interface ProgressOptions {
  quiet: boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Minimum time between redraws; default 100 ms. */
  interval?: number;
}

export const NO_PROGRESS: ProgressSink = { begin() {}, advance() {}, clear() {} };

export function progressEnabled(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  quiet: boolean,
): boolean {
  if (quiet || stream.isTTY !== true) return false;
  // Any value of CI (even "false" is rare enough) means a log, not a terminal someone watches.
  if (env['CI'] !== undefined) return false;
  return env['TERM'] !== 'dumb';
}

export function createProgress(
  stream: OutputStream & { columns?: number | undefined },
  env: Readonly<Record<string, string | undefined>>,
  options: ProgressOptions,
): ProgressSink {
  if (!progressEnabled(stream, env, options.quiet)) return NO_PROGRESS;
  const now = options.now ?? (() => performance.now());
  const interval = options.interval ?? 100;
  let phase = '';
  let total = 0;
  let done = 0;
  let bytes = 0;
  let started = 0;
  let lastDraw = -Infinity;
  let shown = false;

  const draw = (force: boolean): void => {
    const at = now();
    if (!force && at - lastDraw < interval) return;
    lastDraw = at;
    const seconds = Math.max((at - started) / 1000, 1e-3);
    let line: string;
    if (total > 0) {
      const ratio = Math.min(1, done / total);
      const width = 20;
      const filled = Math.round(ratio * width);
      const rate = bytes / (1024 * 1024) / seconds;
      const eta = done > 0 ? ((total - done) * seconds) / done : undefined;
      line =
        `${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files ` +
        `${rate.toFixed(1)} MB/s ETA ${eta === undefined ? '?' : formatDuration(eta)}`;
    } else {
      line = `${phase}…`;
    }
    const columns = stream.columns ?? 80;
    if (line.length > columns - 1) line = line.slice(0, Math.max(0, columns - 1));
    stream.write(`\r\u001b[2K${line}`);
    shown = true;
  };

  return {
    begin(name, units) {
      phase = name;
      total = units;
      done = 0;
      bytes = 0;
      started = now();
      // A phase without measurable progress says so at once; a measured one waits for its first interval.
      if (units === 0) draw(true);
      else lastDraw = started;
    },
    advance(files, moreBytes) {
      done += files;
      bytes += moreBytes;
      draw(false);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
