// Which fast-path applications are on sockets created as datagram, raw or non-TCP: fast-path-tcp-only
// reports them, and the rules whose findings would only follow from that one mistake stay silent on them.
import { guardsCompatible } from '../facts/version-guards.js';
import { nonTcpReason } from '../facts/winsock-api.js';
import type { ProjectFunction, ProjectModel } from '../index/project-model.js';
import type { ProjectEvent } from '../index/summary-types.js';
import type { Application } from './applications.js';
import { reachingDefinitions } from './flow.js';

export interface NonTcpCreation {
  creation: ProjectEvent;
  reason: string;
}

/** The creation that makes the application's socket non-TCP, if one reaches it. */
export function nonTcpCreation(
  model: ProjectModel,
  pf: ProjectFunction,
  ioctl: Application,
  socket: string,
): NonTcpCreation | undefined {
  const constant = constantsOf(model);
  // A factory applying the fast path to a socket of the caller's type is judged at the call.
  const typedHere = pf.events.filter(
    (e) =>
      e.kind === 'create' &&
      e.typedByCaller &&
      e.fromCall === ioctl.fromCall &&
      e.order < ioctl.order &&
      e.target === socket,
  );
  // An arm only stream sockets reach (`if (!udp)`, `if (type == SOCK_STREAM)`) applies it to TCP sockets.
  if (ioctl.path.some((step) => step.stream)) return undefined;
  // Reported only when every definition reaching the application is a non-TCP creation: a socket that is
  // TCP on some path (`switch (protocol)` creating either) is not certainly the wrong type.
  let found: NonTcpCreation | undefined;
  for (const definition of [...reachingDefinitions(ioctl, socket, pf.events), ...typedHere]) {
    if (definition.kind === 'create' && !guardsCompatible(definition.path, ioctl.path)) continue;
    const reason =
      definition.kind === 'create'
        ? nonTcpReason(constant(definition.family), constant(definition.type), constant(definition.protocol))
        : undefined;
    if (!reason) return undefined;
    found ??= { creation: definition, reason };
  }
  return found;
}

const memo = new WeakMap<ProjectEvent, boolean>();
const constantMaps = new WeakMap<ProjectModel, (text: string | undefined) => string | undefined>();

/** Reads a creation argument through the project's names for Winsock constants (`Info::Datagram`). */
function constantsOf(model: ProjectModel): (text: string | undefined) => string | undefined {
  let lookup = constantMaps.get(model);
  if (!lookup) {
    const names = new Map<string, string>();
    for (const file of model.files) for (const [k, v] of Object.entries(file.socketConstants ?? {})) names.set(k, v);
    lookup = (text) => {
      if (text === undefined || names.size === 0) return text;
      const last = text.split(/::|\.|->/).pop() ?? text;
      return names.get(last) ?? text;
    };
    constantMaps.set(model, lookup);
  }
  return lookup;
}

/** True when fast-path-tcp-only reports this application. */
export function isNonTcpApplication(model: ProjectModel, pf: ProjectFunction, ioctl: Application): boolean {
  let known = memo.get(ioctl);
  if (known === undefined) {
    known = ioctl.socket !== null && nonTcpCreation(model, pf, ioctl, ioctl.socket) !== undefined;
    memo.set(ioctl, known);
  }
  return known;
}
