// The incremental extractor (the language server's path for an edited document) must give exactly the facts
// a fresh extraction gives, after every edit: seeded random edit sequences over every C/C++ fixture.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { extractFileFacts, IncrementalExtractor } from '../src/index.js';
import { extractTreeFacts } from '../src/facts/extract-file.js';
import { withFileLineBreaks } from '../src/fix/removal-facts.js';
import { parseSource } from '../src/parse/parser.js';
import { treeEditBetween } from '../src/text/positions.js';
import { fixtureProjects } from './support/fixture-files.js';
import { rng } from './support/random.js';

const C_FILE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$/i;
const files = fixtureProjects()
  .flatMap((p) => p.files)
  .filter((f) => C_FILE.test(f));

/** Snippets that change facts: the code, an alias, a suppression, a socket call, dead code, a new function. */
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\r\n',
  ';',
  '}',
  '{',
  '(',
  'é😀',
  ' WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL); ',
  '\n#define FAST_ALIAS SIO_LOOPBACK_FAST_PATH\n',
  ' connect(s, (sockaddr*)&a, sizeof(a)); ',
  '\n// winsock-lint-disable-next-line no-deprecated-fast-path -- why\n',
  '\n#if 0\n',
  '\n#endif\n',
  '\nvoid added(SOCKET s) { DWORD b = 0; WSAIoctl(s, FAST_ALIAS, &b, 4, NULL, 0, &b, NULL, NULL); }\n',
  ' listen(s, 5); ',
  '/* ',
  ' */',
];

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.3 && text.length > 0) {
    const length = 1 + Math.floor(random() * Math.min(40, text.length - at));
    return text.slice(0, at) + text.slice(at + length);
  }
  const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
  if (kind < 0.45) {
    const length = Math.floor(random() * Math.min(20, text.length - at));
    return text.slice(0, at) + snippet + text.slice(at + length);
  }
  return text.slice(0, at) + snippet + text.slice(at);
}

test('incremental extraction equals extraction of the same tree, and of a fresh parse when it has no errors', () => {
  assert.ok(files.length > 20, 'the C/C++ fixtures are found');
  let validSteps = 0;
  files.forEach((file, index) => {
    const seed = 1000 + index;
    const random = rng(seed);
    const extractor = new IncrementalExtractor();
    let text = fs.readFileSync(file, 'utf8');
    for (let step = 0; step < 8; step++) {
      const label = `${file} (seed ${seed}, step ${step})`;
      const incremental = extractor.extract(file, text);
      const tree = extractor.tree!;
      // Reused units (memo) and walked units give the same facts for the same tree.
      // As both extractors give them: removal edits break lines the file's way.
      const sameTree = withFileLineBreaks(extractTreeFacts(file, text, tree.rootNode, {}, 'cpp'), text);
      assert.deepEqual(incremental, sameTree, label);
      const fresh = parseSource(text, 'cpp');
      if (!fresh.rootNode.hasError) {
        assert.equal(tree.rootNode.toString(), fresh.rootNode.toString(), `${label}: same tree as a fresh parse`);
        assert.deepEqual(incremental, extractFileFacts(file, text), label);
        validSteps++;
      }
      text = edit(text, random);
    }
  });
  assert.ok(validSteps > files.length, `enough error-free steps compared with a fresh parse (${validSteps})`);
});

test('incremental extraction reuses unchanged functions and still moves their positions', () => {
  const fn = (i: number): string =>
    `void f${i}(SOCKET s)\n{\n    DWORD on = 1, bytes = 0;\n    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);\n    connect(s, 0, 0);\n}\n`;
  const original = Array.from({ length: 30 }, (_, i) => fn(i)).join('\n');
  const extractor = new IncrementalExtractor();
  extractor.extract('a.cpp', original);
  // A line added in the first function moves every later function by one line.
  const edited = original.replace('DWORD on = 1', 'DWORD on = 1;\n    int extra = 0');
  const facts = extractor.extract('a.cpp', edited);
  assert.deepEqual(extractor.stats, { units: 30, reused: 29 });
  assert.deepEqual(facts, extractFileFacts('a.cpp', edited));
  const last = facts.functions.at(-1)!;
  assert.equal(last.name, 'f29');
  assert.equal(last.range.start.offset, edited.lastIndexOf('void f29'));
});

test('treeEditBetween finds the one changed span, never splitting a surrogate pair', () => {
  assert.equal(treeEditBetween('abc', 'abc'), undefined);
  assert.deepEqual(treeEditBetween('ab\ncd', 'ab\ncXd'), {
    startIndex: 4,
    oldEndIndex: 4,
    newEndIndex: 5,
    startPosition: { row: 1, column: 1 },
    oldEndPosition: { row: 1, column: 1 },
    newEndPosition: { row: 1, column: 2 },
  });
  const edit = treeEditBetween('a\u{1F600}b', 'a\u{1F601}b')!;
  assert.equal(edit.startIndex, 1);
  assert.equal(edit.oldEndIndex, 3);
  assert.equal(edit.newEndIndex, 3);
  const inserted = treeEditBetween('x\r\ny', 'x\r\n\r\ny')!;
  assert.equal(inserted.startPosition.row + (inserted.newEndPosition.row - inserted.oldEndPosition.row), 2);
});
