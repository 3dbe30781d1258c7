// A small strict JSON parser that remembers where every value and key is, so configuration errors
// can name a line and column (JSON.parse's messages often give no position at all). Linear in the text (strings
// are scanned, not matched by a backtracking regex) and nesting is bounded, so hostile input is a syntax error
// with a position, never a stack overflow.

/** A JSON syntax error at a UTF-16 offset into the text. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface ParsedJson {
  value: unknown;
  /** Offset of the value at a JSON pointer ('' for the root, '/rules/x' for a member). */
  valueOffsets: Map<string, number>;
  /** Offset of the key of an object member, by the member's JSON pointer. */
  keyOffsets: Map<string, number>;
}

export function jsonPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Deeper objects and arrays are a syntax error (a configuration needs four levels). */
export const MAX_JSON_DEPTH = 64;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Parses strict JSON (RFC 8259: no comments, no trailing commas); duplicate keys are errors. */
export function parseJson(text: string): ParsedJson {
  const valueOffsets = new Map<string, number>();
  const keyOffsets = new Map<string, number>();
  let pos = 0;

  // Function declarations (not arrows) so that TypeScript treats fail() as never returning.
  function fail(expected: string): never {
    const found =
      pos >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text.charAt(pos))}`;
    throw new JsonSyntaxError(`${found}; expected ${expected}`, pos);
  }
  function skipWhitespace(): void {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  }
  function matchToken(pattern: RegExp): string | undefined {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) return undefined;
    pos += match[0].length;
    return match[0];
  }
  /** A string token: no raw control characters, only JSON's escapes. */
  function parseString(): string {
    const start = pos;
    if (text.charAt(pos) !== '"') fail('a string');
    pos++;
    for (;;) {
      if (pos >= text.length) fail("'\"' to end the string");
      const code = text.charCodeAt(pos);
      if (code === 0x22) break;
      if (code < 0x20) fail('an escaped control character');
      if (code === 0x5c) {
        const escape = text.charAt(pos + 1);
        if (escape === 'u' && HEX4.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else if (escape !== 'u' && escape !== '' && SIMPLE_ESCAPES.includes(escape)) pos += 2;
        else {
          pos++;
          fail('a JSON escape');
        }
      } else {
        pos++;
      }
    }
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  }
  let depth = 0;
  function enter(): void {
    if (++depth > MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`nested more than ${MAX_JSON_DEPTH} levels deep`, pos);
    }
  }

  function parseValue(pointer: string): unknown {
    skipWhitespace();
    valueOffsets.set(pointer, pos);
    const c = text.charAt(pos);
    if (c === '{' || c === '[') {
      enter();
      const nested = c === '{' ? parseObject(pointer) : parseArray(pointer);
      depth--;
      return nested;
    }
    if (c === '"') return parseString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    const number = matchToken(NUMBER);
    if (number !== undefined) return Number(number);
    return fail('a value');
  }

  function parseObject(pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    pos++;
    skipWhitespace();
    if (text.charAt(pos) === '}') {
      pos++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      const keyOffset = pos;
      if (text.charAt(pos) !== '"') fail('a double-quoted property name');
      const key = parseString();
      const member = jsonPointer(pointer, key);
      if (Object.hasOwn(result, key)) {
        throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, keyOffset);
      }
      keyOffsets.set(member, keyOffset);
      skipWhitespace();
      if (text.charAt(pos) !== ':') fail("':'");
      pos++;
      // defineProperty, not assignment: a "__proto__" key must stay plain data (which
      // validation then reports as unknown) instead of replacing the object's prototype.
      Object.defineProperty(result, key, {
        value: parseValue(member),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipWhitespace();
      const next = text.charAt(pos);
      pos++;
      if (next === '}') return result;
      if (next !== ',') {
        pos--;
        fail("',' or '}'");
      }
    }
  }

  function parseArray(pointer: string): unknown[] {
    const result: unknown[] = [];
    pos++;
    skipWhitespace();
    if (text.charAt(pos) === ']') {
      pos++;
      return result;
    }
    for (;;) {
      result.push(parseValue(jsonPointer(pointer, result.length)));
      skipWhitespace();
      const next = text.charAt(pos);
      pos++;
      if (next === ']') return result;
      if (next !== ',') {
        pos--;
        fail("',' or ']'");
      }
    }
  }

  const value = parseValue('');
  skipWhitespace();
  if (pos < text.length) fail('end of input');
  return { value, valueOffsets, keyOffsets };
}
