// Unit tests of the help texts: the examples, the rule list and the exit codes are all there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditHelp, generalHelp } from '../src/help.js';

test('general help names the audit command, its help and the exit codes', () => {
  const text = generalHelp();
  assert.match(text, /^Usage: winsock-lint <command> \[options\]/);
  assert.match(text, /audit <paths…>/);
  assert.match(text, /winsock-lint audit --help/);
  assert.match(text, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
});

test('audit help lists every option, the rules, the extensions, examples and the exit codes', () => {
  const text = auditHelp(['no-deprecated-fast-path', 'fast-path-tcp-only'], ['.c', '.hpp']);
  for (const option of [
    '--format',
    '--config',
    '--rule',
    '--max-file-size',
    '--quiet',
    '--color',
    '--no-color',
    '--help',
  ]) {
    assert.ok(text.includes(option), option);
  }
  assert.match(text, /Rules:\n {2}no-deprecated-fast-path\n {2}fast-path-tcp-only\n/);
  assert.match(text, /\(\.c \.hpp, any letter case\)/);
  assert.match(text, /Examples:\n {2}winsock-lint audit src\n/);
  assert.match(text, /Exit codes:/);
  assert.ok(text.endsWith('\n'));
});
