// Shapes of the user's configuration (winsock-lint.config.json) and of the settings one file is checked with.
import type { RuleId, SeveritySetting } from '../types.js';

/** What a winsock-lint.config.json may contain. JSON only: configuration is never executed. */
export interface ConfigFile {
  /** Severity per rule id: "off", "warn" or "error". */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Globs (relative to the config file's folder) of files to check; default: every C/C++ (and TS/JS) file. */
  include?: string[];
  /** Globs (relative to the config file's folder) of files never to check. */
  exclude?: string[];
  /** How unused or unknown suppression comments are reported; default "warn". */
  reportUnusedSuppressions?: SeveritySetting;
}

/** The settings one file is analysed with, after defaults and the config file are merged. */
export interface ResolvedConfig {
  rules: Record<RuleId, SeveritySetting>;
  reportUnusedSuppressions: SeveritySetting;
}
