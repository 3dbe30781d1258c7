// The CLI package's programmatic surface: main for embedding, the reporters for tools that reuse them.
export { main } from './main.js';
export type { CliIo, OutputStream } from './io.js';
export {
  formatJson,
  formatReport,
  formatSarif,
  formatStylish,
  toEslintResults,
  toSarifLog,
} from './reporters/index.js';
export type {
  EslintLintResult,
  EslintMessage,
  ReportFile,
  ReportOptions,
  SarifLog,
  SarifOptions,
} from './reporters/index.js';
