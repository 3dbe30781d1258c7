// Bundles the extension (dist/extension.cjs) and the language server (dist/server.cjs) with esbuild as
// CommonJS for the extension host, and stages the native tree-sitter packages the server loads at run
// time, with the prebuilds of the supported platforms only, in dist/node_modules, and copies the rule pages
// (docs/rules/*.md) to dist/docs/rules. Part of `npm run build`.
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NATIVE_PACKAGES, stageNativePackages } from './native-packages.js';

const clientDir = fileURLToPath(new URL('../..', import.meta.url));
const repoDir = fileURLToPath(new URL('../../..', import.meta.url));

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Small files without unreadable stack traces: whitespace and syntax only, names stay.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta is empty in CommonJS: anything relying on it would break at run time, so fail instead.
  logOverride: { 'empty-import-meta': 'error' },
};

const started = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: [`${clientDir}src/extension.ts`],
    outfile: `${clientDir}dist/extension.cjs`,
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: [`${repoDir}server/dist/src/bin.js`],
    outfile: `${clientDir}dist/server.cjs`,
    external: [...NATIVE_PACKAGES],
  }),
]);
const staged = stageNativePackages(`${repoDir}node_modules`, `${clientDir}dist/node_modules`);
// The rule pages, for "Show documentation" (a Markdown preview inside VS Code, offline).
const docsTarget = `${clientDir}dist/docs/rules`;
rmSync(docsTarget, { recursive: true, force: true });
mkdirSync(docsTarget, { recursive: true });
const pages = readdirSync(`${repoDir}docs/rules`).filter((name) => name.endsWith('.md'));
for (const name of pages) copyFileSync(`${repoDir}docs/rules/${name}`, `${docsTarget}/${name}`);
for (const note of staged.notes) console.log(`bundle: ${note}`);
console.log(
  `bundle: dist/extension.cjs, dist/server.cjs, ${pages.length} rule pages and ${staged.files} native package files (${Date.now() - started} ms)`,
);
