// Public entry of @winsock-lint/server: startServer() creates the connection for the chosen transport
// and serves LSP on it. Only protocol goes to stdout; logs go through connection.console.
import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  createServerSocketTransport,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { ResynchronisingFramer } from './framing.js';
import { LifecycleReader } from './lifecycle.js';
import { wireServer } from './server.js';

export { wireServer, SERVER_NAME, SERVER_VERSION } from './server.js';
export type { PositionEncoding } from './positions.js';
export { parseTransport } from './transport-args.js';

export type Transport = 'stdio' | 'node-ipc' | { socket: number };

export interface StartServerOptions {
  transport: Transport;
}

function transportOf(transport: Transport): [MessageReader, MessageWriter] {
  if (transport === 'stdio') {
    // Framing errors are logged to stderr (the client's output channel) and skipped, never wedging the reader.
    const framer = new ResynchronisingFramer((message) => process.stderr.write(`winsock-lint-server: ${message}\n`));
    return [new StreamMessageReader(process.stdin.pipe(framer)), new StreamMessageWriter(process.stdout)];
  }
  if (transport === 'node-ipc') return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  // --socket=N: the client listens on port N and the server connects to it (VS Code's convention).
  return createServerSocketTransport(transport.socket);
}

function connect(transport: Transport): Connection {
  const [reader, writer] = transportOf(transport);
  return createConnection(ProposedFeatures.all, new LifecycleReader(reader, writer), writer);
}

/** Routes console.* to the client's log: with stdio, a stray console.log would corrupt the protocol. */
function redirectConsole(connection: Connection): void {
  const format = (args: unknown[]): string =>
    args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(format(args));
  console.info = (...args: unknown[]) => connection.console.info(format(args));
  console.debug = (...args: unknown[]) => connection.console.log(format(args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(args));
  console.error = (...args: unknown[]) => connection.console.error(format(args));
}

export function startServer(options: StartServerOptions): void {
  const connection = connect(options.transport);
  redirectConsole(connection);
  wireServer(connection);
  connection.listen();
}
