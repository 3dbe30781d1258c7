#!/usr/bin/env node
// Fix coverage: per rule, the share of findings with an automatic fix, with only a suggestion, and with
// nothing, for the fixtures and for each tree given. For a tree it also applies, in memory, all fixes of each
// file and each suggestion alone, and checks that tree-sitter finds no new syntax errors. Nothing is written.
// Usage: node bench/fix-coverage.mjs [DIR...]   (after `npm run build`; `npm run bench` runs it on the fixtures)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';
import { analyzeProject, applyFixes, decodeSource } from '../rules/dist/src/index.js';
import { fixtureProjects } from '../rules/dist/test/support/fixture-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'cli/bin/winsock-lint.js');
const parser = new Parser();
parser.setLanguage(Cpp);

function syntaxErrors(text) {
  let count = 0;
  const cursor = parser.parse(text).walk();
  for (;;) {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) count++;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return count;
  }
}

function tally(counts, ruleId, kind) {
  const row = (counts[ruleId ?? 'unused-suppression'] ??= { findings: 0, fix: 0, suggestion: 0, none: 0 });
  row.findings++;
  row[kind]++;
}

/** The fixture findings, analysed as the fixture tests analyse them (C/C++ and scripts alike). */
function fixtureCoverage() {
  const counts = {};
  for (const project of fixtureProjects()) {
    const files = project.files.map((f) => ({ path: f, text: decodeSource(fs.readFileSync(f)).text }));
    for (const result of analyzeProject(files)) {
      for (const f of result.findings)
        tally(counts, f.ruleId, f.fix ? 'fix' : f.suggestions.length ? 'suggestion' : 'none');
    }
  }
  return { counts };
}

/** A real tree through the CLI (its walk, prefilter and project-wide analysis); fixes checked in memory. */
function treeCoverage(dir) {
  // Exit code 1 only says an error-severity finding was reported.
  const run = spawnSync(process.execPath, [cli, 'audit', dir, '--format', 'json'], { maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`winsock-lint audit ${dir}: ${run.stderr}`);
  const json = run.stdout.toString();
  const counts = {};
  const broken = [];
  let checked = 0;
  for (const file of JSON.parse(json)) {
    const fixes = [];
    const suggestions = [];
    for (const m of file.messages) {
      tally(counts, m.ruleId, m.fix ? 'fix' : m.suggestions?.length ? 'suggestion' : 'none');
      if (m.fix) fixes.push(m.fix);
      for (const s of m.suggestions ?? []) suggestions.push(s.fix);
    }
    if (fixes.length === 0 && suggestions.length === 0) continue;
    const text = decodeSource(fs.readFileSync(file.filePath)).text;
    const before = syntaxErrors(text);
    const asFix = (f) => ({
      message: '',
      edits: [{ range: { start: { offset: f.range[0] }, end: { offset: f.range[1] } }, text: f.text }],
    });
    const variants = [['all fixes', applyFixes(text, fixes.map(asFix)).text]];
    suggestions.forEach((s, i) => variants.push([`suggestion ${i + 1}`, applyFixes(text, [asFix(s)]).text]));
    for (const [label, fixed] of variants) {
      checked++;
      const after = syntaxErrors(fixed);
      if (after > before)
        broken.push(`${path.relative(dir, file.filePath)} (${label}): ${before} -> ${after} syntax errors`);
    }
  }
  return { counts, checked, broken };
}

const percent = (n, d) => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);

function print(title, { counts, checked, broken }) {
  console.log(`\n${title}`);
  console.log('| Rule | Findings | Fix | Suggestion | Nothing |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [rule, r] of Object.entries(counts).sort()) {
    console.log(
      `| ${rule} | ${r.findings} | ${r.fix} (${percent(r.fix, r.findings)}) | ${r.suggestion} (${percent(r.suggestion, r.findings)}) | ${r.none} (${percent(r.none, r.findings)}) |`,
    );
  }
  if (checked !== undefined) {
    console.log(`fixed texts parsed: ${checked}; with new tree-sitter errors: ${broken.length}`);
    for (const b of broken) console.log(`  ${b}`);
  }
}

const dirs = process.argv.slice(2);
print('fixtures', fixtureCoverage());
let failed = false;
for (const dir of dirs) {
  const result = treeCoverage(path.resolve(dir));
  print(dir, result);
  failed ||= result.broken.length > 0;
}
process.exitCode = failed ? 1 : 0;
