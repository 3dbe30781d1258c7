// `winsock-lint audit`: discover files, apply configuration, read and decode, analyse, report; returns the exit
// code (0 clean or warnings only, 1 an error-severity finding, 2 a missing path or a broken configuration).
import { analyzeProject, SOURCE_EXTENSIONS } from '@winsock-lint/rules';
import type { AuditOptions } from './args.js';
import { shouldUseColor } from './color.js';
import { discoverFiles } from './discover-files.js';
import type { FileResult } from './engine-types.js';
import type { CliIo } from './io.js';
import { ConfigLoadError, ConfigLoader } from './load-config.js';
import { formatNote, type Note } from './notes.js';
import { readSources } from './read-sources.js';
import { formatReport, type ReportFile } from './reporters/index.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

export async function runAudit(options: AuditOptions, io: CliIo): Promise<number> {
  const writeNotes = (notes: readonly Note[]): void => {
    for (const note of notes) io.stderr.write(formatNote(note));
  };

  const discovery = discoverFiles(options.paths, { extensions: SOURCE_EXTENSIONS, cwd: io.cwd });
  if (discovery.missing.length > 0) {
    for (const path of discovery.missing)
      io.stderr.write(`winsock-lint: error: no such file or folder: ${path}\n`);
    return EXIT_FAILURE;
  }
  writeNotes(discovery.notes);

  const configs = new ConfigLoader({
    configPath: options.configPath,
    overrides: options.ruleOverrides,
    cwd: io.cwd,
  });
  const checked: string[] = [];
  try {
    configs.preload();
    for (const file of discovery.files) {
      if (configs.isIncluded(file.path, file.explicit)) {
        checked.push(file.path);
      } else if (file.explicit) {
        const from = configs.configFor(file.path).path ?? 'the configuration';
        writeNotes([{ path: file.path, reason: `skipped: excluded by ${from}` }]);
      }
    }
  } catch (error) {
    if (error instanceof ConfigLoadError) {
      for (const line of error.message.split('\n'))
        io.stderr.write(`winsock-lint: error: ${line}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  if (discovery.files.length === 0) {
    io.stderr.write(`winsock-lint: warning: no C/C++ files found in ${options.paths.join(', ')}\n`);
  }

  const sources = await readSources(checked, { maxFileSize: options.maxFileSize });
  writeNotes(sources.notes);

  // Every file's configuration was loaded (and validated) above, so this lookup cannot fail.
  const results = analyzeProject(sources.files, {
    configFor: (path) => configs.configFor(path).resolved,
  });
  const texts = new Map(sources.files.map((file) => [file.path, file.text]));
  const reported: ReportFile[] = [];
  for (const result of results) {
    writeNotes(result.notes.map((reason) => ({ path: result.path, reason })));
    reported.push({
      result: options.quiet ? errorsOnly(result) : result,
      text: texts.get(result.path) ?? '',
    });
  }

  const color = shouldUseColor(options.color, io.stdout, io.env);
  const output = formatReport(options.format, reported, { color });
  // As ESLint's CLI prints a formatter's output: followed by a newline, and nothing when it is empty.
  if (output !== '') io.stdout.write(`${output}\n`);

  const hasError = reported.some(({ result }) =>
    result.findings.some((finding) => finding.severity === 'error'),
  );
  return hasError ? EXIT_FINDINGS : EXIT_OK;
}

/** --quiet, as in ESLint: warnings are neither reported nor counted. */
function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
