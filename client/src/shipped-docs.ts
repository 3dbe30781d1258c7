// The rule pages shipped inside the extension (dist/docs/rules/<id>.md, copied from docs/rules by the build):
// which one a documentation URL names. No vscode import, so the mapping is tested on its own.

/** Where the build puts the pages, relative to the extension's folder. */
export const SHIPPED_DOCS_DIR = 'dist/docs/rules';

/** The shipped page (relative to the extension's folder) for a rule's documentation URL, or undefined. */
export function shippedDocFor(url: string): string | undefined {
  const name = /\/docs\/rules\/([a-z][a-z0-9-]*)\.md$/.exec(url)?.[1];
  return name === undefined ? undefined : `${SHIPPED_DOCS_DIR}/${name}.md`;
}
