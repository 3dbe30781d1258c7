// The shape of one rule in the extension's generated rule catalog (src/rule-catalog.ts).

/** One rule as the extension shows it (the "Open Rule Documentation" quick pick). */
export interface RuleCatalogEntry {
  id: string;
  description: string;
  defaultSeverity: 'warn' | 'error';
  fixKind: 'code' | 'suggestion' | 'none';
  docsUrl: string;
}
