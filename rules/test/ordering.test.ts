// Control-flow ordering: branches, early returns, loops and reassignment decide what the ordering rules see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject } from '../src/index.js';

const IOCTL = 'WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);';

function rulesIn(body: string, params = 'SOCKET s, const sockaddr* a'): string[] {
  const text = `void f(${params}) {\n  BOOL on = TRUE; DWORD bytes = 0;\n${body}\n}\n`;
  const [result] = analyzeProject([{ path: '/t/order.cpp', text }]);
  return result!.findings
    .map((f) => f.ruleId ?? f.messageId)
    .filter((id) => id !== 'no-deprecated-fast-path' && id !== 'fast-path-both-sides');
}

test('connect before the IOCTL is reported, after it is not', () => {
  assert.deepEqual(rulesIn(`  connect(s, a, 16);\n  ${IOCTL}`), ['fast-path-before-connect']);
  assert.deepEqual(rulesIn(`  ${IOCTL}\n  connect(s, a, 16);`), []);
});

test('if and else arms do not order each other', () => {
  assert.deepEqual(rulesIn(`  if (x) { connect(s, a, 16); } else { ${IOCTL} }`), []);
  assert.deepEqual(rulesIn(`  switch (m) { case 1: connect(s, a, 16); break; case 2: ${IOCTL} break; }`), []);
  assert.deepEqual(rulesIn(`  int r = x ? connect(s, a, 16) : ${IOCTL.slice(0, -1)};`), []);
});

test('a call in an if condition precedes its body', () => {
  assert.deepEqual(rulesIn(`  if (connect(s, a, 16) == 0) { ${IOCTL} }`), ['fast-path-before-connect']);
});

test('an arm that returns does not reach code after the if', () => {
  assert.deepEqual(rulesIn(`  if (x) { connect(s, a, 16); return; }\n  ${IOCTL}`), []);
  assert.deepEqual(rulesIn(`  if (x) { connect(s, a, 16); }\n  ${IOCTL}`), ['fast-path-before-connect']);
});

test('a for loop update runs after the body', () => {
  assert.deepEqual(rulesIn(`  for (int i = 0; i < 2; connect(s, a, 16)) { ${IOCTL} }`), []);
  assert.deepEqual(rulesIn(`  do { connect(s, a, 16); } while (${IOCTL.slice(0, -1)} != 0);`), [
    'fast-path-before-connect',
  ]);
});

test('reassignment makes a new socket', () => {
  assert.deepEqual(
    rulesIn(`  connect(s, a, 16);\n  closesocket(s);\n  s = socket(AF_INET, SOCK_STREAM, 0);\n  ${IOCTL}`),
    [],
  );
  assert.deepEqual(rulesIn(`  connect(s, a, 16);\n  if (x) s = socket(AF_INET, SOCK_STREAM, 0);\n  ${IOCTL}`), [
    'fast-path-before-connect',
  ]);
});

test('this->m_s and m_s are the same socket in a method', () => {
  const text = `void Conn::open(const sockaddr* a) {\n  BOOL on = TRUE; DWORD bytes = 0;\n  connect(this->m_s, a, 16);\n  WSAIoctl(m_s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);\n}\n`;
  const [result] = analyzeProject([{ path: '/t/member.cpp', text }]);
  assert.ok(result!.findings.some((f) => f.ruleId === 'fast-path-before-connect'));
});

test('helpers in another file are summarised, with related locations into the helper', () => {
  const helper = {
    path: '/t/net/fastpath.cpp',
    text: 'void EnableFastPath(SOCKET sock) {\n  BOOL on = TRUE; DWORD b = 0;\n  WSAIoctl(sock, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n',
  };
  const caller = {
    path: '/t/app/client.cpp',
    text: 'void Dial(SOCKET s, const sockaddr* a) {\n  connect(s, a, 16);\n  EnableFastPath(s);\n}\n',
  };
  const results = analyzeProject([helper, caller]);
  const finding = results[1]!.findings.find((f) => f.ruleId === 'fast-path-before-connect');
  assert.ok(finding, 'the call after connect is reported');
  assert.equal(finding.range.start.line, 2);
  assert.deepEqual(
    finding.related.map((r) => `${r.path}:${r.range.start.line + 1}`),
    ['/t/app/client.cpp:2', '/t/net/fastpath.cpp:3'],
  );
});

test('an alias defined in a header is recognised in another file', () => {
  const header = { path: '/t/fp.h', text: '#define APP_FAST_PATH SIO_LOOPBACK_FAST_PATH\n' };
  const source = {
    path: '/t/use.cpp',
    text: 'void f(SOCKET s) {\n  WSAIoctl(s, APP_FAST_PATH, &on, 4, NULL, 0, &b, NULL, NULL);\n}\n',
  };
  const results = analyzeProject([header, source]);
  assert.deepEqual(results[0]!.findings, [], 'the definition itself is silent');
  assert.deepEqual(
    results[1]!.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`),
    ['no-deprecated-fast-path 1:14'],
  );
});

test('a header defining an alias stays silent when analysed again with every alias known', () => {
  const header = {
    path: '/t/a.h',
    text: '#define NET_A_FAST_PATH SIO_LOOPBACK_FAST_PATH\nvoid UseB(SOCKET s) { WSAIoctl(s, NET_B_FAST_PATH, 0, 0, NULL, 0, &b, NULL, NULL); }\n',
  };
  const other = { path: '/t/b.h', text: '#define NET_B_FAST_PATH SIO_LOOPBACK_FAST_PATH\n' };
  const results = analyzeProject([header, other]);
  assert.deepEqual(
    results.map((r) => r.findings.map((f) => `${f.ruleId} ${f.range.start.line}`)),
    [['no-deprecated-fast-path 1'], []],
  );
});
