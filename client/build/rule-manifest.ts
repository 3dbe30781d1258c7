// What the extension's manifest, config-file schema and rule catalog say about the engine's rules, derived
// from the engine's own metadata (ruleMetas). sync-manifest.ts writes them; the manifest tests compare.
import type { RuleMeta } from '@winsock-lint/rules';
import type { RuleCatalogEntry } from '../src/rule-catalog-entry.js';

export const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;

const SEVERITY_DESCRIPTIONS = ['Do not report this rule.', 'Report as a warning.', 'Report as an error.'];

export function ruleCatalog(metas: readonly RuleMeta[]): RuleCatalogEntry[] {
  return metas.map((meta) => ({
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    fixKind: meta.fixKind,
    docsUrl: meta.docsUrl,
  }));
}

function ruleMarkdown(meta: RuleMeta): string {
  return `${meta.description}. Default: \`${meta.defaultSeverity}\`. [Documentation](${meta.docsUrl})`;
}

/** The `winsockLint.rules` setting of package.json: one property per rule id. */
export function ruleSettingSchema(metas: readonly RuleMeta[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const meta of metas) {
    properties[meta.id] = {
      type: 'string',
      enum: [...SEVERITY_NAMES],
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: ruleMarkdown(meta),
    };
  }
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    additionalProperties: false,
    properties,
    markdownDescription:
      'Severity per rule (`"off"`, `"warn"` or `"error"`), applied on top of `winsock-lint.config.json`. ' +
      'For example `{ "fast-path-both-sides": "off" }`.',
  };
}

/**
 * JSON schema (draft-07) of winsock-lint.config.json, mirroring the engine's validator in
 * rules/src/config/parse-config.ts: the same top-level keys, rule ids, severity spellings and globs.
 */
export function configFileSchema(metas: readonly RuleMeta[]): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const meta of metas) {
    rules[meta.id] = {
      $ref: '#/definitions/severity',
      description: `${meta.description}. Default: ${meta.defaultSeverity}.`,
      markdownDescription: ruleMarkdown(meta),
    };
  }
  const globs = (what: string): Record<string, unknown> => ({
    type: 'array',
    items: { $ref: '#/definitions/glob' },
    description: `Globs, relative to this file's folder, of the files ${what}.`,
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/winsock-lint/winsock-lint/blob/main/client/schemas/winsock-lint.config.schema.json',
    title: 'winsock-lint configuration',
    description:
      'winsock-lint.config.json applies to the files below it; each file uses the nearest one found by walking up.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows.' },
      rules: {
        type: 'object',
        description: 'Severity per rule id: "off", "warn" or "error" (or 0, 1, 2).',
        additionalProperties: false,
        properties: rules,
      },
      include: globs('to check (default: every C/C++, TypeScript and JavaScript file)'),
      exclude: globs('never to check; a glob matching a folder excludes everything inside it'),
      reportUnusedSuppressions: {
        description: 'How suppression comments that suppress nothing or name an unknown rule are reported.',
        default: 'warn',
        oneOf: [{ $ref: '#/definitions/severity' }, { type: 'boolean' }],
      },
    },
    definitions: {
      severity: {
        oneOf: [
          { type: 'string', enum: [...SEVERITY_NAMES] },
          { type: 'integer', enum: [0, 1, 2] },
          {
            type: 'array',
            minItems: 1,
            maxItems: 1,
            items: { enum: [...SEVERITY_NAMES, 0, 1, 2] },
            description: "ESLint's array form; winsock-lint rules take no options.",
          },
        ],
      },
      glob: { type: 'string', pattern: '\\S', description: 'A glob such as "src/**" or "third_party/".' },
    },
  };
}
