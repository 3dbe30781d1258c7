// Ordering questions rules ask of a function's events: does A happen before B on some path, and is it
// still the same socket at B (no reassignment of the expression in between)?
import type { BranchStep } from '../facts/fact-types.js';
import type { ProjectEvent } from '../index/summary-types.js';

function hasStep(path: readonly BranchStep[], step: BranchStep): boolean {
  return path.some((s) => s.id === step.id && s.arm === step.arm);
}

/** A and B sit in different arms of one if/switch/?:, so no run executes both. */
export function exclusive(a: readonly BranchStep[], b: readonly BranchStep[]): boolean {
  return a.some((sa) => b.some((sb) => sa.id === sb.id && sa.arm !== sb.arm));
}

/** True when A runs before B on some path: earlier, not exclusive, and A's arm does not return first. */
export function precedes(a: ProjectEvent, b: ProjectEvent): boolean {
  if (a.order >= b.order || exclusive(a.path, b.path)) return false;
  if (a.fromCall !== undefined && a.fromCall === b.fromCall) return false;
  return !a.path.some((step) => step.exits && !hasStep(b.path, step));
}

/** Events that give `key` a new value (a new socket, or something that is not a known socket). */
export function definesKey(e: ProjectEvent, key: string): boolean {
  switch (e.kind) {
    case 'create':
    case 'assign':
      return e.target === key;
    case 'call':
      return e.target === key;
    case 'accept':
      return e.accepted === key && !/acceptex/i.test(e.api);
    default:
      return false;
  }
}

/** B certainly runs after D whenever D runs: D is in no arm that B is not in. */
function dominates(d: ProjectEvent, b: ProjectEvent): boolean {
  return d.path.every((step) => hasStep(b.path, step));
}

const definitionIndex = new WeakMap<readonly ProjectEvent[], Map<string, ProjectEvent[]>>();

/** The events defining `key`, indexed once per event list so checks stay linear in the definitions. */
export function definitionsOf(events: readonly ProjectEvent[], key: string): readonly ProjectEvent[] {
  let index = definitionIndex.get(events);
  if (!index) {
    index = new Map();
    for (const e of events) {
      const target =
        e.kind === 'create' || e.kind === 'assign' || e.kind === 'call'
          ? e.target
          : e.kind === 'accept'
            ? e.accepted
            : null;
      if (target && definesKey(e, target)) index.set(target, [...(index.get(target) ?? []), e]);
    }
    definitionIndex.set(events, index);
  }
  return index.get(key) ?? [];
}

/** No definition of `key` between A and B replaces it on B's path. */
export function notRedefinedBetween(
  a: ProjectEvent,
  b: ProjectEvent,
  key: string,
  events: readonly ProjectEvent[],
): boolean {
  return !definitionsOf(events, key).some(
    (d) => d.order > a.order && d.order < b.order && precedes(d, b) && dominates(d, b) && !exclusive(a.path, d.path),
  );
}

/** A precedes B and `key` names the same socket at B as at A. */
export function sameSocketFlow(
  a: ProjectEvent,
  b: ProjectEvent,
  key: string,
  events: readonly ProjectEvent[],
): boolean {
  return precedes(a, b) && notRedefinedBetween(a, b, key, events);
}

/** Definitions of `key` that reach B: they precede it and no later definition replaces them. */
export function reachingDefinitions(b: ProjectEvent, key: string, events: readonly ProjectEvent[]): ProjectEvent[] {
  return definitionsOf(events, key).filter((d) => d.order < b.order && sameSocketFlow(d, b, key, events));
}
