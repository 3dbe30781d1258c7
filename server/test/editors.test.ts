// Acceptance: real editors drive the real server binary. For one fixture per rule (plus non-ASCII
// columns and an unused suppression), Neovim (vim.lsp.start_client; the direct codeAction +
// apply_workspace_edit path and the vim.lsp.buf.code_action() + vim.ui.select path) and Emacs + Eglot
// (Flymake diagnostics, eglot-code-actions with kind quickfix) run headless on a copy of the fixture
// in a temporary folder: the drivers in test/editors/ write what the editor saw to a JSON file, and
// this file checks rule codes and ranges (in the editor's own column units) against the fixture's
// annotations, the documentation links, the text after the quick fix against the engine's own fix,
// and the diagnostics after the fix against the engine's findings for that text.
// The editors are installed by scripts/install-editor-deps.sh when missing; the tests skip only when
// that is impossible (not root, or no apt-get). Nothing here depends on timing: the drivers poll for
// state, with one generous deadline as a guard against hanging.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeProject, applyFixes } from '@winsock-lint/rules';
import type { Finding } from '@winsock-lint/rules';
import type * as Annotations from '../../rules/dist/test/support/annotations.js';
import { REPO_ROOT, SERVER_BIN, fixturePath } from './support/lsp-client.js';

// The engine's annotation parser (rules/test/support/annotations.ts), loaded from its build output.
const { parseAnnotations, annotatedLength } = (await import(
  pathToFileURL(join(REPO_ROOT, 'rules', 'dist', 'test', 'support', 'annotations.js')).href
)) as typeof Annotations;

const DRIVERS = join(REPO_ROOT, 'server', 'test', 'editors');
const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts', 'install-editor-deps.sh');
/** Guard only: a driver that sees nothing for this long gives up (normal runs take about a second). */
const DEADLINE_MS = 120_000;
const UNUSED_SUPPRESSION = 'unused-suppression';
const docsLink = (rule: string): string =>
  `https://github.com/winsock-lint/winsock-lint/blob/main/docs/rules/${rule}.md`;

interface Case {
  fixture: string;
  /** The rule whose diagnostic gets fixed. */
  rule: string;
  /** 0-based line of that diagnostic, when the fixture has several. */
  line?: number;
}

// One positive fixture per rule; the fix applied is the finding's automatic fix, else its first
// suggestion, else "Disable <rule> for this line" (fast-path-both-sides and fast-path-tcp-only have
// neither).
const CASES: Case[] = [
  { fixture: 'rules/no-deprecated-fast-path/loopback-echo.cpp', rule: 'no-deprecated-fast-path' },
  { fixture: 'rules/fast-path-before-connect/connect-then-ioctl.cpp', rule: 'fast-path-before-connect' },
  { fixture: 'rules/fast-path-before-accept/accept-then-ioctl.cpp', rule: 'fast-path-before-accept' },
  { fixture: 'rules/fast-path-both-sides/socketpair-one-side.cpp', rule: 'fast-path-both-sides' },
  { fixture: 'rules/fast-path-supported-options/unsupported-options.cpp', rule: 'fast-path-supported-options' },
  { fixture: 'rules/fast-path-tcp-only/udp-and-raw.cpp', rule: 'fast-path-tcp-only' },
  { fixture: 'rules/fast-path-ioctl-arguments/wsk-arguments.c', rule: 'fast-path-ioctl-arguments' },
  // The fix of the call after "😀" (a surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes, 1 Emacs char).
  { fixture: 'edge-cases/unicode-columns.cpp', rule: 'no-deprecated-fast-path', line: 49 },
  { fixture: 'edge-cases/suppressions.cpp', rule: UNUSED_SUPPRESSION },
];

// ---------------------------------------------------------------------------------------------
// Columns: annotations and the engine count UTF-16 units; Neovim's vim.diagnostic counts bytes of
// the line (UTF-8), Emacs counts characters (code points).

type Unit = 'utf-16' | 'utf-8' | 'chars';

function toUtf16(lineText: string, column: number, unit: Unit): number {
  if (unit === 'utf-16') return column;
  if (unit === 'utf-8') return Buffer.from(lineText, 'utf8').subarray(0, column).toString('utf8').length;
  return [...lineText].slice(0, column).join('').length;
}

function fromUtf16(lineText: string, column: number, unit: Unit): number {
  const prefix = lineText.slice(0, column);
  if (unit === 'utf-16') return column;
  if (unit === 'utf-8') return Buffer.byteLength(prefix, 'utf8');
  return [...prefix].length;
}

// ---------------------------------------------------------------------------------------------
// What the engine says.

function ruleCode(finding: Finding): string {
  return finding.ruleId ?? UNUSED_SUPPRESSION;
}

function findingsOf(path: string, text: string): Finding[] {
  const [result] = analyzeProject([{ path, text }]);
  return result?.findings ?? [];
}

interface Target {
  code: string;
  line: number;
  /** UTF-16 column of the diagnostic's start. */
  column: number;
  /** Title of the code action to apply. */
  title: string;
  /** The file's text after that action, as the engine (or, for a disable comment, the format) has it. */
  expected: string;
}

function chooseTarget(path: string, text: string, testCase: Case): Target {
  const candidates = findingsOf(path, text).filter(
    (f) => ruleCode(f) === testCase.rule && (testCase.line === undefined || f.range.start.line === testCase.line),
  );
  const base = (f: Finding) => ({ code: ruleCode(f), line: f.range.start.line, column: f.range.start.column });
  const withFix = candidates.find((f) => f.fix);
  if (withFix?.fix) {
    return { ...base(withFix), title: withFix.fix.message, expected: applyFixes(text, [withFix.fix]).text };
  }
  const withSuggestion = candidates.find((f) => f.suggestions.length > 0);
  const suggestion = withSuggestion?.suggestions[0];
  if (withSuggestion && suggestion) {
    return { ...base(withSuggestion), title: suggestion.message, expected: applyFixes(text, [suggestion]).text };
  }
  const first = candidates[0];
  assert.ok(first, `${testCase.fixture}: the engine reports no ${testCase.rule}`);
  // docs/language-server.md: the comment goes above the line, indented like it.
  const lines = text.split('\n');
  const lineText = lines[first.range.start.line] ?? '';
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  lines.splice(
    first.range.start.line,
    0,
    `${indent}// winsock-lint-disable-next-line ${testCase.rule} -- TODO: explain why`,
  );
  return { ...base(first), title: `Disable ${testCase.rule} for this line`, expected: lines.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// What the editors saw (the drivers' JSON), normalised to UTF-16 positions.

interface SeenDiagnostic {
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  href: string | null;
  message: string;
}

interface NvimDiagnostic {
  code: string;
  message: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  href: string | null;
}

interface EglotDiagnostic {
  code: string;
  message: string;
  text: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  href: string | null;
  wire_range: { start: { line: number; character: number }; end: { line: number; character: number } } | null;
}

interface DriverResult<D> {
  ok: boolean;
  error?: string;
  steps: string[];
  before: D[];
  after: D[];
  actions: { title: string; kind: string | null; preferred?: boolean }[];
  applied: string | null;
  [key: string]: unknown;
}

function normalise(
  text: string,
  unit: Unit,
  d: { code: string; message: string; href: string | null },
  start: [number, number],
  end: [number, number],
): SeenDiagnostic {
  const lines = text.split('\n');
  return {
    code: d.code,
    message: d.message,
    href: d.href,
    line: start[0],
    column: toUtf16(lines[start[0]] ?? '', start[1], unit),
    endLine: end[0],
    endColumn: toUtf16(lines[end[0]] ?? '', end[1], unit),
  };
}

/** Checks diagnostics against the fixture's annotations: same rules at the same starts and lengths. */
function assertMatchesAnnotations(text: string, seen: SeenDiagnostic[], where: string): void {
  const expected = parseAnnotations(text)
    .map((e) => `${e.line}:${e.column}:${e.length}:${e.rule}`)
    .sort();
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const actual = seen
    .map((d) => {
      const startOffset = (lineStarts[d.line] ?? 0) + d.column;
      const endOffset = (lineStarts[d.endLine] ?? 0) + d.endColumn;
      const length = annotatedLength(
        text,
        { line: d.line, column: d.column, offset: startOffset },
        { line: d.endLine, offset: endOffset },
      );
      return `${d.line}:${d.column}:${length}:${d.code}`;
    })
    .sort();
  assert.deepEqual(
    actual,
    expected,
    `${where}: diagnostics (line:column:length:rule, UTF-16) differ from the annotations`,
  );
}

/** Checks diagnostics against the engine's findings for `text` (after the fix). */
function assertMatchesEngine(path: string, text: string, seen: SeenDiagnostic[], where: string): void {
  const expected = findingsOf(path, text)
    .map(
      (f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}:${ruleCode(f)}`,
    )
    .sort();
  const actual = seen.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}:${d.code}`).sort();
  assert.deepEqual(actual, expected, `${where}: diagnostics after the fix differ from the engine's findings`);
}

function assertLinks(seen: SeenDiagnostic[], where: string): void {
  for (const d of seen) {
    const want = docsLink(d.code);
    assert.equal(d.href, want, `${where}: documentation link of ${d.code} at ${d.line}:${d.column}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Editors: present, installable, or skipped.

function have(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
function haveEglot(): boolean {
  return have('emacs') && spawnSync('emacs', ['--batch', '--eval', "(require 'eglot)"]).status === 0;
}

/** undefined when the editors are usable; otherwise why the editor tests skip. Fails if installing fails. */
function ensureEditors(): string | undefined {
  if (have('nvim') && haveEglot()) return undefined;
  const root = process.getuid?.() === 0;
  if (!root || !have('apt-get')) {
    return `editor acceptance tests skipped: nvim/emacs/eglot missing and cannot be installed (${
      root ? 'no apt-get' : 'not root'
    }); run scripts/install-editor-deps.sh as root`;
  }
  const install = spawnSync('bash', [INSTALL_SCRIPT], { encoding: 'utf8' });
  assert.equal(install.status, 0, `scripts/install-editor-deps.sh failed:\n${install.stdout}\n${install.stderr}`);
  return undefined;
}

const skipReason = ensureEditors();
if (skipReason) process.stderr.write(`# ${skipReason}\n`);

const workDirs: string[] = [];
after(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

interface Run<D> {
  result: DriverResult<D>;
  file: string;
  text: string;
  target: Target;
  fixedText: string;
}

/** Copies the fixture into a fresh folder (the workspace), writes the plan, runs the editor. */
function runEditor<D>(
  testCase: Case,
  plan: Record<string, unknown>,
  targetColumn: (lineText: string, utf16: number) => number,
  command: (file: string, planPath: string) => [string, string[]],
): Run<D> {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-lint-editor-'));
  workDirs.push(dir);
  const file = join(dir, basename(testCase.fixture));
  copyFileSync(fixturePath(testCase.fixture), file);
  const text = readFileSync(file, 'utf8');
  const target = chooseTarget(file, text, testCase);
  const lineText = text.split('\n')[target.line] ?? '';
  const resultPath = join(dir, 'result.json');
  const planPath = join(dir, 'plan.json');
  writeFileSync(
    planPath,
    JSON.stringify({
      server: [process.execPath, SERVER_BIN, '--stdio'],
      root: dir,
      file,
      result: resultPath,
      timeout_ms: DEADLINE_MS,
      target: { code: target.code, line: target.line, col: targetColumn(lineText, target.column), title: target.title },
      ...plan,
    }),
  );
  const [program, args] = command(file, planPath);
  const run = spawnSync(program, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, WINSOCK_LINT_PLAN: planPath, HOME: dir },
    timeout: DEADLINE_MS + 30_000,
  });
  let result: DriverResult<D>;
  try {
    result = JSON.parse(readFileSync(resultPath, 'utf8')) as DriverResult<D>;
  } catch {
    assert.fail(`${program} wrote no result (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
  }
  assert.ok(result.ok, `${program} failed after [${result.steps.join(', ')}]: ${result.error}\n${run.stderr}`);
  return { result, file, text, target, fixedText: readFileSync(file, 'utf8') };
}

function checkRun(run: Run<unknown>, before: SeenDiagnostic[], afterFix: SeenDiagnostic[], where: string): void {
  assertMatchesAnnotations(run.text, before, `${where} (before)`);
  assertLinks(before, `${where} (before)`);
  assert.ok(
    run.result.actions.some((a) => a.title === run.target.title && a.kind === 'quickfix'),
    `${where}: quick fix "${run.target.title}" offered (got ${run.result.actions.map((a) => a.title).join(' | ')})`,
  );
  assert.equal(run.result.applied, run.target.title);
  assert.equal(run.fixedText, run.target.expected, `${where}: text after "${run.target.title}"`);
  assertMatchesEngine(run.file, run.fixedText, afterFix, where);
  assertLinks(afterFix, `${where} (after)`);
  const count = (list: SeenDiagnostic[]): number => list.filter((d) => d.code === run.target.code).length;
  assert.ok(count(afterFix) < count(before), `${where}: the fixed ${run.target.code} diagnostic went away`);
}

// ---------------------------------------------------------------------------------------------

describe('Neovim (headless, vim.lsp.start_client)', { skip: skipReason ?? false }, () => {
  const nvim = (file: string): [string, string[]] => [
    'nvim',
    ['--headless', '-i', 'NONE', '-n', '-u', join(DRIVERS, 'nvim-driver.lua'), file],
  ];
  const variants: { mode: 'direct' | 'ui-select' | 'rebuilt'; encoding: 'utf-16' | 'utf-8'; cases: Case[] }[] = [
    { mode: 'direct', encoding: 'utf-16', cases: CASES },
    { mode: 'ui-select', encoding: 'utf-16', cases: CASES },
    // The diagnostics rebuilt from Neovim's store without `data` (byte columns: on the non-ASCII line they
    // match no range, so the findings under the cursor answer).
    { mode: 'rebuilt', encoding: 'utf-16', cases: CASES },
    // Neovim 0.10+ offers UTF-8 first; 0.7 is told to, so the UTF-8 path runs against a real client too.
    { mode: 'direct', encoding: 'utf-8', cases: CASES.filter((c) => c.fixture.includes('unicode')) },
    { mode: 'ui-select', encoding: 'utf-8', cases: CASES.filter((c) => c.fixture.includes('unicode')) },
  ];
  for (const variant of variants) {
    for (const testCase of variant.cases) {
      const how = {
        direct: 'codeAction + apply_workspace_edit',
        'ui-select': 'buf.code_action + vim.ui.select',
        rebuilt: 'codeAction with rebuilt diagnostics (no data)',
      }[variant.mode];
      void test(`${testCase.fixture}: ${testCase.rule} via ${how} (${variant.encoding})`, () => {
        const run = runEditor<NvimDiagnostic>(
          testCase,
          { mode: variant.mode, encoding: variant.encoding },
          (lineText, column) => fromUtf16(lineText, column, 'utf-8'),
          nvim,
        );
        assert.equal(run.result['server_position_encoding'], variant.encoding, 'negotiated position encoding');
        assert.equal(run.result['client_offset_encoding'], variant.encoding, "the client's offset encoding");
        if (variant.mode === 'rebuilt') {
          const sent = run.result['sent_diagnostics'] as { code?: unknown; data?: unknown }[];
          assert.ok(
            sent.some((d) => d.code === run.target.code),
            `the rebuilt ${run.target.code} was sent`,
          );
          assert.ok(
            sent.every((d) => d.data === undefined),
            'rebuilt diagnostics carry no data',
          );
        }
        const seen = (text: string, list: NvimDiagnostic[]) =>
          list.map((d) => normalise(text, 'utf-8', d, [d.lnum, d.col], [d.end_lnum, d.end_col]));
        checkRun(
          run,
          seen(run.text, run.result.before),
          seen(run.fixedText, run.result.after),
          `nvim ${testCase.fixture}`,
        );
      });
    }
  }
});

describe('Emacs + Eglot (emacs --batch, Flymake)', { skip: skipReason ?? false }, () => {
  const emacs = (): [string, string[]] => ['emacs', ['--batch', '-l', join(DRIVERS, 'eglot-driver.el')]];
  for (const testCase of CASES) {
    void test(`${testCase.fixture}: ${testCase.rule} via flymake-diagnostics + eglot-code-actions quickfix`, () => {
      const run = runEditor<EglotDiagnostic>(
        testCase,
        {},
        (lineText, column) => fromUtf16(lineText, column, 'chars'),
        emacs,
      );
      // Eglot 1.9 offers no position encodings, so the server stays at UTF-16 (what Eglot counts in).
      assert.equal(run.result['server_position_encoding'], 'utf-16', 'negotiated position encoding');
      const seen = (text: string, list: EglotDiagnostic[]) =>
        list.map((d) => {
          // Flymake's text is "source [code]: message"; the LSP diagnostic Eglot keeps must agree with
          // the region Flymake shows (both converted to UTF-16 here).
          assert.equal(d.text, `winsock-lint [${d.code}]: ${d.message}`);
          const normal = normalise(text, 'chars', d, [d.line, d.column], [d.end_line, d.end_column]);
          if (d.wire_range) {
            assert.deepEqual(
              [
                d.wire_range.start.line,
                d.wire_range.start.character,
                d.wire_range.end.line,
                d.wire_range.end.character,
              ],
              [normal.line, normal.column, normal.endLine, normal.endColumn],
              'the Flymake region is the LSP range',
            );
          }
          return normal;
        });
      checkRun(
        run,
        seen(run.text, run.result.before),
        seen(run.fixedText, run.result.after),
        `eglot ${testCase.fixture}`,
      );
    });
  }
});
