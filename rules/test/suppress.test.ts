// Tests for suppression comments: parsing directives, suppressing findings, and reporting (and
// fixing) directives that suppressed nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../src/fix/apply-edits.js';
import { type Directive, type SourceComment, applySuppressions, parseSuppressions } from '../src/suppress/index.js';
import { LineIndex } from '../src/text/positions.js';
import type { Finding, RuleId } from '../src/types.js';

const PATH = 'src/net.cpp';

/** The comments of C/C++ text, found the simple way (the tests' sources have no strings). */
function commentsOf(text: string): SourceComment[] {
  const index = new LineIndex(text);
  return [...text.matchAll(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g)].map((m) => ({
    text: m[0],
    range: index.rangeOf(m.index, m.index + m[0].length),
  }));
}

function parse(text: string): { directives: Directive[]; problems: Finding[] } {
  return parseSuppressions(commentsOf(text), { path: PATH, text });
}

/** A finding of `rule` at the first occurrence of `needle` in `text`. */
function findingAt(text: string, needle: string, rule: RuleId | null = 'fast-path-tcp-only'): Finding {
  const start = text.indexOf(needle);
  assert.notEqual(start, -1, needle);
  return {
    ruleId: rule,
    severity: 'error',
    messageId: 'x',
    message: `${rule ?? 'none'} at ${needle}`,
    path: PATH,
    range: new LineIndex(text).rangeOf(start, start + needle.length),
    related: [],
    suggestions: [],
    tags: [],
  };
}

function run(text: string, findings: Finding[], reportUnused: 'off' | 'warn' | 'error' = 'warn') {
  const { directives } = parse(text);
  return applySuppressions(PATH, findings, directives, reportUnused);
}

test('parseSuppressions: the four directives, rule lists and reasons', () => {
  const text = [
    '// winsock-lint-disable-next-line fast-path-tcp-only, fast-path-both-sides -- legacy UDP path',
    'a(); // winsock-lint-disable-line',
    '/* winsock-lint-disable no-deprecated-fast-path fast-path-tcp-only,fast-path-tcp-only */',
    '/* winsock-lint-enable */',
    '// an ordinary comment mentioning winsock-lint-disable',
    '// winsock-lint-disabled is not a directive',
  ].join('\n');
  const { directives, problems } = parse(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    directives.map((d) => [d.kind, d.rules, d.reason]),
    [
      ['disable-next-line', ['fast-path-tcp-only', 'fast-path-both-sides'], 'legacy UDP path'],
      ['disable-line', 'all', undefined],
      ['disable', ['no-deprecated-fast-path', 'fast-path-tcp-only'], undefined],
      ['enable', 'all', undefined],
    ],
  );
  assert.deepEqual(directives[1]?.comment.range.start, { line: 1, column: 5, offset: 99 });
});

test('parseSuppressions: decorated comments (///, /** */, multi-line blocks)', () => {
  const text = [
    '/// winsock-lint-disable-next-line fast-path-tcp-only',
    '/** winsock-lint-disable-next-line -- reason here */',
    '/*',
    ' * winsock-lint-disable fast-path-tcp-only,',
    ' *   fast-path-both-sides -- the reason',
    ' *   goes on',
    ' */',
    '//winsock-lint-enable fast-path-tcp-only--not-a-reason',
  ].join('\r\n');
  const { directives, problems } = parse(text);
  assert.deepEqual(
    directives.map((d) => [d.kind, d.rules, d.reason]),
    [
      ['disable-next-line', ['fast-path-tcp-only'], undefined],
      ['disable-next-line', 'all', 'reason here'],
      ['disable', ['fast-path-tcp-only', 'fast-path-both-sides'], 'the reason goes on'],
    ],
  );
  // "fast-path-tcp-only--not-a-reason" is one (unknown) name: " -- " needs the spaces.
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      "Unknown rule 'fast-path-tcp-only--not-a-reason' in winsock-lint-enable comment. Did you mean 'fast-path-tcp-only'?",
    ],
  );
});

test('parseSuppressions: unknown rule ids are reported with the comment as range', () => {
  const text = 'x();\n  // winsock-lint-disable-next-line fast-path-tcp, bogus-rule fast-path-both-sides\ny();';
  const { directives, problems } = parse(text);
  assert.deepEqual(
    directives.map((d) => d.rules),
    [['fast-path-both-sides']],
  );
  const comment = commentsOf(text)[0];
  assert.deepEqual(problems, [
    {
      ruleId: null,
      severity: 'warn',
      messageId: 'unknownRuleInSuppression',
      message:
        "Unknown rule 'fast-path-tcp' in winsock-lint-disable-next-line comment. Did you mean 'fast-path-tcp-only'?",
      path: PATH,
      range: comment?.range,
      related: [],
      suggestions: [],
      tags: [],
    },
    {
      ruleId: null,
      severity: 'warn',
      messageId: 'unknownRuleInSuppression',
      message: "Unknown rule 'bogus-rule' in winsock-lint-disable-next-line comment.",
      path: PATH,
      range: comment?.range,
      related: [],
      suggestions: [],
      tags: [],
    },
  ]);
});

test('parseSuppressions: a comment naming only unknown rules is not a disable-all', () => {
  const text = '// winsock-lint-disable-next-line nope\nioctl();';
  const { directives, problems } = parse(text);
  assert.deepEqual(directives, []);
  assert.equal(problems.length, 1);
  const result = run(text, [findingAt(text, 'ioctl')]);
  assert.deepEqual(result.suppressed, []);
});

test('parseSuppressions: problem severity follows the context; off drops them', () => {
  const comments = commentsOf('// winsock-lint-disable nope');
  assert.equal(parseSuppressions(comments, { report: 'error' }).problems[0]?.severity, 'error');
  assert.deepEqual(parseSuppressions(comments, { report: 'off' }).problems, []);
  assert.equal(parseSuppressions(comments).problems[0]?.path, '');
});

test('parseSuppressions: a disable-line comment spanning lines is rejected', () => {
  const { directives, problems } = parse('f(); /* winsock-lint-disable-line\n */');
  assert.deepEqual(directives, []);
  assert.deepEqual(
    problems.map((p) => [p.messageId, p.message]),
    [
      [
        'invalidSuppression',
        'A winsock-lint-disable-line comment must not span lines; put a ' +
          'winsock-lint-disable-next-line comment on the line before instead.',
      ],
    ],
  );
});

test('applySuppressions: disable-next-line covers only the next line and the named rules', () => {
  const text = ['// winsock-lint-disable-next-line fast-path-tcp-only', 'ioctl(s1); connect(s1);', 'ioctl(s2);'].join(
    '\n',
  );
  const covered = findingAt(text, 'ioctl(s1)');
  const otherRule = findingAt(text, 'connect(s1)', 'fast-path-before-connect');
  const nextLine = findingAt(text, 'ioctl(s2)');
  const result = run(text, [covered, otherRule, nextLine]);
  assert.deepEqual(result.suppressed, [covered]);
  assert.deepEqual(result.findings, [otherRule, nextLine]);
});

test('applySuppressions: disable-line covers its own line, for every rule when none is named', () => {
  const text = 'ioctl(s1); connect(s1); // winsock-lint-disable-line\nioctl(s2);';
  const a = findingAt(text, 'ioctl(s1)');
  const b = findingAt(text, 'connect(s1)', 'fast-path-before-connect');
  const c = findingAt(text, 'ioctl(s2)');
  const result = run(text, [a, b, c]);
  assert.deepEqual(result.suppressed, [a, b]);
  assert.deepEqual(result.findings, [c]);
});

test('applySuppressions: block disable/enable, partial re-enable, and disable to end of file', () => {
  const text = [
    'ioctl(before);',
    '/* winsock-lint-disable */',
    'ioctl(inside); connect(inside);',
    '/* winsock-lint-enable fast-path-tcp-only */',
    'ioctl(after); connect(after);',
    '// winsock-lint-disable fast-path-tcp-only',
    'ioctl(tail);',
  ].join('\n');
  const before = findingAt(text, 'ioctl(before)');
  const inside = findingAt(text, 'ioctl(inside)');
  const insideConnect = findingAt(text, 'connect(inside)', 'fast-path-before-connect');
  const after = findingAt(text, 'ioctl(after)');
  const afterConnect = findingAt(text, 'connect(after)', 'fast-path-before-connect');
  const tail = findingAt(text, 'ioctl(tail)');
  const unrelated = findingAt(text, 'ioctl(before)', null);
  const result = run(text, [before, inside, insideConnect, after, afterConnect, tail, unrelated]);
  assert.deepEqual(result.suppressed, [inside, insideConnect, afterConnect, tail]);
  assert.deepEqual(result.findings, [before, after, unrelated]);
});

test('applySuppressions: a block disable starts at the comment, not at its line', () => {
  const text = 'ioctl(a); /* winsock-lint-disable */ ioctl(b);';
  const a = findingAt(text, 'ioctl(a)');
  const b = findingAt(text, 'ioctl(b)');
  const result = run(text, [a, b]);
  assert.deepEqual(result.suppressed, [b]);
  assert.deepEqual(result.findings, [a]);
});

test('applySuppressions: an unused directive alone on its line is removed with its line (CRLF)', () => {
  const text = 'int a;\r\n    // winsock-lint-disable-next-line fast-path-tcp-only\r\nioctl(s);\r\n';
  const result = run(text, []);
  const comment = commentsOf(text)[0];
  assert.equal(result.findings.length, 1);
  const [unused] = result.findings;
  assert.deepEqual(
    { ...unused, fix: undefined },
    {
      ruleId: null,
      severity: 'warn',
      messageId: 'unusedSuppression',
      message: "Unused winsock-lint-disable-next-line directive (no problems were reported from 'fast-path-tcp-only').",
      path: PATH,
      range: comment?.range,
      related: [],
      suggestions: [],
      tags: ['unnecessary'],
      fix: undefined,
    },
  );
  assert.equal(unused?.fix?.message, 'Remove the unused winsock-lint-disable-next-line comment.');
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), 'int a;\r\nioctl(s);\r\n');
});

test('applySuppressions: an unused trailing comment is removed with the spaces before it', () => {
  const text = 'ioctl(s);   /* winsock-lint-disable-line */\nnext();';
  const [unused] = run(text, []).findings;
  assert.equal(unused?.message, 'Unused winsock-lint-disable-line directive (no problems were reported).');
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), 'ioctl(s);\nnext();');
});

test('applySuppressions: a parser that counts \\r into a // comment does not break CRLF', () => {
  const text = 'ioctl(s); // winsock-lint-disable-line\r\nnext();';
  const index = new LineIndex(text);
  const start = text.indexOf('//');
  const comment = {
    text: text.slice(start, text.indexOf('\n')),
    range: index.rangeOf(start, text.indexOf('\n')),
  };
  const { directives } = parseSuppressions([comment], { path: PATH, text });
  const [unused] = applySuppressions(PATH, [], directives, 'warn').findings;
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), 'ioctl(s);\r\nnext();');
});

test('applySuppressions: a leading comment followed by code keeps the indentation', () => {
  const text = '  /* winsock-lint-disable-line */   ioctl(s);\n';
  const [unused] = run(text, []).findings;
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), '  ioctl(s);\n');
});

test('applySuppressions: the last line without a line break is removed cleanly', () => {
  const text = 'ioctl(s);\n// winsock-lint-disable';
  const [unused] = run(text, []).findings;
  assert.equal(unused?.message, 'Unused winsock-lint-disable directive (no problems were reported).');
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), 'ioctl(s);\n');
});

test('applySuppressions: only some rules of a directive unused → one finding per rule, no fix', () => {
  const text = [
    '// winsock-lint-disable-next-line fast-path-tcp-only fast-path-both-sides fast-path-before-connect',
    'ioctl(s);',
  ].join('\n');
  const covered = findingAt(text, 'ioctl(s)');
  const result = run(text, [covered], 'error');
  assert.deepEqual(result.suppressed, [covered]);
  assert.deepEqual(
    result.findings.map((f) => [f.severity, f.message, f.fix]),
    [
      [
        'error',
        "Unused winsock-lint-disable-next-line directive (no problems were reported from 'fast-path-both-sides').",
        undefined,
      ],
      [
        'error',
        "Unused winsock-lint-disable-next-line directive (no problems were reported from 'fast-path-before-connect').",
        undefined,
      ],
    ],
  );
});

test('applySuppressions: all named rules unused → one finding listing them, with a fix', () => {
  const two = '// winsock-lint-disable-line fast-path-tcp-only, fast-path-both-sides\n';
  const three = '/* winsock-lint-disable fast-path-tcp-only fast-path-both-sides no-deprecated-fast-path */';
  assert.deepEqual(
    run(two + three, []).findings.map((f) => [f.message, f.fix !== undefined]),
    [
      [
        "Unused winsock-lint-disable-line directive (no problems were reported from 'fast-path-tcp-only' or 'fast-path-both-sides').",
        true,
      ],
      [
        "Unused winsock-lint-disable directive (no problems were reported from 'fast-path-tcp-only', 'fast-path-both-sides', or 'no-deprecated-fast-path').",
        true,
      ],
    ],
  );
});

test('applySuppressions: an enable with nothing to enable, and a redundant disable', () => {
  const text = [
    '// winsock-lint-enable fast-path-tcp-only',
    '// winsock-lint-disable',
    '// winsock-lint-disable fast-path-tcp-only',
    'ioctl(s);',
    '// winsock-lint-enable',
  ].join('\n');
  const result = run(text, [findingAt(text, 'ioctl(s)')]);
  assert.deepEqual(
    result.findings.map((f) => [f.range.start.line, f.message]),
    [
      [
        0,
        "Unused winsock-lint-enable directive (no matching winsock-lint-disable directive was found for 'fast-path-tcp-only').",
      ],
      [2, "Unused winsock-lint-disable directive (no problems were reported from 'fast-path-tcp-only')."],
    ],
  );
  const fixed = applyEdits(
    text,
    result.findings.flatMap((f) => f.fix?.edits ?? []),
  );
  assert.equal(fixed, '// winsock-lint-disable\nioctl(s);\n// winsock-lint-enable');
});

test('applySuppressions: every covering directive counts as used', () => {
  const text = [
    '/* winsock-lint-disable fast-path-tcp-only */',
    '// winsock-lint-disable-next-line fast-path-tcp-only',
    'ioctl(s);',
  ].join('\n');
  const result = run(text, [findingAt(text, 'ioctl(s)')]);
  assert.equal(result.suppressed.length, 1);
  assert.deepEqual(result.findings, []);
});

test('applySuppressions: reportUnused off reports nothing; null-rule findings pass through', () => {
  const text = '// winsock-lint-disable-next-line\nf();';
  const parseProblem = findingAt(text, 'f()', null);
  const result = run(text, [parseProblem], 'off');
  assert.deepEqual(result, { findings: [parseProblem], suppressed: [] });
});

test('parseSuppressions without the file text: the fix deletes just the comment', () => {
  const text = 'f();  // winsock-lint-disable-line\n';
  const comments = commentsOf(text);
  const { directives } = parseSuppressions(comments);
  const [unused] = applySuppressions(PATH, [], directives, 'warn').findings;
  assert.deepEqual(unused?.fix?.edits, [{ range: comments[0]?.range, text: '' }]);
  assert.equal(applyEdits(text, unused?.fix?.edits ?? []), 'f();  \n');
});
