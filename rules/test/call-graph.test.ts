// The call graph's components: mutually recursive functions together, every component after those it calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { componentsCalleesFirst } from '../src/index/call-graph.js';

function components(edges: Record<string, string[]>): string[][] {
  return componentsCalleesFirst(Object.keys(edges), (key) => edges[key] ?? []).map((c) => [...c].sort());
}

test('a chain comes callees first', () => {
  assert.deepEqual(components({ a: ['b'], b: ['c'], c: [] }), [['c'], ['b'], ['a']]);
});

test('a cycle is one component, after what it calls and before its callers', () => {
  const found = components({ main: ['x'], x: ['y'], y: ['x', 'leaf'], leaf: [] });
  assert.deepEqual(found, [['leaf'], ['x', 'y'], ['main']]);
});

test('a self-recursive function is a component of its own; unknown callees are ignored', () => {
  assert.deepEqual(components({ f: ['f', 'outside', undefined as unknown as string] }), [['f']]);
});

test('a deep chain does not overflow the stack', () => {
  const edges: Record<string, string[]> = {};
  for (let i = 0; i < 100_000; i++) edges[`f${i}`] = i + 1 < 100_000 ? [`f${i + 1}`] : [];
  const found = componentsCalleesFirst(Object.keys(edges), (key) => edges[key]!);
  assert.equal(found.length, 100_000);
  assert.deepEqual(found[0], ['f99999']);
  assert.deepEqual(found.at(-1), ['f0']);
});
