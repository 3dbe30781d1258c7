// Builds the project model and keeps what it computed for the next build: after an edit, only functions whose
// facts changed, whose calls resolve to other functions, or whose callees' summaries changed are expanded and
// summarised again. A first build is the same algorithm with nothing kept, so both give the same model.
import type { FileFacts, FunctionFacts, OtherCall } from '../facts/fact-types.js';
import { componentsCalleesFirst } from './call-graph.js';
import { expandFunction, mapTarget, type ExpansionContext } from './expand-events.js';
import type { ProjectFunction, ProjectModel } from './project-model.js';
import { FunctionTable, functionKey } from './resolve-callee.js';
import { sameData } from './same-data.js';
import { forwardedPassThroughs, summarize } from './summarize.js';
import type { ActivatedPassThrough, FunctionSummary, ProjectEvent } from './summary-types.js';

/** Rounds of the fixed point inside one set of mutually recursive functions. */
const MAX_ROUNDS = 12;

interface FunctionState {
  fn: FunctionFacts;
  /** The key of the function each call event of `fn` resolves to, in event order. */
  callees: (string | undefined)[];
  events: ProjectEvent[];
  activated: ActivatedPassThrough[];
  /** Absent for functions calls never resolve to (`<top-level>`, lambdas). */
  summary: FunctionSummary | undefined;
  made?: ProjectFunction;
}

interface Slot {
  key: string;
  file: FileFacts;
  fileIndex: number;
  fn: FunctionFacts;
  named: boolean;
}

interface CallGraph {
  components: string[][];
  callers: Map<string, string[]>;
  /** Called name → the functions calling it (whatever the call resolves to). */
  callersByName: Map<string, string[]>;
}

const NO_SUMMARY: FunctionSummary = { effects: [], passthrough: [] };

export class ProjectModelBuilder {
  private states = new Map<string, FunctionState>();
  private graph: CallGraph | undefined;
  /** Functions in the last build, and how many of them it expanded and summarised again. */
  readonly stats = { functions: 0, recomputed: 0 };

  /** The very key strings of the last build (their hashes are computed once), by path. */
  private keys = new Map<string, string[]>();

  private keysOf(file: FileFacts, id: string): string[] {
    let list = this.keys.get(id);
    if (!list || list.length < file.functions.length) {
      list = file.functions.map((_, i) => list?.[i] ?? functionKey(id, i));
      this.keys.set(id, list);
    }
    return list;
  }

  build(files: readonly FileFacts[]): ProjectModel {
    const previous = this.states;
    // Paths are unique in a project; a repeated one (a caller's mistake) gets ids of its own.
    const seen = new Map<string, number>();
    const ids = files.map((file) => {
      const count = seen.get(file.path) ?? 0;
      seen.set(file.path, count + 1);
      return count === 0 ? file.path : `${file.path}\0${count}`;
    });
    const keys = files.map((file, i) => this.keysOf(file, ids[i]!));
    const table = new FunctionTable(files, keys);
    const slots: Slot[] = [];
    // Names whose set of definitions changed: calls of those names may now resolve elsewhere.
    const changedNames = new Set<string>();
    files.forEach((file, fileIndex) => {
      file.functions.forEach((fn, functionIndex) => {
        const key = keys[fileIndex]![functionIndex]!;
        slots.push({ key, file, fileIndex, fn, named: !fn.name.startsWith('<') });
        const before = previous.get(key);
        if (before?.fn === fn) return;
        changedNames.add(fn.name);
        if (before) changedNames.add(before.fn.name);
      });
    });
    const present = new Set(slots.map((s) => s.key));
    let graphChanged = present.size !== previous.size;
    for (const [key, state] of previous) {
      if (present.has(key)) continue;
      changedNames.add(state.fn.name);
      graphChanged = true;
    }

    // Resolution, and the functions whose inputs changed. Unchanged functions calling a changed name are found
    // through the last call graph's index by name (every new or changed function is resolved anyway).
    const reresolve = new Set<string>();
    for (const name of changedNames) for (const key of this.graph?.callersByName.get(name) ?? []) reresolve.add(key);
    const dirty = new Set<string>();
    const callees = new Map<string, (string | undefined)[]>();
    for (const slot of slots) {
      const before = previous.get(slot.key);
      const same = before?.fn === slot.fn;
      const reuse = same && !reresolve.has(slot.key);
      const resolved = reuse
        ? before!.callees
        : slot.fn.events.flatMap((e) => (e.kind === 'call' ? [table.resolve(e, slot.fn, slot.fileIndex)?.key] : []));
      callees.set(slot.key, resolved);
      const sameCallees = before !== undefined && sameList(before.callees, resolved);
      // The index by name must know every called name, resolved or not.
      if (!sameCallees || (!same && before && !sameList(callNames(before.fn), callNames(slot.fn)))) graphChanged = true;
      if (!same || !sameCallees) dirty.add(slot.key);
    }
    const graph = graphChanged || !this.graph ? callGraph(slots, callees) : this.graph;

    const summaries = new Map<string, FunctionSummary>();
    const next = new Map<string, FunctionState>();
    const slotOf = new Map(slots.map((s) => [s.key, s]));
    const compute = (slot: Slot): FunctionState => {
      const resolve = (call: OtherCall): ReturnType<FunctionTable['resolve']> =>
        table.resolve(call, slot.fn, slot.fileIndex);
      const ctx: ExpansionContext = { resolve, summaries, activated: [] };
      const events = expandFunction(slot.fn, slot.file.path, ctx);
      let summary: FunctionSummary | undefined;
      if (slot.named) {
        summary = summarize(slot.fn, events, slot.file.path);
        summary.passthrough.push(
          ...forwardedPassThroughs(slot.fn, events, slot.file.path, (e) => {
            if (e.kind !== 'call') return [];
            const callee = resolve(e);
            const calleeSummary = callee ? summaries.get(callee.key) : undefined;
            if (!callee || !calleeSummary) return [];
            return calleeSummary.passthrough.map((p) => ({ p, socketKey: mapTarget(p.socket, e, callee.fn) }));
          }),
        );
      }
      this.stats.recomputed++;
      return { fn: slot.fn, callees: callees.get(slot.key)!, events, activated: ctx.activated, summary };
    };
    const summaryChanged = (key: string, state: FunctionState): void => {
      if (sameData(previous.get(key)?.summary, state.summary)) return;
      for (const caller of graph.callers.get(key) ?? []) dirty.add(caller);
    };

    this.stats.recomputed = 0;
    for (const component of graph.components) {
      if (!component.some((key) => dirty.has(key))) {
        for (const key of component) {
          const kept = previous.get(key)!;
          next.set(key, kept);
          if (kept.summary) summaries.set(key, kept.summary);
        }
        continue;
      }
      const members = component.map((key) => slotOf.get(key)!);
      const recursive = members.length > 1 || callees.get(members[0]!.key)!.includes(members[0]!.key);
      // Jacobi rounds from no summaries, as long as some summary of the component changes.
      let states = members.map(compute);
      for (let round = 1; recursive && round < MAX_ROUNDS; round++) {
        const changed = states.some((s, i) => !sameData(summaries.get(members[i]!.key), s.summary));
        states.forEach((s, i) => summaries.set(members[i]!.key, s.summary!));
        if (!changed) break;
        states = members.map(compute);
      }
      states.forEach((s, i) => {
        const key = members[i]!.key;
        summaries.set(key, s.summary!);
        next.set(key, s);
        summaryChanged(key, s);
      });
    }
    // Functions nothing calls by name are expanded once their callees are final.
    for (const slot of slots) {
      if (slot.named) continue;
      const kept = previous.get(slot.key);
      next.set(slot.key, kept && !dirty.has(slot.key) ? kept : compute(slot));
    }

    const functions: ProjectFunction[] = [];
    const functionsByKind = new Map<ProjectEvent['kind'], ProjectFunction[]>();
    const activated: ActivatedPassThrough[] = [];
    for (const slot of slots) {
      const state = next.get(slot.key)!;
      const hasCallers = graph.callers.has(slot.key);
      const summary = state.summary ?? NO_SUMMARY;
      const made = state.made;
      // The same object when nothing about it changed, so what rules remember per function stays valid.
      state.made =
        made && made.file === slot.file && made.events === state.events && made.hasCallers === hasCallers
          ? made
          : {
              file: slot.file,
              fn: slot.fn,
              events: state.events,
              summary,
              hasCallers,
              eventsByKind: made?.events === state.events ? made.eventsByKind : groupByKind(state.events),
            };
      functions.push(state.made);
      for (const kind of state.made.eventsByKind.keys()) {
        const list = functionsByKind.get(kind);
        if (list) list.push(state.made);
        else functionsByKind.set(kind, [state.made]);
      }
      activated.push(...state.activated);
    }
    this.states = next;
    this.graph = graph;
    if (this.keys.size > files.length) {
      const current = new Set(ids);
      for (const id of this.keys.keys()) if (!current.has(id)) this.keys.delete(id);
    }
    this.stats.functions = slots.length;
    return { files, functions, functionsByKind, activatedPassThroughs: dedupeActivations(activated) };
  }
}

function groupByKind(events: readonly ProjectEvent[]): Map<ProjectEvent['kind'], ProjectEvent[]> {
  const groups = new Map<ProjectEvent['kind'], ProjectEvent[]>();
  for (const e of events) {
    const list = groups.get(e.kind);
    if (list) list.push(e);
    else groups.set(e.kind, [e]);
  }
  return groups;
}

function callNames(fn: FunctionFacts): string[] {
  return fn.events.flatMap((e) => (e.kind === 'call' ? [e.name] : []));
}

function sameList(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function callGraph(slots: readonly Slot[], callees: ReadonlyMap<string, (string | undefined)[]>): CallGraph {
  const callers = new Map<string, string[]>();
  const callersByName = new Map<string, string[]>();
  for (const slot of slots) {
    for (const event of slot.fn.events) {
      if (event.kind !== 'call') continue;
      const list = callersByName.get(event.name) ?? [];
      if (list[list.length - 1] !== slot.key) list.push(slot.key);
      callersByName.set(event.name, list);
    }
    for (const callee of callees.get(slot.key)!) {
      if (callee === undefined) continue;
      const list = callers.get(callee) ?? [];
      if (!list.includes(slot.key)) list.push(slot.key);
      callers.set(callee, list);
    }
  }
  const named = slots.filter((s) => s.named).map((s) => s.key);
  return { components: componentsCalleesFirst(named, (key) => callees.get(key)!), callers, callersByName };
}

function dedupeActivations(list: ActivatedPassThrough[]): ActivatedPassThrough[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.path}:${a.event.range.start.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
