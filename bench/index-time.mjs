#!/usr/bin/env node
// Engine-level timing on one tree: read + decode, the project index (prefilter, extraction, summaries to a
// fixed point, rules), then the same again with the facts cache warm. Prints JSON; peak RSS is this
// process's own (process.resourceUsage().maxRSS), so it includes holding every file's text.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject, decodeSource, isBinary } from '../rules/dist/src/index.js';

const SOURCE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$/i;
const dir = process.argv[2];
const started = process.hrtime.bigint();
const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;

const files = [];
let bytes = 0;
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.isFile() && SOURCE.test(e.name)) {
      const raw = fs.readFileSync(full);
      bytes += raw.length;
      if (!isBinary(raw)) files.push({ path: full, text: decodeSource(raw).text });
    }
  }
})(dir);
const readSeconds = seconds(started);

const cache = new Map();
const factsCache = { get: (k) => cache.get(k), set: (k, v) => cache.set(k, v) };
let t = process.hrtime.bigint();
const results = analyzeProject(files, { cache: factsCache });
const indexSeconds = seconds(t);
t = process.hrtime.bigint();
analyzeProject(files, { cache: factsCache });
const warmIndexSeconds = seconds(t);

console.log(
  JSON.stringify({
    files: files.length,
    megabytes: bytes / 1048576,
    parsedFiles: cache.size,
    findings: results.reduce((n, r) => n + r.findings.length, 0),
    readSeconds,
    indexSeconds,
    warmIndexSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
