// Ctrl-C (SIGINT), SIGTERM or SIGHUP (the terminal closed) while files are being written: remove the temporary
// files that exist, say which state the files are in, and exit 130 (143 for SIGTERM, 129 for SIGHUP) at once. Every target is then either its original
// bytes or the complete new bytes, since a target only ever changes by a rename. The handler is installed only
// around the write phase: elsewhere the default (immediate termination) is what the user wants, and a handler
// would only run once the synchronous analysis finished.
import { removePendingTemporaryFiles } from './atomic-write.js';
import type { OutputStream } from './io.js';

export const EXIT_INTERRUPTED = 130;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function withInterruptCleanup<T>(stderr: OutputStream, work: () => Promise<T>): Promise<T> {
  const handler = (signal: NodeJS.Signals): void => {
    const removed = removePendingTemporaryFiles();
    stderr.write(
      `\nwinsock-lint: interrupted (${signal}): ${removed} temporary ${removed === 1 ? 'file' : 'files'} ` +
        'removed; files already written are complete, the others are unchanged\n',
    );
    process.exit(signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : EXIT_INTERRUPTED);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  try {
    return await work();
  } finally {
    for (const signal of SIGNALS) process.off(signal, handler);
  }
}
