// Shared by the benchmarks: tool discovery (installing ripgrep/time when root), tree sizes, and timing a command
// under GNU time (wall and CPU seconds, peak RSS).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SOURCE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$/i;
export const PATTERN = 'SIO_LOOPBACK_FAST_PATH|98000010|2550136848|1744830448|_WSAIOW';

export function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Installs a Debian package when missing and we are root (CI is); otherwise the tool is skipped. */
export function ensureTool(command, debianPackage) {
  if (have(command)) return true;
  if (process.getuid?.() !== 0) return false;
  spawnSync('sh', [
    '-c',
    `apt-get install -y ${debianPackage} >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y ${debianPackage} >/dev/null 2>&1)`,
  ]);
  return have(command);
}

export function treeBytes(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') walk(full);
      } else if (e.isFile() && SOURCE.test(e.name)) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** Runs a command under GNU time; returns wall/cpu seconds, peak RSS in MB and the command's stderr. */
export function measure(label, command, args, options = {}) {
  const timeFile = path.join(os.tmpdir(), `winsock-lint-bench-${process.pid}.time`);
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const [wall, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  fs.rmSync(timeFile, { force: true });
  return {
    label,
    exitCode: result.status,
    wall,
    cpu: user + sys,
    peakRssMb: rssKb / 1024,
    stderr: result.stderr?.toString() ?? '',
  };
}
