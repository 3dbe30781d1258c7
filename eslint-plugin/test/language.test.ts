// The winsock/cpp language on its own: the AST and its traversal, locations, ESLint's inline config comments in C
// files (eslint-disable, eslint-disable-next-line, eslint-enable, /* eslint ... */), winsock-lint's own suppression
// comments, the shared per-file analysis, and what project mode costs compared with single-file mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Linter as Linter9 } from 'eslint';
import { Linter as Linter10 } from 'eslint-v10';
import winsock, {
  clearAnalysisCache,
  clearProjectIndexes,
  cppLanguage,
  type CppSourceCode,
  projectIndex,
} from '../src/index.js';
import { FIXTURES_DIR, REPO_ROOT } from './support/fixtures.js';
import { flatConfig } from './support/configs.js';

const FILE = path.join(REPO_ROOT, 'eslint-plugin', 'virtual', 'sample.cpp');
const fn = (name: string): string =>
  `void ${name}(SOCKET s) {\n  BOOL on = TRUE; DWORD b = 0;\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n`;

function parse(text: string): CppSourceCode {
  const file = { path: FILE, physicalPath: FILE, bom: false, body: text };
  const result = cppLanguage.parse(file);
  assert.ok(result.ok);
  return cppLanguage.createSourceCode(file, result);
}

test('the AST: named tree-sitter nodes with UTF-16 ranges, 1-based lines, parents, comments, the tree', () => {
  const code = parse('/* é😀 */ int x;\r\n// tail\nint y;');
  assert.equal(code.ast.type, 'translation_unit');
  assert.equal(code.tree.rootNode.type, 'translation_unit');
  const declaration = code.ast.children.find((n) => n.type === 'declaration')!;
  assert.equal(code.getText(declaration), 'int x;');
  assert.deepEqual(code.getLoc(declaration), { start: { line: 1, column: 10 }, end: { line: 1, column: 16 } });
  assert.deepEqual(code.lines, ['/* é😀 */ int x;', '// tail', 'int y;']);
  assert.deepEqual(
    code.comments.map((c) => c.value),
    [' é😀 ', ' tail'],
  );
  assert.equal(code.getParent(declaration), code.ast);
  const visited = [...code.traverse()].filter((s) => s.phase === 1).map((s) => (s.target as { type: string }).type);
  assert.ok(visited.includes('primitive_type') && visited.includes('identifier'));
  assert.ok(Object.keys(cppLanguage.visitorKeys).includes('call_expression'));
});

for (const [major, Linter] of [
  ['ESLint 9', Linter9],
  ['ESLint 10', Linter10 as unknown as typeof Linter9],
] as const) {
  const lint = (text: string, extra: object = {}): string[] => {
    const linter = new Linter({ cwd: REPO_ROOT, configType: 'flat' });
    const config = [
      ...flatConfig({ winsock: { project: false } }),
      { linterOptions: { reportUnusedDisableDirectives: 'warn' as const } },
      extra,
    ];
    return linter.verify(text, config, FILE).map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
  };

  test(`${major}: eslint-disable comments work in C/C++ files`, () => {
    assert.deepEqual(lint(fn('a')), ['3:15 winsock/no-deprecated-fast-path']);
    assert.deepEqual(
      lint(
        fn('a').replace(
          '  WSAIoctl',
          '  // eslint-disable-next-line winsock/no-deprecated-fast-path -- legacy\n  WSAIoctl',
        ),
      ),
      [],
    );
    assert.deepEqual(
      lint(fn('a').replace('NULL);', 'NULL); /* eslint-disable-line winsock/no-deprecated-fast-path */')),
      [],
    );
    assert.deepEqual(lint(`/* eslint-disable */\n${fn('a')}/* eslint-enable */\n${fn('b')}`), [
      '9:15 winsock/no-deprecated-fast-path',
    ]);
    assert.deepEqual(lint(`/* eslint winsock/no-deprecated-fast-path: "off" */\n${fn('a')}`), []);
    // An unused directive is reported as ESLint reports it for JavaScript.
    assert.deepEqual(lint(`// eslint-disable-next-line winsock/fast-path-tcp-only\n${fn('a')}`), [
      "1:1 Unused eslint-disable directive (no problems were reported from 'winsock/fast-path-tcp-only').",
      '4:15 winsock/no-deprecated-fast-path',
    ]);
  });

  test(`${major}: classic Mac line endings (lone CR): findings on ESLint's lines, eslint-disable works`, () => {
    const cr = (text: string): string => text.replace(/\n/g, '\r');
    assert.deepEqual(lint(cr(fn('a'))), ['3:15 winsock/no-deprecated-fast-path']);
    assert.deepEqual(
      lint(
        cr(
          fn('a').replace(
            '  WSAIoctl',
            '  // eslint-disable-next-line winsock/no-deprecated-fast-path -- legacy\n  WSAIoctl',
          ),
        ),
      ),
      [],
    );
  });

  test(`${major}: winsock-lint's own suppression comments keep working, unused ones are reported`, () => {
    assert.deepEqual(
      lint(fn('a').replace('  WSAIoctl', '  // winsock-lint-disable-next-line no-deprecated-fast-path\n  WSAIoctl')),
      [],
    );
    assert.deepEqual(lint(`// winsock-lint-disable-next-line fast-path-tcp-only\n${fn('a')}`), [
      '1:1 winsock/unused-suppression',
      '4:15 winsock/no-deprecated-fast-path',
    ]);
  });
}

test('all rules of a file share one analysis; project mode analyses the project once per run', () => {
  clearAnalysisCache();
  clearProjectIndexes();
  const root = path.join(FIXTURES_DIR, 'demo');
  const files = fs.readdirSync(root).filter((n) => /\.(c|cpp|h)$/.test(n));
  const linter = new Linter9({ cwd: REPO_ROOT, configType: 'flat' });
  for (const name of files) {
    const file = path.join(root, name);
    linter.verify(fs.readFileSync(file, 'latin1'), flatConfig({ winsock: { root } }), file);
  }
  // Every file's text equals the disk (telemetry_cp1252.cpp aside, which ESLint reads as UTF-8 and the index
  // decodes as cp1252): one whole-project analysis, plus one for each file whose text differs.
  const index = projectIndex(root)!;
  assert.ok(
    index.analyses <= 2,
    `${index.analyses} project analyses for ${files.length} files and ${Object.keys(winsock.rules).length} rules`,
  );
});
