// The project model: every function's summary resolved across all files to a fixed point (helpers calling
// helpers, any depth, recursion-safe), and every function's events with helper calls expanded.
import type { FileFacts, FunctionFacts } from '../facts/fact-types.js';
import { ProjectModelBuilder } from './model-builder.js';
import type { ActivatedPassThrough, FunctionSummary, ProjectEvent } from './summary-types.js';

export interface ProjectFunction {
  file: FileFacts;
  fn: FunctionFacts;
  events: ProjectEvent[];
  summary: FunctionSummary;
  /** Some analysed call resolves to this function. */
  hasCallers: boolean;
  /** `events` by kind, in order (rules ask for one kind at a time). */
  eventsByKind: ReadonlyMap<ProjectEvent['kind'], readonly ProjectEvent[]>;
}

export interface ProjectModel {
  files: readonly FileFacts[];
  functions: ProjectFunction[];
  /** The functions with at least one event of a kind, in the order of `functions`. */
  functionsByKind: ReadonlyMap<ProjectEvent['kind'], readonly ProjectFunction[]>;
  /** Pass-through IOCTLs some caller feeds the fast-path code into. */
  activatedPassThroughs: ActivatedPassThrough[];
}

/** The model of `files` from scratch (a ProjectModelBuilder keeps its work from one build to the next). */
export function buildProjectModel(files: readonly FileFacts[]): ProjectModel {
  return new ProjectModelBuilder().build(files);
}
