// Renders the README's rules table from rule metadata, between marker comments, so it cannot drift.
import type { RuleMeta } from '../../src/index.js';

export const TABLE_START = '<!-- rules-table-start -->';
export const TABLE_END = '<!-- rules-table-end -->';

const FIX_LABEL: Record<RuleMeta['fixKind'], string> = { code: 'fix', suggestion: 'suggestion', none: '' };

export function renderRulesTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map(
    (m) =>
      `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.description} | ${m.defaultSeverity} | ${FIX_LABEL[m.fixKind]} |`,
  );
  return ['| Rule | Description | Default | Fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function replaceRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
