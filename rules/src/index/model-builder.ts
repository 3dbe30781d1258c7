// Builds the project model and keeps what it computed for the next build: after an edit, only functions whose
// facts changed, whose calls resolve to other functions, or whose callees' summaries changed are expanded and
// summarised again. A first build is the same algorithm with nothing kept, so both give the same model.
import type { FileFacts, FunctionFacts, OtherCall } from '../facts/fact-types.js';
import { componentsCalleesFirst } from './call-graph.js';
import { expandFunction, mapTarget, shadowedApi, type ExpansionContext } from './expand-events.js';
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

/** One file as of the last build, and its part of that build's model. */
interface FileEntry {
  id: string;
  file: FileFacts;
  fileIndex: number;
  keys: string[];
  slots: Slot[];
  part?: ModelPart;
}

interface ModelPart {
  functions: ProjectFunction[];
  byKind: Map<ProjectEvent['kind'], ProjectFunction[]>;
  activated: ActivatedPassThrough[];
}

interface CallGraph {
  components: string[][];
  callers: Map<string, string[]>;
  /** Called name → the functions calling it (whatever the call resolves to). */
  callersByName: Map<string, string[]>;
}

const NO_SUMMARY: FunctionSummary = { effects: [], passthrough: [] };

export class ProjectModelBuilder {
  /** By function key; kept in place from one build to the next (a failed build starts the next from scratch). */
  private states = new Map<string, FunctionState>();
  private summaries = new Map<string, FunctionSummary>();
  private entries = new Map<string, FileEntry>();
  private order: string[] = [];
  private table: FunctionTable | undefined;
  private graph: CallGraph | undefined;
  /** Functions in the last build, and how many of them it expanded and summarised again. */
  readonly stats = { functions: 0, recomputed: 0 };

  build(files: readonly FileFacts[]): ProjectModel {
    try {
      return this.update(files);
    } catch (error) {
      this.states = new Map();
      this.summaries = new Map();
      this.entries = new Map();
      this.order = [];
      this.table = undefined;
      this.graph = undefined;
      throw error;
    }
  }

  private update(files: readonly FileFacts[]): ProjectModel {
    // Paths are unique in a project; a repeated one (a caller's mistake) gets ids of its own.
    const seen = new Map<string, number>();
    const ids = files.map((file) => {
      const count = seen.get(file.path) ?? 0;
      seen.set(file.path, count + 1);
      return count === 0 ? file.path : `${file.path}\0${count}`;
    });
    const sameOrder = ids.length === this.order.length && ids.every((id, i) => id === this.order[i]);
    const states = this.states;
    const changedNames = new Set<string>();
    let keysChanged = false;
    const removed = (key: string): void => {
      const state = states.get(key);
      if (!state) return;
      keysChanged = true;
      changedNames.add(state.fn.name);
      states.delete(key);
      this.summaries.delete(key);
    };
    // Files whose facts are not the very objects of the last build.
    const changed: { entry: FileEntry; before: FileEntry | undefined }[] = [];
    const entries = new Map<string, FileEntry>();
    files.forEach((file, fileIndex) => {
      const id = ids[fileIndex]!;
      const before = this.entries.get(id);
      if (before && before.file === file && before.fileIndex === fileIndex) {
        entries.set(id, before);
        return;
      }
      const keys = before?.keys ?? [];
      for (let i = keys.length; i < file.functions.length; i++) keys.push(functionKey(id, i));
      const slots = file.functions.map((fn, i) => ({
        key: keys[i]!,
        file,
        fileIndex,
        fn,
        named: !fn.name.startsWith('<'),
      }));
      const entry: FileEntry = { id, file, fileIndex, keys, slots };
      entries.set(id, entry);
      changed.push({ entry, before });
      for (const slot of slots) {
        const state = states.get(slot.key);
        if (state?.fn === slot.fn) continue;
        changedNames.add(slot.fn.name);
        if (state) changedNames.add(state.fn.name);
        else keysChanged = true;
      }
      for (let i = file.functions.length; i < (before?.file.functions.length ?? 0); i++) removed(keys[i]!);
    });
    for (const [id, before] of this.entries) {
      if (entries.has(id)) continue;
      for (const slot of before.slots) removed(slot.key);
    }

    // The table of definitions: edited in place while the files keep their places, else made again.
    let table = this.table;
    if (!table || !sameOrder) {
      table = new FunctionTable(
        files,
        ids.map((id) => entries.get(id)!.keys),
      );
    } else {
      for (const { entry, before } of changed) table.replaceFile(entry.fileIndex, before!.file, entry.file, entry.keys);
    }

    // Resolution, and the functions whose inputs changed: those of changed files, and unchanged functions
    // calling a name whose definitions changed (through the last call graph's index by name).
    const reresolve = new Set<Slot>(changed.flatMap((c) => c.entry.slots));
    const slotByKey = (key: string): Slot | undefined => {
      const [index, ...rest] = key.split('\0');
      return entries.get(rest.join('\0'))?.slots[Number(index)];
    };
    for (const name of changedNames) {
      for (const key of this.graph?.callersByName.get(name) ?? []) {
        const slot = slotByKey(key);
        if (slot) reresolve.add(slot);
      }
    }
    const dirty = new Set<string>();
    const newCallees = new Map<string, (string | undefined)[]>();
    // The call graph is kept while no function comes or goes and every call resolves as before.
    let graphChanged = !this.graph || !sameOrder || keysChanged;
    for (const slot of reresolve) {
      const before = states.get(slot.key);
      const resolved = resolveCalls(slot, table);
      newCallees.set(slot.key, resolved);
      const sameCallees = before !== undefined && sameList(before.callees, resolved);
      if (!sameCallees) graphChanged = true;
      if (before?.fn !== slot.fn || !sameCallees) dirty.add(slot.key);
      // The graph's index by called name must know every name called, resolved or not.
      if (before && before.fn !== slot.fn && !sameList(callNames(before.fn), callNames(slot.fn))) graphChanged = true;
    }
    const calleesOf = (key: string): (string | undefined)[] => newCallees.get(key) ?? states.get(key)!.callees;
    const allSlots = (): Slot[] => ids.flatMap((id) => entries.get(id)!.slots);
    const graph = graphChanged ? callGraph(allSlots(), calleesOf) : this.graph!;

    const summaries = this.summaries;
    const touched = new Set<FileFacts>();
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
      touched.add(slot.file);
      return { fn: slot.fn, callees: calleesOf(slot.key), events, activated: ctx.activated, summary };
    };

    this.stats.recomputed = 0;
    for (const component of graph.components) {
      if (!component.some((key) => dirty.has(key))) continue;
      const members = component.map((key) => slotByKey(key)!);
      const before = members.map((m) => states.get(m.key)?.summary);
      const recursive = members.length > 1 || calleesOf(members[0]!.key).includes(members[0]!.key);
      // Jacobi rounds from no summaries, as long as some summary of the component changes.
      for (const m of members) summaries.delete(m.key);
      let computed = members.map(compute);
      for (let round = 1; recursive && round < MAX_ROUNDS; round++) {
        const again = computed.some((s, i) => !sameData(summaries.get(members[i]!.key), s.summary));
        computed.forEach((s, i) => summaries.set(members[i]!.key, s.summary!));
        if (!again) break;
        computed = members.map(compute);
      }
      computed.forEach((s, i) => {
        const key = members[i]!.key;
        summaries.set(key, s.summary!);
        states.set(key, s);
        if (sameData(before[i], s.summary)) return;
        for (const caller of graph.callers.get(key) ?? []) dirty.add(caller);
      });
    }
    // Functions nothing calls by name are expanded once their callees are final.
    for (const key of dirty) {
      const slot = slotByKey(key);
      if (slot && !slot.named) states.set(key, compute(slot));
    }

    // Each file's part of the model, made again where something in it changed.
    const functions: ProjectFunction[] = [];
    const byKind = new Map<ProjectEvent['kind'], ProjectFunction[]>();
    const activated: ActivatedPassThrough[] = [];
    for (const id of ids) {
      const entry = entries.get(id)!;
      if (!entry.part || graphChanged || touched.has(entry.file)) entry.part = this.part(entry, graph);
      for (const pf of entry.part.functions) functions.push(pf);
      for (const [kind, list] of entry.part.byKind) {
        const all = byKind.get(kind);
        if (all) for (const pf of list) all.push(pf);
        else byKind.set(kind, [...list]);
      }
      for (const a of entry.part.activated) activated.push(a);
    }
    this.entries = entries;
    this.order = ids;
    this.table = table;
    this.graph = graph;
    this.stats.functions = functions.length;
    return { files, functions, functionsByKind: byKind, activatedPassThroughs: dedupeActivations(activated) };
  }

  private part(entry: FileEntry, graph: CallGraph): ModelPart {
    const part: ModelPart = { functions: [], byKind: new Map(), activated: [] };
    for (const slot of entry.slots) {
      const state = this.states.get(slot.key)!;
      const hasCallers = graph.callers.has(slot.key);
      const made = state.made;
      // The same object when nothing about it changed, so what rules remember per function stays valid.
      state.made =
        made && made.file === slot.file && made.events === state.events && made.hasCallers === hasCallers
          ? made
          : {
              file: slot.file,
              fn: slot.fn,
              events: state.events,
              summary: state.summary ?? NO_SUMMARY,
              hasCallers,
              eventsByKind: made?.events === state.events ? made.eventsByKind : groupByKind(state.events),
            };
      part.functions.push(state.made);
      for (const kind of state.made.eventsByKind.keys()) {
        const list = part.byKind.get(kind);
        if (list) list.push(state.made);
        else part.byKind.set(kind, [state.made]);
      }
      part.activated.push(...state.activated);
    }
    return part;
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

/** The names a function calls: its calls, and the APIs it calls that a project definition may shadow. */
function callNames(fn: FunctionFacts): string[] {
  return fn.events.flatMap((e) => (e.kind === 'call' ? [e.name] : e.asCall ? [e.asCall.name] : []));
}

/**
 * The key of the function each call resolves to, in event order: calls, and API calls a project definition
 * shadows (undefined where it does not), as expandFunction sees them.
 */
function resolveCalls(slot: Slot, table: FunctionTable): (string | undefined)[] {
  const resolve = (call: OtherCall): ReturnType<FunctionTable['resolve']> =>
    table.resolve(call, slot.fn, slot.fileIndex);
  return slot.fn.events.flatMap((e) => {
    if (e.kind === 'call') return [resolve(e)?.key];
    if (!e.asCall) return [];
    const call = shadowedApi(e, slot.fn, { resolve });
    return [call ? resolve(call)?.key : undefined];
  });
}

function sameList(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function callGraph(slots: readonly Slot[], calleesOf: (key: string) => (string | undefined)[]): CallGraph {
  const callers = new Map<string, string[]>();
  const callersByName = new Map<string, string[]>();
  for (const slot of slots) {
    for (const name of callNames(slot.fn)) {
      const list = callersByName.get(name) ?? [];
      if (list[list.length - 1] !== slot.key) list.push(slot.key);
      callersByName.set(name, list);
    }
    for (const callee of calleesOf(slot.key)) {
      if (callee === undefined) continue;
      const list = callers.get(callee) ?? [];
      if (!list.includes(slot.key)) list.push(slot.key);
      callers.set(callee, list);
    }
  }
  const named = slots.filter((s) => s.named).map((s) => s.key);
  return { components: componentsCalleesFirst(named, calleesOf), callers, callersByName };
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
