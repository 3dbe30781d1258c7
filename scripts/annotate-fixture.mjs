#!/usr/bin/env node
// Drafts inline annotations for fixture files from the engine's current findings (after `npm run build`).
// Prints each file with `//   ^^^ rule-id related:…` lines inserted; --write updates the files. Review
// every drafted line: the annotations are the expectation, the engine is what is being tested.
// Usage: node scripts/annotate-fixture.mjs [--write] <file or project folder>…
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject, decodeSource } from '../rules/dist/src/index.js';
import { annotatedLength, annotationRule, isAnnotationLine } from '../rules/dist/test/support/annotations.js';

const write = process.argv.includes('--write');
const targets = process.argv.slice(2).filter((a) => a !== '--write');
const SOURCE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp|ts|tsx|mts|cts|js|mjs|cjs)$/i;

function list(target) {
  if (fs.statSync(target).isFile()) return [path.resolve(target)];
  return fs
    .readdirSync(target, { recursive: true })
    .map((f) => path.resolve(target, String(f)))
    .filter((f) => SOURCE.test(f) && fs.statSync(f).isFile())
    .sort();
}

for (const target of targets) {
  const files = list(target);
  // Start from the files without annotations, so positions refer to the code alone.
  const texts = new Map(
    files.map((f) => {
      const text = decodeSource(fs.readFileSync(f)).text;
      return [
        f,
        text
          .split('\n')
          .filter((line) => !isAnnotationLine(line.replace(/\r$/, '')))
          .join('\n'),
      ];
    }),
  );
  const results = analyzeProject(files.map((f) => ({ path: f, text: texts.get(f) })));
  // Lines move down by the annotation lines inserted above them: map code lines to their final numbers.
  const inserted = new Map(results.map((r) => [r.path, r.findings.map((f) => f.range.start.line)]));
  const finalLine = (file, line) => line + 1 + (inserted.get(file) ?? []).filter((l) => l < line).length;
  for (const result of results) {
    const text = texts.get(result.path);
    const lines = text.split('\n');
    const byLine = new Map();
    for (const f of result.findings) {
      const related = f.related.map((r) => {
        const line = finalLine(r.path, r.range.start.line);
        return r.path === result.path ? `${line}` : `${path.basename(r.path)}:${line}`;
      });
      const carets = '^'.repeat(Math.max(1, annotatedLength(text, f.range.start, f.range.end)));
      const prefix = `//${' '.repeat(Math.max(1, f.range.start.column - 2))}`;
      const line = `${prefix}${carets} ${annotationRule(f.ruleId, f.messageId)}${related.length ? ` related:${related.join(',')}` : ''}`;
      byLine.set(f.range.start.line, [
        ...(byLine.get(f.range.start.line) ?? []),
        { line, message: f.message, column: f.range.start.column },
      ]);
    }
    const out = [];
    lines.forEach((l, i) => {
      out.push(l);
      for (const a of byLine.get(i) ?? []) {
        if (a.column < 2) console.error(`${result.path}:${i + 1}: finding at column ${a.column} cannot be annotated`);
        out.push(l.endsWith('\r') ? `${a.line}\r` : a.line);
      }
    });
    console.log(`== ${path.relative(process.cwd(), result.path)}`);
    for (const [line, anns] of byLine) for (const a of anns) console.log(`  ${line + 1}: ${a.message}`);
    if (write) fs.writeFileSync(result.path, out.join('\n'));
  }
}
