// Test helper: positions and findings built by hand, so reporter tests need no parser.
import type { Finding, Position, Range } from '../../src/engine-types.js';

/** The position of 0-based `line`/`column` in `text` (lines split at \n). */
export function at(text: string, line: number, column: number): Position {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line; i++) offset += (lines[i] ?? '').length + 1;
  return { line, column, offset: offset + column };
}

/** The range of the first occurrence of `needle` (on one line) in `text`. */
export function rangeOfText(text: string, needle: string, from = 0): Range {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { start: at(text, line, column), end: at(text, line, column + needle.length) };
}

export function finding(path: string, overrides: Partial<Finding> & Pick<Finding, 'range'>): Finding {
  return {
    ruleId: 'no-deprecated-fast-path',
    severity: 'warn',
    messageId: 'deprecated',
    message: 'SIO_LOOPBACK_FAST_PATH is deprecated.',
    path,
    related: [],
    suggestions: [],
    tags: ['deprecated'],
    ...overrides,
  };
}
