// The rule ids, a contract with every delivery and with users' configuration files.
import type { RuleId } from './types.js';

export const RULE_IDS: readonly RuleId[] = [
  'no-deprecated-fast-path',
  'fast-path-before-connect',
  'fast-path-before-accept',
  'fast-path-both-sides',
  'fast-path-supported-options',
  'fast-path-tcp-only',
  'fast-path-ioctl-arguments',
];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** Where every rule's documentation lives; one place so a fork can point elsewhere. */
export const DOCS_BASE_URL = 'https://github.com/winsock-lint/winsock-lint/blob/main/docs/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/** The id reported for problems with suppression comments (findings whose ruleId is null). */
export const UNUSED_SUPPRESSION_ID = 'unused-suppression';
export const UNUSED_SUPPRESSION_DESCRIPTION =
  'Report winsock-lint-disable and winsock-lint-enable comments that suppress nothing';

/** The documentation page of a finding's rule; null (a suppression comment problem) has one too. */
export function findingDocsUrl(id: RuleId | null): string {
  return `${DOCS_BASE_URL}${id ?? UNUSED_SUPPRESSION_ID}.md`;
}
