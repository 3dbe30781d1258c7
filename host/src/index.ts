// Public API of @winsock-lint/node-host: Node-side helpers shared by the CLI and the language server.
export { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, NearestConfigFinder, readConfigText } from './config-files.js';
export { NotReadableError, readRegularFile, readRegularText, type RegularFileRead } from './read-regular-file.js';
