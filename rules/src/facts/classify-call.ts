// Turns one call expression into socket events: creation, IOCTL application, connect, bind, listen,
// accept, setsockopt, close, a wrong API given the code, or an ordinary call kept for wrapper resolution.
import type { SyntaxNode } from '../parse/parser.js';
import {
  argumentsOf,
  calleeOf,
  compact,
  isNonNullExpression,
  isNonZeroExpression,
  isNullExpression,
  isZeroExpression,
  rangeOf,
  rootIdentifier,
  socketKey,
  unwrap,
} from '../parse/syntax.js';
import type { BranchStep, IoctlArgument, OtherCall, SocketEvent, StatementFacts } from './fact-types.js';
import type { CalleeInfo } from '../parse/syntax.js';
import {
  ACCEPT_FUNCTIONS,
  CONNECT_FUNCTIONS,
  IOCTL_FUNCTIONS,
  LOOPBACK_PATTERN,
  NON_APPLYING_APIS,
  NONZERO_CONSTANTS,
  ZERO_CONSTANTS,
  SOCKET_CREATORS,
  isKnownOptionName,
  looksLikeAcceptEx,
  looksLikeConnectEx,
  type IoctlApi,
} from './winsock-api.js';

export type ExtensionKind = 'connectex' | 'acceptex';

/** Answers whether an expression is the fast-path code (a language's code recognizer). */
export interface CodeTest {
  isCode(node: SyntaxNode): boolean;
}

/** The expression questions classification asks, answered per grammar. */
export interface CallSyntax {
  unwrap(node: SyntaxNode): SyntaxNode;
  socketKey(node: SyntaxNode): string | null;
  rootIdentifier(node: SyntaxNode): string | null;
  /** A constant argument as compared with Winsock names: `SOCK_DGRAM`, `IPPROTO_TCP`, `2`. */
  constantText(node: SyntaxNode): string;
  isNull(node: SyntaxNode): boolean;
  isNonNull(node: SyntaxNode): boolean;
  isZero(node: SyntaxNode): boolean;
  isNonZero(node: SyntaxNode): boolean;
  valueTarget(call: SyntaxNode): { target: string | null; returned: boolean };
}

/** One call as classification sees it, whatever the grammar: who is called, with which arguments. */
export interface CallShape {
  /** The node the events' range covers. */
  call: SyntaxNode;
  callee: CalleeInfo;
  args: SyntaxNode[];
  /** The Winsock function the call is taken to be (checked against the tables), or undefined for none. */
  api: string | undefined;
}

export interface CallContext {
  recognizer: CodeTest;
  params: readonly string[];
  /** Local arrays (never NULL when passed as a buffer). */
  arrays: ReadonlySet<string>;
  /** Names of pointers obtained through SIO_GET_EXTENSION_FUNCTION_POINTER. */
  extensionPointers: ReadonlyMap<string, ExtensionKind>;
  order: number;
  path: BranchStep[];
  statement: (call: SyntaxNode) => StatementFacts | undefined;
}

/** Where the call's value goes: `x = call()`, `T x = call()`, `return call()`. */
export function valueTarget(call: SyntaxNode): { target: string | null; returned: boolean } {
  let current = call;
  let parent = current.parent;
  while (parent && (parent.type === 'parenthesized_expression' || parent.type === 'cast_expression')) {
    current = parent;
    parent = parent.parent;
  }
  if (!parent) return { target: null, returned: false };
  if (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.startIndex === current.startIndex) {
    const left = parent.childForFieldName('left');
    return { target: left ? socketKey(left) : null, returned: false };
  }
  if (parent.type === 'init_declarator') {
    const declarator = parent.childForFieldName('declarator');
    const name = declarator?.type === 'identifier' ? declarator : declarator?.descendantsOfType('identifier')[0];
    return { target: name?.text ?? null, returned: false };
  }
  if (parent.type === 'return_statement') return { target: null, returned: true };
  // `dev.setDescriptor(accept(l, …))`: the value is the outer call's argument, named by its position.
  if (parent.type === 'argument_list') return { target: nestedCallKey(call), returned: false };
  return { target: null, returned: false };
}

/** The key a call's value is known by when it is passed straight into another call. */
export function nestedCallKey(call: SyntaxNode): string {
  return `<call@${call.startIndex}>`;
}

function ioctlApiFor(name: string, argCount: number): IoctlApi | 'generic' | undefined {
  if (name in IOCTL_FUNCTIONS) return name as IoctlApi;
  if (/WskControlSocket/i.test(name) && argCount >= 10) return 'WskControlSocket';
  if (/WSPIoctl/i.test(name) && argCount >= 11) return 'WSPIoctl';
  if (/WSAIoctl/i.test(name) && argCount >= 9) return 'WSAIoctl';
  return undefined;
}

function describeArgument(node: SyntaxNode, arrays: ReadonlySet<string>, syntax: CallSyntax): IoctlArgument {
  const inner = syntax.unwrap(node);
  const name = inner.type === 'identifier' ? inner.text : undefined;
  return {
    range: rangeOf(node),
    text: compact(node.text).slice(0, 80),
    isNull: syntax.isNull(node),
    // An array is never NULL.
    isNonNull: syntax.isNonNull(node) || (name !== undefined && arrays.has(name)),
    isZero: syntax.isZero(node) || syntax.isNull(node) || (name !== undefined && ZERO_CONSTANTS.has(name)),
    isNonZero: syntax.isNonZero(node) || (name !== undefined && NONZERO_CONSTANTS.has(name)),
  };
}

/** The C/C++ answers. */
export const C_CALLS: CallSyntax = {
  unwrap,
  socketKey,
  rootIdentifier,
  constantText: (node) => compact(unwrap(node).text),
  isNull: isNullExpression,
  isNonNull: isNonNullExpression,
  isZero: isZeroExpression,
  isNonZero: isNonZeroExpression,
  valueTarget,
};

/** The name a function pointer is stored under: `pfn` for `&pfn`, `m_connectEx` for `(LPVOID)&this->m_connectEx`. */
export function storedName(node: SyntaxNode): string | null {
  let current = unwrap(node);
  if (current.type === 'pointer_expression') current = unwrap(current.childForFieldName('argument') ?? current);
  if (current.type === 'identifier') return current.text;
  if (current.type === 'field_expression') return current.childForFieldName('field')?.text ?? null;
  return null;
}

export function classifyCall(call: SyntaxNode, ctx: CallContext): SocketEvent[] {
  const callee = calleeOf(call);
  if (!callee) return [];
  const shape = { call, callee, args: argumentsOf(call), api: callee.name };
  const events = classifyShape(shape, ctx, C_CALLS);
  // `::connect(…)` is the API for sure; any other spelling may mean a project function of the same name.
  if (events.length !== 1 || events[0]!.kind === 'call' || /^\s*::/.test(callee.node.text)) return events;
  if (events[0]!.kind === 'ioctl' || events[0]!.kind === 'passthrough') return events;
  const asCall = otherCall(shape, ctx, C_CALLS, { order: ctx.order, path: ctx.path, range: rangeOf(call) }, (e) => e);
  return [{ ...events[0]!, asCall: asCall as OtherCall }];
}

/** The events of one call, from its shape: the language-neutral part of classification. */
export function classifyShape(shape: CallShape, ctx: CallContext, syntax: CallSyntax): SocketEvent[] {
  const { call, callee, args } = shape;
  const { unwrap, socketKey, rootIdentifier } = syntax;
  const base = { order: ctx.order, path: ctx.path, range: rangeOf(call) };
  const withStatement = <T extends object>(event: T): T => {
    const statement = ctx.statement(call);
    return statement ? { ...event, statement } : event;
  };
  const key = (index: number): string | null => {
    const arg = args[index];
    return arg ? socketKey(arg) : null;
  };
  // Not a Winsock function (a script call no FFI binding names): only an ordinary call.
  const name = shape.api ?? '';
  const extension = shape.api === undefined ? undefined : ctx.extensionPointers.get(name);

  const ioctlApi = shape.api === undefined ? undefined : ioctlApiFor(name, args.length);
  const codePosition = ioctlApi === 'WskControlSocket' ? 2 : 1;
  const codeArg = args[codePosition];
  if (ioctlApi && codeArg) {
    if (ctx.recognizer.isCode(codeArg)) {
      return [
        withStatement({
          ...base,
          kind: 'ioctl' as const,
          socket: key(0),
          api: ioctlApi,
          callee: name,
          calleeRange: rangeOf(callee.node),
          codeRange: rangeOf(unwrap(codeArg)),
          args: args.map((a) => describeArgument(a, ctx.arrays, syntax)),
        }),
      ];
    }
    const codeParam = unwrap(codeArg).type === 'identifier' ? ctx.params.indexOf(unwrap(codeArg).text) : -1;
    if (codeParam >= 0) {
      return [
        withStatement({
          ...base,
          kind: 'passthrough' as const,
          socket: key(0),
          codeParam,
          api: ioctlApi,
          callee: name,
          calleeRange: rangeOf(callee.node),
          args: args.map((a) => describeArgument(a, ctx.arrays, syntax)),
        }),
      ];
    }
    return [];
  }

  if (shape.api === undefined) return [otherCall(shape, ctx, syntax, base, withStatement)];

  if (NON_APPLYING_APIS.has(name) && args.some((a) => ctx.recognizer.isCode(a))) {
    return [{ ...base, kind: 'wrong-api', api: name, calleeRange: rangeOf(callee.node) }];
  }

  const { target, returned } = syntax.valueTarget(call);
  if (SOCKET_CREATORS.has(name)) {
    const text = (i: number): string | undefined => (args[i] ? syntax.constantText(args[i]!) : undefined);
    const family = text(0);
    const type = text(1);
    const protocol = text(2);
    return [
      withStatement({
        ...base,
        kind: 'create' as const,
        target,
        returned,
        api: name,
        ...(family !== undefined ? { family } : {}),
        ...(type !== undefined ? { type } : {}),
        ...(protocol !== undefined ? { protocol } : {}),
      }),
    ];
  }
  if (CONNECT_FUNCTIONS.has(name) || extension === 'connectex' || (!extension && looksLikeConnectEx(name))) {
    const addressArg = args[1];
    return [
      withStatement({
        ...base,
        kind: 'connect' as const,
        socket: key(0),
        api: name,
        address: addressArg ? rootIdentifier(addressArg) : null,
        loopback: !!addressArg && addressArg.text.length < 300 && LOOPBACK_PATTERN.test(addressArg.text),
      }),
    ];
  }
  if (ACCEPT_FUNCTIONS.has(name)) {
    return [
      withStatement({ ...base, kind: 'accept' as const, listener: key(0), accepted: target, returned, api: name }),
    ];
  }
  if (extension === 'acceptex' || (!extension && looksLikeAcceptEx(name))) {
    return [
      withStatement({
        ...base,
        kind: 'accept' as const,
        listener: key(0),
        accepted: key(1),
        returned: false,
        api: name,
      }),
    ];
  }
  if (name === 'bind' || name === 'getsockname') {
    const addressArg = args[1];
    return [
      withStatement({ ...base, kind: name, socket: key(0), address: addressArg ? rootIdentifier(addressArg) : null }),
    ];
  }
  if (name === 'listen') return [withStatement({ ...base, kind: 'listen' as const, socket: key(0) })];
  if (name === 'setsockopt') {
    const option = args[2] ? syntax.constantText(args[2]) : '';
    // A `setSockOpt(level, option, …)` wrapper passes its parameter on: its callers name the option.
    const optionParam = ctx.params.indexOf(option);
    return [
      withStatement({
        ...base,
        kind: 'setsockopt' as const,
        socket: key(0),
        level: args[1] ? syntax.constantText(args[1]) : null,
        option: isKnownOptionName(option) ? option : null,
        ...(optionParam >= 0 ? { optionParam } : {}),
      }),
    ];
  }
  if (name === 'closesocket' || name === 'WskCloseSocket') {
    return [{ ...base, kind: 'close', socket: key(0) }];
  }

  return [otherCall(shape, ctx, syntax, base, withStatement)];
}

function otherCall(
  shape: CallShape,
  ctx: CallContext,
  syntax: CallSyntax,
  base: { order: number; path: BranchStep[]; range: ReturnType<typeof rangeOf> },
  withStatement: <T extends object>(event: T) => T,
): SocketEvent {
  const { call, callee, args } = shape;
  const { target, returned } = syntax.valueTarget(call);
  const codeArgs: number[] = [];
  args.forEach((a, i) => {
    if (ctx.recognizer.isCode(a)) codeArgs.push(i);
  });
  return withStatement({
    ...base,
    kind: 'call' as const,
    name: callee.name,
    qualified: callee.qualified,
    ...(callee.receiver !== undefined ? { receiver: callee.receiver } : {}),
    receiverIsThis: callee.receiverIsThis,
    args: args.map(
      (a) =>
        syntax.socketKey(a) ?? (syntax.unwrap(a).type === 'call_expression' ? nestedCallKey(syntax.unwrap(a)) : null),
    ),
    codeArgs,
    codeRanges: codeArgs.map((i) => rangeOf(syntax.unwrap(args[i]!))),
    target,
    returned,
  });
}
