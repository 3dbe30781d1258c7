// fast-path-both-sides: the fast path must be set on both ends of a loopback connection. Reported in one
// function (socketpair emulation: a listener and a socket connecting to it, only one with the fast path) and
// across the project (the fast path applied only on connecting sockets, or only on listening ones).
import type { ProjectFunction, ProjectModel } from '../index/project-model.js';
import type { ProjectEvent } from '../index/summary-types.js';
import type { RelatedLocation } from '../types.js';
import {
  applications,
  eventsOfKind,
  functionsWithKind,
  type Application,
  type ApplicationInFunction,
} from './applications.js';
import { isNonTcpApplication } from './non-tcp.js';
import { createRule } from './create-rule.js';
import { applicationName } from './related.js';

type Side = 'client' | 'server';

/**
 * Which side each socket of a function is on: it connects (client), or listens or accepts (server). A socket
 * that only binds is on neither for sure: ConnectEx sockets bind before they connect, elsewhere.
 */
function sidesOf(pf: ProjectFunction): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const e of pf.events) {
    if (e.kind === 'connect' && e.socket) sides.set(e.socket, 'client');
  }
  const server = (key: string | null): void => {
    if (key && !sides.has(key)) sides.set(key, 'server');
  };
  for (const e of pf.events) {
    if (e.kind === 'listen') server(e.socket);
    else if (e.kind === 'accept') {
      server(e.listener);
      server(e.accepted);
    }
  }
  return sides;
}

/** An application on a parameter or member of a function some caller calls is judged at the callers. */
function isDelegated(pf: ProjectFunction, socket: string): boolean {
  if (!pf.hasCallers) return false;
  const root = socket.replace(/^\*+/, '').split(/->|\.|\[/)[0] ?? socket;
  if (pf.fn.params.includes(root)) return true;
  return !pf.fn.locals.includes(root);
}

/** In one function: the listener, the sockets connecting to it, and which of them apply the fast path. */
function* localPairs(
  pf: ProjectFunction,
  model: ProjectModel,
): Iterable<{
  has: ApplicationInFunction['ioctl'];
  other: ProjectEvent;
  hasSocket: string;
  otherSocket: string;
  side: Side;
}> {
  const listens = eventsOfKind(pf, 'listen').filter((l) => l.socket);
  if (listens.length === 0) return;
  // An application on a socket that is not TCP fails (fast-path-tcp-only): it is no side of a session.
  const ioctls = eventsOfKind(pf, 'ioctl').filter((i) => !isNonTcpApplication(model, pf, i as Application));
  const accepts = eventsOfKind(pf, 'accept');
  for (const listen of listens) {
    const listener = listen.socket!;
    const addresses = new Set(
      pf.events
        .filter((e) => (e.kind === 'bind' || e.kind === 'getsockname') && e.socket === listener && e.address)
        .map((e) => (e as { address: string }).address),
    );
    const loopback = new Set(pf.fn.loopbackAddresses);
    const connects = eventsOfKind(pf, 'connect').filter(
      (c) =>
        c.socket &&
        c.socket !== listener &&
        (c.loopback || (c.address !== null && (addresses.has(c.address) || loopback.has(c.address)))),
    );
    const acceptedKeys = new Set(accepts.filter((a) => a.listener === listener && a.accepted).map((a) => a.accepted!));
    const listenerIoctl = ioctls.find(
      (i) => i.socket === listener || (i.socket !== null && acceptedKeys.has(i.socket)),
    );
    for (const connect of connects) {
      const connector = connect.socket!;
      const connectorIoctl = ioctls.find((i) => i.socket === connector);
      if (listenerIoctl && !connectorIoctl)
        yield { has: listenerIoctl, other: connect, hasSocket: listener, otherSocket: connector, side: 'server' };
      if (connectorIoctl && !listenerIoctl)
        yield { has: connectorIoctl, other: listen, hasSocket: connector, otherSocket: listener, side: 'client' };
    }
  }
}

/**
 * Project-wide: every application whose side is known, none unknown, and all on one side. The selection of
 * files to parse asks this too: such findings list the other side's sockets from anywhere in the project.
 */
export function projectWideJudgement(
  model: ProjectModel,
): { judged: { app: ApplicationInFunction; side: Side }[]; only: Side } | undefined {
  const judged: { app: ApplicationInFunction; side: Side }[] = [];
  const sidesByFunction = new Map<ProjectFunction, Map<string, Side>>();
  for (const app of applications(model)) {
    if (isDelegated(app.pf, app.socket) || isNonTcpApplication(model, app.pf, app.ioctl)) continue;
    let sides = sidesByFunction.get(app.pf);
    if (!sides) sidesByFunction.set(app.pf, (sides = sidesOf(app.pf)));
    const side = sides.get(app.socket);
    if (!side) return undefined;
    judged.push({ app, side });
  }
  const sides = new Set(judged.map((j) => j.side));
  if (judged.length === 0 || sides.size !== 1) return undefined;
  return { judged, only: [...sides][0]! };
}

export default createRule({
  id: 'fast-path-both-sides',
  description: 'Require SIO_LOOPBACK_FAST_PATH on both the connecting and the listening side of a loopback session',
  defaultSeverity: 'warn',
  fixKind: 'none',
  messages: {
    listenerOnly:
      "SIO_LOOPBACK_FAST_PATH is applied to the listening socket '{{has}}' but not to '{{other}}', which connects to it; the fast path must be used on both sides of the loopback connection.",
    connectorOnly:
      "SIO_LOOPBACK_FAST_PATH is applied to '{{has}}' but not to the listening socket '{{other}}' it connects to; the fast path must be used on both sides of the loopback connection.",
    onlyClients:
      'SIO_LOOPBACK_FAST_PATH is applied here ({{call}}) but, in all analysed files, only to connecting sockets; no listening socket applies it, and the fast path must be used on both sides.',
    onlyServers:
      'SIO_LOOPBACK_FAST_PATH is applied here ({{call}}) but, in all analysed files, only to listening sockets; no connecting socket applies it, and the fast path must be used on both sides.',
  },
  check(context) {
    const reported = new Set<string>();
    for (const pf of functionsWithKind(context.model, 'listen')) {
      for (const pair of localPairs(pf, context.model)) {
        const messageId = pair.side === 'server' ? 'listenerOnly' : 'connectorOnly';
        const message =
          pair.side === 'server'
            ? `'${pair.otherSocket}' connects here without the fast path.`
            : `'${pair.otherSocket}' listens here without the fast path.`;
        reported.add(`${pf.file.path}:${pair.has.range.start.offset}`);
        context.report({
          path: pf.file.path,
          range: pair.has.range,
          messageId,
          data: { has: pair.hasSocket, other: pair.otherSocket },
          related: [{ path: pf.file.path, range: pair.other.range, message }],
        });
      }
    }

    const judgement = projectWideJudgement(context.model);
    if (!judgement) return;
    const { judged, only } = judgement;
    const otherSide: RelatedLocation[] = [];
    for (const pf of context.model.functions) {
      for (const e of pf.events) {
        const isOther = only === 'client' ? e.kind === 'listen' : e.kind === 'connect';
        if (isOther && otherSide.length < 3) {
          otherSide.push({
            path: pf.file.path,
            range: e.range,
            message:
              only === 'client'
                ? 'This listening socket does not apply the fast path.'
                : 'This connecting socket does not apply the fast path.',
          });
        }
      }
    }
    for (const { app } of judged) {
      if (reported.has(`${app.pf.file.path}:${app.ioctl.range.start.offset}`)) continue;
      context.report({
        path: app.pf.file.path,
        range: app.ioctl.range,
        messageId: only === 'client' ? 'onlyClients' : 'onlyServers',
        data: { call: applicationName(app.ioctl) },
        related: otherSide,
      });
    }
  },
});
