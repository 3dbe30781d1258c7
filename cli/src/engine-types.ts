// The engine's data types, derived from the functions '@winsock-lint/rules' exports, so the CLI depends only on
// the engine's public value exports and not on which type names its index happens to re-export.
import type {
  analyzeProject,
  defaultConfig,
  defaultSeverities,
  LineIndex,
  mergeFixEdits,
  parseConfigFile,
  ruleMetas,
} from '@winsock-lint/rules';

export type FileResult = ReturnType<typeof analyzeProject>[number];
export type Finding = FileResult['findings'][number];
export type RelatedLocation = Finding['related'][number];
export type Fix = Parameters<typeof mergeFixEdits>[1];
export type Range = Finding['range'];
export type Position = ReturnType<LineIndex['positionAt']>;
export type RuleMeta = (typeof ruleMetas)[number];
export type RuleId = keyof ReturnType<typeof defaultSeverities>;
export type Severity = ReturnType<typeof defaultSeverities>[RuleId];
export type ResolvedConfig = ReturnType<typeof defaultConfig>;
export type SeveritySetting = ResolvedConfig['rules'][RuleId];
export type ConfigFile = ReturnType<typeof parseConfigFile>;
export type RuleOverrides = Partial<Record<RuleId, SeveritySetting>>;
