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
    for (const e of eventsOfKind(pf, 'ioctl')) {
      if (e.socket) yield { pf, ioctl: e as Application, socket: e.socket };
    }
  }
}

const byKind = new WeakMap<readonly ProjectEvent[], Map<string, ProjectEvent[]>>();

/** The function's events of one kind, grouped once per list of events (kept by the model builder). */
export function eventsOfKind<K extends ProjectEvent['kind']>(
  pf: ProjectFunction,
  kind: K,
): Extract<ProjectEvent, { kind: K }>[] {
  let groups = byKind.get(pf.events);
  if (!groups) {
    groups = new Map();
    for (const e of pf.events) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
    byKind.set(pf.events, groups);
  }
  return (groups.get(kind) ?? []) as Extract<ProjectEvent, { kind: K }>[];
}
