// Builds the project model: every function's summary resolved across all files to a fixed point (helpers
// calling helpers, any depth, recursion-safe), then every function's events with helper calls expanded.
import type { FileFacts, FunctionFacts } from '../facts/fact-types.js';
import { expandFunction, mapTarget, type ExpansionContext } from './expand-events.js';
import { FunctionTable, refKey } from './resolve-callee.js';
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
  let summaries = new Map<string, FunctionSummary>();
  const refs = [...table.all()];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = new Map<string, FunctionSummary>();
    const ctx: ExpansionContext = { table, summaries, called: new Set(), activated: [] };
    let changed = false;
    for (const ref of refs) {
      const events = expandFunction(ref.fn, ref.fileIndex, ref.file.path, ctx);
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
      const key = refKey(ref);
      if (!changed && JSON.stringify(summary) !== JSON.stringify(summaries.get(key))) changed = true;
      next.set(key, summary);
    }
    summaries = next;
    if (!changed) break;
  }

  const ctx: ExpansionContext = { table, summaries, called: new Set(), activated: [] };
  const functions: ProjectFunction[] = [];
  files.forEach((file, fileIndex) => {
    file.functions.forEach((fn, functionIndex) => {
      const events = expandFunction(fn, fileIndex, file.path, ctx);
      const summary = summaries.get(refKey({ fileIndex, functionIndex })) ?? { effects: [], passthrough: [] };
      functions.push({ file, fn, events, summary, hasCallers: false });
    });
  });
  for (const pf of functions) {
    const fileIndex = files.indexOf(pf.file);
    pf.hasCallers = ctx.called.has(refKey({ fileIndex, functionIndex: pf.file.functions.indexOf(pf.fn) }));
  }
  return { files, functions, activatedPassThroughs: dedupeActivations(ctx.activated) };
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
