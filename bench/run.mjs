#!/usr/bin/env node
// npm run bench: times winsock-lint audit against rg -l (the I/O floor) and ast-grep scan (the tree-sitter
// peer) on the same trees in one run; prints a table with ratios and writes bench/out/results.json.
// Wall and CPU seconds and peak RSS come from GNU time; nothing here is a pass/fail test.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate-tree.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const sizeArg = process.argv.indexOf('--size');
const megabytes = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 100;
const cli = path.join(root, 'cli/bin/winsock-lint.js');
const astGrep = path.join(root, 'node_modules/.bin/ast-grep');
const PATTERN = 'SIO_LOOPBACK_FAST_PATH|98000010|2550136848|1744830448|_WSAIOW';

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Installs a Debian package when missing and we are root (CI is); otherwise the tool is skipped. */
function ensureTool(command, debianPackage) {
  if (have(command)) return true;
  if (process.getuid?.() !== 0) return false;
  spawnSync('sh', [
    '-c',
    `apt-get install -y ${debianPackage} >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y ${debianPackage} >/dev/null 2>&1)`,
  ]);
  return have(command);
}

function treeBytes(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$/i.test(e.name)) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** Runs a command under GNU time; returns wall/cpu seconds and peak RSS in MB. */
function measure(label, command, args) {
  const timeFile = path.join(os.tmpdir(), `winsock-lint-bench-${process.pid}.time`);
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const [wall, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  fs.rmSync(timeFile, { force: true });
  return { label, exitCode: result.status, wall, cpu: user + sys, peakRssMb: rssKb / 1024 };
}

const generated = path.join(out, `tree-${megabytes}mb`);
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(generated)) generateTree(generated, megabytes);
const FULL_PARSE_LIMIT_MB = 20;
const sample = path.join(out, 'tree-10mb');
if (!fs.existsSync(sample)) generateTree(sample, 10, 2);
const trees = [
  { name: `generated ${megabytes} MB`, dir: generated },
  { name: 'generated 10 MB', dir: sample },
  { name: '/usr/include', dir: '/usr/include' },
  { name: 'tree-sitter-cpp sources', dir: path.join(root, 'node_modules/tree-sitter-cpp') },
].filter((t) => fs.existsSync(t.dir));

ensureTool('/usr/bin/time', 'time');
const hasRg = ensureTool('rg', 'ripgrep');
const hasAstGrep = fs.existsSync(astGrep);
const results = [];
for (const tree of trees) {
  const { bytes, files } = treeBytes(tree.dir);
  const row = { tree: tree.name, files, megabytes: bytes / 1048576, runs: [] };
  row.runs.push(
    measure('winsock-lint audit', process.execPath, [cli, 'audit', tree.dir, '--format', 'json', '--quiet']),
  );
  // Parsing every file is far slower than the prefiltered audit: it is measured on trees up to 20 MB.
  if (row.megabytes <= FULL_PARSE_LIMIT_MB) {
    const args = [cli, 'audit', tree.dir, '--format', 'json', '--quiet', '--no-prefilter'];
    const fullParse = measure('winsock-lint audit --no-prefilter', process.execPath, args);
    if (fullParse.exitCode !== 2) row.runs.push(fullParse);
    const script = path.join(root, 'bench/parse-throughput.mjs');
    const parseOnly = JSON.parse(execFileSync(process.execPath, [script, tree.dir], { encoding: 'utf8' }));
    row.rawParseMbPerSecondPerCore = parseOnly.bytes / 1048576 / parseOnly.seconds;
  }
  if (hasRg) row.runs.push(measure('rg -l', 'rg', ['-l', '-e', PATTERN, tree.dir]));
  if (hasAstGrep)
    row.runs.push(
      measure('ast-grep scan', astGrep, ['scan', '--rule', path.join(root, 'bench/ast-grep/fast-path.yml'), tree.dir]),
    );
  for (const run of row.runs) run.mbPerSecond = row.megabytes / run.wall;
  results.push(row);
}
const index = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'bench/index-time.mjs'), generated], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  }),
);
const single = measure('winsock-lint audit (1 file)', process.execPath, [
  cli,
  'audit',
  path.join(root, 'fixtures/demo/bus_client.cpp'),
  '--quiet',
]);

const cores = os.availableParallelism?.() ?? os.cpus().length;
const pad = (s, n) => String(s).padEnd(n);
console.log(`winsock-lint benchmark (${cores} cores, node ${process.version})\n`);
console.log(
  `${pad('tree', 26)}${pad('tool', 36)}${pad('wall s', 9)}${pad('cpu s', 9)}${pad('MB/s', 9)}${pad('peak MB', 9)}`,
);
for (const row of results) {
  for (const run of row.runs) {
    console.log(
      `${pad(row.tree, 26)}${pad(run.label, 36)}${pad(run.wall.toFixed(2), 9)}${pad(run.cpu.toFixed(2), 9)}${pad(run.mbPerSecond.toFixed(1), 9)}${pad(run.peakRssMb.toFixed(0), 9)}`,
    );
  }
  const audit = row.runs.find((r) => r.label === 'winsock-lint audit');
  const rg = row.runs.find((r) => r.label === 'rg -l');
  const sg = row.runs.find((r) => r.label === 'ast-grep scan');
  const full = row.runs.find((r) => r.label.includes('no-prefilter'));
  row.ratios = {
    auditVsRg: rg && audit ? audit.wall / rg.wall : null,
    astGrepVsAudit: sg && audit ? sg.wall / audit.wall : null,
    fullParseVsRawParseTimesCores: full ? full.mbPerSecond / (row.rawParseMbPerSecondPerCore * cores) : null,
  };
  const r = row.ratios;
  console.log(
    `${pad('', 26)}audit is ${r.auditVsRg?.toFixed(1) ?? '–'}x rg -l (target <= 10), ast-grep is ${r.astGrepVsAudit?.toFixed(1) ?? '–'}x the audit (target >= 20), ` +
      (row.rawParseMbPerSecondPerCore
        ? `full parse at ${((r.fullParseVsRawParseTimesCores ?? 0) * 100).toFixed(0)}% of raw parse x cores (${row.rawParseMbPerSecondPerCore.toFixed(1)} MB/s/core; target >= 85%)\n`
        : `full parse measured on trees up to ${FULL_PARSE_LIMIT_MB} MB only\n`),
  );
}
console.log(
  `project index on the generated tree: read ${index.readSeconds.toFixed(2)} s, index ${index.indexSeconds.toFixed(2)} s cold / ${index.warmIndexSeconds.toFixed(2)} s with cached facts ` +
    `(${index.parsedFiles} of ${index.files} files parsed), peak ${index.peakRssMb.toFixed(0)} MB (target < 300 MB)`,
);
console.log(
  `1-file audit: ${(single.wall * 1000).toFixed(0)} ms (target < 300 ms), peak ${single.peakRssMb.toFixed(0)} MB`,
);
const json = { date: new Date().toISOString(), cores, node: process.version, results, index, singleFile: single };
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(json, null, 2));
console.log(`\nwrote ${path.relative(root, path.join(out, 'results.json'))}`);
