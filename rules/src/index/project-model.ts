// Builds the project model: every function's summary resolved across all files to a fixed point (helpers
// calling helpers, any depth, recursion-safe), then every function's events with helper calls expanded.
import type { FileFacts, FunctionFacts } from '../facts/fact-types.js';
import { expandFunction, mapTarget, shadowedApi, type ExpansionContext } from './expand-events.js';
import { FunctionTable, refKey, type FunctionRef } from './resolve-callee.js';
import { forwardedPassThroughs, summarize } from './summarize.js';
import type { ActivatedPassThrough, FunctionSummary, ProjectEvent } from './summary-types.js';

export interface ProjectFunction {
  file: FileFacts;
  fn: FunctionFacts;
  events: ProjectEvent[];
  summary: FunctionSummary;
  /** Some analysed call resolves to this function. */
  hasCallers: boolean;
}

export interface ProjectModel {
  files: readonly FileFacts[];
  functions: ProjectFunction[];
  /** Pass-through IOCTLs some caller feeds the fast-path code into. */
  activatedPassThroughs: ActivatedPassThrough[];
}

const MAX_ROUNDS = 12;

export function buildProjectModel(files: readonly FileFacts[]): ProjectModel {
  const table = new FunctionTable(files);
  const refs = [...table.all()];
  const dependents = callersByCallee(table, refs);
  let summaries = new Map<string, FunctionSummary>();
  // Rounds as in Jacobi iteration, but a function is recomputed only when a summary it reads changed in the
  // round before: its other inputs (its own facts) never change, so its summary would come out the same.
  let dirty = new Set(refs.map(refKey));
  // Each function's latest expansion: once the rounds converge, it is the final one (every summary it read
  // is final, or a change would have made it dirty again).
  const latest = new Map<string, { events: ProjectEvent[]; activated: ActivatedPassThrough[] }>();
  for (let round = 0; round < MAX_ROUNDS && dirty.size > 0; round++) {
    const next = new Map(summaries);
    const ctx: ExpansionContext = { table, summaries, called: new Set(), activated: [] };
    const changed: string[] = [];
    for (const ref of refs) {
      const key = refKey(ref);
      if (!dirty.has(key)) continue;
      const activatedBefore = ctx.activated.length;
      const events = expandFunction(ref.fn, ref.fileIndex, ref.file.path, ctx);
      latest.set(key, { events, activated: ctx.activated.slice(activatedBefore) });
      const summary = summarize(ref.fn, events, ref.file.path);
      summary.passthrough.push(
        ...forwardedPassThroughs(ref.fn, events, ref.file.path, (e) => {
          if (e.kind !== 'call') return [];
          const callee = table.resolve(e, ref.fn, ref.fileIndex);
          const calleeSummary = callee ? summaries.get(refKey(callee)) : undefined;
          if (!callee || !calleeSummary) return [];
          return calleeSummary.passthrough.map((p) => ({ p, socketKey: mapTarget(p.socket, e, callee.fn) }));
        }),
      );
      const previous = summaries.get(key);
      if (!previous || !sameData(previous, summary)) changed.push(key);
      next.set(key, summary);
    }
    summaries = next;
    dirty = new Set(changed.flatMap((key) => dependents.get(key) ?? []));
  }

  const converged = dirty.size === 0;
  // Functions called by other named functions; calls from lambdas and top-level code are added below.
  const ctx: ExpansionContext = { table, summaries, called: new Set(dependents.keys()), activated: [] };
  const functions: ProjectFunction[] = [];
  files.forEach((file, fileIndex) => {
    file.functions.forEach((fn, functionIndex) => {
      const reused = converged ? latest.get(refKey({ fileIndex, functionIndex })) : undefined;
      if (reused) ctx.activated.push(...reused.activated);
      const events = reused?.events ?? expandFunction(fn, fileIndex, file.path, ctx);
      const summary = summaries.get(refKey({ fileIndex, functionIndex })) ?? { effects: [], passthrough: [] };
      functions.push({ file, fn, events, summary, hasCallers: false });
    });
  });
  let index = 0;
  files.forEach((file, fileIndex) => {
    file.functions.forEach((_, functionIndex) => {
      functions[index++]!.hasCallers = ctx.called.has(refKey({ fileIndex, functionIndex }));
    });
  });
  return { files, functions, activatedPassThroughs: dedupeActivations(ctx.activated) };
}

/** Deep equality of plain data (what JSON would write the same way, without writing it). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => sameData(left[k], right[k]));
}

/** For each function, the functions whose calls resolve to it. */
function callersByCallee(table: FunctionTable, refs: readonly FunctionRef[]): Map<string, string[]> {
  const callers = new Map<string, string[]>();
  for (const ref of refs) {
    const caller = refKey(ref);
    for (const original of ref.fn.events) {
      const event = original.kind === 'call' ? original : shadowedApi(original, ref.fn, ref.fileIndex, { table });
      if (!event) continue;
      const callee = table.resolve(event, ref.fn, ref.fileIndex);
      if (!callee) continue;
      const key = refKey(callee);
      const list = callers.get(key) ?? [];
      if (!list.includes(caller)) list.push(caller);
      callers.set(key, list);
    }
  }
  return callers;
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
