// Engine findings carry their message already formatted; ESLint wants a message id plus data. This recovers the
// data by matching the message against the id's template, so ESLint reports the engine's text exactly.

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new Map<string, { pattern: RegExp; keys: string[] }>();

function compile(template: string): { pattern: RegExp; keys: string[] } {
  let entry = compiled.get(template);
  if (!entry) {
    const keys: string[] = [];
    let source = '';
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      source += escapeRegExp(template.slice(last, match.index));
      const key = match[1]!;
      // A key used twice must hold the same value both times; the second use is a backreference.
      source += keys.includes(key) ? `\\k<${key}>` : `(?<${key}>[\\s\\S]*?)`;
      if (!keys.includes(key)) keys.push(key);
      last = match.index + match[0].length;
    }
    source += escapeRegExp(template.slice(last));
    entry = { pattern: new RegExp(`^${source}$`), keys };
    compiled.set(template, entry);
  }
  return entry;
}

export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => data[key] ?? whole);
}

/** The data that turns `template` into `message`, or undefined when the message was not made from it. */
export function recoverData(template: string, message: string): Record<string, string> | undefined {
  const { pattern, keys } = compile(template);
  const match = pattern.exec(message);
  if (!match) return undefined;
  const data: Record<string, string> = {};
  for (const key of keys) data[key] = match.groups?.[key] ?? '';
  return formatMessage(template, data) === message ? data : undefined;
}
