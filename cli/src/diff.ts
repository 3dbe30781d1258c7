// A small unified diff for --fix-dry-run: lines compared with their line breaks (so a CRLF file stays CRLF in the
// patch), the common prefix and suffix trimmed first (fixes touch few lines of big files), Myers' O(ND) algorithm
// on what is left, and hunks with 3 lines of context as `diff -u` and `git diff` print them. Pure.

export const DIFF_CONTEXT = 3;

/** Above this many differing lines in the trimmed middle, the middle is shown as one replacement. */
const MAX_EDIT_DISTANCE = 4000;

type Op = { kind: 'equal' | 'delete' | 'insert'; line: string };

/** Splits text into lines that keep their break ('\n', '\r\n' or a lone '\r'); the last may have none. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The line operations turning `a` into `b`: deletions before insertions within each change. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const ops: Op[] = a.slice(0, prefix).map((line) => ({ kind: 'equal', line }));
  ops.push(...myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)));
  ops.push(...a.slice(a.length - suffix).map((line): Op => ({ kind: 'equal', line })));
  return ops;
}

/** Myers' greedy shortest edit script, with the V array saved per step for the backtrack. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: 'insert', line }));
  if (m === 0) return a.map((line) => ({ kind: 'delete', line }));
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    // Too different to be worth the time: everything old out, everything new in.
    return [...a.map((line): Op => ({ kind: 'delete', line })), ...b.map((line): Op => ({ kind: 'insert', line }))];
  }
  // Backtrack from (n, m) through the saved V arrays.
  const reversed: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] ?? v;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (vd[offset + prevK] ?? 0);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ kind: 'equal', line: a[x - 1] ?? '' });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ kind: 'insert', line: b[y - 1] ?? '' });
      else reversed.push({ kind: 'delete', line: a[x - 1] ?? '' });
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

/**
 * The unified diff of two texts with `--- a/<path>` and `+++ b/<path>` headers; '' when they are equal.
 * A last line without a line break is followed by `\ No newline at end of file`, as in diff and git.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = `--- a/${path}\n+++ b/${path}\n`;
  // Positions (in ops) of changed lines, grouped into hunks whose context overlaps or touches.
  const changes: number[] = [];
  ops.forEach((op, i) => {
    if (op.kind !== 'equal') changes.push(i);
  });
  let h = 0;
  while (h < changes.length) {
    const first = changes[h] ?? 0;
    let last = first;
    while (h + 1 < changes.length && (changes[h + 1] ?? 0) - last <= 2 * DIFF_CONTEXT + 1) {
      last = changes[++h] ?? last;
    }
    h++;
    const from = Math.max(0, first - DIFF_CONTEXT);
    const to = Math.min(ops.length, last + DIFF_CONTEXT + 1);
    out += formatHunk(ops, from, to);
  }
  return out;
}

function formatHunk(ops: readonly Op[], from: number, to: number): string {
  // 1-based numbers of the hunk's first old and new lines: count what comes before it.
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < from; i++) {
    const kind = ops[i]?.kind;
    if (kind !== 'insert') oldLine++;
    if (kind !== 'delete') newLine++;
  }
  let oldCount = 0;
  let newCount = 0;
  let body = '';
  for (let i = from; i < to; i++) {
    const op = ops[i];
    if (!op) continue;
    if (op.kind !== 'insert') oldCount++;
    if (op.kind !== 'delete') newCount++;
    const sign = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
    body += sign + op.line;
    if (!/[\r\n]$/.test(op.line)) body += '\n\\ No newline at end of file\n';
  }
  return `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${body}`;
}

/** `start,count`, `start` alone for one line, and the line before for an empty side (as GNU diff). */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
