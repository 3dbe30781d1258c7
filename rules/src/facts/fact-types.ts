// Socket facts: what a file's functions do to sockets, as plain serialisable data (no tree nodes),
// so they can be cached by content hash and shipped between worker threads.
import type { Range } from '../types.js';
import type { IoctlApi } from './winsock-api.js';
import type { LanguageId } from '../parse/parser.js';

/** One step into a branch: the arms of one `if`/`switch`/`?:` exclude each other. */
export interface BranchStep {
  id: number;
  arm: number;
  /** The arm ends in `return`/`throw`, so nothing in it reaches code after the branch. */
  exits: boolean;
  /** A Windows version check the arm is under: runs only on `min` and later, or (below) only before it. */
  guard?: { min: number; below: boolean };
  /** The arm's condition says the socket is a stream (TCP) socket: `if (!udp)`, `if (type == SOCK_STREAM)`. */
  stream?: boolean;
}

/** The statement a call stands in, as far as fixes need it. */
export interface StatementFacts {
  /** The statement itself. */
  range: Range;
  /** Whole lines from the statement's line start to after its line break, when it is alone on them. */
  lines?: Range;
  /** What removing the statement deletes: its whole lines, or the statement and the blanks before it. */
  removal: Range;
  /** `expr`: the statement is just the call; `guard`: `if (call … == SOCKET_ERROR) {…}` with no else. */
  kind: 'expr' | 'guard' | 'other';
  /** Id of the block (compound statement) the statement is a direct child of, and its index there. */
  blockId: number;
  index: number;
  /** Identifiers the statement mentions (for checking that a move keeps it compiling). */
  reads: string[];
}

/** Statements of one block in order, with the identifiers each one writes (declares, assigns, takes `&` of). */
export interface BlockStatement {
  writes: string[];
}

interface EventBase {
  /** Evaluation order within the function (arguments before their call, conditions before bodies). */
  order: number;
  path: BranchStep[];
  /** The call expression (or assignment) the event comes from. */
  range: Range;
  statement?: StatementFacts;
  /**
   * The same call as an ordinary call, on an API event whose callee could be a project function of that name
   * (`sock.ioctl(code)`, `connect(host, port)`): when it resolves to one, the definition is meant, not the API.
   */
  asCall?: OtherCall;
}

export interface SocketCreation extends EventBase {
  kind: 'create';
  target: string | null;
  returned: boolean;
  api: string;
  family?: string;
  type?: string;
  protocol?: string;
}

/** A socket expression gets a new value that is not a known socket creation (kills tracking). */
export interface SocketAssignment extends EventBase {
  kind: 'assign';
  target: string;
  /** `m_fd = s`: the socket expression assigned, when it is one. */
  source?: string;
}

export interface IoctlArgument {
  range: Range;
  text: string;
  isNull: boolean;
  isNonNull: boolean;
  isZero: boolean;
  isNonZero: boolean;
}

/** The fast-path code applied to a socket (or passed through to a function that applies the parameter). */
export interface IoctlApplication extends EventBase {
  kind: 'ioctl';
  socket: string | null;
  /** Known signature; 'generic' for a callee seen receiving the code as its control code; 'wrapper' for a helper. */
  api: IoctlApi | 'generic' | 'wrapper';
  callee: string;
  calleeRange: Range;
  codeRange: Range;
  args: IoctlArgument[];
}

/** `WSAIoctl(s, code, …)` where `code` is a parameter of the enclosing function: applied when a caller passes it. */
export interface IoctlPassThrough extends EventBase {
  kind: 'passthrough';
  socket: string | null;
  codeParam: number;
  api: IoctlApi | 'generic';
  callee: string;
  calleeRange: Range;
  args: IoctlArgument[];
}

export interface ConnectCall extends EventBase {
  kind: 'connect';
  socket: string | null;
  api: string;
  address: string | null;
  loopback: boolean;
}

export interface BindCall extends EventBase {
  kind: 'bind' | 'getsockname';
  socket: string | null;
  address: string | null;
}

export interface ListenCall extends EventBase {
  kind: 'listen';
  socket: string | null;
}

export interface AcceptCall extends EventBase {
  kind: 'accept';
  listener: string | null;
  /** The accepted socket: the assigned expression, or AcceptEx's accept-socket argument. */
  accepted: string | null;
  returned: boolean;
  api: string;
}

export interface SetOptionCall extends EventBase {
  kind: 'setsockopt';
  socket: string | null;
  level: string | null;
  /** The option constant as spelled, or null when it is not a known constant. */
  option: string | null;
  /** `setsockopt(m_fd, level, option, …)` in a wrapper: the option is the function's parameter at this index. */
  optionParam?: number;
}

export interface CloseCall extends EventBase {
  kind: 'close';
  socket: string | null;
}

/** The code given to an API that cannot apply it (`ioctlsocket`, `setsockopt`, …). */
export interface WrongApiCall extends EventBase {
  kind: 'wrong-api';
  api: string;
  calleeRange: Range;
}

/** A call to anything else: resolved against function summaries to find wrappers and helpers. */
export interface OtherCall extends EventBase {
  kind: 'call';
  name: string;
  qualified: string;
  receiver?: string;
  receiverIsThis: boolean;
  /** Socket keys of the arguments (null where an argument cannot name a socket). */
  args: (string | null)[];
  /** Indexes of arguments that are the fast-path code. */
  codeArgs: number[];
  /** For a code argument: its range (for related locations). */
  codeRanges: Range[];
  /** The value is assigned to / returned as this key. */
  target: string | null;
  returned: boolean;
}

export type SocketEvent =
  | SocketCreation
  | SocketAssignment
  | IoctlApplication
  | IoctlPassThrough
  | ConnectCall
  | BindCall
  | ListenCall
  | AcceptCall
  | SetOptionCall
  | CloseCall
  | WrongApiCall
  | OtherCall;

export interface FunctionFacts {
  /** Last name (`open` for `Net::Socket::open`). */
  name: string;
  /** Qualified as defined: `Net::Socket::open`, or `Socket::open` for a method defined in its class. */
  qualified: string;
  /** Class the function is a method of, when known. */
  className?: string;
  params: string[];
  range: Range;
  nameRange: Range;
  /** Names declared locally (not members, not globals). */
  locals: string[];
  events: SocketEvent[];
  blocks: Record<number, BlockStatement[]>;
  /** Address variables given a loopback address in this function. */
  loopbackAddresses: string[];
  /** Socket expressions the function returns (`return s;`). */
  returns: string[];
}

/** One use of the fast-path code: a token the deprecation rule reports. */
export interface CodeUse {
  range: Range;
  spelling: string;
}

export interface SourceCommentFacts {
  text: string;
  range: Range;
}

export interface FileFacts {
  path: string;
  language: LanguageId;
  /** Names defined (macro, const, enum, variable) with the fast-path value. */
  aliases: string[];
  codeUses: CodeUse[];
  functions: FunctionFacts[];
  /** Comments that may hold suppression directives. */
  comments: SourceCommentFacts[];
  hasSyntaxErrors: boolean;
  /** Project names for Winsock constants (`enum Type { Datagram = SOCK_DGRAM }`): name → constant. */
  socketConstants?: Record<string, string>;
}
