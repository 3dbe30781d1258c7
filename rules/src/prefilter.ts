// Byte-level prefilter: decides from text alone whether a file can matter, so only those are parsed.
import { CODE_SPELLING_PATTERN } from './facts/code-constant.js';
import type { FileFacts } from './facts/fact-types.js';

/** May the text use the fast-path code (in any spelling, or through one of `extraNames`)? */
export function isCandidateText(text: string, extraNames: readonly string[] = []): boolean {
  if (CODE_SPELLING_PATTERN.test(text)) return true;
  return extraNames.length > 0 && mentionsAny(text, extraNames);
}

export function mentionsAny(text: string, names: readonly string[]): boolean {
  return names.length > 0 && mentionPattern(names).test(text);
}

/** One pattern for many names, matched as whole identifiers, so a file is scanned once per batch of names. */
export function mentionPattern(names: readonly string[]): RegExp {
  const escaped = [...new Set(names)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w$])(?:${escaped.join('|')})(?![\\w$])`);
}

/**
 * Names of functions a file's socket code calls that it does not define: the files defining them are
 * parsed too, so helpers in other files are summarised.
 */
export function calledHelperNames(facts: FileFacts): string[] {
  const defined = new Set(facts.functions.map((f) => f.name));
  const names = new Set<string>();
  for (const fn of facts.functions) {
    const socketKeys = new Set<string>();
    for (const e of fn.events) {
      if (e.kind === 'call' || e.kind === 'assign' || e.kind === 'wrong-api') continue;
      if (e.kind === 'accept') {
        if (e.listener) socketKeys.add(e.listener);
        if (e.accepted) socketKeys.add(e.accepted);
      } else if (e.kind === 'create') {
        if (e.target) socketKeys.add(e.target);
      } else if (e.socket) socketKeys.add(e.socket);
    }
    for (const original of fn.events) {
      // `sock.ioctl(code)`: a project function of an API's name may be what applies the code.
      const e = original.kind === 'call' ? original : original.asCall?.codeArgs.length ? original.asCall : undefined;
      if (!e || defined.has(e.name)) continue;
      const touchesSocket =
        e.codeArgs.length > 0 ||
        e.args.some((a) => a !== null && socketKeys.has(a)) ||
        (e.receiver !== undefined &&
          [...socketKeys].some((k) => k.startsWith(`${e.receiver}.`) || k.startsWith(`${e.receiver}->`))) ||
        (e.target !== null && socketKeys.has(e.target)) ||
        (fn.className !== undefined && e.receiver === undefined);
      if (touchesSocket) names.add(e.name);
    }
  }
  return [...names];
}

/**
 * Names of functions that apply the code (directly, through a pass-through, or by calling such a
 * function, to any depth): files calling them must be parsed, since the application happens there.
 */
export function applyingFunctionNames(all: readonly FileFacts[]): string[] {
  const applying = new Set<string>();
  for (let changed = true, rounds = 0; changed && rounds < 32; rounds++) {
    changed = false;
    for (const facts of all) {
      for (const fn of facts.functions) {
        if (fn.name.startsWith('<') || applying.has(fn.name)) continue;
        const applies = fn.events.some(
          (e) => e.kind === 'ioctl' || e.kind === 'passthrough' || (e.kind === 'call' && applying.has(e.name)),
        );
        if (applies) {
          applying.add(fn.name);
          changed = true;
        }
      }
    }
  }
  return [...applying];
}
