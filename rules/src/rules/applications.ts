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
  for (const pf of functionsWithKind(model, 'ioctl')) {
    for (const e of eventsOfKind(pf, 'ioctl')) {
      if (e.socket) yield { pf, ioctl: e as Application, socket: e.socket };
    }
  }
}

/** The functions with at least one event of a kind, in model order. */
export function functionsWithKind(model: ProjectModel, kind: ProjectEvent['kind']): readonly ProjectFunction[] {
  return model.functionsByKind.get(kind) ?? [];
}

/** The function's events of one kind, in order. */
export function eventsOfKind<K extends ProjectEvent['kind']>(
  pf: ProjectFunction,
  kind: K,
): Extract<ProjectEvent, { kind: K }>[] {
  return (pf.eventsByKind.get(kind) ?? []) as Extract<ProjectEvent, { kind: K }>[];
}
