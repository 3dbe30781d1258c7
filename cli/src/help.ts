// The text of `winsock-lint --help` and `winsock-lint audit --help`, with examples and the exit codes.
// Pure functions: rule ids and extensions are passed in so the text always matches the engine in use.
import { DEFAULT_MAX_FILE_SIZE, OUTPUT_FORMATS } from './args.js';

const EXIT_CODES = `Exit codes:
  0  no error-severity findings, and no more warnings than --max-warnings allows
  1  at least one error-severity finding, or more warnings than --max-warnings
  2  usage error, unreadable or invalid configuration, missing path, a report that
     cannot be written, a fix refused because the file changed on disk, a missing
     or invalid --baseline, --changed-since outside a git repository or with an
     unknown ref, or an internal failure
  130  interrupted (Ctrl-C) while --fix was writing files: every file is either
     unchanged or completely fixed, and no temporary file is left`;

export function generalHelp(): string {
  return `Usage: winsock-lint <command> [options]

Finds misuse of the deprecated Winsock IOCTL SIO_LOOPBACK_FAST_PATH in C/C++ code.

Commands:
  audit <paths…>   Check files and folders and report findings
  merge <reports…> Join the SARIF or JSON reports of --shard runs into one
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
  winsock-lint audit --format html --output-file report.html .

${EXIT_CODES}
`;
}

export function mergeHelp(): string {
  return `Usage: winsock-lint merge <reports…> [--format sarif|json] [--output-file <file>]

Joins the reports of \`winsock-lint audit --shard i/n\` runs into one report.
SARIF: one run with the results of every input in the order given; rules and
artifacts are de-duplicated and their indexes renumbered. JSON (ESLint's shape):
the arrays are concatenated and sorted by file path, as one unsharded run lists
them. Every input must have the same format.

Options:
  -f, --format <name>       sarif | json (default: the format of the first report;
                            an input in the other format is an error)
  -o, --output-file <file>  Write the merged report to this file (atomically)
                            instead of stdout
  -h, --help                Show this help

Example:
  for i in 1 2 3 4; do winsock-lint audit --shard $i/4 -f sarif -o shard-$i.sarif src; done
  winsock-lint merge shard-*.sarif -o winsock-lint.sarif

Exit codes:
  0  the merged report was written
  2  a report that cannot be read or is neither format, mixed formats, SARIF
     logs of different tools or working folders, or an unwritable output file
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
                                 json is ESLint's JSON formatter shape, sarif is SARIF 2.1.0,
                                 html one self-contained page (charts, code frames)
  -o, --output-file <file>       Write the report to this file (atomically) instead of stdout
  -c, --config <file>            Use this configuration file for every file instead
                                 of looking for winsock-lint.config.json
      --rule <id>=<severity>     Set a rule's severity (off | warn | error); repeatable
      --severity <warn|error>    Report every rule that is on at this severity (e.g. error,
                                 so CI fails on any finding); --rule still wins
      --fix                      Apply automatic fixes to the files (never suggestions),
                                 then report what remains
      --fix-dry-run              Print the changes --fix would make as a unified diff on
                                 stdout; write nothing (the report goes to --output-file)
      --include <glob>           Check only files found in folders that match; repeatable
      --exclude <glob>           Never check matching files or folders (also ones named
                                 on the command line); repeatable
      --no-ignore                Do not read .gitignore and .ignore files
      --no-prefilter             Parse every file, not only those that can matter (slower)
  -j, --jobs N                   Worker threads that read and parse files (default: one per core)
      --stats                    Print files read and parsed and the time of each stage (stderr)
      --cache                    Keep each file's extracted facts between runs (by content
                                 hash), so unchanged files are not parsed again
      --cache-location <dir>     Where --cache keeps them (default:
                                 node_modules/.cache/winsock-lint)
      --max-warnings <n>         Exit 1 when more than n warnings are reported
                                 (default: -1, no limit; write --max-warnings=-1)
      --max-file-size <bytes>    Skip larger files with a note
                                 (default: ${DEFAULT_MAX_FILE_SIZE} bytes, ${mib} MiB)
      --baseline <file>          Report only findings not recorded in this baseline file
                                 (matched by fingerprint, so moved code is not new)
      --update-baseline          Write the current findings to the --baseline file
                                 (created if missing; entries that no longer occur are
                                 pruned), then report nothing new
      --changed-since <ref>      Report only findings on lines changed since the git ref
                                 (git diff <ref>; untracked files count as all changed)
      --shard <i>/<n>            Report only the files of shard i of n (by a hash of the
                                 path; every shard still analyses all files); join the
                                 shards' reports with \`winsock-lint merge\`
  -q, --quiet                    Report (and fix) errors only, not warnings; no progress
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
written (exit code 2). Ctrl-C while files are written removes the temporary file
and exits 130: each file is either unchanged or completely fixed. --fix cannot
be combined with --shard or --changed-since.

On a terminal (stderr a TTY, CI unset, not --quiet) a progress line shows files
read, MB/s and ETA, then the analysis phase; it is never written into a pipe.

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
  winsock-lint audit --format html --output-file report.html .
  winsock-lint audit --baseline winsock-lint.baseline.json --update-baseline .
  winsock-lint audit --baseline winsock-lint.baseline.json .
  winsock-lint audit --changed-since origin/main .
  winsock-lint audit --shard 2/4 --format sarif --output-file shard-2.sarif .
  winsock-lint audit --exclude 'third_party/**' --include 'src/**' --max-warnings 0 .
  winsock-lint audit --list-rules
  winsock-lint audit --print-config src/net.cpp

${EXIT_CODES}
`;
}
