// Decides which files to parse from every file's lexical facts and the model of the files parsed so far,
// expanding only along edges that can change a finding, until the selection is closed under them:
//  - files spelling the code, and files mentioning an alias of it defined elsewhere;
//  - files defining a name that a relevant function calls (by definition, not by mention), so the call resolves
//    as in the whole project. Relevant are the functions whose events hold an application and, to any depth,
//    the functions their calls resolve to;
//  - files that can call a function applying the code, as resolve-callee.ts resolves (name, class, arity): the
//    files mentioning its class, or its name when no other definition of that name competes;
//  - when the project-wide both-sides check reports, files with the other side's calls and their callers.
// A driver (synchronous, or a worker pool) extracts each batch the generator yields and hands the facts back.
import type { FileFacts, FunctionFacts, OtherCall } from '../facts/fact-types.js';
import { CONNECT_FUNCTIONS } from '../facts/winsock-api.js';
import { buildProjectModel, type ProjectFunction, type ProjectModel } from '../index/project-model.js';
import { FunctionTable } from '../index/resolve-callee.js';
import type { FunctionSummary } from '../index/summary-types.js';
import { mayMention, type LexicalDefinition, type LexicalFacts } from './lexical-facts.js';

export interface ExtractRequest {
  index: number;
  /** Aliases of the code defined in other files that the file must recognise. */
  aliases: readonly string[];
}

/** Facts of the requested files (missing where extraction failed). */
export type ExtractedBatch = ReadonlyMap<number, FileFacts>;

export type Side = 'client' | 'server';

export interface SelectionInput {
  /** Lexical facts per file index (undefined: the file is never parsed, e.g. unreadable). */
  lexical: readonly (LexicalFacts | undefined)[];
  /** Script files (TypeScript/JavaScript) define functions in shapes the lexical pass does not look for. */
  isScript: (index: number) => boolean;
  /** Parse every file (`--no-prefilter`). */
  noPrefilter: boolean;
  /**
   * The project-wide both-sides side (fast-path-both-sides): when defined, the findings list listening or
   * connecting sockets from anywhere in the project, so the files that have them are selected too.
   */
  projectWideSide?: (facts: readonly FileFacts[]) => Side | undefined;
  /** Builds the model of the files parsed so far (the caller may remember the last one: the final selection's
   * model is the analysis's model). */
  buildModel?: (facts: readonly FileFacts[]) => ProjectModel;
}

const MAX_ROUNDS = 64;
const CONNECT_NAMES = [...CONNECT_FUNCTIONS];

/**
 * Definitions a relevant call weighs: of `name`, all of them, or only those a plain call from `className` (or
 * from a free function) can resolve to: unqualified ones and those of that class.
 */
export interface DefinitionNeed {
  name: string;
  /** How the call names it: with a receiver, through `this`, plainly, or qualified (`a::f`). */
  shape: 'receiver' | 'this' | 'plain' | 'qualified';
  /** The caller's class (for `this` and plain calls). */
  className?: string;
  /** The call's argument count (resolve prefers candidates with as many parameters). */
  arity?: number;
  /** The call passes the code: an unresolved call applies it (a generic application), so resolution matters
   * even when every candidate is inert. */
  passesCode?: boolean;
  /** An API call (`connect`, `setsockopt`, …) that a project definition of its name shadows when the call
   * resolves to it: resolution matters even when every candidate is inert. */
  shadows?: boolean;
}

/** What the model of the files parsed so far says about relevance. */
interface Relevance {
  /** Definitions that calls of relevant functions weigh, where their own file does not settle them. */
  needs: DefinitionNeed[];
  /** Functions whose callers can get findings: they apply the code (or have the other side's effect). */
  targets: FunctionFacts[];
}

function hasEffect(summary: FunctionSummary, kind: 'fastpath' | 'listen' | 'connect'): boolean {
  return summary.effects.some((e) => e.kind === kind);
}

function relevance(files: readonly FileFacts[], side: Side | undefined, model: ProjectModel): Relevance {
  const table = new FunctionTable(files);
  const byFunction = new Map<FunctionFacts, ProjectFunction>();
  for (const pf of model.functions) byFunction.set(pf.fn, pf);
  const indexOf = new Map(files.map((f, i) => [f, i]));
  const other = side === 'client' ? 'listen' : side === 'server' ? 'connect' : undefined;
  const work: ProjectFunction[] = [];
  const seen = new Set<ProjectFunction>();
  const targets: FunctionFacts[] = [];
  for (const pf of model.functions) {
    const applies = pf.events.some(
      (e) =>
        e.kind === 'ioctl' ||
        e.kind === 'passthrough' ||
        e.kind === 'wrong-api' ||
        (e.kind === 'call' && e.codeArgs.length > 0) ||
        (other !== undefined && e.kind === other),
    );
    if (applies) {
      work.push(pf);
      seen.add(pf);
    }
    const { summary } = pf;
    const target =
      hasEffect(summary, 'fastpath') ||
      summary.passthrough.length > 0 ||
      (other !== undefined && hasEffect(summary, other));
    if (target && !pf.fn.name.startsWith('<')) targets.push(pf.fn);
  }
  const needs: DefinitionNeed[] = [];
  while (work.length > 0) {
    const pf = work.pop()!;
    const fileIndex = indexOf.get(pf.file)!;
    for (const e of pf.fn.events) {
      const call = e.kind === 'call' ? e : e.asCall;
      if (!call) continue;
      const need = definitionNeed(call, pf.fn, pf.file);
      if (need) needs.push(e.kind === 'call' ? need : { ...need, shadows: true });
      const callee = table.resolve(call, pf.fn, fileIndex);
      const next = callee ? byFunction.get(callee.fn) : undefined;
      if (next && !seen.has(next)) {
        seen.add(next);
        work.push(next);
      }
    }
  }
  return { needs, targets };
}

/**
 * Which definitions elsewhere can change what `call` resolves to: none when the caller's own file defines a
 * candidate with the call's arity that the class filter keeps whatever else exists (resolve prefers it).
 */
function definitionNeed(call: OtherCall, caller: FunctionFacts, file: FileFacts): DefinitionNeed | undefined {
  const qualified = call.qualified.includes('::');
  const plain = call.receiver === undefined && !call.receiverIsThis && !qualified;
  const kept = (c: FunctionFacts): boolean => {
    if (call.receiver !== undefined) return c.className !== undefined;
    if (call.receiverIsThis) return c.className === caller.className;
    if (qualified) return c.qualified.endsWith(call.qualified) || call.qualified.endsWith(c.qualified);
    return caller.className ? c.className === caller.className : c.className === undefined;
  };
  const settled = file.functions.some((c) => c.name === call.name && c.params.length === call.args.length && kept(c));
  if (settled) return undefined;
  const shape = call.receiver !== undefined ? 'receiver' : call.receiverIsThis ? 'this' : plain ? 'plain' : 'qualified';
  return {
    name: call.name,
    shape,
    ...(caller.className ? { className: caller.className } : {}),
    arity: call.args.length,
    ...(call.codeArgs.length > 0 ? { passesCode: true } : {}),
  };
}

/**
 * A lexical definition a need weighs: all for receivers and qualified calls (an unqualified definition may sit
 * in any class), else the unqualified ones and those of the caller's class (for a method's plain call that no
 * such definition answers, every definition: see definersOf).
 */
function meets(need: DefinitionNeed, owner: string | undefined): boolean {
  if (need.shape === 'receiver' || need.shape === 'qualified') return true;
  return owner === undefined || owner === '?' || owner === need.className;
}

/** A parsed function the class filter certainly keeps for the need's call, whatever else exists. */
function certainlyKept(need: DefinitionNeed, fn: FunctionFacts): boolean {
  switch (need.shape) {
    case 'receiver':
      return fn.className !== undefined;
    case 'this':
      return fn.className === need.className;
    case 'plain':
      return need.className !== undefined ? fn.className === need.className : fn.className === undefined;
    case 'qualified':
      return false;
  }
}

/**
 * Could a call in a file that defines no function of that name resolve to `target`? With a receiver,
 * resolve-callee.ts weighs every method of the name; plainly, every free function of it (a method of the
 * caller's own class is found through the class, see callersOf). Only a unique answer resolves.
 */
export function resolvableFromElsewhere(target: FunctionFacts, candidates: readonly FunctionFacts[]): boolean {
  const kin = candidates.filter((c) => (c.className === undefined) === (target.className === undefined));
  const arity = kin.filter((c) => c.params.length === target.params.length);
  return (arity.length > 0 ? arity : kin).every((c) => c.qualified === target.qualified);
}

/** Names whose mention makes a file a possible caller of `target`, all of which it must mention. */
function callerMentions(target: FunctionFacts, candidates: readonly FunctionFacts[]): string[][] {
  const wanted: string[][] = [];
  // A qualified call `x::f()` weighs a global `f` too (its qualified name ends the call's): no competitor rules
  // such a target out.
  const global = target.className === undefined && !target.qualified.includes('::');
  if (global || resolvableFromElsewhere(target, candidates)) wanted.push([target.name]);
  // Methods of the class (and qualified calls `C::f()`, `ns::f()`) name the class or namespace.
  const segments = target.qualified.split('::');
  const owner = target.className ?? (segments.length > 1 ? segments[segments.length - 2] : undefined);
  if (owner !== undefined && owner !== '') wanted.push([target.name, owner]);
  return wanted;
}

/**
 * The selection, as a generator: it yields batches of files to extract and receives their facts; it returns
 * the facts of every selected file by index.
 */
export function* selectFiles(
  input: SelectionInput,
): Generator<ExtractRequest[], Map<number, FileFacts>, ExtractedBatch> {
  const { lexical } = input;
  const facts = new Map<number, FileFacts>();
  const indexes = lexical.flatMap((lex, index) => (lex ? [index] : []));
  const definers = new Map<string, (LexicalDefinition & { index: number })[]>();
  for (const index of indexes) {
    for (const definition of lexical[index]!.defines) {
      const list = definers.get(definition.name);
      if (list) list.push({ ...definition, index });
      else definers.set(definition.name, [{ ...definition, index }]);
    }
  }
  const scripts = indexes.filter((index) => input.isScript(index));
  const take = (batch: ExtractedBatch): void => {
    for (const [index, fileFacts] of batch) facts.set(index, fileFacts);
  };
  const first = indexes.filter((index) => input.noPrefilter || lexical[index]!.spellsCode);
  if (first.length > 0) take(yield first.map((index) => ({ index, aliases: [] })));

  const searched = new Set<string>();
  /** Per need: 'narrow' once the definitions with the call's arity (or an uncountable one) were asked for. */
  const defined = new Map<string, 'narrow' | 'done'>();
  let side: Side | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = sorted(facts);
    const aliases = [...new Set(parsed.flatMap((f) => f.aliases))];
    const unparsed = facts.size < indexes.length;
    const wanted = new Set<number>();
    const want = (index: number): void => {
      if (!facts.has(index)) wanted.add(index);
    };
    // Mention searches: each a list of names a file must all mention; each searched once.
    const searches: string[][] = aliases.filter((a) => !searched.has(a)).map((a) => [a]);
    const freshAliases = new Set(searches.map(([a]) => a!));
    if (unparsed) {
      const { needs, targets } = relevance(parsed, side, (input.buildModel ?? buildProjectModel)(parsed));
      const parsedByName = new Map<string, FunctionFacts[]>();
      for (const file of parsed) {
        for (const fn of file.functions) parsedByName.set(fn.name, [...(parsedByName.get(fn.name) ?? []), fn]);
      }
      const definersOf = (need: DefinitionNeed): void => {
        const key = [need.name, need.shape, need.className, need.arity, need.passesCode, need.shadows].join('\0');
        const classKey = `${key}\0class`;
        const parsedNamed = parsedByName.get(need.name) ?? [];
        // A method's plain call falls back to any class's method only when no free function or method of its own
        // class answers: once the definitions that could be such are parsed and none is, every definition counts.
        const plainInMethod = need.shape === 'plain' && need.className !== undefined;
        const answered =
          !plainInMethod || parsedNamed.some((fn) => fn.className === undefined || fn.className === need.className);
        const wide = !answered && defined.get(classKey) === 'narrow';
        if (defined.get(key) === 'done' && (answered || defined.get(classKey) === 'done')) return;
        if (plainInMethod) defined.set(classKey, answered || wide ? 'done' : 'narrow');
        const state = defined.get(key);
        const definitions = (definers.get(need.name) ?? []).filter((d) => wide || meets(need, d.owner));
        const inScripts = scripts.filter((index) => mayMention(lexical[index]!, need.name));
        // Every candidate has no event: resolved or not, the call stands for nothing.
        const inert = !need.passesCode && !need.shadows && inScripts.length === 0 && definitions.every((d) => d.inert);
        if (inert && (answered || wide)) {
          defined.set(key, 'done');
          return;
        }
        // A parsed candidate with the call's arity that the class filter keeps: resolve drops every candidate of
        // another arity, so only those with this arity (or an uncountable one) can still compete.
        const { arity } = need;
        const witness =
          arity !== undefined &&
          (parsedByName.get(need.name) ?? []).some((fn) => fn.params.length === arity && certainlyKept(need, fn));
        const narrow = arity !== undefined && (witness || state === undefined);
        defined.set(key, witness || state === 'narrow' || arity === undefined ? 'done' : 'narrow');
        for (const d of definitions) if (!narrow || d.arity < 0 || d.arity === arity) want(d.index);
        // A script may define a function as `const name = (…) => {…}`: its mention is enough.
        inScripts.forEach(want);
      };
      needs.forEach(definersOf);
      // Callers of a target are searched once every definition of its name is parsed (they decide the search).
      targets.forEach((t) => definersOf({ name: t.name, shape: 'qualified' }));
      if (wanted.size === 0) {
        const candidates = new Map<string, FunctionFacts[]>();
        for (const file of parsed) {
          for (const fn of file.functions) candidates.set(fn.name, [...(candidates.get(fn.name) ?? []), fn]);
        }
        for (const target of targets) searches.push(...callerMentions(target, candidates.get(target.name) ?? []));
        if (side === 'client') searches.push(['listen']);
        if (side === 'server') searches.push(...CONNECT_NAMES.map((name) => [name]));
      }
    }
    const fresh = searches.filter((names) => !searched.has(names.join('\0')));
    fresh.forEach((names) => searched.add(names.join('\0')));
    const extensions = unparsed && side === 'server' && !searched.has('<extension calls>');
    if (extensions) searched.add('<extension calls>');
    for (const index of indexes) {
      const lex = lexical[index]!;
      const known = facts.get(index);
      if (!known) {
        if (wanted.has(index)) continue;
        if ((extensions && lex.extensionCalls) || fresh.some((names) => names.every((n) => mayMention(lex, n))))
          wanted.add(index);
      } else if ([...freshAliases].some((a) => !known.aliases.includes(a) && mayMention(lex, a))) {
        // An extracted file is redone only when it may use an alias defined elsewhere that it did not know.
        wanted.add(index);
      }
    }
    if (wanted.size === 0) {
      // Closed: does the project-wide side check report, so the other side's sockets must be listed?
      const nowSide = side ?? (unparsed ? input.projectWideSide?.(parsed) : undefined);
      if (nowSide === undefined || nowSide === side) break;
      side = nowSide;
      continue;
    }
    take(yield [...wanted].sort((a, b) => a - b).map((index) => ({ index, aliases })));
  }
  return facts;
}

function sorted(facts: ReadonlyMap<number, FileFacts>): FileFacts[] {
  return [...facts.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}
