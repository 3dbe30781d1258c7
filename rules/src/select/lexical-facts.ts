// One streamed lexical pass per file: whether it spells the code, the names it may define as functions, and a
// Bloom filter of every identifier it contains. Plain data (sent back from workers); a superset, never a miss.
import { CODE_SPELLING_PATTERN } from '../facts/code-constant.js';

export interface LexicalDefinition {
  name: string;
  /** `C` for `C::f(` (the class the extractor gives it), `?` for a qualifier not read here (`C<T>::f`). */
  owner?: string;
  /** Parameters, or -1 when the list is not plain enough to count (templates, macros, `...`). */
  arity: number;
  /** The body has no call and no assignment: the function has no socket event, so an empty summary. */
  inert: boolean;
}

export interface LexicalFacts {
  /** The text spells the code in one of its forms (what isCandidateText answers). */
  spellsCode: boolean;
  /** Names followed by a parameter list and a body: every function the extractor can find, and more. */
  defines: LexicalDefinition[];
  /** Bloom filter of every identifier in the text outside comments, probed by mayMention. */
  mentions: Uint8Array;
  /** The text mentions a ConnectEx/AcceptEx-like name (matched by substring, so the filter cannot answer). */
  extensionCalls: boolean;
}

/** Words that look like a name before `(`…`)` `{` but never name a function. */
const KEYWORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'sizeof',
  'alignof',
  'decltype',
  'defined',
  'else',
  'do',
  'case',
  'goto',
  'new',
  'delete',
  'throw',
  'static_assert',
  'static_cast',
  'dynamic_cast',
  'const_cast',
  'reinterpret_cast',
  'typeid',
  'noexcept',
  'alignas',
  '__attribute__',
  '__declspec',
]);
const STATEMENT_WORDS = new Set(['else', 'return', 'if', 'while', 'for', 'do', 'switch', 'case', 'goto', 'break']);

const PROBES = 3;
/** Longest parameter list or trailer followed when deciding whether a name is defined. */
const MAX_SHAPE = 20_000;

const START = 1;
const PART = 2;
/** Character classes of every UTF-16 unit: letters, `_`, `$`, non-ASCII letters and surrogate halves (a name
 * keeps them: never a lost match) start a name; digits continue one. */
const CLASSES = (() => {
  const classes = new Uint8Array(0x10000);
  const unicode = /[\p{ID_Continue}]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
    if (ascii || (c >= 0x80 && ((c >= 0xd800 && c <= 0xdfff) || unicode.test(String.fromCharCode(c)))))
      classes[c] = START | PART;
    else if (c >= 48 && c <= 57) classes[c] = PART;
  }
  return classes;
})();

function isIdentifierStart(c: number): boolean {
  return (CLASSES[c]! & START) !== 0;
}

function isIdentifierPart(c: number): boolean {
  return (CLASSES[c]! & PART) !== 0;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

/** FNV-1a over UTF-16 units: the same for a name scanned in a text and the name as a string. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function bloomBits(length: number): number {
  let bits = 1024;
  while (bits < length && bits < 1 << 22) bits <<= 1;
  return bits;
}

function setBits(bloom: Uint8Array, hash: number): void {
  const mask = bloom.length * 8 - 1;
  const step = (Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) | 1) >>> 0;
  for (let i = 0, at = hash; i < PROBES; i++, at = (at + step) >>> 0) {
    const bit = at & mask;
    bloom[bit >>> 3]! |= 1 << (bit & 7);
  }
}

/** Could the text have contained `name` as an identifier? False only when it certainly did not. */
export function mayMention(facts: LexicalFacts, name: string): boolean {
  const bloom = facts.mentions;
  if (bloom.length === 0) return false;
  const hash = hashRange(name, 0, name.length);
  const mask = bloom.length * 8 - 1;
  const step = (Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) | 1) >>> 0;
  for (let i = 0, at = hash; i < PROBES; i++, at = (at + step) >>> 0) {
    const bit = at & mask;
    if ((bloom[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** The index after the group opened at `open` (`(` or `[`), or -1 when it does not close within MAX_SHAPE. */
function closeGroup(text: string, open: number): number {
  const opener = text.charCodeAt(open);
  const closer = opener === 40 ? 41 : 93;
  let depth = 0;
  const end = Math.min(text.length, open + MAX_SHAPE);
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
    else if (c === 34 || c === 39 || c === 47) {
      // A string, character or comment: its parentheses do not count (`printf("(")`).
      const literalEnd = endOfLiteral(text, i);
      if (literalEnd > 0) i = literalEnd - 1;
    }
  }
  return -1;
}

function skipSpaceAndComments(text: string, at: number, directives = true): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? text.length : newline + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === 35 && directives) {
      // A preprocessor line between a declarator and its body (`#ifdef X const #endif`).
      let j = i;
      for (;;) {
        const newline = text.indexOf('\n', j);
        if (newline < 0) return text.length;
        j = newline + 1;
        if (
          text.charCodeAt(newline - 1) !== 92 &&
          !(text.charCodeAt(newline - 1) === 13 && text.charCodeAt(newline - 2) === 92)
        )
          break;
      }
      i = j;
    } else return i;
  }
}

/**
 * Does the parameter list opened at `open` start a function definition: the list, then qualifiers, attributes,
 * a trailing return type, an initialiser list or K&R parameter declarations, then a body or `= default`?
 */
function startsDefinition(text: string, open: number): number {
  const close = closeGroup(text, open);
  // An unclosed list may still be parsed as a definition by error recovery.
  if (close < 0) return NO_BODY;
  let i = close;
  let afterSemicolon = false;
  let previous = 0;
  for (let steps = 0; steps < 256; steps++) {
    const before = i;
    i = skipSpaceAndComments(text, i, !afterSemicolon);
    if (i >= text.length || (afterSemicolon && text.charCodeAt(i) === 35)) return NOT_DEFINITION;
    if (i !== before && text.charCodeAt(i) === 35) previous = 0;
    const c = text.charCodeAt(i);
    // {: the body; after K&R declarations only right after their `;` (not `T x {…}`, a braced initialiser).
    if (c === 123) return !afterSemicolon || previous === 59 ? i : NOT_DEFINITION;
    previous = c;
    if (c === 61) {
      // = default / = delete
      const j = skipSpaceAndComments(text, i + 1);
      return text.startsWith('default', j) || text.startsWith('delete', j) ? NO_BODY : NOT_DEFINITION;
    }
    if (isIdentifierStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentifierPart(text.charCodeAt(j))) j++;
      if (afterSemicolon && STATEMENT_WORDS.has(text.slice(i, j))) return NOT_DEFINITION;
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      i++;
      while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
      continue;
    }
    if (c === 40 || c === 91) {
      if (afterSemicolon) return NOT_DEFINITION;
      const next = closeGroup(text, i);
      if (next < 0) return NO_BODY;
      i = next;
      continue;
    }
    if (c === 59) {
      // K&R parameter declarations: `f(a, b) int a; char *b; {`.
      afterSemicolon = true;
      i++;
      continue;
    }
    if (c === 45 && text.charCodeAt(i + 1) === 62) {
      i += 2;
      continue;
    }
    // * & < > , : . ~
    if (c === 42 || c === 38 || c === 60 || c === 62 || c === 44 || c === 58 || c === 46 || c === 126) {
      i++;
      continue;
    }
    return NOT_DEFINITION;
  }
  return NOT_DEFINITION;
}

const NOT_DEFINITION = -1;
/** A definition whose body is not read (`= default`, unclosed): never inert. */
const NO_BODY = -2;
const MAX_INERT_BODY = 4_000;

/** The parameters of the list opened at `open`, or -1 when they cannot be counted from the text alone. */
function arityOf(text: string, open: number): number {
  const close = closeGroup(text, open);
  if (close < 0) return -1;
  const inner = text.slice(open + 1, close - 1);
  if (/[(<#["']|\.\.\.|\/[/*]/.test(inner)) return -1;
  const trimmed = inner.trim();
  if (trimmed === '' || trimmed === 'void') return 0;
  return trimmed.split(',').length;
}

/** A body `{…}` with no `(` (no call, cast or macro) and no assignment or increment: no events at all. */
function isInertBody(text: string, open: number): boolean {
  if (open < 0) return false;
  let depth = 0;
  const end = Math.min(text.length, open + MAX_INERT_BODY);
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (--depth === 0) return true;
    } else if (c === 40 || c === 35 || c === 34 || c === 39)
      return false; // ( # " '
    else if (c === 61) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      // == != <= >= are comparisons; anything else with = assigns.
      if (after === 61) i++;
      else if (!(before === 33 || before === 60 || before === 62 || before === 61)) return false;
    } else if ((c === 43 || c === 45) && text.charCodeAt(i + 1) === c) return false; // ++ --
  }
  return false;
}

/** `C` for `C::f(` (also `a::C :: f`), `?` for `C<T>::f(` and other qualifiers, undefined for a plain name. */
function ownerOf(text: string, start: number): string | undefined {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 1 || text.charCodeAt(i) !== 58 || text.charCodeAt(i - 1) !== 58) return undefined;
  i -= 2;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && isIdentifierPart(text.charCodeAt(i))) i--;
  const owner = text.slice(i + 1, end);
  return owner.length > 0 && isIdentifierStart(owner.charCodeAt(0)) ? owner : '?';
}

/** The end of the comment or string literal starting at `at` (-1 when none starts there). Strings and character
 * literals end at their line's end at the latest, so a stray quote costs one line. */
function endOfLiteral(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 47) {
    const next = text.charCodeAt(at + 1);
    if (next === 47) {
      const newline = text.indexOf('\n', at);
      return newline < 0 ? text.length : newline;
    }
    if (next === 42) {
      const close = text.indexOf('*/', at + 2);
      return close < 0 ? text.length : close + 2;
    }
    return -1;
  }
  for (let i = at + 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 92) i++;
    else if (d === c) return i + 1;
    else if (d === 10) return i;
  }
  return text.length;
}

function hashWords(text: string, from: number, to: number, mentions: Uint8Array): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isIdentifierStart(c)) {
      const start = i;
      while (i < to && isIdentifierPart(text.charCodeAt(i))) i++;
      setBits(mentions, hashRange(text, start, i));
    } else if (c >= 48 && c <= 57) {
      while (i < to && (isIdentifierPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
    } else i++;
  }
}

/** The lexical facts of one text, in one pass over its characters. */
export function scanLexicalFacts(text: string): LexicalFacts {
  const mentions = new Uint8Array(bloomBits(text.length) >>> 3);
  const defines: LexicalDefinition[] = [];
  const define = (name: string, owner: string | undefined, open: number, body: number): void => {
    defines.push({
      name,
      ...(owner !== undefined ? { owner } : {}),
      arity: arityOf(text, open),
      inert: isInertBody(text, body),
    });
  };
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const literalEnd = c === 47 || c === 34 || c === 39 ? endOfLiteral(text, i) : -1;
    if (literalEnd > 0) {
      // A string's words are mentioned (a stray quote must not hide code from the filter); a comment's are not:
      // nothing in a comment is a use or a call. Neither defines anything.
      if (c !== 47) hashWords(text, i, literalEnd, mentions);
      i = literalEnd;
      continue;
    }
    if ((CLASSES[c]! & START) !== 0) {
      const start = i;
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      i++;
      for (; i < length; i++) {
        const d = text.charCodeAt(i);
        if ((CLASSES[d]! & PART) === 0) break;
        h = Math.imul(h ^ d, 0x01000193);
      }
      setBits(mentions, h >>> 0);
      let j = i;
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 40) {
        const name = text.slice(start, i);
        if (!KEYWORDS.has(name)) {
          const body = startsDefinition(text, j);
          if (body !== NOT_DEFINITION) define(name, ownerOf(text, start), j, body);
        }
      }
      continue;
    }
    if (c >= 48 && c <= 57) {
      // A number (0x98000010, 1'000): its letters are no identifier.
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (isIdentifierPart(d) || d === 46 || d === 39) i++;
        else break;
      }
      continue;
    }
    i++;
  }
  // Names returning a function pointer: `void (*signal(int, void (*)(int)))(int) {` defines `signal`.
  for (const match of text.matchAll(/\(\s*\*\s*([A-Za-z_$][\w$]*)\s*\(/g)) {
    const name = match[1]!;
    const open = text.indexOf('(', match.index + match[0].length - 1);
    const inner = closeGroup(text, open);
    if (inner > 0) {
      const after = skipSpaceAndComments(text, inner);
      if (text.charCodeAt(after) === 41) {
        const next = skipSpaceAndComments(text, after + 1);
        if (text.charCodeAt(next) === 40) {
          const body = startsDefinition(text, next);
          // The pointer's own list is what callers pass: unknown arity.
          if (body !== NOT_DEFINITION) defines.push({ name, arity: -1, inert: false });
        }
      }
    }
  }
  return {
    spellsCode: CODE_SPELLING_PATTERN.test(text),
    defines,
    mentions,
    extensionCalls: /connectex|acceptex/i.test(text),
  };
}
