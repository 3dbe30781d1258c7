#!/usr/bin/env node
// Regenerates the rules table in README.md from the rules' metadata (run after `npm run build`).
// `--check` exits 1 when README.md is out of date instead of writing it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesTable, replaceRulesTable } from '../rules/dist/test/support/rules-table.js';
import { ruleMetas } from '../rules/dist/src/index.js';

const readme = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const current = fs.readFileSync(readme, 'utf8');
const next = replaceRulesTable(current, renderRulesTable(ruleMetas));
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md rules table is out of date: run npm run docs:readme');
    process.exit(1);
  }
} else if (next !== current) {
  fs.writeFileSync(readme, next);
  console.log('README.md rules table updated');
}
