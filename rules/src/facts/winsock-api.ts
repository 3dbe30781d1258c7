// What winsock-lint knows about Winsock and WSK functions: which argument is the socket, the control code,
// the address; which options the fast path supports. Taken from Microsoft's SIO_LOOPBACK_FAST_PATH pages.
import { WINDOWS_OPTION_NAMES } from './windows-options.js';

export type IoctlApi = 'WSAIoctl' | 'WSPIoctl' | 'WskControlSocket';

/** Functions that apply a control code; `code` is the control-code argument index. */
export const IOCTL_FUNCTIONS: Record<IoctlApi, { socket: number; code: number }> = {
  WSAIoctl: { socket: 0, code: 1 },
  WSPIoctl: { socket: 0, code: 1 },
  WskControlSocket: { socket: 0, code: 2 },
};

/** WSAIoctl/WSPIoctl argument positions (0-based). */
export const WSA_IOCTL_ARGS = { outBuffer: 4, outSize: 5, bytesReturned: 6, overlapped: 7 } as const;
/** WskControlSocket(Socket, RequestType, ControlCode, Level, InputSize, InputBuffer, OutputSize, OutputBuffer, OutputSizeReturned, Irp). */
export const WSK_CONTROL_ARGS = { requestType: 1, level: 3, outSize: 6, irp: 9 } as const;

/** APIs that take a code or option but cannot apply SIO_LOOPBACK_FAST_PATH. */
export const NON_APPLYING_APIS = new Set([
  'ioctlsocket',
  'setsockopt',
  'getsockopt',
  'DeviceIoControl',
  'ioctl',
  'WSASetSocketSecurity',
  'WSAEventSelect',
]);

export const SOCKET_CREATORS = new Set(['socket', 'WSASocket', 'WSASocketA', 'WSASocketW']);
export const CONNECT_FUNCTIONS = new Set([
  'connect',
  'WSAConnect',
  'WSAConnectByName',
  'WSAConnectByNameA',
  'WSAConnectByNameW',
  'WSAConnectByList',
]);
export const ACCEPT_FUNCTIONS = new Set(['accept', 'WSAAccept']);

/** ConnectEx/AcceptEx are reached through pointers; a name mentioning them is taken to be one. */
/**
 * ConnectEx/AcceptEx are called through pointers: any name containing them (`pfnConnectEx`, `g_ConnectEx`,
 * `m_lpfnAcceptEx`) is taken to be one, except functions that obtain such a pointer (`LoadConnectEx`).
 */
const LOADER_PREFIX = /^(?:load|get|init|initialize|resolve|query|fetch|lookup|find|setup|create|register|ensure)/i;

export function looksLikeConnectEx(name: string): boolean {
  return /connectex/i.test(name) && !LOADER_PREFIX.test(name);
}
export function looksLikeAcceptEx(name: string): boolean {
  return /acceptex/i.test(name) && !/sockaddrs/i.test(name) && !LOADER_PREFIX.test(name);
}

/** Named constants that are certainly not zero (levels, sizes) and the ones that are zero. */
export const NONZERO_CONSTANTS = new Set([
  'SOL_SOCKET',
  'IPPROTO_TCP',
  'IPPROTO_UDP',
  'IPPROTO_IPV6',
  'IPPROTO_ICMP',
  'IPPROTO_RAW',
  'TRUE',
]);
export const ZERO_CONSTANTS = new Set(['IPPROTO_IP', 'FALSE', 'NO_ERROR']);

/** Options Microsoft lists as supported on a fast-path socket. */
export const SUPPORTED_OPTIONS = new Set([
  'IP_TTL',
  'IP_UNICAST_IF',
  'IPV6_UNICAST_HOPS',
  'IPV6_UNICAST_IF',
  'IPV6_V6ONLY',
  'SO_CONDITIONAL_ACCEPT',
  'SO_EXCLUSIVEADDRUSE',
  'SO_PORT_SCALABILITY',
  'SO_RCVBUF',
  'SO_REUSEADDR',
  'TCP_BSDURGENT',
]);

/** AcceptEx and ConnectEx require these; they are never reported. */
export const EXEMPT_OPTIONS = new Set(['SO_UPDATE_ACCEPT_CONTEXT', 'SO_UPDATE_CONNECT_CONTEXT']);

/** Can the option be set on Windows? SO_/IP_/IPV6_/TCP_ names the Windows SDK does not define cannot. */
export function isWindowsOption(name: string): boolean {
  return !/^(?:SO|IP|IPV6|TCP)_/.test(name) || WINDOWS_OPTION_NAMES.has(name);
}

/** A spelled socket option constant; anything else (a variable, a number) is an unknown option. */
export function isKnownOptionName(text: string): boolean {
  return /^(SO|TCP|IP|IPV6|IPX|SIO|IRLMP|AF)_[A-Z0-9_]+$/.test(text);
}

const NON_TCP_TYPES = new Set(['SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET', '2', '3', '4', '5']);
const TCP_PROTOCOLS = new Set(['IPPROTO_TCP', '6', '0', 'IPPROTO_IP', 'IPPROTO_HOPOPTS']);
const NON_TCP_FAMILIES = new Set(['AF_UNIX', 'AF_BTH', 'AF_IRDA', 'AF_HYPERV', 'AF_NETBIOS', 'AF_APPLETALK']);

/** Why a socket created with these arguments is not TCP, or undefined when it is (or may be) TCP. */
export function nonTcpReason(
  family: string | undefined,
  type: string | undefined,
  protocol: string | undefined,
): string | undefined {
  if (type !== undefined && NON_TCP_TYPES.has(type)) return type;
  if (protocol !== undefined && /^(IPPROTO_[A-Z0-9_]+|\d+)$/.test(protocol) && !TCP_PROTOCOLS.has(protocol))
    return protocol;
  if (family !== undefined && NON_TCP_FAMILIES.has(family)) return family;
  return undefined;
}

/** Spellings of a loopback address in an initialiser or argument. */
export const LOOPBACK_PATTERN =
  /INADDR_LOOPBACK|in6addr_loopback|IN6ADDR_LOOPBACK|IN6ADDR_SETLOOPBACK|IN4ADDR_LOOPBACK|"127\.\d+\.\d+\.\d+"|"::1"|L"127\.0\.0\.1"|L"::1"|"localhost"|L"localhost"|0x7f000001/i;

/** Winsock functions some rule cares about, by exact name (what a script's FFI binding may declare). */
export function isWinsockFunction(name: string): boolean {
  return (
    name in IOCTL_FUNCTIONS ||
    NON_APPLYING_APIS.has(name) ||
    SOCKET_CREATORS.has(name) ||
    CONNECT_FUNCTIONS.has(name) ||
    ACCEPT_FUNCTIONS.has(name) ||
    /^(bind|getsockname|listen|setsockopt|closesocket|AcceptEx|ConnectEx)$/.test(name)
  );
}

/** How a language spells a null pointer in a suggested replacement. */
export function nullPointerSpelling(language: string): string {
  return language === 'cpp' ? 'NULL' : 'null';
}
