// Parity: ESLint (9 and 10, through Linter) with the plugin reports exactly what the engine (analyzeProject) reports
// on every fixture: single files alone, project-* folders and demo/ in project mode. Compared on
// (rule, line, column, endLine, endColumn, message), ESLint's 1-based columns against the engine's 0-based ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter as Linter9 } from 'eslint';
import { Linter as Linter10 } from 'eslint-v10';
import { clearAnalysisCache, clearProjectIndexes } from '../src/index.js';
import { eslintRuleOf, fixtures, REPO_ROOT, settingsFor } from './support/fixtures.js';
import { flatConfig } from './support/configs.js';

const key = (
  rule: string,
  line: number,
  column: number,
  endLine: number | undefined,
  endColumn: number | undefined,
  message: string,
): string => `${rule} ${line}:${column}-${endLine ?? '?'}:${endColumn ?? '?'} ${message}`;

for (const [major, Linter] of [
  ['ESLint 9', Linter9],
  ['ESLint 10', Linter10 as unknown as typeof Linter9],
] as const) {
  test(`${major}: the plugin reports what the engine reports on every fixture`, () => {
    clearAnalysisCache();
    clearProjectIndexes();
    const linter = new Linter({ cwd: REPO_ROOT, configType: 'flat' });
    let compared = 0;
    for (const f of fixtures) {
      const messages = linter.verify(f.text, flatConfig(settingsFor(f)), f.path);
      const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
      assert.deepEqual(fatal, [], `${f.rel}: no parse errors or config problems`);
      const actual = messages
        .map((m) => key(m.ruleId ?? '', m.line, m.column, m.endLine, m.endColumn, m.message))
        .sort();
      const expected = f.result.findings
        .map((x) =>
          key(
            `winsock/${eslintRuleOf(x)}`,
            x.range.start.line + 1,
            x.range.start.column + 1,
            x.range.end.line + 1,
            x.range.end.column + 1,
            x.message,
          ),
        )
        .sort();
      assert.deepEqual(actual, expected, f.rel);
      compared += expected.length;
    }
    assert.ok(compared > 200, `compared ${compared} findings`);
  });
}
