// The text of `winsock-lint --help` and `winsock-lint audit --help`, with examples and the exit codes.
// Pure functions: rule ids and extensions are passed in so the text always matches the engine in use.
import { DEFAULT_MAX_FILE_SIZE, OUTPUT_FORMATS } from './args.js';

const EXIT_CODES = `Exit codes:
  0  no error-severity findings, and no more warnings than --max-warnings allows
  1  at least one error-severity finding, or more warnings than --max-warnings
  2  usage error, unreadable or invalid configuration, missing path, a report that
     cannot be written, a fix refused because the file changed on disk, or an
     internal failure`;

export function generalHelp(): string {
  return `Usage: winsock-lint <command> [options]

Finds misuse of the deprecated Winsock IOCTL SIO_LOOPBACK_FAST_PATH in C/C++ code.

Commands:
  audit <paths…>   Check files and folders and report findings
  lsp --stdio      Run the language server (also --node-ipc, --socket=PORT)

Options:
  -h, --help       Show this help (or \`winsock-lint audit --help\` for the audit options)
  -v, --version    Print the version
      --list-rules Print the rules with their default severity, fix kind and docs

Examples:
  winsock-lint audit src
  winsock-lint audit --format json src include > findings.json
  winsock-lint audit --fix src
  winsock-lint audit --format sarif --output-file winsock-lint.sarif .

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
                                 json is ESLint's JSON formatter shape, sarif is SARIF 2.1.0
  -o, --output-file <file>       Write the report to this file (atomically) instead of stdout
  -c, --config <file>            Use this configuration file for every file instead
                                 of looking for winsock-lint.config.json
      --rule <id>=<severity>     Set a rule's severity (off | warn | error); repeatable
      --fix                      Apply automatic fixes to the files (never suggestions),
                                 then report what remains
      --fix-dry-run              Print the changes --fix would make as a unified diff on
                                 stdout; write nothing (the report goes to --output-file)
      --include <glob>           Check only files found in folders that match; repeatable
      --exclude <glob>           Never check matching files or folders (also ones named
                                 on the command line); repeatable
      --no-ignore                Do not read .gitignore and .ignore files
      --no-prefilter             Parse every file, not only those that can matter (slower)
      --max-warnings <n>         Exit 1 when more than n warnings are reported
                                 (default: -1, no limit; write --max-warnings=-1)
      --max-file-size <bytes>    Skip larger files with a note
                                 (default: ${DEFAULT_MAX_FILE_SIZE} bytes, ${mib} MiB)
  -q, --quiet                    Report (and fix) errors only, not warnings
      --color, --no-color        Force or disable colours (default: colours on a
                                 terminal unless NO_COLOR is set; FORCE_COLOR forces them)
      --list-rules               Print every rule: id, default severity, fix kind, docs URL
      --print-config <file>      Print the configuration <file> is checked with, as JSON
  -h, --help                     Show this help

Folders are walked in sorted order; files and folders excluded by .gitignore or
.ignore files (in each folder walked and up to the repository root) are skipped
unless --no-ignore is given. Globs are relative to the current folder. Files
named on the command line are always checked unless --exclude matches them.

--fix runs analysis and fixes up to 10 times until nothing changes, and writes
each file through a temporary file and a rename, in its own encoding, byte-order
mark and line endings. A file that changed on disk since it was read is not
written (exit code 2).

Notes about skipped or unreadable files go to stderr, so stdout holds only the report.

Rules:
${ruleIds.map((id) => `  ${id}`).join('\n')}

Examples:
  winsock-lint audit src
  winsock-lint audit legacy/net.cpp legacy/include
  winsock-lint audit --format json src > findings.json
  winsock-lint audit --rule fast-path-tcp-only=off --rule no-deprecated-fast-path=error src
  winsock-lint audit --config ci/winsock-lint.config.json --quiet .
  winsock-lint audit --fix src
  winsock-lint audit --fix-dry-run src > fixes.patch
  winsock-lint audit --format sarif --output-file results.sarif .
  winsock-lint audit --exclude 'third_party/**' --include 'src/**' --max-warnings 0 .
  winsock-lint audit --list-rules
  winsock-lint audit --print-config src/net.cpp

${EXIT_CODES}
`;
}
