// What a function does to the sockets it is given, holds or returns, resolved across files, and the events
// a call to it stands for in its caller.
import type { Range } from '../types.js';
import type { IoctlPassThrough, SocketEvent } from '../facts/fact-types.js';

/** A place in some file, for related locations ("the IOCTL inside enableFastPath"). */
export interface Site {
  path: string;
  range: Range;
  message: string;
}

/** Whom an effect is on: a parameter, the object's own member socket (or a global), or the return value. */
export type Target = { kind: 'param'; index: number } | { kind: 'self'; key: string } | { kind: 'return' };

export type EffectKind =
  'fastpath' | 'connect' | 'bind' | 'listen' | 'accept' | 'setsockopt' | 'close' | 'store' | 'create';

export interface Effect {
  kind: EffectKind;
  target: Target;
  /** For 'create': the object's socket is created (a member factory), with these arguments. */
  creation?: CreationSummary;
  /** For 'store': the parameter whose socket the target now holds (`void setDescriptor(SOCKET s) { m_fd = s; }`). */
  param?: number;
  option?: string | null;
  /** For 'setsockopt': the option is the function's parameter at this index. */
  optionParam?: number;
  level?: string | null;
  loopback?: boolean;
  /** Done only in an arm that stream sockets alone reach (`if (!udp)`): the caller's event is in such an arm. */
  stream?: boolean;
  /** Innermost last: the call chain down to the real Winsock call. */
  sites: Site[];
}

export interface CreationSummary {
  api: string;
  family?: string;
  type?: string;
  protocol?: string;
  /** `socket(family, type, protocol)` arguments that are the factory's own parameters, by index. */
  familyParam?: number;
  typeParam?: number;
  protocolParam?: number;
  sites: Site[];
}

export interface PassThrough {
  codeParam: number;
  /** The control code reaches the IOCTL only in an arm stream sockets alone reach. */
  stream?: boolean;
  socket: Target | null;
  sites: Site[];
  /** The WSAIoctl that finally receives the code, for argument checks once a caller passes the code. */
  ioctl: { path: string; event: IoctlPassThrough };
}

export interface FunctionSummary {
  /** Effects in the order the function performs them. */
  effects: Effect[];
  returnsCreation?: CreationSummary;
  /** The function returns a socket accepted from this parameter. */
  returnsAcceptedFrom?: number;
  passthrough: PassThrough[];
}

/** A fact of the analysed function, or one that a call to a summarised helper stands for. */
export type ProjectEvent = SocketEvent & {
  /** Where the effect really happens when it comes from a helper (innermost last). */
  via: Site[];
  /** Order of the call a synthetic event comes from: two events of one call never order each other. */
  fromCall?: number;
  /** A factory's creation whose family, type or protocol came from this call's arguments. */
  typedByCaller?: boolean;
};

export interface ActivatedPassThrough {
  path: string;
  event: IoctlPassThrough;
  caller: Site;
}
