// ESLint's own RuleTester (ESLint 9 and ESLint 10) with `language: "winsock/cpp"`, for every rule, built from the
// C/C++ fixtures: each annotation is an error with its exact position, `output` is one pass of the rule's fixes
// and every suggestion is checked with its output.
import { after, describe, it } from 'node:test';
import { RuleTester as RuleTester9 } from 'eslint';
import { RuleTester as RuleTester10 } from 'eslint-v10';
import winsock from '../src/index.js';
import { expectedErrors, expectedOutput, fixtures, isCppFixture, settingsFor } from './support/fixtures.js';

const cppFixtures = fixtures.filter(isCppFixture);

for (const [major, RuleTester] of [
  ['ESLint 9', RuleTester9],
  ['ESLint 10', RuleTester10 as unknown as typeof RuleTester9],
] as const) {
  RuleTester.describe = describe;
  RuleTester.it = it;
  RuleTester.itOnly = it.only;
  void after;
  const tester = new RuleTester({ plugins: { winsock }, language: 'winsock/cpp' });
  describe(`${major}: winsock/cpp RuleTester`, () => {
    for (const [id, rule] of Object.entries(winsock.rules)) {
      const hasSuggestions = rule.meta?.hasSuggestions === true;
      const valid: RuleTester9.ValidTestCase[] = [];
      const invalid: RuleTester9.InvalidTestCase[] = [];
      for (const f of cppFixtures) {
        const base = { name: f.rel, code: f.text, filename: f.path, settings: settingsFor(f) };
        const errors = expectedErrors(f, id, hasSuggestions);
        if (errors.length === 0) valid.push(base);
        else invalid.push({ ...base, errors, output: expectedOutput(f, id) });
      }
      tester.run(id, rule, { valid, invalid });
    }
  });
}
