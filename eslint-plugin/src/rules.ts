// The ESLint rules: one per engine rule (plus `unused-suppression` for the engine's own suppression comments),
// made with typescript-eslint's RuleCreator. A rule does not analyse anything itself: it asks the shared analysis
// (analysis.ts) for the engine's findings on the file ESLint is linting and reports those of its id.
import { ESLintUtils, type JSONSchema, type TSESLint } from '@typescript-eslint/utils';
import {
  docsUrl,
  mergeFixEdits,
  ruleMetas,
  toEslintLocation,
  type Finding,
  type Fix,
  type RuleId,
} from '@winsock-lint/rules';
import { analyseFile } from './analysis.js';
import { recoverData } from './messages.js';
import { readSettings, ruleOptionsSchema, type RuleOptions } from './settings.js';

export interface WinsockRuleDocs {
  recommended: boolean;
}

/** The id of the rule reporting the engine's findings about winsock-lint-disable comments. */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const UNUSED_SUPPRESSION_DOCS =
  'https://github.com/winsock-lint/winsock-lint/blob/main/docs/eslint-plugin.md#unused-suppression';

/** Suggestions are reported with this message id; the engine's suggestion text is its data. */
const SUGGESTION_MESSAGE_ID = 'suggestion';

const createRule = ESLintUtils.RuleCreator<WinsockRuleDocs>((name) =>
  name === UNUSED_SUPPRESSION ? UNUSED_SUPPRESSION_DOCS : docsUrl(name as RuleId),
);

type Options = [RuleOptions];
type RuleModule = TSESLint.RuleModule<string, Options, WinsockRuleDocs>;

interface RuleSpec {
  name: string;
  description: string;
  type: 'problem' | 'suggestion';
  messages: Record<string, string>;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Which engine findings this rule reports. */
  owns(finding: Finding): boolean;
}

function toEslintFix(text: string, fix: Fix): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  // ESLint fixes are one range and a text; mergeFixEdits gives exactly that for multi-edit fixes (moves).
  const merged = mergeFixEdits(text, fix);
  return (fixer) => fixer.replaceTextRange(merged.range, merged.text);
}

function makeRule(spec: RuleSpec): RuleModule {
  return createRule<Options, string>({
    name: spec.name,
    meta: {
      type: spec.type,
      docs: { description: spec.description, recommended: true },
      messages: { ...spec.messages, ...(spec.hasSuggestions ? { [SUGGESTION_MESSAGE_ID]: '{{message}}' } : {}) },
      ...(spec.fixable ? { fixable: 'code' as const } : {}),
      ...(spec.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: ruleOptionsSchema as unknown as JSONSchema.JSONSchema4[],
    },
    defaultOptions: [{}],
    create(context, [options]) {
      const run = (): void => {
        const text = context.sourceCode.text;
        const settings = readSettings(context.settings, [options], context.cwd);
        const result = analyseFile(context.filename, text, settings);
        for (const finding of result.findings) {
          if (!spec.owns(finding)) continue;
          const template = spec.messages[finding.messageId];
          const data = template === undefined ? undefined : recoverData(template, finding.message);
          const loc = { start: toEslintLocation(finding.range.start), end: toEslintLocation(finding.range.end) };
          const fix = spec.fixable && finding.fix ? toEslintFix(text, finding.fix) : null;
          const suggest = spec.hasSuggestions
            ? finding.suggestions.map((s) => ({
                messageId: SUGGESTION_MESSAGE_ID,
                data: { message: s.message },
                fix: toEslintFix(text, s),
              }))
            : null;
          if (data === undefined) {
            // Not made from a known template (should not happen): report the engine's text as it is.
            context.report({ loc, message: finding.message, fix, suggest } as unknown as Parameters<
              typeof context.report
            >[0]);
          } else {
            context.report({ loc, messageId: finding.messageId, data, fix, suggest });
          }
        }
      };
      // The root node of every language the rules run on: ESTree (espree, typescript-eslint) and winsock/cpp.
      return { Program: run, translation_unit: run };
    },
  });
}

export const rules: Record<string, RuleModule> = Object.fromEntries([
  ...ruleMetas.map((meta) => [
    meta.id,
    makeRule({
      name: meta.id,
      description: meta.description,
      type: 'problem',
      messages: meta.messages,
      fixable: meta.fixKind === 'code',
      hasSuggestions: meta.fixKind === 'suggestion',
      owns: (f) => f.ruleId === meta.id,
    }),
  ]),
  [
    UNUSED_SUPPRESSION,
    makeRule({
      name: UNUSED_SUPPRESSION,
      description:
        'Disallow winsock-lint-disable comments that suppress nothing, name unknown rules or span lines wrongly.',
      type: 'suggestion',
      messages: {
        unusedSuppression: '{{message}}',
        invalidSuppression: '{{message}}',
        unknownRuleInSuppression: '{{message}}',
      },
      fixable: true,
      hasSuggestions: false,
      owns: (f) => f.ruleId === null,
    }),
  ],
]);

/** Every rule id with its default severity, as the recommended presets enable them. */
export const defaultSeverities: Record<string, 'warn' | 'error'> = {
  ...Object.fromEntries(ruleMetas.map((m) => [m.id, m.defaultSeverity])),
  [UNUSED_SUPPRESSION]: 'warn',
};
