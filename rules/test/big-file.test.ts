// A big file (over the size up to which unit mirrors are kept between passes) is analysed exactly as the same
// functions in a small one: every copy of a function gets the findings one copy gets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProject } from '../src/index.js';

const FUNCTION = (i: number): string =>
  [
    `int open_${i}(SOCKET s, const struct sockaddr *a, int n) {`,
    '    int on = 1;',
    '    DWORD bytes = 0;',
    '    connect(s, a, n);',
    '    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);',
    '    return 0;',
    '}',
    '',
  ].join('\n');

function findingCounts(text: string): Map<string, number> {
  const [result] = analyzeProject([{ path: '/p/big.c', text }]);
  const counts = new Map<string, number>();
  for (const finding of result?.findings ?? []) {
    const id = finding.ruleId ?? 'unused';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

test('a 300 KB file of functions gets each function’s findings once per copy', () => {
  const one = findingCounts(FUNCTION(0));
  assert.ok(one.size > 0);
  let text = '';
  let copies = 0;
  while (text.length < 300 * 1024) text += FUNCTION(copies++);
  const many = findingCounts(text);
  assert.deepEqual([...many].sort(), [...one].map(([id, n]): [string, number] => [id, n * copies]).sort());
});
