// Applies text edits and whole fixes to source text, ESLint-style: fixes that collide with one
// already taken are skipped (a later pass can apply them), and nothing is applied half-way.
import type { Fix, TextEdit } from '../types.js';

interface Span {
  start: number;
  end: number;
  text: string;
}

/** The edits as offset spans, sorted by start (an insertion before a replacement at its start). */
function toSortedSpans(text: string, edits: readonly TextEdit[], what: string): Span[] {
  const spans = edits.map((edit): Span => {
    const start = edit.range.start.offset;
    const end = edit.range.end.offset;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
      throw new RangeError(`${what}: edit [${start}, ${end}) lies outside the text (0–${text.length}).`);
    }
    if (end < start) throw new RangeError(`${what}: edit [${start}, ${end}) ends before it starts.`);
    return { start, end, text: edit.text };
  });
  // Array.prototype.sort is stable, so insertions at the same offset keep their given order.
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.start < prev.end) {
      throw new Error(`${what}: edits [${prev.start}, ${prev.end}) and [${cur.start}, ${cur.end}) overlap.`);
    }
  }
  return spans;
}

function applySpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + span.text;
    last = span.end;
  }
  return out + text.slice(last);
}

/** Applies edits (given by offsets) in one pass; throws if two of them overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applySpans(text, toSortedSpans(text, edits, 'applyEdits'));
}

/**
 * Takes fixes in order of their first edit's start and skips any fix with an edit that overlaps
 * or touches an edit already taken. Touching counts, as in ESLint, because two edits meeting at
 * one offset (say, two insertions) have no order that is right for both; a second pass applies
 * the skipped fix to the new text. Throws if one fix's own edits are invalid (a rule bug).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; skipped: Fix[] } {
  const candidates = fixes.map((fix) => {
    const spans = toSortedSpans(text, fix.edits, `Fix "${fix.message}"`);
    return { fix, spans, first: spans[0]?.start ?? -1, last: spans.at(-1)?.end ?? -1 };
  });
  candidates.sort((a, b) => a.first - b.first || a.last - b.last);

  const taken: Span[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const candidate of candidates) {
    const collides = candidate.spans.some((span) =>
      taken.some((other) => span.start <= other.end && other.start <= span.end),
    );
    if (collides) {
      skipped.push(candidate.fix);
    } else {
      taken.push(...candidate.spans);
      applied.push(candidate.fix);
    }
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text: applySpans(text, taken), applied, skipped };
}

/**
 * One contiguous replacement equivalent to all edits of `fix` (ESLint fixes are a single range):
 * from the first edit's start to the last edit's end, with the text between edits copied unchanged.
 * A fix without edits becomes the no-op replacement of [0, 0) with ''.
 */
export function mergeFixEdits(text: string, fix: Fix): { range: [number, number]; text: string } {
  const spans = toSortedSpans(text, fix.edits, `Fix "${fix.message}"`);
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return { range: [0, 0], text: '' };
  const merged = applySpans(text.slice(0, last.end), spans).slice(first.start);
  return { range: [first.start, last.end], text: merged };
}
