// Runs every fixture under fixtures/ through the engine and checks the findings against the inline
// annotations, exact to the column; then applies every fix and checks the result (and the .fixed file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject, applyFixes, decodeSource, type FileResult, type Finding } from '../src/index.js';
import { annotatedLength, annotationRule, parseAnnotations } from './support/annotations.js';
import { fixtureProjects, FIXTURES_DIR } from './support/fixture-files.js';
import { countSyntaxErrors } from './support/syntax-errors.js';

function describeActual(text: string, f: Finding, file: string): string {
  const related = f.related
    .map((r) =>
      path.resolve(r.path) === path.resolve(file)
        ? `${r.range.start.line + 1}`
        : `${path.basename(r.path)}:${r.range.start.line + 1}`,
    )
    .join(',');
  return `${f.range.start.line + 1}:${f.range.start.column} len=${annotatedLength(text, f.range.start, f.range.end)} ${annotationRule(f.ruleId, f.messageId)} related:${related}`;
}

function analyze(files: string[], texts: Map<string, string>): FileResult[] {
  return analyzeProject(files.map((p) => ({ path: p, text: texts.get(p)! })));
}

function fixUntilStable(file: string, files: string[], texts: Map<string, string>): string {
  const current = new Map(texts);
  for (let pass = 0; pass < 10; pass++) {
    const result = analyze(files, current).find((r) => r.path === file)!;
    const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    current.set(file, applyFixes(current.get(file)!, fixes).text);
  }
  return current.get(file)!;
}

const projects = fixtureProjects();

test('there are fixtures for every rule', () => {
  const folders = fs.readdirSync(path.join(FIXTURES_DIR, 'rules'));
  for (const id of [
    'no-deprecated-fast-path',
    'fast-path-before-connect',
    'fast-path-before-accept',
    'fast-path-both-sides',
    'fast-path-supported-options',
    'fast-path-tcp-only',
    'fast-path-ioctl-arguments',
  ]) {
    assert.ok(folders.includes(id), `fixtures/rules/${id} is missing`);
  }
});

for (const project of projects) {
  test(`fixture ${project.name}`, async (t) => {
    const texts = new Map(project.files.map((p) => [p, decodeSource(fs.readFileSync(p)).text]));
    const results = analyze(project.files, texts);
    for (const result of results) {
      const text = texts.get(result.path)!;
      const rel = path.relative(FIXTURES_DIR, result.path);
      await t.test(`${rel}: findings match annotations`, () => {
        assert.deepEqual(result.notes, [], 'no analysis notes');
        const expected = parseAnnotations(text)
          .map((e) => `${e.line + 1}:${e.column} len=${e.length} ${e.rule} related:${e.related?.join(',') ?? '*'}`)
          .sort();
        const actual = result.findings.map((f) => describeActual(text, f, result.path));
        // `related:*` in the expectation means related lines are not checked.
        const normalised = actual
          .map((a) => {
            const head = a.slice(0, a.indexOf(' related:'));
            return expected.some((e) => e === `${head} related:*`) ? `${head} related:*` : a;
          })
          .sort();
        assert.deepEqual(normalised, expected);
      });

      const fixable = result.findings.filter((f) => f.fix || f.suggestions.length > 0);
      if (fixable.length === 0) continue;
      await t.test(`${rel}: every fix and suggestion keeps the file parsing`, () => {
        const before = countSyntaxErrors(text, result.path);
        for (const finding of fixable) {
          for (const fix of [...(finding.fix ? [finding.fix] : []), ...finding.suggestions]) {
            const fixed = applyFixes(text, [fix]).text;
            assert.notEqual(fixed, text, `${fix.message} changes the text`);
            assert.ok(
              countSyntaxErrors(fixed, result.path) <= before,
              `${fix.message} (${finding.ruleId} at ${finding.range.start.line + 1}) adds no syntax errors`,
            );
            if (fix === finding.fix) {
              const again = analyze(project.files, new Map(texts).set(result.path, fixed)).find(
                (r) => r.path === result.path,
              )!;
              const same = (f: Finding): boolean => f.ruleId === finding.ruleId && f.messageId === finding.messageId;
              assert.ok(
                again.findings.filter(same).length < result.findings.filter(same).length,
                `${fix.message} removes the ${finding.ruleId} finding`,
              );
            }
          }
        }
      });
      if (result.findings.some((f) => f.fix)) {
        await t.test(`${rel}: fixing everything gives the .fixed file, and fixing again changes nothing`, () => {
          const expectedPath = `${result.path}.fixed`;
          assert.ok(fs.existsSync(expectedPath), `${path.relative(FIXTURES_DIR, expectedPath)} exists`);
          const fixed = fixUntilStable(result.path, project.files, texts);
          assert.equal(fixed, decodeSource(fs.readFileSync(expectedPath)).text);
          assert.equal(fixUntilStable(result.path, project.files, new Map(texts).set(result.path, fixed)), fixed);
        });
      }
    }
  });
}
