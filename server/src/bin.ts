#!/usr/bin/env node
// Command-line entry: `node server/dist/src/bin.js --stdio | --node-ipc | --socket=N`.
import { startServer } from './index.js';
import { parseTransport } from './transport-args.js';

const transport = parseTransport(process.argv.slice(2));
if (transport === undefined) {
  process.stderr.write('usage: winsock-lint-server --stdio | --node-ipc | --socket=<port>\n');
  process.exitCode = 2;
} else {
  startServer({ transport });
}
