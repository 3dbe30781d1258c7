// Test helper: a CliIo that records what main writes, for running the CLI in-process.
import type { CliIo } from '../../src/io.js';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): CapturedIo {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env,
    cwd,
    out: () => stdout,
    err: () => stderr,
  };
}
