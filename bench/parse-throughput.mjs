#!/usr/bin/env node
// Raw tree-sitter-cpp parse throughput on one core: reads and parses every C/C++ file of a tree, nothing else.
// Prints JSON {files, bytes, seconds}. The audit's full-parse mode is compared against this figure.
import fs from 'node:fs';
import path from 'node:path';
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';

const SOURCE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$/i;
const parser = new Parser();
parser.setLanguage(Cpp);
let files = 0;
let bytes = 0;
const start = process.hrtime.bigint();
async function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full);
    else if (entry.isFile() && SOURCE.test(entry.name)) {
      const text = fs.readFileSync(full, 'latin1');
      parser.parse(text);
      files++;
      bytes += text.length;
      if (files % 32 === 0) await new Promise((r) => setImmediate(r));
    }
  }
}
await walk(process.argv[2]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ files, bytes, seconds }));
