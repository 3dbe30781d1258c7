// Public API of @winsock-lint/node-host: Node-side helpers shared by the CLI and the language server.
export { CONFIG_FILE_NAME, NearestConfigFinder, readConfigText } from './config-files.js';
