// Preprocessor conditions read for Windows (which #if arms can compile there) and if-conditions that admit
// only stream sockets, on their own: the fixtures show them in context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../src/parse/parser.js';
import { windowsArms } from '../src/facts/platform-arms.js';
import { streamArmOf } from '../src/facts/type-guards.js';
import { isWindowsOption } from '../src/facts/winsock-api.js';

function armsOf(directive: string): { body: boolean; alternative: boolean } {
  const root = parseSource(`${directive}\nint a;\n#else\nint b;\n#endif\n`, 'cpp').rootNode;
  const node = root.namedChildren[0]!;
  return windowsArms(node);
}

test('arms that only compile off Windows are told apart from arms Windows may compile', () => {
  const offWindows = { body: false, alternative: true };
  const windowsOnly = { body: true, alternative: false };
  const either = { body: true, alternative: true };
  assert.deepEqual(armsOf('#ifdef __linux__'), offWindows);
  assert.deepEqual(armsOf('#ifndef _WIN32'), offWindows);
  assert.deepEqual(armsOf('#if defined(__APPLE__) || defined(__FreeBSD__)'), offWindows);
  assert.deepEqual(armsOf('#if !defined(NET_WINDOWS)'), offWindows);
  assert.deepEqual(armsOf('#ifdef SO_NOSIGPIPE'), offWindows);
  assert.deepEqual(armsOf('#if defined(__linux__) && !defined(__ANDROID__)'), offWindows);
  assert.deepEqual(armsOf('#ifdef _WIN32'), windowsOnly);
  assert.deepEqual(armsOf('#if defined(_WIN32) || defined(__CYGWIN__)'), windowsOnly);
  assert.deepEqual(armsOf('#ifdef _MSC_VER'), either);
  assert.deepEqual(armsOf('#ifndef __MINGW32__'), either);
  assert.deepEqual(armsOf('#ifdef HAVE_SMALL_BUFFERS'), either);
  assert.deepEqual(armsOf('#ifdef TCP_KEEPIDLE'), either);
  assert.deepEqual(armsOf('#ifndef WIN32_LEAN_AND_MEAN'), either);
  assert.deepEqual(armsOf('#if defined(_MSC_VER) || defined(__linux__)'), either);
});

test('options the Windows SDK does not define cannot be set on Windows', () => {
  for (const name of ['SO_NOSIGPIPE', 'SO_PRIORITY', 'SO_BINDTODEVICE', 'SO_BUSY_POLL', 'SO_REUSEPORT'])
    assert.equal(isWindowsOption(name), false, name);
  for (const name of ['TCP_NODELAY', 'SO_SNDBUF', 'IPV6_TCLASS', 'SO_REUSE_UNICASTPORT', 'TCP_FASTOPEN', 'IP_TOS'])
    assert.equal(isWindowsOption(name), true, name);
});

test('conditions that admit only stream sockets into one arm', () => {
  assert.equal(streamArmOf('(!udp)'), 0);
  assert.equal(streamArmOf('(!this->isUdp)'), 0);
  assert.equal(streamArmOf('(type == SOCK_STREAM && fd != INVALID_SOCKET)'), 0);
  assert.equal(streamArmOf('(SOCK_DGRAM != type)'), 0);
  assert.equal(streamArmOf('(info.type == SocketInfo::Stream)'), 0);
  assert.equal(streamArmOf('(protocol == IPPROTO_UDP)'), 1);
  assert.equal(streamArmOf('(m_udp)'), 1);
  assert.equal(streamArmOf('(isTcp)'), 0);
  assert.equal(streamArmOf('(type != SOCK_STREAM)'), 1);
  assert.equal(streamArmOf('(type == SOCK_STREAM || udp)'), undefined);
  assert.equal(streamArmOf('(udpPort)'), undefined);
  assert.equal(streamArmOf('(stream)'), undefined);
  assert.equal(streamArmOf('(ready)'), undefined);
});
