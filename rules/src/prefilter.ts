// Byte-level prefilter: decides from text alone whether a file can matter, so only those are parsed.
import { CODE_SPELLING_PATTERN } from './facts/code-constant.js';
import type { FileFacts, FunctionFacts } from './facts/fact-types.js';

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
  // Facts are immutable: the language server asks again after every edit for every unchanged file.
  let names = helperNamesOf.get(facts.functions);
  if (!names) helperNamesOf.set(facts.functions, (names = computeCalledHelperNames(facts)));
  return names;
}

const helperNamesOf = new WeakMap<readonly FunctionFacts[], string[]>();

function computeCalledHelperNames(facts: FileFacts): string[] {
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
  // The names each function calls, and those applying the code themselves, are found once per file's facts;
  // then the callers of applying names are added, to any depth.
  const inputs = all.map((facts) => {
    let calls = applyingCallsOf.get(facts.functions);
    if (!calls) applyingCallsOf.set(facts.functions, (calls = applyingCalls(facts.functions)));
    return calls;
  });
  // After an edit that changed no name a function applies or calls, the answer is the last one.
  const last = lastApplying;
  if (last?.inputs.length === inputs.length && inputs.every((c, i) => sameCalls(c, last.inputs[i]!))) {
    return last.names;
  }
  const callersOf = new Map<string, string[]>();
  const applying = new Set<string>();
  const queue: string[] = [];
  for (const calls of inputs) {
    for (const name of calls.direct) {
      if (!applying.has(name)) queue.push(name);
      applying.add(name);
    }
    for (const [caller, callee] of calls.edges) {
      const list = callersOf.get(callee);
      if (list) list.push(caller);
      else callersOf.set(callee, [caller]);
    }
  }
  while (queue.length > 0) {
    for (const caller of callersOf.get(queue.pop()!) ?? []) {
      if (applying.has(caller)) continue;
      applying.add(caller);
      queue.push(caller);
    }
  }
  lastApplying = { inputs, names: [...applying] };
  return lastApplying.names;
}

interface ApplyingCalls {
  direct: string[];
  edges: [string, string][];
}

let lastApplying: { inputs: ApplyingCalls[]; names: string[] } | undefined;

function sameCalls(a: ApplyingCalls, b: ApplyingCalls): boolean {
  if (a === b) return true;
  return (
    a.direct.length === b.direct.length &&
    a.edges.length === b.edges.length &&
    a.direct.every((n, i) => n === b.direct[i]) &&
    a.edges.every(([caller, callee], i) => caller === b.edges[i]![0] && callee === b.edges[i]![1])
  );
}

const applyingCallsOf = new WeakMap<readonly FunctionFacts[], ApplyingCalls>();

function applyingCalls(functions: readonly FunctionFacts[]): ApplyingCalls {
  const direct: string[] = [];
  const edges: [string, string][] = [];
  for (const fn of functions) {
    if (fn.name.startsWith('<')) continue;
    if (fn.events.some((e) => e.kind === 'ioctl' || e.kind === 'passthrough')) direct.push(fn.name);
    for (const e of fn.events) if (e.kind === 'call') edges.push([fn.name, e.name]);
  }
  return { direct, edges };
}
