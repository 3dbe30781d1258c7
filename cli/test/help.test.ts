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
    '--fix',
    '--fix-dry-run',
    '--output-file',
    '--no-ignore',
    '--include',
    '--exclude',
    '--max-warnings',
    '--list-rules',
    '--print-config',
    'sarif',
  ]) {
    assert.ok(text.includes(option), option);
  }
  assert.match(text, /Rules:\n {2}no-deprecated-fast-path\n {2}fast-path-tcp-only\n/);
  assert.match(text, /\(\.c \.hpp, any letter case\)/);
  assert.match(text, /Examples:\n {2}winsock-lint audit src\n/);
  assert.match(text, /Exit codes:/);
  assert.ok(text.endsWith('\n'));
});

test('audit help shows examples of the new options and every exit code with its causes', () => {
  const text = auditHelp(['no-deprecated-fast-path'], ['.c']);
  assert.match(text, /\n {2}winsock-lint audit --fix src\n/);
  assert.match(text, /\n {2}winsock-lint audit --fix-dry-run src > fixes\.patch\n/);
  assert.match(text, /--format sarif --output-file results\.sarif/);
  assert.match(text, /\n {2}1 {2}at least one error-severity finding, or more warnings than --max-warnings/);
  assert.match(text, /\n {2}2 {2}usage error.*\n.*cannot be written, a fix refused because the file changed on disk/);
});
