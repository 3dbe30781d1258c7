// Why each rule matters, in a few sentences drawn from Microsoft's documentation of
// SIO_LOOPBACK_FAST_PATH (docs/rules/*.md quote it at length); shown in hovers.
import type { RuleId } from '@winsock-lint/rules';

export const UNUSED_SUPPRESSION_EXPLANATION =
  'This suppression comment no longer hides any finding. Stale suppressions hide future problems; remove the comment (or the rule names it lists that no longer apply).';

export const RULE_EXPLANATIONS: Readonly<Record<RuleId, string>> = {
  'no-deprecated-fast-path':
    '`SIO_LOOPBACK_FAST_PATH` is **deprecated**: "The SIO_LOOPBACK_FAST_PATH is deprecated and is not recommended to be used in your code." ' +
    'It works only for TCP, only when both ends opt in before connecting/accepting, is bypassed when a WFP callout inspects connection data, ' +
    'supports only a few socket options, and needs Windows 8 / Windows Server 2012 or later. Remove the call; loopback TCP works without it.',
  'fast-path-before-connect':
    '"The socket that plans to initiate the connection request must apply this IOCTL **before making the connection request**." ' +
    'Applied after `connect`/`ConnectEx`/`WSAConnect*`, the connection was already set up on the normal loopback path and stays there for its lifetime.',
  'fast-path-before-accept':
    '"The socket that is listening for the connection request must apply this IOCTL **before accepting the connection**." ' +
    'Apply it to the listening socket before the first `accept`/`AcceptEx`/`WSAAccept`; accepted sockets inherit it, and applying it to an accepted socket is too late.',
  'fast-path-both-sides':
    '"This IOCTL must be used on **both sides** of the loopback session." If only the connecting or only the listening socket opts in, ' +
    'the connection takes the normal loopback path and the call only adds a deprecated IOCTL.',
  'fast-path-supported-options':
    'Only a subset of TCP/IP socket options is supported on a fast-path socket: `IP_TTL`, `IP_UNICAST_IF`, `IPV6_UNICAST_HOPS`, `IPV6_UNICAST_IF`, ' +
    '`IPV6_V6ONLY`, `SO_CONDITIONAL_ACCEPT`, `SO_EXCLUSIVEADDRUSE`, `SO_PORT_SCALABILITY`, `SO_RCVBUF`, `SO_REUSEADDR` and `TCP_BSDURGENT`. ' +
    'Other options (`TCP_NODELAY`, `SO_SNDBUF`, `SO_KEEPALIVE`, …) may be ignored or behave differently.',
  'fast-path-tcp-only':
    '"The SIO_LOOPBACK_FAST_PATH IOCTL can be used **only with TCP sockets**." On a datagram or raw socket the call fails ' +
    '(`WSAEINVAL` or `WSAEOPNOTSUPP`), so the code is dead at best.',
  'fast-path-ioctl-arguments':
    'The IOCTL takes a Boolean input and produces no output: for `WSAIoctl`/`WSPIoctl` the output buffer is unused and **`cbOutBuffer` must be 0** ' +
    '(and `lpcbBytesReturned` must not be NULL for a synchronous call). For `WskControlSocket` use `WskIoctl`, **`Level` 0**, `OutputSize` 0, ' +
    '`OutputBuffer`/`OutputSizeReturned` NULL and a pointer to an **`Irp`** with a completion routine. `ioctlsocket` and `setsockopt` cannot apply it.',
};
