// Derives what a function does to its parameters, its object's sockets and its return value from its
// (already expanded) events, so callers can stand the function's effects in for the call.
import type { FunctionFacts } from '../facts/fact-types.js';
import type {
  CreationSummary,
  Effect,
  EffectKind,
  FunctionSummary,
  PassThrough,
  ProjectEvent,
  Site,
  Target,
} from './summary-types.js';

const MAX_EFFECTS = 64;

function rootOf(key: string): string {
  return key.replace(/^\*+/, '').split(/->|\.|\[/)[0] ?? key;
}

/** Keys (re)defined inside the function, with the order of their first definition. */
function firstDefinitions(events: readonly ProjectEvent[]): Map<string, number> {
  const defs = new Map<string, number>();
  const define = (key: string | null, order: number): void => {
    if (key && !defs.has(key)) defs.set(key, order);
  };
  for (const e of events) {
    if (e.kind === 'create' || e.kind === 'assign') define(e.target, e.order);
    else if (e.kind === 'accept' && e.api !== 'AcceptEx' && !/acceptex/i.test(e.api)) define(e.accepted, e.order);
    else if (e.kind === 'call') define(e.target, e.order);
  }
  return defs;
}

/** A creation as callers see it: its arguments, and which of them are the function's parameters. */
function creationOf(e: Extract<ProjectEvent, { kind: 'create' }>, fn: FunctionFacts, sites: Site[]): CreationSummary {
  const param = (text: string | undefined): number | undefined => {
    const index = text === undefined ? -1 : fn.params.indexOf(text);
    return index >= 0 ? index : undefined;
  };
  const [familyParam, typeParam, protocolParam] = [param(e.family), param(e.type), param(e.protocol)];
  return {
    api: e.api,
    ...(e.family !== undefined ? { family: e.family } : {}),
    ...(e.type !== undefined ? { type: e.type } : {}),
    ...(e.protocol !== undefined ? { protocol: e.protocol } : {}),
    ...(familyParam !== undefined ? { familyParam } : {}),
    ...(typeParam !== undefined ? { typeParam } : {}),
    ...(protocolParam !== undefined ? { protocolParam } : {}),
    sites,
  };
}

export function summarize(fn: FunctionFacts, events: readonly ProjectEvent[], path: string): FunctionSummary {
  const defs = firstDefinitions(events);
  const returned = new Set(fn.returns);
  const locals = new Set(fn.locals);
  const targetOf = (key: string | null, order: number): Target | null => {
    if (!key) return null;
    const definedAt = defs.get(key);
    const root = rootOf(key);
    const isSelf = !fn.params.includes(root) && !locals.has(root);
    if (definedAt !== undefined && definedAt <= order) {
      if (returned.has(key)) return { kind: 'return' };
      // A member given a new socket here (`m_fd = socket(…)`) holds it after the call: still the object's.
      return isSelf && fn.className !== undefined ? { kind: 'self', key } : null;
    }
    const param = fn.params.indexOf(key);
    if (param >= 0) return { kind: 'param', index: param };
    return isSelf ? { kind: 'self', key } : null;
  };
  const site = (e: ProjectEvent, message: string): Site[] =>
    e.via.length > 0 ? e.via : [{ path, range: e.range, message }];

  const summary: FunctionSummary = { effects: [], passthrough: [] };
  const add = (
    kind: EffectKind,
    key: string | null,
    e: ProjectEvent,
    message: string,
    extra: Partial<Effect> = {},
  ): void => {
    const target = targetOf(key, e.order);
    if (!target || summary.effects.length >= MAX_EFFECTS) return;
    const stream = e.path.some((step) => step.stream) ? { stream: true } : {};
    summary.effects.push({ kind, target, sites: site(e, message), ...extra, ...stream });
  };

  for (const e of events) {
    switch (e.kind) {
      case 'ioctl':
        add('fastpath', e.socket, e, `SIO_LOOPBACK_FAST_PATH is applied here (in ${fn.qualified}).`);
        break;
      case 'connect':
        add('connect', e.socket, e, `Connected here (in ${fn.qualified}).`, { loopback: e.loopback });
        break;
      case 'bind':
        add('bind', e.socket, e, `Bound here (in ${fn.qualified}).`);
        break;
      case 'listen':
        add('listen', e.socket, e, `Listening starts here (in ${fn.qualified}).`);
        break;
      case 'accept':
        add('accept', e.listener, e, `Accepted here (in ${fn.qualified}).`);
        if ((e.returned || (e.accepted && returned.has(e.accepted))) && e.listener) {
          const index = fn.params.indexOf(e.listener);
          if (index >= 0) summary.returnsAcceptedFrom = index;
        }
        break;
      case 'setsockopt':
        add('setsockopt', e.socket, e, `${e.option ?? 'An option'} is set here (in ${fn.qualified}).`, {
          option: e.option,
          level: e.level,
          ...(e.optionParam !== undefined ? { optionParam: e.optionParam } : {}),
        });
        break;
      case 'assign': {
        const param = e.source !== undefined ? fn.params.indexOf(e.source) : -1;
        if (param >= 0 && !(defs.get(e.source!)! < e.order)) {
          const target = targetOf(e.target, e.order - 0.5);
          const sites = site(e, `The socket is stored here (in ${fn.qualified}).`);
          if (target?.kind === 'self') {
            summary.effects.push({ kind: 'store', target, param, sites });
            // `void descriptor(HANDLE h) { desc_ = h; }`: the accessor of the same name reads it back.
            if (fn.className !== undefined && fn.params.length > 0)
              summary.effects.push({ kind: 'store', target: { kind: 'self', key: `${fn.name}()` }, param, sites });
          }
        }
        break;
      }
      case 'close':
        add('close', e.socket, e, `Closed here (in ${fn.qualified}).`);
        break;
      case 'create':
        if (fn.className !== undefined && e.target && !e.returned && !returned.has(e.target)) {
          // A member factory (`dev.create(Inet4, Datagram)`): the object's socket is created here.
          const target = targetOf(e.target, e.order);
          if (target?.kind === 'self' && summary.effects.length < MAX_EFFECTS)
            summary.effects.push({
              kind: 'create',
              target,
              creation: creationOf(e, fn, site(e, `Created here (in ${fn.qualified}).`)),
              sites: site(e, `Created here (in ${fn.qualified}).`),
            });
        }
        if (e.returned || (e.target && returned.has(e.target))) {
          summary.returnsCreation = creationOf(e, fn, site(e, `Created here (in ${fn.qualified}).`));
        }
        break;
      case 'passthrough': {
        const p: PassThrough = {
          codeParam: e.codeParam,
          ...(e.path.some((step) => step.stream) ? { stream: true } : {}),
          socket: targetOf(e.socket, e.order),
          sites: [
            {
              path,
              range: e.range,
              message: `The control code parameter reaches ${e.callee} here (in ${fn.qualified}).`,
            },
          ],
          ioctl: { path, event: e },
        };
        summary.passthrough.push(p);
        break;
      }
      default:
        break;
    }
  }
  return summary;
}

/** Pass-throughs reached through another pass-through: `f(s, code) { g(s, code); }`. */
export function forwardedPassThroughs(
  fn: FunctionFacts,
  events: readonly ProjectEvent[],
  path: string,
  calleePassThroughs: (e: ProjectEvent) => { p: PassThrough; socketKey: string | null }[],
): PassThrough[] {
  const out: PassThrough[] = [];
  const defs = firstDefinitions(events);
  for (const e of events) {
    if (e.kind !== 'call') continue;
    for (const { p, socketKey } of calleePassThroughs(e)) {
      const codeKey = e.args[p.codeParam];
      const codeParam = codeKey ? fn.params.indexOf(codeKey) : -1;
      if (codeParam < 0) continue;
      let socket: Target | null = null;
      if (socketKey) {
        const index = fn.params.indexOf(socketKey);
        if (index >= 0 && !(defs.get(socketKey)! <= e.order)) socket = { kind: 'param', index };
        else if (!fn.locals.includes(rootOf(socketKey)) && !fn.params.includes(rootOf(socketKey)))
          socket = { kind: 'self', key: socketKey };
      }
      out.push({
        codeParam,
        ...(p.stream || e.path.some((step) => step.stream) ? { stream: true } : {}),
        socket,
        sites: [
          { path, range: e.range, message: `The control code is passed on here (in ${fn.qualified}).` },
          ...p.sites,
        ],
        ioctl: p.ioctl,
      });
    }
  }
  return out;
}
