#!/usr/bin/env node
// Language-server latency benchmark: drives the real server binary (node server/dist/src/bin.js --stdio)
// with a minimal JSON-RPC client, no editor. Measures
//   1. time from didOpen to the first publishDiagnostics of a generated 5,000-line C++ file (cold server);
//   2. median / p95 time from a one-character incremental didChange to the publishDiagnostics of that
//      version (push: includes any debounce; the server skips it for projects analysed in under 100 ms) and
//      to the textDocument/diagnostic answer
//      for that version (pull: analysed at once), over ~100 edits each;
//   3. time to index a generated 100 MB workspace: initialize with the folder, until $/progress end
//      (all files read) and until workspace/diagnostic answers (every file analysed), and the edit
//      latency of a file inside that workspace afterwards;
//   4. the server's peak RSS (VmHWM from /proc/<pid>/status, read before shutdown).
// With --real DIR, first measures on real code (see realScenario): DIR as one workspace folder, and the
// workspace inside DIR that holds --file (default REAL_FILE); the generated figures above then follow as a
// second, regression-only table.
// Prints a table and writes bench/out/lsp-results.json. Not a pass/fail test: targets are printed.
// Usage: node bench/lsp-latency.mjs [--real DIR [--file PATH] [--skip-whole | --whole-only]] [--edits N] [--size MB]
//        [--skip-workspace] [--skip-document]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateTree } from './generate-tree.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
// LSP_BENCH_SERVER=path/to/bin.js measures another build (a baseline) with the same client.
const serverBin = process.env.LSP_BENCH_SERVER ?? path.join(root, 'server/dist/src/bin.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('--edits', 100);
const MEGABYTES = arg('--size', 100);
const SKIP_WORKSPACE = process.argv.includes('--skip-workspace');
const SKIP_DOCUMENT = process.argv.includes('--skip-document');
const stringArg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REAL_DIR = stringArg('--real');
/** The reference measurement: libzmq's src/ip.cpp, in the libzmq workspace (relative to DIR). */
const REAL_FILE = stringArg('--file') ?? 'zeromq+libzmq/src/ip.cpp';
const SKIP_WHOLE = process.argv.includes('--skip-whole');
const WHOLE_ONLY = process.argv.includes('--whole-only');
const TARGET_OPEN_MS = 500;
const TARGET_RSS_MB = 300;
const TARGET_P95_MS = 20;
const TARGET_INDEX_S = 10;

// ---------------------------------------------------------------------------------------------
// A minimal LSP client over stdio: Content-Length framing, requests with promises, notifications
// to listeners, and null answers to the server's requests.

class Client {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => this.receive(chunk));
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    this.exited = new Promise((resolve) => child.on('exit', resolve));
  }

  static start(extraArgs = []) {
    const nodeArgs = [...extraArgs, ...(process.env.LSP_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, [...nodeArgs, serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new Client(child);
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  /** Resolves with the first notification (method, params) for which pick returns a value. */
  next(pick) {
    return new Promise((resolve) => this.listeners.push({ pick, resolve }));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message, performance.now());
    }
  }

  dispatch(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve({ result: message.result, at });
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (workDoneProgress/create, configuration, registerCapability...).
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
      this.send({ id: message.id, result });
      return;
    }
    for (const listener of [...this.listeners]) {
      const value = listener.pick(message.method, message.params, at);
      if (value !== undefined) {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        listener.resolve(value);
      }
    }
  }

  /** CPU time (user + system) the server used so far, in ms (clock ticks of 10 ms: compare over many edits). */
  cpuMs() {
    const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  peakRssMb() {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  }

  async stop() {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await this.exited;
  }
}

async function initialize(client, { folder, pull = false } = {}) {
  const capabilities = {
    general: { positionEncodings: ['utf-16'] },
    window: { workDoneProgress: true },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
    },
  };
  const folders = folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folders?.[0]?.uri ?? null,
    capabilities,
    workspaceFolders: folders,
  });
  client.notify('initialized', {});
}

// ---------------------------------------------------------------------------------------------
// The 5,000-line document: ordinary socket code with fast-path misuse scattered through it.

export function generateDocument(lines = 5000) {
  const parts = [
    '// generated by bench/lsp-latency.mjs',
    '#include <winsock2.h>',
    '#include <ws2tcpip.h>',
    '#include <mstcpip.h>',
    '',
  ];
  let i = 0;
  while (parts.length < lines - 20) {
    const n = i++;
    // One function in eight misuses the fast path (three kinds in turn); the rest is ordinary code.
    const kind = n % 8 === 7 ? [1, 2, 3][Math.floor(n / 8) % 3] : [0, 4, 5][n % 3];
    switch (kind) {
      case 0:
        parts.push(
          `static int send_all_${n}(SOCKET s, const char* data, int len)`,
          '{',
          '    int sent = 0;',
          '    while (sent < len) {',
          '        int k = send(s, data + sent, len - sent, 0);',
          '        if (k == SOCKET_ERROR) {',
          '            return WSAGetLastError();',
          '        }',
          '        sent += k;',
          '    }',
          '    return 0;',
          '}',
          '',
        );
        break;
      case 1:
        parts.push(
          `SOCKET dial_${n}(const sockaddr_in* addr)`,
          '{',
          '    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);',
          '    BOOL on = TRUE;',
          '    DWORD bytes = 0;',
          '    connect(s, (const sockaddr*)addr, sizeof(*addr));',
          '    // fast path applied too late: after connect',
          '    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);',
          '    return s;',
          '}',
          '',
        );
        break;
      case 2:
        parts.push(
          `SOCKET listen_${n}(const sockaddr_in* local)`,
          '{',
          '    SOCKET ls = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);',
          '    BOOL on = TRUE;',
          '    DWORD bytes = 0;',
          '    if (WSAIoctl(ls, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL) == SOCKET_ERROR) {',
          '        closesocket(ls);',
          '        return INVALID_SOCKET;',
          '    }',
          '    bind(ls, (const sockaddr*)local, sizeof(*local));',
          '    listen(ls, SOMAXCONN);',
          '    return ls;',
          '}',
          '',
        );
        break;
      case 3:
        parts.push(
          `SOCKET udp_${n}(void)`,
          '{',
          '    SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);',
          '    BOOL on = TRUE;',
          '    DWORD bytes = 0;',
          '    WSAIoctl(u, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), &on, sizeof(on), NULL, NULL, NULL);',
          '    return u;',
          '}',
          '',
        );
        break;
      case 5:
        parts.push(
          `SOCKET dial_plain_${n}(const sockaddr_in* addr)`,
          '{',
          '    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);',
          '    if (s == INVALID_SOCKET) {',
          '        return INVALID_SOCKET;',
          '    }',
          '    // an ordinary client socket',
          '    if (connect(s, (const sockaddr*)addr, sizeof(*addr)) == SOCKET_ERROR) {',
          '        closesocket(s);',
          '        return INVALID_SOCKET;',
          '    }',
          '    return s;',
          '}',
          '',
        );
        break;
      default:
        parts.push(
          `static unsigned checksum_${n}(const unsigned char* p, size_t n)`,
          '{',
          '    unsigned sum = 0;',
          '    for (size_t i = 0; i < n; ++i) {',
          '        sum = (sum << 1) ^ p[i];',
          '    }',
          '    return sum;',
          '}',
          '',
        );
    }
  }
  while (parts.length < lines) parts.push('');
  return parts.slice(0, lines).join('\n') + '\n';
}

/** Ends of indented statements: a space typed (and deleted again) there changes no finding. */
function editableLines(text) {
  const lines = text.split('\n');
  const result = [];
  lines.forEach((line, index) => {
    if (/^\s+\S.*;$/.test(line)) result.push({ line: index, character: line.length });
  });
  return result;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0],
    maxMs: sorted.at(-1),
  };
}

/** One-character edits (insert a space, then delete it again, at spread-out lines); returns latencies. */
async function editLatencies(client, uri, text, { pull, startVersion, edits }) {
  const spots = editableLines(text);
  const latencies = [];
  let version = startVersion;
  for (let i = 0; i < edits; i++) {
    const spot = spots[(i * 37) % spots.length];
    const insert = i % 2 === 0;
    version++;
    const range = insert
      ? { start: spot, end: spot }
      : { start: spot, end: { line: spot.line, character: spot.character + 1 } };
    // The previous edit inserted at spots[((i-1)*37) % n]; delete exactly that character.
    if (!insert) {
      const previous = spots[((i - 1) * 37) % spots.length];
      range.start = previous;
      range.end = { line: previous.line, character: previous.character + 1 };
    }
    const waitPush = pull
      ? undefined
      : client.next((method, params, at) =>
          method === 'textDocument/publishDiagnostics' && params.uri === uri && params.version === version
            ? { at, count: params.diagnostics.length }
            : undefined,
        );
    const t0 = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert ? ' ' : '' }],
    });
    let t1;
    if (pull) {
      const { result, at } = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      if (result.kind !== 'full' && result.kind !== 'unchanged') throw new Error('unexpected report');
      t1 = at;
    } else {
      t1 = (await waitPush).at;
    }
    latencies.push(t1 - t0);
  }
  return { latencies, version };
}

// ---------------------------------------------------------------------------------------------

async function documentScenario(results) {
  const text = generateDocument(5000);
  const file = path.join(out, 'lsp-bench-5000.cpp');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const findings = { count: 0 };

  // Push client: cold open, then edits.
  {
    const client = Client.start();
    await initialize(client);
    const first = client.next((method, params, at) =>
      method === 'textDocument/publishDiagnostics' && params.uri === uri && params.version === 1
        ? { at, count: params.diagnostics.length }
        : undefined,
    );
    const t0 = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpp', version: 1, text } });
    const opened = await first;
    findings.count = opened.count;
    results.firstDiagnosticsMs = opened.at - t0;
    // A warm open (same server, another URI): the parser and rules are loaded.
    const uri2 = `${uri.slice(0, -4)}-copy.cpp`;
    const second = client.next((method, params, at) =>
      method === 'textDocument/publishDiagnostics' && params.uri === uri2 && params.version === 1 ? at : undefined,
    );
    const t1 = performance.now();
    // A different text, so that the server's facts cache (by content hash) does not answer for it.
    client.notify('textDocument/didOpen', {
      textDocument: { uri: uri2, languageId: 'cpp', version: 1, text: `${text}// copy\n` },
    });
    results.firstDiagnosticsWarmMs = (await second) - t1;
    client.notify('textDocument/didClose', { textDocument: { uri: uri2 } });
    const { latencies } = await editLatencies(client, uri, text, { pull: false, startVersion: 1, edits: EDITS });
    results.pushEdit = stats(latencies);
    results.peakRssDocumentMb = client.peakRssMb();
    await client.stop();
  }

  // Pull client: the same edits answered by textDocument/diagnostic (no debounce).
  {
    const client = Client.start();
    await initialize(client, { pull: true });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpp', version: 1, text } });
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const { latencies } = await editLatencies(client, uri, text, { pull: true, startVersion: 1, edits: EDITS });
    results.pullEdit = stats(latencies);
    await client.stop();
  }
  results.document = { lines: 5000, bytes: Buffer.byteLength(text), diagnostics: findings.count };
}

async function workspaceScenario(results) {
  const tree = path.join(out, `tree-${MEGABYTES}mb`);
  if (!fs.existsSync(tree)) {
    process.stderr.write(`generating ${tree}...\n`);
    generateTree(tree, MEGABYTES);
  }
  const client = Client.start();
  let progressToken;
  const begun = client.next((method, params) =>
    method === '$/progress' && params.value?.kind === 'begin' ? params.token : undefined,
  );
  const ended = client.next((method, params, at) =>
    method === '$/progress' && params.value?.kind === 'end' ? at : undefined,
  );
  const t0 = performance.now();
  await initialize(client, { folder: tree, pull: true });
  progressToken = await begun;
  const progressEnd = await ended;
  results.indexReadSeconds = (progressEnd - t0) / 1000;
  const { result, at } = await client.request('workspace/diagnostic', { previousResultIds: [] });
  results.indexAnalysedSeconds = (at - t0) / 1000;
  results.workspace = {
    megabytes: MEGABYTES,
    progressToken,
    filesWithDiagnostics: result.items.filter((item) => item.kind === 'full' && item.items.length > 0).length,
    diagnostics: result.items.reduce((sum, item) => sum + (item.items?.length ?? 0), 0),
  };

  // Editing a file of the indexed workspace (one with findings): the whole folder is one project
  // (cross-file rules), so this is the latency a user of a big workspace sees.
  const member = result.items
    .filter((item) => item.kind === 'full' && item.items.length > 0 && /\.(c|cpp)$/.test(item.uri))
    .map((item) => fileURLToPath(item.uri))
    .sort()[0];
  if (member) {
    const text = fs.readFileSync(member, 'utf8');
    const uri = pathToFileURL(member).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpp', version: 1, text } });
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const { latencies } = await editLatencies(client, uri, text, { pull: true, startVersion: 1, edits: EDITS });
    results.workspaceEdit = { file: path.relative(root, member), lines: text.split('\n').length, ...stats(latencies) };
  }
  results.peakRssWorkspaceMb = client.peakRssMb();
  await client.stop();
}

// ---------------------------------------------------------------------------------------------
// Real code: a server started on a real workspace folder indexes it, then the file is opened and edited.

/** One server session on `folder`: index, open `file`, edit it; diagnostics pulled or pushed. */
async function realSession(folder, file, { pull }) {
  const client = Client.start();
  const ended = client.next((method, params, at) =>
    method === '$/progress' && params.value?.kind === 'end' ? at : undefined,
  );
  // The server logs how many source files it read ("winsock-lint: N source files in DIR").
  const counted = client.next((method, params) =>
    method === 'window/logMessage' ? /(\d+) source files in/.exec(params.message)?.[1] : undefined,
  );
  const t0 = performance.now();
  await initialize(client, { folder, pull });
  const progressEnd = await ended;
  // Answered once every file of the folder is analysed (the server handles it in push mode too).
  const { result, at } = await client.request('workspace/diagnostic', { previousResultIds: [] });
  const session = {
    folder,
    pull,
    sourceFiles: Number(await counted),
    filesWithDiagnostics: result.items.filter((item) => item.items?.length > 0).length,
    indexReadSeconds: (progressEnd - t0) / 1000,
    indexAnalysedSeconds: (at - t0) / 1000,
  };
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const pushed = pull
    ? undefined
    : client.next((method, params, when) =>
        method === 'textDocument/publishDiagnostics' && params.uri === uri && params.version === 1
          ? { at: when, count: params.diagnostics.length }
          : undefined,
      );
  const openCpu = client.cpuMs();
  const t1 = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpp', version: 1, text } });
  if (pull) {
    const answer = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    session.openMs = answer.at - t1;
    session.openDiagnostics = answer.result.items?.length ?? 0;
  } else {
    const opened = await pushed;
    session.openMs = opened.at - t1;
    session.openDiagnostics = opened.count;
  }
  session.openCpuMs = client.cpuMs() - openCpu;
  const cpuBefore = client.cpuMs();
  const { latencies } = await editLatencies(client, uri, text, { pull, startVersion: 1, edits: EDITS });
  session.edit = stats(latencies);
  // Wall times grow with the machine's load; the server's CPU time per edit much less.
  session.editCpuMs = (client.cpuMs() - cpuBefore) / EDITS;
  session.peakRssMb = client.peakRssMb();
  await client.stop();
  return session;
}

/**
 * `--real DIR`: the workspace inside DIR that holds REAL_FILE (pull and push sessions), then DIR itself as
 * one workspace folder (pull; peak RSS on the whole tree), each opening and editing REAL_FILE.
 */
async function realScenario(results) {
  const dir = path.resolve(REAL_DIR);
  const file = path.join(dir, REAL_FILE);
  if (!fs.existsSync(file)) throw new Error(`--real: ${file} does not exist (choose one with --file PATH)`);
  const top = REAL_FILE.split(/[\\/]/)[0];
  const workspace = top !== REAL_FILE ? path.join(dir, top) : dir;
  results.real = { dir, file: REAL_FILE, sessions: [] };
  if (!WHOLE_ONLY) {
    for (const pull of [true, false]) results.real.sessions.push(await realSession(workspace, file, { pull }));
  }
  if (!SKIP_WHOLE && workspace !== dir) results.real.sessions.push(await realSession(dir, file, { pull: true }));
}

function realRows(real) {
  const rows = [];
  const ms = (v) => `${v.toFixed(1)} ms`;
  for (const s of real.sessions) {
    const name = `${path.basename(s.folder)} (${s.sourceFiles} files, ${s.pull ? 'pull' : 'push'})`;
    rows.push(
      [`${name}: indexed (all files analysed)`, `${s.indexAnalysedSeconds.toFixed(2)} s`, ''],
      [
        `${name}: didOpen ${path.basename(real.file)} -> diagnostics`,
        ms(s.openMs),
        `< ${TARGET_OPEN_MS} ms once indexed`,
      ],
      [`${name}: server CPU time of the open`, ms(s.openCpuMs), ''],
      [`${name}: one-char edit -> diagnostics, median`, ms(s.edit.medianMs), ''],
      [`${name}: one-char edit -> diagnostics, p95`, ms(s.edit.p95Ms), `< ${TARGET_P95_MS} ms`],
      [`${name}: server CPU time per edit (mean)`, ms(s.editCpuMs), ''],
      [`${name}: server peak RSS`, `${s.peakRssMb.toFixed(0)} MB`, `< ${TARGET_RSS_MB} MB`],
    );
  }
  return rows;
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const results = { date: new Date().toISOString(), cores, node: process.version, edits: EDITS };
  if (REAL_DIR) await realScenario(results);
  if (!SKIP_DOCUMENT) await documentScenario(results);
  if (!SKIP_WORKSPACE) await workspaceScenario(results);

  const pad = (s, n) => String(s).padEnd(n);
  const ms = (v) => (v === undefined ? '–' : `${v.toFixed(1)} ms`);
  console.log(`winsock-lint language server (${cores} cores, node ${process.version})\n`);
  if (results.real) {
    console.log(`real code: ${results.real.dir}, file ${results.real.file}, ${EDITS} edits per session\n`);
    console.log(`${pad('measure', 72)}${pad('value', 14)}target`);
    for (const [label, value, target] of realRows(results.real))
      console.log(`${pad(label, 72)}${pad(value, 14)}${target}`);
    if (SKIP_DOCUMENT && SKIP_WORKSPACE) {
      fs.writeFileSync(path.join(out, 'lsp-results.json'), JSON.stringify(results, null, 2));
      return;
    }
    console.log('\ngenerated code (regression only)\n');
  }
  console.log(`${pad('measure', 64)}${pad('value', 22)}target`);
  const rows = [];
  if (!SKIP_DOCUMENT) {
    rows.push(
      ['didOpen -> first diagnostics, 5,000-line file (cold server)', ms(results.firstDiagnosticsMs), ''],
      ['didOpen -> first diagnostics, 5,000-line file (warm server)', ms(results.firstDiagnosticsWarmMs), ''],
      [`didChange -> publishDiagnostics (push, ${EDITS} edits): median`, ms(results.pushEdit.medianMs), ''],
      [
        'didChange -> publishDiagnostics (push): p95',
        ms(results.pushEdit.p95Ms),
        `< ${TARGET_P95_MS} ms (includes any debounce)`,
      ],
      [`didChange -> textDocument/diagnostic (pull, ${EDITS} edits): median`, ms(results.pullEdit.medianMs), ''],
      ['didChange -> textDocument/diagnostic (pull): p95', ms(results.pullEdit.p95Ms), `< ${TARGET_P95_MS} ms`],
      ['peak RSS, 5,000-line document session', `${results.peakRssDocumentMb.toFixed(0)} MB`, ''],
    );
  }
  if (!SKIP_WORKSPACE) {
    rows.push(
      [
        `index ${MEGABYTES} MB workspace: $/progress end (files read)`,
        `${results.indexReadSeconds.toFixed(2)} s`,
        `< ${TARGET_INDEX_S} s on 2 cores`,
      ],
      [
        `index ${MEGABYTES} MB workspace: workspace/diagnostic answered (analysed)`,
        `${results.indexAnalysedSeconds.toFixed(2)} s`,
        `< ${TARGET_INDEX_S} s on 2 cores`,
      ],
    );
    if (results.workspaceEdit) {
      rows.push(
        [
          `edit in a workspace file (pull, ${results.workspaceEdit.count} edits): median`,
          ms(results.workspaceEdit.medianMs),
          '',
        ],
        ['edit in a workspace file (pull): p95', ms(results.workspaceEdit.p95Ms), ''],
      );
    }
    rows.push(['peak RSS, workspace session', `${results.peakRssWorkspaceMb.toFixed(0)} MB`, '']);
  }
  for (const [label, value, target] of rows) console.log(`${pad(label, 64)}${pad(value, 22)}${target}`);
  fs.writeFileSync(path.join(out, 'lsp-results.json'), JSON.stringify(results, null, 2));
  console.log(`\nwrote ${path.relative(root, path.join(out, 'lsp-results.json'))}`);
}

// Run when executed (not when imported for its document generator).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
