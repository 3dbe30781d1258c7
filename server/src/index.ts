// Public entry of @winsock-lint/server: startServer() creates the connection for the chosen transport
// and serves LSP on it. Only protocol goes to stdout; logs go through connection.console.
import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  createConnection,
  createServerSocketTransport,
  type Connection,
} from 'vscode-languageserver/node';
import { wireServer } from './server.js';

export { wireServer, SERVER_NAME, SERVER_VERSION } from './server.js';
export type { PositionEncoding } from './positions.js';
export { parseTransport } from './transport-args.js';

export type Transport = 'stdio' | 'node-ipc' | { socket: number };

export interface StartServerOptions {
  transport: Transport;
}

function connect(transport: Transport): Connection {
  if (transport === 'stdio') return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  if (transport === 'node-ipc')
    return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  // --socket=N: the client listens on port N and the server connects to it (VS Code's convention).
  const [reader, writer] = createServerSocketTransport(transport.socket);
  return createConnection(ProposedFeatures.all, reader, writer);
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
