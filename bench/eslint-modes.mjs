#!/usr/bin/env node
// The ESLint plugin's single-file mode against its project mode: time to lint every fixture with ESLint's
// Linter (after npm run build). Printed and written to bench/out/eslint-modes.json; never a test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { flatConfig } from '../eslint-plugin/dist/test/support/configs.js';
import { clearAnalysisCache, clearProjectIndexes } from '../eslint-plugin/dist/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'fixtures');
const files = fs
  .readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((n) => /\.(c|cc|cpp|h|hpp|ts|tsx|js|mjs)$/.test(n) && !n.startsWith('eslint-project'))
  .map((n) => path.join(fixtures, n));
const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));

function run(settings) {
  clearAnalysisCache();
  clearProjectIndexes();
  const linter = new Linter({ cwd: root, configType: 'flat' });
  const config = flatConfig(settings);
  const start = performance.now();
  for (const [file, text] of texts) linter.verify(text, config, file);
  return performance.now() - start;
}

run({ winsock: { project: false } }); // warm-up: module loading, grammars
const single = run({ winsock: { project: false } });
const project = run({ winsock: { project: true, root: fixtures } });
console.log(
  `ESLint plugin, ${texts.size} fixture files: single-file mode ${single.toFixed(0)} ms, project mode ${project.toFixed(0)} ms (${(project / single).toFixed(2)}x)`,
);
fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench/out/eslint-modes.json'),
  JSON.stringify({ files: texts.size, singleMs: single, projectMs: project }, null, 2),
);
