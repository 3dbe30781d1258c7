#!/usr/bin/env node
// npm run bench [-- --real DIR]: with --real, first the real-code bench (bench/real.mjs) on DIR; then, as a
// regression table, winsock-lint audit against rg -l (the I/O floor) and ast-grep scan (the tree-sitter peer) on
// generated trees in one run, with ratios (bench/out/results.json); then the language server and ESLint benches.
// Wall and CPU seconds and peak RSS come from GNU time; nothing here is a pass/fail test.
import { execFileSync, spawnSync } from 'node:child_process';
import { ensureTool, measure, PATTERN, treeBytes } from './bench-tools.mjs';
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
const realArg = process.argv.indexOf('--real');

if (realArg > 0) {
  const status = spawnSync(process.execPath, [path.join(root, 'bench/real.mjs'), process.argv[realArg + 1] ?? ''], {
    stdio: 'inherit',
  }).status;
  if (status !== 0) process.exit(status ?? 1);
  if (process.argv.includes('--real-only')) process.exit(0);
  console.log('\nRegression only (generated trees):\n');
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
      measure('ast-grep scan', astGrep, ['scan', '-c', path.join(root, 'bench/ast-grep/sgconfig.yml'), tree.dir]),
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
for (const script of ['bench/lsp-latency.mjs', 'bench/eslint-modes.mjs', 'bench/fix-coverage.mjs']) {
  const status = spawnSync(process.execPath, [path.join(root, script)], { stdio: 'inherit' }).status;
  if (status !== 0) process.exitCode = status ?? 1;
}
