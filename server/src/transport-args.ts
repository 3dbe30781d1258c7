// Parses the server's command-line transport flags: --stdio, --node-ipc, --socket=N (or --socket N).
import type { Transport } from './index.js';

export function parseTransport(argv: readonly string[]): Transport | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--stdio') return 'stdio';
    if (arg === '--node-ipc') return 'node-ipc';
    const port = arg.startsWith('--socket=')
      ? arg.slice('--socket='.length)
      : arg === '--socket'
        ? argv[i + 1]
        : undefined;
    if (port !== undefined) {
      const socket = Number(port);
      return Number.isInteger(socket) && socket > 0 && socket < 65536 ? { socket } : undefined;
    }
  }
  return undefined;
}
