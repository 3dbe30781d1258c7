// Conditions that decide a socket's type: `if (!udp)`, `if (type == SOCK_STREAM)`, `if (proto != IPPROTO_UDP)`,
// `if (isTcp && …)`. The arm they admit only stream sockets into is not judged as a datagram socket's.

/** A flag named for datagram sockets (`udp`, `isUdp`, `m_dgram`) or for stream sockets (`tcp`, `isStream`). */
const DATAGRAM_FLAG =
  /^(?:[\w.>-]*[._>])?(?:is_?|m_|b|use_?)?(?:udp|dgram|datagram)(?:_?(?:socket|sock|mode|flag|type))?$/i;
const STREAM_FLAG = /^(?:[\w.>-]*[._>])?(?:(?:is_?|m_|b|use_?)?tcp|is_?stream)(?:_?(?:socket|sock|mode|flag|type))?$/i;
/** Constants (Winsock's, or a project enum's) naming a stream or a datagram type or protocol. */
const STREAM_CONSTANT = /^(?:SOCK_STREAM|IPPROTO_TCP|(?:\w+::)+(?:TCP|Tcp|Stream|STREAM))$/;
const DATAGRAM_CONSTANT = /^(?:SOCK_DGRAM|SOCK_RAW|IPPROTO_UDP|(?:\w+::)+(?:UDP|Udp|Datagram|DGRAM|Dgram))$/;

function stripParens(text: string): string {
  let current = text;
  while (/^\(.*\)$/.test(current) && balanced(current.slice(1, -1))) current = current.slice(1, -1);
  return current;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** 'stream' when the condition being true means a stream socket, 'datagram' when it means a datagram one. */
function meaning(text: string): 'stream' | 'datagram' | undefined {
  const t = stripParens(text);
  if (t.startsWith('!') && !t.startsWith('!=')) {
    const inner = meaning(t.slice(1));
    return inner === 'stream' ? 'datagram' : inner === 'datagram' ? 'stream' : undefined;
  }
  const comparison = /^([\w:.>-]+)(==|!=)([\w:.>-]+)$/.exec(t);
  if (comparison) {
    const [, left, operator, right] = comparison as unknown as [string, string, string, string];
    const kind = (side: string): 'stream' | 'datagram' | undefined =>
      STREAM_CONSTANT.test(side) ? 'stream' : DATAGRAM_CONSTANT.test(side) ? 'datagram' : undefined;
    const said = kind(right) ?? kind(left);
    if (!said) return undefined;
    return operator === '==' ? said : said === 'stream' ? 'datagram' : 'stream';
  }
  if (DATAGRAM_FLAG.test(t)) return 'datagram';
  if (STREAM_FLAG.test(t)) return 'stream';
  return undefined;
}

/** Splits on top-level `&&` (none inside parentheses). */
function conjuncts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '&' && text[i + 1] === '&') {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The arm of an `if` (0: then, 1: else) that only stream sockets reach, by its condition, or undefined.
 * A conjunction admits only stream sockets into `then` when one of its parts does.
 */
export function streamArmOf(conditionText: string): 0 | 1 | undefined {
  const text = stripParens(conditionText.replace(/\s+/g, ''));
  if (text.length === 0 || text.includes('||')) return undefined;
  const parts = conjuncts(text);
  if (parts.length > 1) return parts.some((p) => meaning(p) === 'stream') ? 0 : undefined;
  const said = meaning(text);
  return said === 'stream' ? 0 : said === 'datagram' ? 1 : undefined;
}
