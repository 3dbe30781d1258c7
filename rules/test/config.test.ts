// Tests for configuration: defaults, strict parsing with located errors, merging and path selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigError,
  type ConfigFile,
  type ResolvedConfig,
  closestMatch,
  defaultConfig,
  isPathIncluded,
  normalizeSeverity,
  parseConfigFile,
  resolveConfig,
  suggestRuleId,
} from '../src/config/index.js';
import { parseJson } from '../src/config/parse-json.js';
import type { RuleId, Severity } from '../src/types.js';

const DEFAULTS: Record<RuleId, Severity> = {
  'no-deprecated-fast-path': 'warn',
  'fast-path-before-connect': 'error',
  'fast-path-before-accept': 'error',
  'fast-path-both-sides': 'warn',
  'fast-path-supported-options': 'warn',
  'fast-path-tcp-only': 'error',
  'fast-path-ioctl-arguments': 'error',
};

/** The problems a ConfigError carries, or a failure if parsing succeeds. */
function problemsOf(json: string): readonly string[] {
  try {
    parseConfigFile(json, 'winsock-lint.config.json');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(error.fileName, 'winsock-lint.config.json');
    assert.equal(error.message, error.problems.join('\n'));
    return error.problems;
  }
  assert.fail(`expected a ConfigError for ${json}`);
}

test('defaultConfig: every rule at its default, unused suppressions warn, no aliasing', () => {
  const config = defaultConfig(DEFAULTS);
  const rules: ResolvedConfig['rules'] = config.rules;
  assert.deepEqual(config, { rules: { ...DEFAULTS }, reportUnusedSuppressions: 'warn' });
  rules['fast-path-tcp-only'] = 'off';
  assert.equal(DEFAULTS['fast-path-tcp-only'], 'error');
});

test('parseConfigFile: a complete valid file, with a BOM and every severity form', () => {
  const json =
    '\uFEFF{\n' +
    '  "$schema": "./schema.json",\n' +
    '  "rules": {\n' +
    '    "fast-path-tcp-only": "off",\n' +
    '    "fast-path-both-sides": 2,\n' +
    '    "fast-path-before-accept": ["warn"],\n' +
    '    "no-deprecated-fast-path": 0\n' +
    '  },\n' +
    '  "include": ["src/**/*.cpp"],\n' +
    '  "exclude": ["third_party"],\n' +
    '  "reportUnusedSuppressions": "error"\n' +
    '}\n';
  assert.deepEqual(parseConfigFile(json, 'c.json'), {
    rules: {
      'fast-path-tcp-only': 'off',
      'fast-path-both-sides': 'error',
      'fast-path-before-accept': 'warn',
      'no-deprecated-fast-path': 'off',
    },
    include: ['src/**/*.cpp'],
    exclude: ['third_party'],
    reportUnusedSuppressions: 'error',
  });
  assert.deepEqual(parseConfigFile('{}', 'c.json'), {});
  assert.deepEqual(parseConfigFile('{"reportUnusedSuppressions": false}', 'c.json'), {
    reportUnusedSuppressions: 'off',
  });
});

test('parseConfigFile: JSON syntax errors name the file, line and column', () => {
  assert.deepEqual(problemsOf('{\n  "rules": {\n    "fast-path-tcp-only": "off",\n  }\n}'), [
    `winsock-lint.config.json:4:3: invalid JSON: unexpected character "}"; expected a double-quoted property name.`,
  ]);
  assert.deepEqual(problemsOf('{\n  "rules": \n'), [
    'winsock-lint.config.json:3:1: invalid JSON: unexpected end of input; expected a value.',
  ]);
  assert.deepEqual(problemsOf('{ // comment\n}'), [
    `winsock-lint.config.json:1:3: invalid JSON: unexpected character "/"; expected a double-quoted property name.`,
  ]);
  assert.deepEqual(problemsOf('{"rules": {}, "rules": {}}'), [
    'winsock-lint.config.json:1:15: invalid JSON: duplicate key "rules".',
  ]);
  // The BOM is not a column the user can see.
  assert.deepEqual(problemsOf('\uFEFF{x}'), [
    `winsock-lint.config.json:1:2: invalid JSON: unexpected character "x"; expected a double-quoted property name.`,
  ]);
});

test('parseConfigFile: the root must be an object', () => {
  assert.deepEqual(problemsOf('["rules"]'), [
    'winsock-lint.config.json:1:1: the configuration must be a JSON object, not an array.',
  ]);
  assert.deepEqual(problemsOf('null'), [
    'winsock-lint.config.json:1:1: the configuration must be a JSON object, not null.',
  ]);
});

test('parseConfigFile: unknown rule ids suggest the nearest valid id', () => {
  const json = '{\n  "rules": {\n    "fast-path-tcp": "warn",\n    "fast-path-tpc-only": "off"\n  }\n}';
  assert.deepEqual(problemsOf(json), [
    "winsock-lint.config.json:3:5: unknown rule 'fast-path-tcp'; did you mean 'fast-path-tcp-only'?",
    "winsock-lint.config.json:4:5: unknown rule 'fast-path-tpc-only'; did you mean 'fast-path-tcp-only'?",
  ]);
  assert.deepEqual(problemsOf('{"rules": {"winsock-lint/fast-path-both-sides": "warn"}}'), [
    "winsock-lint.config.json:1:12: unknown rule 'winsock-lint/fast-path-both-sides'; did you mean 'fast-path-both-sides'?",
  ]);
  const [problem] = problemsOf('{"rules": {"semi": "error"}}');
  assert.equal(
    problem,
    "winsock-lint.config.json:1:12: unknown rule 'semi'; valid rule ids are 'no-deprecated-fast-path', " +
      "'fast-path-before-connect', 'fast-path-before-accept', 'fast-path-both-sides', " +
      "'fast-path-supported-options', 'fast-path-tcp-only', 'fast-path-ioctl-arguments'.",
  );
});

test('parseConfigFile: invalid severities say what was found and what is allowed', () => {
  const json =
    '{"rules": {\n' +
    '"fast-path-tcp-only": "warning",\n' +
    '"fast-path-both-sides": 3,\n' +
    '"fast-path-before-accept": ["warn", {"x": 1}],\n' +
    '"fast-path-before-connect": true\n' +
    '}}';
  assert.deepEqual(problemsOf(json), [
    `winsock-lint.config.json:2:23: invalid severity "warning" for rule 'fast-path-tcp-only' (did you mean "warn"?); expected "off", "warn" or "error" (or 0, 1, 2).`,
    `winsock-lint.config.json:3:25: invalid severity 3 for rule 'fast-path-both-sides'; expected "off", "warn" or "error" (or 0, 1, 2).`,
    `winsock-lint.config.json:4:28: rule 'fast-path-before-accept' takes no options; use just a severity such as "warn".`,
    `winsock-lint.config.json:5:29: invalid severity true for rule 'fast-path-before-connect'; expected "off", "warn" or "error" (or 0, 1, 2).`,
  ]);
});

test('parseConfigFile: unknown top-level keys and wrongly typed values, all reported at once', () => {
  const json =
    '{\n' +
    '  "rule": {},\n' +
    '  "include": "src/**",\n' +
    '  "exclude": ["ok", "", 4],\n' +
    '  "reportUnusedSuppressions": "loud",\n' +
    '  "plugins": [],\n' +
    '  "$schema": 1\n' +
    '}';
  assert.deepEqual(problemsOf(json), [
    "winsock-lint.config.json:2:3: unknown key 'rule'; did you mean 'rules'?",
    'winsock-lint.config.json:3:14: \'include\' must be an array of glob strings, not "src/**".',
    `winsock-lint.config.json:4:21: 'exclude[1]' must be a non-empty glob string, not "".`,
    "winsock-lint.config.json:4:25: 'exclude[2]' must be a non-empty glob string, not 4.",
    `winsock-lint.config.json:5:31: invalid value "loud" for 'reportUnusedSuppressions'; expected "off", "warn" or "error".`,
    "winsock-lint.config.json:6:3: unknown key 'plugins'; expected one of '$schema', 'rules', 'include', 'exclude', 'reportUnusedSuppressions'.",
    "winsock-lint.config.json:7:14: '$schema' must be a string.",
  ]);
  assert.deepEqual(problemsOf('{"rules": []}'), [
    "winsock-lint.config.json:1:11: 'rules' must be an object mapping rule ids to severities, not an array.",
  ]);
});

test('parseConfigFile: "__proto__" is an unknown key, not a prototype', () => {
  assert.deepEqual(problemsOf('{"__proto__": {"rules": {}}}'), [
    "winsock-lint.config.json:1:2: unknown key '__proto__'; expected one of '$schema', 'rules', 'include', 'exclude', 'reportUnusedSuppressions'.",
  ]);
});

test('parseJson: values, escapes and numbers match JSON.parse', () => {
  const samples = [
    '{"a": [1, -2.5e3, 0, true, false, null], "b": "q\\"\\u00e9\\n\\/", "c": {}}',
    '  [ ]  ',
    '"\u{1F600}"',
    '-0.5E-2',
  ];
  for (const sample of samples) assert.deepEqual(parseJson(sample).value, JSON.parse(sample));
  for (const bad of ['01', '[1,]', '"\t"', "'x'", '{"a" 1}', '[1 2]', 'tru', '1 2', '"\\x"']) {
    assert.throws(() => parseJson(bad), { name: 'JsonSyntaxError' }, bad);
  }
});

test('normalizeSeverity, closestMatch and suggestRuleId', () => {
  assert.deepEqual(
    ['off', 'warn', 'error', 0, 1, 2, ['error'], 3, -1, 1.5, 'Warn', [], ['warn', 'x'], [['warn']], null].map(
      normalizeSeverity,
    ),
    [
      'off',
      'warn',
      'error',
      'off',
      'warn',
      'error',
      'error',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ],
  );
  assert.equal(closestMatch('exlude', ['include', 'exclude']), 'exclude');
  assert.equal(closestMatch('something', ['include', 'exclude']), undefined);
  assert.equal(suggestRuleId('fast-path-before-conect'), 'fast-path-before-connect');
  assert.equal(suggestRuleId('no-deprecated-fastpath'), 'no-deprecated-fast-path');
  assert.equal(suggestRuleId('banana'), undefined);
});

test('resolveConfig: file overrides base, overrides override the file', () => {
  const base = defaultConfig(DEFAULTS);
  const file: ConfigFile = {
    rules: { 'fast-path-tcp-only': 'off', 'fast-path-both-sides': 'error' },
    reportUnusedSuppressions: 'off',
  };
  const resolved = resolveConfig(base, file, {
    'fast-path-both-sides': 'warn',
    'no-deprecated-fast-path': undefined,
  });
  assert.deepEqual(resolved, {
    rules: {
      ...DEFAULTS,
      'fast-path-tcp-only': 'off',
      'fast-path-both-sides': 'warn',
    },
    reportUnusedSuppressions: 'off',
  });
  assert.deepEqual(resolveConfig(base, undefined), base);
  assert.notEqual(resolveConfig(base, undefined).rules, base.rules);
});

test('isPathIncluded: no file or no include list selects everything', () => {
  assert.equal(isPathIncluded(undefined, '/repo', '/repo/src/a.cpp'), true);
  assert.equal(isPathIncluded({}, '/repo', '/repo/src/a.cpp'), true);
});

test('isPathIncluded: include globs are relative to the config folder, dotfiles included', () => {
  const file: ConfigFile = { include: ['src/**/*.{c,cpp}', './tools/*.c'] };
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/net/sock.cpp'), true);
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/.hidden/sock.c'), true);
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/net/sock.h'), false);
  assert.equal(isPathIncluded(file, '/repo', '/repo/tools/gen.c'), true);
  assert.equal(isPathIncluded(file, '/repo', '/repo/tools/sub/gen.c'), false);
  assert.equal(isPathIncluded(file, '/repo/', '/repo/src/a.c'), true);
  assert.equal(isPathIncluded(file, '/elsewhere', '/repo/src/a.c'), false);
});

test('isPathIncluded: exclude wins, and excluding a folder excludes its contents', () => {
  const file: ConfigFile = {
    include: ['**/*.cpp'],
    exclude: ['third_party', 'build/', '**/*.gen.cpp'],
  };
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/a.cpp'), true);
  assert.equal(isPathIncluded(file, '/repo', '/repo/third_party/x/y.cpp'), false);
  assert.equal(isPathIncluded(file, '/repo', '/repo/build/out.cpp'), false);
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/table.gen.cpp'), false);
  assert.equal(isPathIncluded(file, '/repo', '/repo/src/third_party_shim.cpp'), true);
});

test('isPathIncluded: Windows paths compare with forward slashes on every platform', () => {
  const file: ConfigFile = { include: ['src/**'], exclude: ['src/legacy/**'] };
  assert.equal(isPathIncluded(file, 'C:\\repo', 'C:\\repo\\src\\net\\sock.cpp'), true);
  assert.equal(isPathIncluded(file, 'c:\\Repo', 'C:\\repo\\src\\net\\sock.cpp'), true);
  assert.equal(isPathIncluded(file, 'C:\\repo', 'C:\\repo\\src\\legacy\\old.cpp'), false);
  assert.equal(isPathIncluded(file, 'C:/repo', 'C:/repo/src/a.cpp'), true);
  assert.equal(isPathIncluded(file, 'C:\\repo', 'D:\\repo\\src\\a.cpp'), false);
});
