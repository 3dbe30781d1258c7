// Glob matching in time linear in the path: a glob compiles to a non-backtracking automaton (an NFA simulated
// state set by state set), so no pattern can take minutes against a long name, as backtracking regexes can
// (`**/*a*a*a*a*a*a*a*a*b`). Syntax (picomatch's common subset, dotfiles matched): `*`, `?`, `[a-z]`, `[!x]`,
// `[[:alpha:]]`, `**` as a whole segment, `{a,b}`, `{1..9}`, `@(a|b)`, `?(a|b)`, a leading `!`, `\` escapes.
// `+(…)`, `*(…)` and `!(…)` inside a pattern, and patterns that expand too far, are GlobErrors.

/** A pattern that cannot be compiled; the message says why. */
export class GlobError extends Error {
  override name = 'GlobError';
}

/** Brace and group alternatives one pattern may expand to. */
export const MAX_GLOB_ALTERNATIVES = 1024;
/** Automaton states one pattern may compile to (a pattern's length, times its alternatives). */
export const MAX_GLOB_STATES = 50_000;

export type GlobMatcher = (path: string) => boolean;

const SLASH = 0x2f;
const enum Kind {
  Literal,
  NotSlash,
  Any,
  Class,
}

interface CharClass {
  negated: boolean;
  ranges: Array<[number, number]>;
}

interface Edge {
  kind: Kind;
  /** The code point (Literal) or class index (Class). */
  value: number;
  to: number;
}

class Automaton {
  readonly edges: Edge[][] = [];
  readonly epsilon: number[][] = [];
  readonly classes: CharClass[] = [];

  state(): number {
    if (this.edges.length >= MAX_GLOB_STATES) throw new GlobError('the pattern is too complex');
    this.edges.push([]);
    this.epsilon.push([]);
    return this.edges.length - 1;
  }
  edge(from: number, kind: Kind, value: number, to: number): void {
    this.edges[from]?.push({ kind, value, to });
  }
  skip(from: number, to: number): void {
    this.epsilon[from]?.push(to);
  }
  accepts(edge: Edge, char: number): boolean {
    switch (edge.kind) {
      case Kind.Literal:
        return char === edge.value;
      case Kind.NotSlash:
        return char !== SLASH;
      case Kind.Any:
        return true;
      case Kind.Class: {
        if (char === SLASH) return false;
        const set = this.classes[edge.value];
        if (!set) return false;
        const inside = set.ranges.some(([low, high]) => char >= low && char <= high);
        return inside !== set.negated;
      }
    }
  }
}

/** Compiles one glob; throws GlobError. */
export function compileGlob(pattern: string): GlobMatcher {
  let negations = 0;
  while (pattern.startsWith('!', negations) && !pattern.startsWith('!(', negations)) negations++;
  const body = pattern.slice(negations);
  const automaton = new Automaton();
  const start = automaton.state();
  const accept = automaton.state();
  for (const alternative of expand(groupsToBraces(body))) {
    const end = compileAlternative(automaton, tokenize(alternative), start);
    automaton.skip(end, accept);
  }
  const negate = negations % 2 === 1;
  return (path) => run(automaton, start, accept, path) !== negate;
}

/** A matcher for any of the globs (picomatch's array form); throws GlobError naming the bad one. */
export function compileGlobs(patterns: readonly string[]): GlobMatcher {
  const matchers = patterns.map((pattern) => {
    try {
      return compileGlob(pattern);
    } catch (error) {
      if (error instanceof GlobError) throw new GlobError(`glob ${JSON.stringify(pattern)}: ${error.message}`);
      throw error;
    }
  });
  return (path) => matchers.some((matcher) => matcher(path));
}

/** The problem with a glob, or undefined when it compiles. */
export function globProblem(pattern: string): string | undefined {
  try {
    compileGlob(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

function run(automaton: Automaton, start: number, accept: number, path: string): boolean {
  const seen = new Int32Array(automaton.edges.length).fill(-1);
  let generation = 0;
  let current: number[] = [];
  const add = (list: number[], state: number): void => {
    // Depth-first over epsilon edges, each state once per generation.
    const stack = [state];
    while (stack.length > 0) {
      const next = stack.pop() ?? 0;
      if (seen[next] === generation) continue;
      seen[next] = generation;
      list.push(next);
      for (const target of automaton.epsilon[next] ?? []) stack.push(target);
    }
  };
  add(current, start);
  for (const char of path) {
    const code = char.codePointAt(0) ?? 0;
    generation++;
    const next: number[] = [];
    for (const state of current) {
      for (const edge of automaton.edges[state] ?? []) {
        if (automaton.accepts(edge, code)) add(next, edge.to);
      }
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.includes(accept);
}

type Token =
  | { kind: 'literal'; char: number }
  | { kind: 'any' }
  | { kind: 'class'; set: CharClass }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'slash' };

function tokenize(pattern: string): Token[] {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (char === '\\' && i + 1 < chars.length) {
      tokens.push({ kind: 'literal', char: chars[++i]?.codePointAt(0) ?? 0 });
    } else if (char === '/') {
      tokens.push({ kind: 'slash' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '*') {
      let end = i;
      while (chars[end + 1] === '*') end++;
      const wholeSegment = (i === 0 || chars[i - 1] === '/') && (end + 1 === chars.length || chars[end + 1] === '/');
      tokens.push({ kind: end > i && wholeSegment ? 'globstar' : 'star' });
      i = end;
    } else if (char === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        tokens.push({ kind: 'class', set: parsed.set });
        i = parsed.end;
      } else {
        tokens.push({ kind: 'literal', char: 0x5b });
      }
    } else {
      tokens.push({ kind: 'literal', char: char.codePointAt(0) ?? 0 });
    }
  }
  return tokens;
}

const POSIX_CLASSES: Record<string, Array<[string, string]>> = {
  alpha: [
    ['a', 'z'],
    ['A', 'Z'],
  ],
  digit: [['0', '9']],
  alnum: [
    ['a', 'z'],
    ['A', 'Z'],
    ['0', '9'],
  ],
  upper: [['A', 'Z']],
  lower: [['a', 'z']],
  xdigit: [
    ['0', '9'],
    ['a', 'f'],
    ['A', 'F'],
  ],
  space: [
    [' ', ' '],
    ['\t', '\r'],
  ],
  word: [
    ['a', 'z'],
    ['A', 'Z'],
    ['0', '9'],
    ['_', '_'],
  ],
};

/** `[…]` starting at `open`: the set and the index of its `]`, or undefined when it is not closed. */
function parseClass(chars: string[], open: number): { set: CharClass; end: number } | undefined {
  let i = open + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  const first = i;
  for (; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (char === ']' && i > first) return { set: { negated, ranges }, end: i };
    if (char === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      const name = close > 0 && chars[close + 1] === ']' ? chars.slice(i + 2, close).join('') : undefined;
      const posix = name === undefined ? undefined : POSIX_CLASSES[name];
      if (posix) {
        for (const [low, high] of posix) ranges.push([low.codePointAt(0) ?? 0, high.codePointAt(0) ?? 0]);
        i = close + 1;
        continue;
      }
    }
    const low = (char === '\\' ? chars[++i] : char)?.codePointAt(0) ?? 0;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      const highChar = chars[i + 2] === '\\' ? chars[i + 3] : chars[i + 2];
      i += chars[i + 2] === '\\' ? 3 : 2;
      const high = highChar?.codePointAt(0) ?? 0;
      ranges.push(low <= high ? [low, high] : [high, low]);
    } else {
      ranges.push([low, low]);
    }
  }
  return undefined;
}

/** Adds one alternative's states after `from`; returns its final state. */
function compileAlternative(automaton: Automaton, tokens: Token[], from: number): number {
  let current = from;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const next = automaton.state();
    switch (token.kind) {
      case 'literal':
        automaton.edge(current, Kind.Literal, token.char, next);
        break;
      case 'slash':
        if (tokens[i + 1]?.kind === 'globstar' && i + 2 === tokens.length) {
          // A trailing "/**": the folder itself, or anything below it.
          const below = automaton.state();
          automaton.skip(current, next);
          automaton.edge(current, Kind.Literal, SLASH, below);
          automaton.edge(below, Kind.Any, 0, below);
          automaton.skip(below, next);
          i++;
        } else {
          automaton.edge(current, Kind.Literal, SLASH, next);
        }
        break;
      case 'any':
        automaton.edge(current, Kind.NotSlash, 0, next);
        break;
      case 'class':
        automaton.classes.push(token.set);
        automaton.edge(current, Kind.Class, automaton.classes.length - 1, next);
        break;
      case 'star':
        automaton.edge(current, Kind.NotSlash, 0, current);
        automaton.skip(current, next);
        break;
      case 'globstar':
        if (tokens[i + 1]?.kind === 'slash') {
          // "**/": zero or more whole folders.
          const inside = automaton.state();
          automaton.skip(current, next);
          automaton.edge(current, Kind.NotSlash, 0, inside);
          automaton.edge(inside, Kind.NotSlash, 0, inside);
          automaton.edge(inside, Kind.Literal, SLASH, current);
          i++;
        } else {
          // "**" alone: any path.
          automaton.edge(current, Kind.Any, 0, current);
          automaton.skip(current, next);
        }
        break;
    }
    current = next;
  }
  return current;
}

/** `@(a|b)` and `(a|b)` → `{a,b}`, `?(a|b)` → `{,a,b}`; `+(`, `*(` and `!(` are refused. */
function groupsToBraces(pattern: string): string {
  let out = '';
  const closers: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    const next = pattern.charAt(i + 1);
    if (char === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if ('+*!'.includes(char) && next === '(' && pattern.indexOf(')', i) > 0) {
      throw new GlobError(`the extglob ${char}(…) is not supported; use {a,b} or several globs`);
    } else if ((char === '@' || char === '?') && next === '(' && pattern.indexOf(')', i) > 0) {
      out += char === '?' ? '{,' : '{';
      closers.push('}');
      i++;
    } else if (char === '(' && /^[^()]*\|[^()]*\)/.test(pattern.slice(i + 1))) {
      out += '{';
      closers.push('}');
    } else if (char === ')' && closers.length > 0) {
      out += closers.pop();
    } else if (char === '|' && closers.length > 0) {
      out += ',';
    } else if (char === ',' && closers.length > 0) {
      out += '\\,';
    } else {
      out += char;
    }
  }
  return out;
}

/** Brace expansion: `{a,b}` alternatives and `{1..3}` / `{a..c}` ranges, nested, at most MAX_GLOB_ALTERNATIVES. */
function expand(pattern: string): string[] {
  const group = firstBraceGroup(pattern);
  if (!group) return [pattern];
  const head = pattern.slice(0, group.open);
  const tails = expand(pattern.slice(group.close + 1));
  const out: string[] = [];
  for (const option of group.options) {
    for (const inner of expand(option)) {
      for (const tail of tails) {
        out.push(head + inner + tail);
        if (out.length > MAX_GLOB_ALTERNATIVES) {
          throw new GlobError(`the pattern expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
        }
      }
    }
  }
  return out;
}

/** The first `{…}` holding a top-level comma or a range, with its options. */
function firstBraceGroup(pattern: string): { open: number; close: number; options: string[] } | undefined {
  for (let open = 0; open < pattern.length; open++) {
    const char = pattern.charAt(open);
    if (char === '\\') {
      open++;
      continue;
    }
    if (char !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < pattern.length; i++) {
      const inner = pattern.charAt(i);
      if (inner === '\\') i++;
      else if (inner === '{') depth++;
      else if (inner === ',' && depth === 1) commas.push(i);
      else if (inner === '}' && --depth === 0) {
        const body = pattern.slice(open + 1, i);
        if (commas.length > 0) {
          const cuts = [open, ...commas, i];
          const options = cuts.slice(1).map((cut, n) => pattern.slice((cuts[n] ?? 0) + 1, cut));
          return { open, close: i, options };
        }
        const range = rangeOptions(body);
        if (range) return { open, close: i, options: range };
        break;
      }
    }
  }
  return undefined;
}

function rangeOptions(body: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  const alpha = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body);
  if (!numeric && !alpha) return undefined;
  const [from, to] = numeric
    ? [Number(numeric[1]), Number(numeric[2])]
    : [alpha?.[1]?.charCodeAt(0) ?? 0, alpha?.[2]?.charCodeAt(0) ?? 0];
  if (Math.abs(to - from) >= MAX_GLOB_ALTERNATIVES) {
    throw new GlobError(`the range {${body}} has more than ${MAX_GLOB_ALTERNATIVES} values`);
  }
  const width = numeric && /^-?0\d/.test(numeric[1] ?? '') ? (numeric[1] ?? '').length : 0;
  const values: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) {
    values.push(numeric ? String(n).padStart(width, '0') : String.fromCharCode(n));
  }
  return values;
}
