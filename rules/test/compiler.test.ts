// Every C/C++ fixture that compiles before its fixes (MinGW-w64, -fsyntax-only -Wall -Wextra) must compile
// with no new error or warning after each fix, each suggestion, and all fixes (its .fixed file). WSK
// (kernel) fixtures, which MinGW cannot compile, keep the tree-sitter checks of fixtures.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject, applyFixes, decodeSource } from '../src/index.js';
import { fixtureProjects, FIXTURES_DIR } from './support/fixture-files.js';
import { ensureMingw, INSTALL_COMMAND, languageOf, newDiagnostics, SyntaxChecker } from './support/mingw.js';

interface Variant {
  label: string;
  text: string;
}

test('fixes and suggestions add no compiler diagnostics (MinGW-w64 -Wall -Wextra)', async (t) => {
  assert.ok(ensureMingw(), `x86_64-w64-mingw32-gcc/g++ are needed for this test: ${INSTALL_COMMAND}`);
  const checker = new SyntaxChecker();
  t.after(() => checker.dispose());
  let compiled = 0;
  let variants = 0;
  const failures: string[] = [];
  for (const project of fixtureProjects()) {
    const sources = project.files.filter((f) => languageOf(f));
    if (sources.length === 0) continue;
    const texts = new Map(project.files.map((f) => [f, decodeSource(fs.readFileSync(f)).text]));
    const results = analyzeProject(project.files.map((f) => ({ path: f, text: texts.get(f)! })));
    for (const file of sources) {
      const text = texts.get(file)!;
      const before = await checker.check(text, file);
      // Kernel code (wsk.h) and deliberately broken files do not compile to begin with.
      if (before.some((d) => d.startsWith('error: '))) continue;
      compiled++;
      const result = results.find((r) => r.path === file)!;
      const found: Variant[] = [];
      for (const finding of result.findings) {
        const where = `${finding.ruleId ?? 'unused-suppression'} at ${finding.range.start.line + 1}`;
        if (finding.fix) found.push({ label: `fix of ${where}`, text: applyFixes(text, [finding.fix]).text });
        for (const s of finding.suggestions) {
          found.push({ label: `suggestion "${s.message}" of ${where}`, text: applyFixes(text, [s]).text });
        }
      }
      if (fs.existsSync(`${file}.fixed`)) {
        found.push({ label: 'all fixes (.fixed)', text: decodeSource(fs.readFileSync(`${file}.fixed`)).text });
      }
      variants += found.length;
      const rel = path.relative(FIXTURES_DIR, file);
      const checks = await Promise.all(found.map((v) => checker.check(v.text, file)));
      found.forEach((v, i) => {
        for (const d of newDiagnostics(before, checks[i]!)) failures.push(`${rel}: ${v.label}: ${d}`);
      });
    }
  }
  assert.deepEqual(failures, [], 'new compiler diagnostics after a fix or suggestion');
  // The test must not pass by compiling nothing.
  assert.ok(compiled >= 40, `compiled ${compiled} fixtures`);
  assert.ok(variants >= 60, `checked ${variants} fixed texts`);
});
