#!/usr/bin/env node
// Entry point linked into node_modules/.bin: hands the command line to the compiled CLI.
import { main } from '../dist/src/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`winsock-lint: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
