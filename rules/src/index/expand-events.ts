// Replaces each call to a summarised helper by the events it stands for in the caller: an IOCTL applied to
// the argument, a connect on the receiver's member socket, a socket created by a factory, and so on.
import type { BranchStep, FunctionFacts, OtherCall, SocketEvent } from '../facts/fact-types.js';
import { isKnownOptionName } from '../facts/winsock-api.js';
import type { FunctionRef, FunctionTable } from './resolve-callee.js';
import { refKey } from './resolve-callee.js';
import type {
  ActivatedPassThrough,
  CreationSummary,
  Effect,
  FunctionSummary,
  ProjectEvent,
  Site,
  Target,
} from './summary-types.js';

export interface ExpansionContext {
  table: FunctionTable;
  summaries: ReadonlyMap<string, FunctionSummary>;
  /** Filled with the keys of functions some call resolved to. */
  called: Set<string>;
  activated: ActivatedPassThrough[];
}

function memberSeparator(call: OtherCall): string {
  return call.qualified.endsWith(`->${call.name}`) ? '->' : '.';
}

/** The caller's key for a target of the callee. */
export function mapTarget(target: Target | null, call: OtherCall, callee: FunctionFacts): string | null {
  if (!target) return null;
  switch (target.kind) {
    case 'param':
      return call.args[target.index] ?? null;
    case 'self':
      if (call.receiver !== undefined && callee.className)
        return `${call.receiver}${memberSeparator(call)}${target.key}`;
      return target.key;
    case 'return':
      return call.target;
  }
}

/**
 * `dev.setDescriptor(accept(l, …))` stores the accepted socket in `dev.m_fd`: the member now names the same
 * socket, so the event that defined the argument is repeated for the member.
 */
function storedSocket(key: string, source: string | null, prior: readonly ProjectEvent[], order: number): ProjectEvent {
  for (let i = prior.length - 1; source !== null && i >= 0; i--) {
    const e = prior[i]!;
    if (e.kind === 'create' && e.target === source) return { ...e, target: key, order };
    if (e.kind === 'accept' && e.accepted === source) return { ...e, accepted: key, order };
    if ((e.kind === 'assign' || e.kind === 'call') && e.target === source) break;
  }
  return {
    kind: 'assign',
    target: key,
    order,
    path: [],
    range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
    via: [],
  };
}

/** Stands for the helper's arm that only stream sockets reach, in the path of the event the call stands for. */
const STREAM_STEP: BranchStep = { id: -1, arm: 0, exits: false, stream: true };

function effectEvent(effect: Effect, key: string, call: OtherCall, order: number): SocketEvent | undefined {
  const path = effect.stream ? [...call.path, STREAM_STEP] : call.path;
  const base = { order, path, range: call.range, ...(call.statement ? { statement: call.statement } : {}) };
  switch (effect.kind) {
    case 'fastpath':
      return {
        ...base,
        kind: 'ioctl',
        socket: key,
        api: 'wrapper',
        callee: call.name,
        calleeRange: call.range,
        codeRange: call.range,
        args: [],
      };
    case 'connect':
      return {
        ...base,
        kind: 'connect',
        socket: key,
        api: call.name,
        address: null,
        loopback: effect.loopback ?? false,
      };
    case 'bind':
      return { ...base, kind: 'bind', socket: key, address: null };
    case 'listen':
      return { ...base, kind: 'listen', socket: key };
    case 'accept':
      return { ...base, kind: 'accept', listener: key, accepted: null, returned: false, api: call.name };
    case 'setsockopt': {
      const passed = effect.optionParam !== undefined ? call.args[effect.optionParam] : undefined;
      const option = passed && isKnownOptionName(passed) ? passed : (effect.option ?? null);
      return { ...base, kind: 'setsockopt', socket: key, level: effect.level ?? null, option };
    }
    case 'close':
      return { ...base, kind: 'close', socket: key };
    case 'store':
    case 'create':
      return undefined;
  }
}

/** The socket a factory creates, for the caller: its type may come from the call's arguments. */
function creationEvent(c: CreationSummary, target: string, call: OtherCall, order: number): ProjectEvent {
  // `CreateSocket(AF_INET, SOCK_DGRAM)`, `dev.create(Info::Inet4, Info::Datagram)`.
  const argument = (index: number | undefined, own: string | undefined): string | undefined =>
    index === undefined ? own : (call.args[index] ?? undefined);
  const family = argument(c.familyParam, c.family);
  const type = argument(c.typeParam, c.type);
  const protocol = argument(c.protocolParam, c.protocol);
  return {
    kind: 'create',
    target,
    returned: call.returned,
    api: c.api,
    order,
    path: call.path,
    range: call.range,
    ...(family !== undefined ? { family } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    ...(call.statement ? { statement: call.statement } : {}),
    via: c.sites,
    fromCall: call.order,
    typedByCaller: c.familyParam !== undefined || c.typeParam !== undefined || c.protocolParam !== undefined,
  };
}

function expandCall(
  call: OtherCall,
  ref: FunctionRef,
  summary: FunctionSummary,
  path: string,
  ctx: ExpansionContext,
  prior: readonly ProjectEvent[],
): ProjectEvent[] {
  const out: ProjectEvent[] = [];
  let step = 0;
  const next = (): number => call.order + ++step / 1000;
  const callSite: Site = { path, range: call.range, message: `Called here.` };
  if (summary.returnsCreation && call.target) {
    out.push(creationEvent(summary.returnsCreation, call.target, call, next()));
  } else if (summary.returnsAcceptedFrom !== undefined && call.target) {
    out.push({
      kind: 'accept',
      listener: call.args[summary.returnsAcceptedFrom] ?? null,
      accepted: call.target,
      returned: call.returned,
      api: call.name,
      order: next(),
      path: call.path,
      range: call.range,
      via: [],
      fromCall: call.order,
    });
  } else {
    out.push({ ...call, via: [] });
  }
  for (const effect of summary.effects) {
    const key = mapTarget(effect.target, call, ref.fn);
    if (!key) continue;
    if (effect.kind === 'create' && effect.creation) {
      out.push(creationEvent(effect.creation, key, call, next()));
      continue;
    }
    if (effect.kind === 'store') {
      const stored = storedSocket(key, call.args[effect.param ?? -1] ?? null, prior, next());
      out.push({
        ...stored,
        path: call.path,
        via: effect.sites,
        fromCall: call.order,
        ...(stored.kind === 'assign' ? { range: call.range } : {}),
      });
      continue;
    }
    const event = effectEvent(effect, key, call, next());
    if (event) out.push({ ...event, via: effect.sites, fromCall: call.order });
  }
  for (const p of summary.passthrough) {
    if (!call.codeArgs.includes(p.codeParam)) continue;
    const key = mapTarget(p.socket, call, ref.fn);
    ctx.activated.push({ ...p.ioctl, caller: callSite });
    if (!key) continue;
    const event = effectEvent(
      {
        kind: 'fastpath',
        target: p.socket ?? { kind: 'return' },
        sites: p.sites,
        ...(p.stream ? { stream: true } : {}),
      },
      key,
      call,
      next(),
    );
    if (event) out.push({ ...event, via: p.sites, fromCall: call.order });
  }
  return out;
}

/** A call to something outside the project that receives the code as its control code applies it. */
function genericApplication(call: OtherCall): ProjectEvent | undefined {
  const socket = call.args[0];
  if (!call.codeArgs.includes(1) || !socket) return undefined;
  const codeRange = call.codeRanges[call.codeArgs.indexOf(1)] ?? call.range;
  return {
    kind: 'ioctl',
    socket,
    api: 'generic',
    callee: call.name,
    calleeRange: call.range,
    codeRange,
    args: [],
    order: call.order,
    path: call.path,
    range: call.range,
    ...(call.statement ? { statement: call.statement } : {}),
    via: [],
  };
}

/**
 * A project definition shadows an API of the same name for the calls that resolve to it: a method reached
 * through an object or `this`, a method of the caller's own class, or a function of the call's arity.
 */
export function shadowedApi(
  event: SocketEvent,
  fn: FunctionFacts,
  fileIndex: number,
  ctx: Pick<ExpansionContext, 'table'>,
): OtherCall | undefined {
  const call = event.asCall;
  if (!call) return undefined;
  const ref = ctx.table.resolve(call, fn, fileIndex);
  if (!ref) return undefined;
  const isMember = call.receiver !== undefined || call.receiverIsThis;
  const ownClass = ref.fn.className !== undefined && ref.fn.className === fn.className;
  return isMember || ownClass || ref.fn.params.length === call.args.length ? call : undefined;
}

export function expandFunction(
  fn: FunctionFacts,
  fileIndex: number,
  path: string,
  ctx: ExpansionContext,
): ProjectEvent[] {
  const out: ProjectEvent[] = [];
  for (const original of fn.events) {
    const event = shadowedApi(original, fn, fileIndex, ctx) ?? original;
    if (event.kind !== 'call') {
      out.push({ ...event, via: [] });
      continue;
    }
    const ref = ctx.table.resolve(event, fn, fileIndex);
    const summary = ref ? ctx.summaries.get(refKey(ref)) : undefined;
    if (ref) ctx.called.add(refKey(ref));
    if (ref && summary) {
      out.push(...expandCall(event, ref, summary, path, ctx, out));
      continue;
    }
    out.push({ ...event, via: [] });
    if (!ref) {
      const generic = genericApplication(event);
      if (generic) out.push(generic);
    }
  }
  return out;
}
