// Unit tests of the unified diff: headers, hunk numbers, 3 lines of context, merged and separate hunks, CRLF and
// missing final line breaks, and (with a small patch applier) that random edits always round-trip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffLines, splitLines, unifiedDiff } from '../src/diff.js';

function lines(count: number, prefix = 'line'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`);
}

/** Applies a unified diff produced for one file to `before` (strict: context must match). */
function applyPatch(before: string, patch: string): string {
  const old = splitLines(before);
  const out: string[] = [];
  let next = 0;
  const body = patch.split('\n').slice(2);
  let i = 0;
  const read = (): string => {
    const row = body[i++] ?? '';
    // A row is one line; the next row "\ No newline" says it had no break.
    if (body[i]?.startsWith('\\ No newline')) {
      i++;
      return row;
    }
    return `${row}\n`;
  };
  while (i < body.length) {
    const header = body[i] ?? '';
    if (header === '') {
      i++;
      continue;
    }
    const match = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(header);
    assert.ok(match, `bad hunk header: ${header}`);
    i++;
    const start = Number(match[1]) - (match[2] === '0' ? 0 : 1);
    while (next < start) out.push(old[next++] ?? '');
    while (i < body.length && /^[ +-]/.test(body[i] ?? '')) {
      const row = read();
      const sign = row[0];
      const text = row.slice(1);
      if (sign === '+') {
        out.push(text);
      } else {
        assert.equal(old[next], text, `context or deleted line ${next + 1} differs`);
        if (sign === ' ') out.push(text);
        next++;
      }
    }
  }
  while (next < old.length) out.push(old[next++] ?? '');
  return out.join('');
}

test('equal texts give no diff', () => {
  assert.equal(unifiedDiff('a.c', 'x\ny\n', 'x\ny\n'), '');
});

test('one deleted line: headers, 3 lines of context each side, -l,s +l,s numbers', () => {
  const before = lines(10).join('');
  const after = lines(10)
    .filter((_, i) => i !== 4)
    .join('');
  assert.equal(
    unifiedDiff('src/net.c', before, after),
    [
      '--- a/src/net.c',
      '+++ b/src/net.c',
      '@@ -2,7 +2,6 @@',
      ' line 2',
      ' line 3',
      ' line 4',
      '-line 5',
      ' line 6',
      ' line 7',
      ' line 8',
      '',
    ].join('\n'),
  );
});

test('changes more than 6 lines apart get separate hunks; closer ones share one', () => {
  const before = lines(30);
  const far = [...before];
  far[2] = 'changed 3\n';
  far[20] = 'changed 21\n';
  const farDiff = unifiedDiff('f.c', before.join(''), far.join(''));
  assert.deepEqual(farDiff.match(/^@@ .* @@$/gm), ['@@ -1,6 +1,6 @@', '@@ -18,7 +18,7 @@']);
  const near = [...before];
  near[2] = 'changed 3\n';
  near[9] = 'changed 10\n';
  const nearDiff = unifiedDiff('f.c', before.join(''), near.join(''));
  assert.deepEqual(nearDiff.match(/^@@ .* @@$/gm), ['@@ -1,13 +1,13 @@']);
});

test('CRLF line breaks stay in the diff lines; a missing final break is marked', () => {
  const before = 'a\r\nb\r\nc';
  const after = 'a\r\nc';
  assert.equal(
    unifiedDiff('w.cpp', before, after),
    '--- a/w.cpp\n+++ b/w.cpp\n@@ -1,3 +1,2 @@\n a\r\n-b\r\n c\n\\ No newline at end of file\n',
  );
  assert.equal(applyPatch(before, unifiedDiff('w.cpp', before, after)), after);
});

test('insertions into an empty file and deletion of everything use the line before for an empty side', () => {
  assert.match(unifiedDiff('n.c', '', 'x\n'), /^@@ -0,0 \+1 @@\n\+x\n$/m);
  assert.match(unifiedDiff('n.c', 'x\ny\n', ''), /^@@ -1,2 \+0,0 @@\n-x\n-y\n$/m);
});

test('splitLines keeps \\n, \\r\\n and lone \\r breaks', () => {
  assert.deepEqual(splitLines('a\nb\r\nc\rd'), ['a\n', 'b\r\n', 'c\r', 'd']);
  assert.deepEqual(splitLines(''), []);
});

test('random edits: the ops rebuild both texts and the patch applies', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const before = Array.from({ length: random(25) }, () => `${'abcde'[random(5)]}\n`);
    const after = [...before];
    for (let edits = random(6); edits > 0; edits--) {
      const at = random(after.length + 1);
      if (random(2) === 0 && after.length > 0) after.splice(at, 1);
      else after.splice(at, 0, `${'abcxyz'[random(6)]}\n`);
    }
    const ops = diffLines(before, after);
    assert.deepEqual(
      ops.filter((op) => op.kind !== 'insert').map((op) => op.line),
      before,
    );
    assert.deepEqual(
      ops.filter((op) => op.kind !== 'delete').map((op) => op.line),
      after,
    );
    const patch = unifiedDiff('r.c', before.join(''), after.join(''));
    assert.equal(applyPatch(before.join(''), patch), after.join(''), patch);
  }
});

test('a small change in a large file stays fast (common prefix and suffix trimmed)', () => {
  const before = lines(200_000);
  const after = [...before];
  after.splice(100_000, 1);
  const started = performance.now();
  const patch = unifiedDiff('big.c', before.join(''), after.join(''));
  assert.ok(performance.now() - started < 2000, 'diff took too long');
  assert.match(patch, /^@@ -99998,7 \+99998,6 @@$/m);
});

test('wholly different large middles fall back to one replacement instead of running long', () => {
  const before = lines(6000, 'old');
  const after = lines(6000, 'new');
  const started = performance.now();
  const ops = diffLines(before, after);
  assert.ok(performance.now() - started < 5000, 'diff took too long');
  assert.equal(ops.filter((op) => op.kind === 'delete').length, 6000);
  assert.equal(ops.filter((op) => op.kind === 'insert').length, 6000);
});
