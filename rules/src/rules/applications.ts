// Iterates the fast-path applications of the project: every IOCTL, wrapper or generic call that applies
// SIO_LOOPBACK_FAST_PATH to a socket, with the function it stands in.
import type { IoctlApplication } from '../facts/fact-types.js';
import type { ProjectFunction, ProjectModel } from '../index/project-model.js';
import type { ProjectEvent } from '../index/summary-types.js';

export type Application = IoctlApplication & ProjectEvent;

export interface ApplicationInFunction {
  pf: ProjectFunction;
  ioctl: Application;
  socket: string;
}

export function* applications(model: ProjectModel): Iterable<ApplicationInFunction> {
  for (const pf of model.functions) {
    for (const e of pf.events) {
      if (e.kind === 'ioctl' && e.socket) yield { pf, ioctl: e as Application, socket: e.socket };
    }
  }
}

const byKind = new WeakMap<ProjectFunction, Map<string, ProjectEvent[]>>();

/** The function's events of one kind, grouped once per function. */
export function eventsOfKind<K extends ProjectEvent['kind']>(
  pf: ProjectFunction,
  kind: K,
): Extract<ProjectEvent, { kind: K }>[] {
  let groups = byKind.get(pf);
  if (!groups) {
    groups = new Map();
    // Pushed, not spread: copying the group for each event was quadratic in a big function's events.
    for (const e of pf.events) {
      const group = groups.get(e.kind);
      if (group) group.push(e);
      else groups.set(e.kind, [e]);
    }
    byKind.set(pf, groups);
  }
  return (groups.get(kind) ?? []) as Extract<ProjectEvent, { kind: K }>[];
}
