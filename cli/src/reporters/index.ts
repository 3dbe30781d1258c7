// Picks the reporter for --format. Reporters are pure: they return the text and main writes it to stdout.
import type { OutputFormat } from '../args.js';
import { cliVersion } from '../version.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import type { ReportFile, ReportOptions } from './report-types.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { ReportFile, ReportOptions } from './report-types.js';
export { formatJson, toEslintResults, type EslintLintResult, type EslintMessage } from './json.js';
export { formatStylish } from './stylish.js';
export { formatHtml, type HtmlOptions } from './html.js';
export { formatSarif, toSarifLog, type SarifLog, type SarifOptions } from './sarif.js';

export function formatReport(format: OutputFormat, files: readonly ReportFile[], options: ReportOptions): string {
  switch (format) {
    case 'json':
      return formatJson(files, options.shard);
    case 'stylish':
      return formatStylish(files, options);
    case 'sarif':
      return formatSarif(files, {
        cwd: options.cwd ?? process.cwd(),
        version: options.version ?? cliVersion(),
        ...(options.shard ? { shard: options.shard } : {}),
      });
    case 'html':
      return formatHtml(files, {
        cwd: options.cwd ?? process.cwd(),
        version: options.version ?? cliVersion(),
      });
  }
}
