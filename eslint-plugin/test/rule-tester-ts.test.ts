// typescript-eslint's RuleTester on the TypeScript/JavaScript FFI fixtures (fixtures/ffi/*), parsed by
// @typescript-eslint/parser: the same errors, positions, fix output and suggestions as the engine reports.
import { after, describe, it } from 'node:test';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import { rules } from '../src/index.js';
import { expectedErrors, expectedOutput, fixtures, isCppFixture, settingsFor } from './support/fixtures.js';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const scriptFixtures = fixtures.filter((f) => !isCppFixture(f));
const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

for (const [id, rule] of Object.entries(rules)) {
  const hasSuggestions = rule.meta.hasSuggestions === true;
  const valid: ValidTestCase<[object]>[] = [];
  const invalid: InvalidTestCase<string, [object]>[] = [];
  for (const f of scriptFixtures) {
    const base = { name: f.rel, code: f.text, filename: f.path, settings: settingsFor(f) };
    const errors = expectedErrors(f, id, hasSuggestions);
    if (errors.length === 0) valid.push(base);
    else invalid.push({ ...base, errors, output: expectedOutput(f, id) });
  }
  // rule-tester bundles its own @typescript-eslint/utils (8.72), whose types differ only nominally from ours.
  tester.run(id, rule as unknown as Parameters<typeof tester.run>[1], { valid, invalid });
}
