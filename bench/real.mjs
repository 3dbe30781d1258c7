#!/usr/bin/env node
// The real-code bench (npm run bench -- --real DIR): on a folder of real trees (../shared/corpus/build-corpus.sh;
// real code is never committed here) it times, in one run, the audit against rg -l and ast-grep scan (.c/.h as
// C++), prints peak RSS, the files parsed, whether the selection's findings equal those of --no-prefilter (and
// any difference), full-parse MB/s against raw tree-sitter throughput, the one-file audit, and the language
// server's latencies when bench/lsp-latency.mjs can measure a workspace inside DIR. Writes bench/out/real.json.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTool, measure, PATTERN, SOURCE, treeBytes } from './bench-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const cli = path.join(root, 'cli/bin/winsock-lint.js');
const astGrep = path.join(root, 'node_modules/.bin/ast-grep');
const dir = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(dir)) {
  console.error('usage: node bench/real.mjs DIR   (a folder of real C/C++ trees)');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
ensureTool('/usr/bin/time', 'time');
const hasRg = ensureTool('rg', 'ripgrep');
const cores = os.availableParallelism?.() ?? os.cpus().length;
const { bytes, files } = treeBytes(dir);
const megabytes = bytes / 1048576;

/** The findings of a JSON report, comparable: path, rule, position, message, related locations. */
function findingsOf(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return report.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

function statsOf(run) {
  const match = /stats: (\d+) files? read \(([\d.]+) MB\), (\d+) parsed/.exec(run.stderr);
  return match ? { read: Number(match[1]), parsed: Number(match[3]) } : undefined;
}

const selectedJson = path.join(out, 'real-selected.json');
const fullJson = path.join(out, 'real-full.json');
const audit = measure('winsock-lint audit', process.execPath, [
  cli,
  'audit',
  dir,
  '-q',
  '--stats',
  '-f',
  'json',
  '-o',
  selectedJson,
]);
const full = measure('winsock-lint audit --no-prefilter', process.execPath, [
  cli,
  'audit',
  dir,
  '-q',
  '--stats',
  '--no-prefilter',
  '-f',
  'json',
  '-o',
  fullJson,
]);
const rg = hasRg ? measure('rg -l', 'rg', ['-l', '-e', PATTERN, dir]) : undefined;
const sg = fs.existsSync(astGrep)
  ? measure('ast-grep scan', astGrep, ['scan', '-c', path.join(root, 'bench/ast-grep/sgconfig.yml'), dir])
  : undefined;
const oneFile = (() => {
  const preferred = path.join(dir, 'zeromq+libzmq/src/tcp.cpp');
  if (fs.existsSync(preferred)) return preferred;
  const find = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isFile() && SOURCE.test(e.name)) return full;
      if (e.isDirectory() && e.name !== '.git') {
        const found = find(full);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(dir);
})();
const single = oneFile
  ? measure('winsock-lint audit (1 file)', process.execPath, [cli, 'audit', oneFile, '-q'])
  : undefined;
// Raw tree-sitter throughput on one core, on a sample of the tree (parsing all of it would double the run).
const sampleDir = fs.existsSync(path.join(dir, 'zeromq+libzmq')) ? path.join(dir, 'zeromq+libzmq') : dir;
const raw = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'bench/parse-throughput.mjs'), sampleDir], { encoding: 'utf8' }),
);
const rawMbPerSecond = raw.bytes / 1048576 / raw.seconds;

const selected = findingsOf(selectedJson);
const everything = findingsOf(fullJson);
const onlySelected = selected.filter((f) => !everything.includes(f));
const onlyFull = everything.filter((f) => !selected.includes(f));
const stats = statsOf(audit);

const pad = (s, n) => String(s).padEnd(n);
console.log(
  `winsock-lint real-code benchmark: ${dir} (${files} C/C++ files, ${megabytes.toFixed(1)} MB; ${cores} cores, node ${process.version})\n`,
);
console.log(`${pad('tool', 36)}${pad('wall s', 9)}${pad('cpu s', 9)}${pad('MB/s', 9)}${pad('peak MB', 9)}`);
const runs = [audit, full, rg, sg, single].filter(Boolean);
for (const run of runs) {
  const rate = run === single ? '' : (megabytes / run.wall).toFixed(1);
  console.log(
    `${pad(run.label, 36)}${pad(run.wall.toFixed(2), 9)}${pad(run.cpu.toFixed(2), 9)}${pad(rate, 9)}${pad(run.peakRssMb.toFixed(0), 9)}`,
  );
}
const fullMbPerSecond = megabytes / full.wall;
const lines = [
  rg ? `audit is ${(audit.wall / rg.wall).toFixed(1)}x rg -l (target <= 10)` : 'rg -l: not installed',
  sg ? `ast-grep scan is ${(sg.wall / audit.wall).toFixed(1)}x the audit (target >= 20)` : 'ast-grep: not installed',
  stats
    ? `files parsed: ${stats.parsed} of ${stats.read} (${((stats.parsed / stats.read) * 100).toFixed(2)}%; target < 1%)`
    : 'files parsed: unknown',
  `peak RSS: audit ${audit.peakRssMb.toFixed(0)} MB, --no-prefilter ${full.peakRssMb.toFixed(0)} MB (target < 300 MB)`,
  `selection vs --no-prefilter: ${onlySelected.length === 0 && onlyFull.length === 0 ? `identical (${selected.length} findings)` : `DIFFERENT: ${onlyFull.length} only with --no-prefilter, ${onlySelected.length} only with the selection`}`,
  `full parse: ${fullMbPerSecond.toFixed(2)} MB/s = ${((fullMbPerSecond / (rawMbPerSecond * cores)) * 100).toFixed(0)}% of raw parse x cores (${rawMbPerSecond.toFixed(1)} MB/s/core on ${path.basename(sampleDir)}; target >= 70%)`,
  single
    ? `one-file audit (${path.relative(dir, oneFile)}): ${(single.wall * 1000).toFixed(0)} ms (target < 300 ms)`
    : '',
];
console.log(`\n${lines.filter(Boolean).join('\n')}`);
for (const f of onlyFull.slice(0, 20)) console.log(`  only with --no-prefilter: ${f}`);
for (const f of onlySelected.slice(0, 20)) console.log(`  only with the selection: ${f}`);

// Language server latencies on a workspace inside DIR: bench/lsp-latency.mjs measures them when it knows --real.
const lspScript = path.join(root, 'bench/lsp-latency.mjs');
let lsp = null;
if (fs.readFileSync(lspScript, 'utf8').includes("'--real'")) {
  const run = spawnSync(process.execPath, [lspScript, '--real', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  lsp = run.stdout;
  console.log(`\nlanguage server (bench/lsp-latency.mjs --real):\n${run.stdout}`);
} else {
  console.log(
    '\nlanguage server on a real workspace: not measured here yet (bench/lsp-latency.mjs has no --real mode)',
  );
}
const json = {
  date: new Date().toISOString(),
  cores,
  node: process.version,
  dir,
  files,
  megabytes,
  runs,
  stats,
  equal: onlySelected.length === 0 && onlyFull.length === 0,
  onlyFull,
  onlySelected,
  rawParse: { ...raw, mbPerSecond: rawMbPerSecond, sample: sampleDir },
  lsp,
};
fs.writeFileSync(path.join(out, 'real.json'), JSON.stringify(json, null, 2));
console.log(`\nwrote ${path.relative(root, path.join(out, 'real.json'))}`);
