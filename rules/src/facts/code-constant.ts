// Recognises the value of SIO_LOOPBACK_FAST_PATH in every spelling real code uses, by evaluating
// small C constant expressions (`0x98000010`, `-1744830448`, `_WSAIOW(IOC_VENDOR, 16)`, `IOC_IN|IOC_VENDOR|16`);
// scripts' `>>>` is understood too (`0x98000010 >>> 0`).

/** _WSAIOW(IOC_VENDOR, 16) = IOC_IN | IOC_VENDOR | 16. */
export const FAST_PATH_VALUE = 0x98000010;
export const FAST_PATH_NAME = 'SIO_LOOPBACK_FAST_PATH';

/** Values of the macros mswsock.h / ws2def.h build control codes from. */
const KNOWN_MACROS: Record<string, number> = {
  IOC_UNIX: 0x00000000,
  IOC_WS2: 0x08000000,
  IOC_PROTOCOL: 0x10000000,
  IOC_VENDOR: 0x18000000,
  IOC_WSK: 0x08000000 | 0x07000000,
  IOC_VOID: 0x20000000,
  IOC_OUT: 0x40000000,
  IOC_IN: 0x80000000,
  IOC_INOUT: 0xc0000000,
  [FAST_PATH_NAME]: FAST_PATH_VALUE,
};

const IOCTL_BUILDERS: Record<string, number> = {
  _WSAIO: 0x20000000,
  _WSAIOR: 0x40000000,
  _WSAIOW: 0x80000000,
  _WSAIORW: 0xc0000000,
};

/** Cheap text test before any parsing: can this text contain the code in some spelling? */
/** `67fffff0` is `-0x67fffff0`, the code as a negative hex number (scripts write it so). */
export const CODE_SPELLING_PATTERN =
  /SIO_LOOPBACK_FAST_PATH|98000010|2550136848|1744830448|67fffff0|_WSAIOW|IOC_VENDOR/i;

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s+|(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(>>>|<<|>>|[-+|&^~()*,])/y;
  let index = 0;
  while (index < text.length) {
    re.lastIndex = index;
    const m = re.exec(text);
    if (!m) return undefined;
    index = re.lastIndex;
    if (m[1] !== undefined)
      tokens.push({
        kind: 'num',
        value: Number(
          m[1].toLowerCase().startsWith('0x')
            ? parseInt(m[1], 16)
            : m[1].length > 1 && m[1].startsWith('0')
              ? parseInt(m[1], 8)
              : Number(m[1]),
        ),
      });
    else if (m[2] !== undefined) tokens.push({ kind: 'id', name: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', op: m[3] });
  }
  return tokens;
}

const CAST_TYPES = new Set([
  'DWORD',
  'ULONG',
  'UINT',
  'LONG',
  'INT',
  'int',
  'unsigned',
  'long',
  'u_long',
  'uint32_t',
  'int32_t',
  'ULONG_PTR',
  'DWORD_PTR',
  'const',
  'signed',
]);

/**
 * Evaluates a C constant expression to an unsigned 32-bit value, or undefined when it is not a constant
 * this evaluator understands. `names` gives values of identifiers (aliases found so far).
 */
export function evaluateConstant(text: string, names: ReadonlyMap<string, number> = new Map()): number | undefined {
  if (text.length > 300) return undefined;
  const parsed = tokenize(text);
  if (!parsed || parsed.length === 0) return undefined;
  const tokens: Token[] = parsed;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.op === op;
  };

  function primary(): number | undefined {
    const t = peek();
    if (!t) return undefined;
    if (t.kind === 'num') {
      pos++;
      return t.value;
    }
    if (t.kind === 'id') {
      pos++;
      const builder = IOCTL_BUILDERS[t.name];
      if (builder !== undefined && isOp('(')) {
        pos++;
        const x = bitOr();
        if (!isOp(',')) return undefined;
        pos++;
        const y = bitOr();
        if (!isOp(')') || x === undefined || y === undefined) return undefined;
        pos++;
        return (builder | x | y) >>> 0;
      }
      const known = names.get(t.name) ?? KNOWN_MACROS[t.name];
      return known;
    }
    if (t.op === '(') {
      // A cast like (DWORD) or a parenthesised expression.
      const next = tokens[pos + 1];
      const after = tokens[pos + 2];
      if (next?.kind === 'id' && CAST_TYPES.has(next.name) && after?.kind === 'op' && after.op === ')') {
        pos += 3;
        return unary();
      }
      pos++;
      const value = bitOr();
      if (!isOp(')')) return undefined;
      pos++;
      return value;
    }
    return undefined;
  }
  function unary(): number | undefined {
    if (isOp('-')) {
      pos++;
      const v = unary();
      return v === undefined ? undefined : -v >>> 0;
    }
    if (isOp('+')) {
      pos++;
      return unary();
    }
    if (isOp('~')) {
      pos++;
      const v = unary();
      return v === undefined ? undefined : ~v >>> 0;
    }
    return primary();
  }
  function binary(
    next: () => number | undefined,
    ops: Record<string, (a: number, b: number) => number>,
  ): () => number | undefined {
    return () => {
      let left = next();
      for (;;) {
        const t = peek();
        if (t?.kind !== 'op' || !(t.op in ops) || left === undefined) return left;
        pos++;
        const right = next();
        if (right === undefined) return undefined;
        left = ops[t.op]!(left, right) >>> 0;
      }
    };
  }
  const additive = binary(unary, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const shift = binary(additive, { '<<': (a, b) => a << b, '>>': (a, b) => a >>> b, '>>>': (a, b) => a >>> b });
  const bitAnd = binary(shift, { '&': (a, b) => a & b });
  const bitXor = binary(bitAnd, { '^': (a, b) => a ^ b });
  const bitOr = binary(bitXor, { '|': (a, b) => a | b });

  const value = bitOr();
  return pos === tokens.length && value !== undefined ? value >>> 0 : undefined;
}

export function isFastPathValue(text: string, names?: ReadonlyMap<string, number>): boolean {
  return evaluateConstant(text, names) === FAST_PATH_VALUE;
}
