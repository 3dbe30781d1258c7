// The shared fixtures as the ESLint tests need them: every fixture file with its project, the engine's results
// (the reference every ESLint run must equal), the settings that make the plugin analyse the same project, and
// RuleTester cases built from the inline annotations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as AnnotationsModule from '../../../rules/dist/test/support/annotations.js';
import type * as FixtureFilesModule from '../../../rules/dist/test/support/fixture-files.js';
import {
  analyzeProject,
  applyFixes,
  decodeSource,
  languageForPath,
  mergeFixEdits,
  type FileResult,
  type Finding,
  type Fix,
} from '@winsock-lint/rules';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'fixtures');
export const SAMPLE_PROJECT = path.join(FIXTURES_DIR, 'eslint-project');

type Annotations = typeof AnnotationsModule;
type FixtureFiles = typeof FixtureFilesModule;
// The engine's own test support (rules/test/support/*.ts), loaded from its build output.
const support = (file: string): string =>
  pathToFileURL(path.join(REPO_ROOT, 'rules', 'dist', 'test', 'support', file)).href;
export const { parseAnnotations, annotationRule } = (await import(support('annotations.js'))) as Annotations;
const { fixtureProjects } = (await import(support('fixture-files.js'))) as FixtureFiles;

export const UNUSED_SUPPRESSION = 'unused-suppression';

export interface FixtureFile {
  path: string;
  /** Relative to fixtures/, for test names. */
  rel: string;
  text: string;
  /** The project folder for files analysed together (project-*, demo); undefined for single files. */
  projectRoot?: string;
  /** The engine's result for this file, analysed as the fixtures README says. */
  result: FileResult;
}

/** Every fixture (the ESLint sample project excluded: its expectations are ESLint's, see eslint-cli.test). */
export const fixtures: FixtureFile[] = fixtureProjects(FIXTURES_DIR)
  .filter((p) => !p.name.startsWith('eslint-project'))
  .flatMap((project) => {
    const files = project.files.map((p) => ({ path: p, text: decodeSource(fs.readFileSync(p)).text }));
    const results = analyzeProject(files);
    const isProject = fs.statSync(path.join(FIXTURES_DIR, project.name)).isDirectory();
    const root = isProject ? path.join(FIXTURES_DIR, project.name) : undefined;
    return files.map((f, i) => ({
      path: f.path,
      rel: path.relative(FIXTURES_DIR, f.path),
      text: f.text,
      ...(root ? { projectRoot: root } : {}),
      result: results[i]!,
    }));
  });

export const isCppFixture = (f: FixtureFile): boolean => languageForPath(f.path) === 'cpp';

/** `settings.winsock` that makes the plugin analyse the file as the engine did above. */
export function settingsFor(f: FixtureFile): { winsock: { project: boolean; root?: string } } {
  return f.projectRoot ? { winsock: { project: true, root: f.projectRoot } } : { winsock: { project: false } };
}

/** The ESLint rule (without the `winsock/` prefix) that reports an engine finding. */
export function eslintRuleOf(finding: Finding): string {
  return finding.ruleId ?? UNUSED_SUPPRESSION;
}

/** The annotation name of an ESLint rule's findings. */
function annotationNames(rule: string): string[] {
  return rule === UNUSED_SUPPRESSION
    ? ['unused-suppression', 'invalid-suppression', 'unknown-rule-in-suppression']
    : [rule];
}

/** What one ESLint pass of `fixes` gives: each fix as one merged range, overlapping/touching ones skipped. */
export function onePass(text: string, fixes: readonly Fix[]): string {
  const merged = fixes.map((fix) => {
    const m = mergeFixEdits(text, fix);
    const start = { line: 0, column: 0, offset: m.range[0] };
    const end = { line: 0, column: 0, offset: m.range[1] };
    return { message: fix.message, edits: [{ range: { start, end }, text: m.text }] };
  });
  return applyFixes(text, merged).text;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestions?: { messageId: string; data: { message: string }; output: string }[];
}

/**
 * The errors an ESLint rule must report on a fixture: positions from the annotations (1-based line and column; the
 * end only when the finding stays on one line), the message id and suggestions from the engine's finding there.
 */
export function expectedErrors(f: FixtureFile, rule: string, withSuggestions: boolean): ExpectedError[] {
  const names = annotationNames(rule);
  const annotations = parseAnnotations(f.text).filter((a) => names.includes(a.rule));
  const findings = f.result.findings.filter((x) => eslintRuleOf(x) === rule);
  if (annotations.length !== findings.length)
    throw new Error(`${f.rel}: ${annotations.length} ${rule} annotations but the engine reports ${findings.length}`);
  const unmatched = new Set(findings);
  const errors = annotations.map((a) => {
    const finding = [...unmatched].find(
      (x) =>
        x.range.start.line === a.line &&
        x.range.start.column === a.column &&
        annotationRule(x.ruleId, x.messageId) === a.rule,
    );
    if (!finding) throw new Error(`${f.rel}:${a.line + 1}: no ${a.rule} finding at column ${a.column}`);
    unmatched.delete(finding);
    const oneLine = finding.range.end.line === a.line;
    return {
      finding,
      error: {
        messageId: finding.messageId,
        line: a.line + 1,
        column: a.column + 1,
        ...(oneLine ? { endLine: a.line + 1, endColumn: a.column + a.length + 1 } : {}),
        ...(withSuggestions
          ? {
              suggestions: finding.suggestions.map((s) => ({
                messageId: 'suggestion',
                data: { message: s.message },
                output: onePass(f.text, [s]),
              })),
            }
          : {}),
      },
    };
  });
  // ESLint sorts problems by position and keeps the report order (the engine's) for those starting together.
  const order = (x: Finding): number => f.result.findings.indexOf(x);
  errors.sort(
    (a, b) => a.error.line - b.error.line || a.error.column - b.error.column || order(a.finding) - order(b.finding),
  );
  return errors.map((e) => e.error);
}

/** The rule's one-pass fix output, or null when it has no automatic fix on this file. */
export function expectedOutput(f: FixtureFile, rule: string): string | null {
  const fixes = f.result.findings.filter((x) => eslintRuleOf(x) === rule && x.fix).map((x) => x.fix!);
  if (fixes.length === 0) return null;
  const output = onePass(f.text, fixes);
  return output === f.text ? null : output;
}
