// The text of `winsock-lint --help` and `winsock-lint audit --help`, with examples and the exit codes.
// Pure functions: rule ids and extensions are passed in so the text always matches the engine in use.
import { DEFAULT_MAX_FILE_SIZE, OUTPUT_FORMATS } from './args.js';

const EXIT_CODES = `Exit codes:
  0  no error-severity findings (warnings allowed)
  1  at least one error-severity finding
  2  usage error, unreadable or invalid configuration, missing path, or internal failure`;

export function generalHelp(): string {
  return `Usage: winsock-lint <command> [options]

Finds misuse of the deprecated Winsock IOCTL SIO_LOOPBACK_FAST_PATH in C/C++ code.

Commands:
  audit <paths…>   Check files and folders and report findings

Options:
  -h, --help       Show this help (or \`winsock-lint audit --help\` for the audit options)
  -v, --version    Print the version

Examples:
  winsock-lint audit src
  winsock-lint audit --format json src include > findings.json

${EXIT_CODES}
`;
}

export function auditHelp(ruleIds: readonly string[], extensions: readonly string[]): string {
  const mib = DEFAULT_MAX_FILE_SIZE / (1024 * 1024);
  return `Usage: winsock-lint audit <paths…> [options]

Checks the given files and folders. Folders are searched for C/C++ sources
(${extensions.join(' ')}, any letter case), skipping .git,
node_modules and other tool folders; files named explicitly are checked whatever
their extension. Each file uses the nearest winsock-lint.config.json above it.

Options:
  -f, --format <name>            Output format: ${OUTPUT_FORMATS.join(' | ')} (default: stylish);
                                 json is ESLint's JSON formatter shape
  -c, --config <file>            Use this configuration file for every file instead
                                 of looking for winsock-lint.config.json
      --rule <id>=<severity>     Set a rule's severity (off | warn | error); repeatable
      --max-file-size <bytes>    Skip larger files with a note
                                 (default: ${DEFAULT_MAX_FILE_SIZE} bytes, ${mib} MiB)
  -q, --quiet                    Report errors only, not warnings
      --color, --no-color        Force or disable colours (default: colours on a
                                 terminal unless NO_COLOR is set; FORCE_COLOR forces them)
  -h, --help                     Show this help

Notes about skipped or unreadable files go to stderr, so stdout holds only the report.

Rules:
${ruleIds.map((id) => `  ${id}`).join('\n')}

Examples:
  winsock-lint audit src
  winsock-lint audit legacy/net.cpp legacy/include
  winsock-lint audit --format json src > findings.json
  winsock-lint audit --rule fast-path-tcp-only=off --rule no-deprecated-fast-path=error src
  winsock-lint audit --config ci/winsock-lint.config.json --quiet .

${EXIT_CODES}
`;
}
