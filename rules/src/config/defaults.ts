// The configuration a file gets when no winsock-lint.config.json says otherwise.
import type { RuleId, Severity } from '../types.js';
import type { ResolvedConfig } from './config-types.js';

/** Every rule at its default severity; unused suppression comments are warnings. */
export function defaultConfig(defaultSeverities: Record<RuleId, Severity>): ResolvedConfig {
  // A copy, so a caller adjusting the result cannot change the rules' metadata.
  return { rules: { ...defaultSeverities }, reportUnusedSuppressions: 'warn' };
}
