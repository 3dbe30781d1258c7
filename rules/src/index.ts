// Public API of the winsock-lint engine: analysis, rule metadata, configuration, fixes, text decoding and
// position conversion. Every delivery (CLI, language server, ESLint plugin) imports from here only.
export type * from './types.js';
export {
  RULE_IDS,
  isRuleId,
  docsUrl,
  DOCS_BASE_URL,
  findingDocsUrl,
  UNUSED_SUPPRESSION_ID,
  UNUSED_SUPPRESSION_DESCRIPTION,
} from './rule-ids.js';
export {
  analyzeProject,
  analyzeProjectAsync,
  analyzeSources,
  type SourceSet,
  AnalysisCancelled,
  defaultSeverities,
  factsCacheKey,
  FACTS_FORMAT_VERSION,
  type ProjectFile,
  type AnalyzeOptions,
  type AnalysisProgress,
  type FactsCache,
} from './analyze.js';
export { isCandidateText } from './prefilter.js';
export { scanLexicalFacts, type LexicalFacts } from './select/lexical-facts.js';
export { TextScanMemo } from './text-scan-memo.js';
export {
  SOURCE_EXTENSIONS,
  SCRIPT_EXTENSIONS,
  ANALYSED_EXTENSIONS,
  languageForPath,
  type LanguageId,
} from './parse/parser.js';
export { extractFileFacts } from './facts/extract-file.js';
export { IncrementalExtractor } from './facts/incremental-extract.js';
export type { FileFacts } from './facts/fact-types.js';
export { buildProjectModel } from './index/project-model.js';
export { ProjectModelBuilder } from './index/model-builder.js';
export { rules } from './rules/registry.js';
export * from './config/index.js';
export * from './suppress/index.js';
export { applyEdits, applyFixes, mergeFixEdits } from './fix/apply-edits.js';
export {
  decodeSource,
  encodeSource,
  isBinary,
  detectEol,
  type SourceEncoding,
  type DecodedSource,
} from './text/encoding.js';
export {
  LineIndex,
  toEslintLocation,
  toOneBased,
  utf16ColumnToUtf8,
  utf8ColumnToUtf16,
  makePosition,
  withTreeLineBreaks,
} from './text/positions.js';

import { rules } from './rules/registry.js';
import type { RuleMeta } from './types.js';
export const ruleMetas: readonly RuleMeta[] = rules.map((r) => r.meta);
