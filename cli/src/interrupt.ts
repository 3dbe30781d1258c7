// Ctrl-C (SIGINT) or SIGTERM while files are being written: remove the temporary files that exist, say which
// state the files are in, and exit 130 (143 for SIGTERM) at once. Every target is then either its original
// bytes or the complete new bytes, since a target only ever changes by a rename. The handler is installed only
// around the write phase: elsewhere the default (immediate termination) is what the user wants, and a handler
// would only run once the synchronous analysis finished.
import { removePendingTemporaryFiles } from './atomic-write.js';
import type { OutputStream } from './io.js';

export const EXIT_INTERRUPTED = 130;

export async function withInterruptCleanup<T>(stderr: OutputStream, work: () => Promise<T>): Promise<T> {
  const handler = (signal: NodeJS.Signals): void => {
    const removed = removePendingTemporaryFiles();
    stderr.write(
      `\nwinsock-lint: interrupted (${signal}): ${removed} temporary ${removed === 1 ? 'file' : 'files'} ` +
        'removed; files already written are complete, the others are unchanged\n',
    );
    process.exit(signal === 'SIGTERM' ? 143 : EXIT_INTERRUPTED);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  try {
    return await work();
  } finally {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  }
}
