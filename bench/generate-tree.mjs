#!/usr/bin/env node
// Writes a deterministic C/C++ tree for benchmarks: ordinary socket code in most files, and a few modules
// with SIO_LOOPBACK_FAST_PATH, wrappers in headers and sources, and helpers spread across folders.
// Usage: node bench/generate-tree.mjs <dir> [megabytes=100]
import fs from 'node:fs';
import path from 'node:path';

function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'session',
  'buffer',
  'packet',
  'channel',
  'router',
  'peer',
  'frame',
  'queue',
  'worker',
  'timer',
  'stream',
  'cache',
  'handle',
  'request',
  'reply',
  'config',
  'probe',
  'relay',
  'tunnel',
  'codec',
];

function name(random, parts = 2) {
  let out = '';
  for (let i = 0; i < parts; i++) {
    const w = WORDS[Math.floor(random() * WORDS.length)];
    out += i === 0 ? w : w[0].toUpperCase() + w.slice(1);
  }
  return out;
}

function ordinaryFunction(random) {
  const fn = name(random, 3);
  const a = name(random);
  const b = name(random);
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    return `static int ${fn}(SOCKET s, const char* ${a}, int ${b}Len)
{
    int sent = 0;
    while (sent < ${b}Len) {
        int n = send(s, ${a} + sent, ${b}Len - sent, 0);
        if (n == SOCKET_ERROR) {
            return WSAGetLastError();
        }
        sent += n;
    }
    return 0;
}
`;
  }
  if (kind === 1) {
    return `SOCKET ${fn}(const sockaddr_in* ${a})
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (s == INVALID_SOCKET) {
        return INVALID_SOCKET;
    }
    BOOL reuse = TRUE;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (const char*)&reuse, sizeof(reuse));
    if (connect(s, (const sockaddr*)${a}, sizeof(*${a})) == SOCKET_ERROR) {
        closesocket(s);
        return INVALID_SOCKET;
    }
    return s;
}
`;
  }
  if (kind === 2) {
    return `class ${fn[0].toUpperCase() + fn.slice(1)} {
public:
    explicit ${fn[0].toUpperCase() + fn.slice(1)}(int ${a}) : m_${a}(${a}), m_count(0) {}
    int ${b}() const { return m_${a} * 2 + m_count; }
    void add(int v) { for (int i = 0; i < v; ++i) { m_count += i % 7; } }
private:
    int m_${a};
    int m_count;
};
`;
  }
  return `int ${fn}(struct ${a}_t* ctx, size_t ${b})
{
    /* Parse a length-prefixed frame; legacy code keeps the checks inline. */
    if (ctx == NULL || ${b} < 4) return -1;
    unsigned len = (unsigned)ctx->data[0] | ((unsigned)ctx->data[1] << 8);
    switch (ctx->data[2]) {
    case 1: ctx->state = len > 64 ? 2 : 1; break;
    case 2: ctx->state = 3; break;
    default: ctx->state = 0; break;
    }
    return (int)len;
}
`;
}

const FAST_PATH_MODULES = [
  (i) => ({
    header: `// fastpath_${i}.h - wrappers around the deprecated fast path
#pragma once
#include <winsock2.h>
#include <mstcpip.h>
#define NET${i}_FAST_PATH SIO_LOOPBACK_FAST_PATH
BOOL Net${i}EnableFastPath(SOCKET s);
BOOL Net${i}SetNoDelay(SOCKET s);
`,
    source: `// fastpath_${i}.cpp
#include "fastpath_${i}.h"

BOOL Net${i}EnableFastPath(SOCKET s)
{
    BOOL on = TRUE;
    DWORD bytes = 0;
    return WSAIoctl(s, NET${i}_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL) == 0;
}

BOOL Net${i}SetNoDelay(SOCKET s)
{
    BOOL on = TRUE;
    return setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (const char*)&on, sizeof(on)) == 0;
}
`,
    user: `// client_${i}.cpp - connects, then (too late) enables the fast path through the wrapper
#include "fastpath_${i}.h"

int Client${i}Dial(const sockaddr_in* addr)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (connect(s, (const sockaddr*)addr, sizeof(*addr)) == SOCKET_ERROR) {
        return -1;
    }
    Net${i}EnableFastPath(s);
    Net${i}SetNoDelay(s);
    return 0;
}

int Server${i}Accept(SOCKET listener)
{
    listen(listener, SOMAXCONN);
    SOCKET c = accept(listener, NULL, NULL);
    Net${i}EnableFastPath(c);
    return c == INVALID_SOCKET ? -1 : 0;
}
`,
  }),
];

export function generateTree(dir, megabytes = 100, seed = 1) {
  const random = rng(seed);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let files = 0;
  let module = 0;
  fs.rmSync(dir, { recursive: true, force: true });
  while (written < target) {
    const folder = path.join(dir, `component${Math.floor(files / 200)}`, `part${Math.floor(files / 20) % 10}`);
    fs.mkdirSync(folder, { recursive: true });
    // One module in about 150 files carries the fast path (a header, its source, a user elsewhere).
    if (files % 150 === 75) {
      const m = FAST_PATH_MODULES[0](module++);
      for (const [file, text] of [
        [`fastpath_${module - 1}.h`, m.header],
        [`fastpath_${module - 1}.cpp`, m.source],
        [`client_${module - 1}.cpp`, m.user],
      ]) {
        fs.writeFileSync(path.join(folder, file), text);
        written += text.length;
        files++;
      }
      continue;
    }
    const ext = ['.c', '.cpp', '.h', '.hpp', '.cc'][Math.floor(random() * 5)];
    let text = `// ${name(random, 2)}${ext} - generated benchmark source\n#include <winsock2.h>\n#include <string.h>\n\n`;
    const size = 8_000 + Math.floor(random() * 40_000);
    while (text.length < size) text += ordinaryFunction(random) + '\n';
    fs.writeFileSync(path.join(folder, `${name(random, 2)}_${files}${ext}`), text);
    written += text.length;
    files++;
  }
  return { files, bytes: written, fastPathModules: module };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/generate-tree.mjs <dir> [megabytes]');
    process.exit(2);
  }
  const result = generateTree(dir, Number(process.argv[3] ?? 100));
  console.log(
    `${result.files} files, ${(result.bytes / 1048576).toFixed(1)} MB, ${result.fastPathModules} fast-path modules in ${dir}`,
  );
}
