#!/usr/bin/env node
// Compares each fixture's fully fixed text with its .fixed file and prints a diff (after `npm run build`);
// --write updates the .fixed files. Review the diff: the .fixed files are the expectation under test.
// Usage: node scripts/update-fixed.mjs [--write] [path substring…]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { analyzeProject, applyFixes, decodeSource } from '../rules/dist/src/index.js';
import { fixtureProjects } from '../rules/dist/test/support/fixture-files.js';
const write = process.argv.includes('--write');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);
for (const p of fixtureProjects()) {
  const texts = new Map(p.files.map((f) => [f, decodeSource(fs.readFileSync(f)).text]));
  for (const file of p.files) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    let cur = new Map(texts);
    for (let i = 0; i < 10; i++) {
      const r = analyzeProject(p.files.map((f) => ({ path: f, text: cur.get(f) }))).find((x) => x.path === file);
      const fixes = r.findings.flatMap((f) => (f.fix ? [f.fix] : []));
      if (!fixes.length) break;
      cur.set(file, applyFixes(cur.get(file), fixes).text);
    }
    const out = cur.get(file);
    if (out === texts.get(file)) continue;
    const fixedPath = file + '.fixed';
    const expected = fs.existsSync(fixedPath) ? decodeSource(fs.readFileSync(fixedPath)).text : '';
    if (out !== expected) {
      const tmp = path.join(os.tmpdir(), 'winsock-lint-fixed.out');
      fs.writeFileSync(tmp, out);
      try {
        execSync(`diff ${fs.existsSync(fixedPath) ? fixedPath : '/dev/null'} ${tmp}`, { stdio: 'pipe' });
      } catch (e) {
        console.log('== ' + fixedPath + '\n' + e.stdout.toString().slice(0, 3000));
      }
      if (out.includes('\r\n') !== expected.includes('\r\n')) console.log('CRLF mismatch');
      if (write) fs.writeFileSync(fixedPath, out);
    }
  }
}
