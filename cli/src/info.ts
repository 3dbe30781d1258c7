// The informational commands: --list-rules prints a table of the rules; --print-config prints the configuration
// one file would be checked with, as JSON. Both exit 0 (2 for a broken configuration file).
import { resolve } from 'node:path';
import type { PrintConfigOptions } from './args.js';
import type { RuleMeta } from './engine-types.js';
import type { CliIo } from './io.js';
import { ConfigLoadError, ConfigLoader } from './load-config.js';

const FIX_KIND_LABELS: Record<RuleMeta['fixKind'], string> = {
  code: 'automatic',
  suggestion: 'suggestion',
  none: 'none',
};

/** A plain-text table: rule id, default severity, fix kind, documentation URL. */
export function formatRuleTable(metas: readonly RuleMeta[]): string {
  const rows = [
    ['Rule', 'Default', 'Fix', 'Documentation'],
    ...metas.map((meta) => [meta.id, meta.defaultSeverity, FIX_KIND_LABELS[meta.fixKind], meta.docsUrl]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** What --print-config shows for one file. */
export interface PrintedConfig {
  file: string;
  /** The configuration file that applies, or null when none does. */
  configFile: string | null;
  /** Whether that file's include/exclude globs select the file when it is found in a folder. */
  included: boolean;
  rules: Record<string, string>;
  reportUnusedSuppressions: string;
}

/** Writes the JSON to stdout and returns the exit code (2 for a configuration that cannot be loaded). */
export function printConfig(options: PrintConfigOptions, io: CliIo): number {
  const loader = new ConfigLoader({
    configPath: options.configPath,
    overrides: options.ruleOverrides,
    severity: options.severity,
    cwd: io.cwd,
  });
  const file = resolve(io.cwd, options.file);
  try {
    loader.preload();
    const config = loader.configFor(file);
    const printed: PrintedConfig = {
      file,
      configFile: config.path ?? null,
      included: loader.isIncluded(file, false),
      rules: { ...config.resolved.rules },
      reportUnusedSuppressions: config.resolved.reportUnusedSuppressions,
    };
    io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigLoadError)) throw error;
    for (const line of error.message.split('\n')) io.stderr.write(`winsock-lint: error: ${line}\n`);
    return 2;
  }
}
