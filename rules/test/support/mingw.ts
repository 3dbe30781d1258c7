// Runs MinGW-w64 `-fsyntax-only -Wall -Wextra` on C/C++ text and returns its diagnostics without their
// places, so a fixed text can be compared with its source. Windows headers come precompiled (one PCH each
// for C and C++), which makes a check take a tenth of a second instead of one.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './fixture-files.js';

export const INSTALL_COMMAND = 'sudo bash scripts/install-mingw.sh';
const COMPILERS = { c: 'x86_64-w64-mingw32-gcc', cpp: 'x86_64-w64-mingw32-g++' } as const;
const HEADERS = ['winsock2.h', 'ws2tcpip.h', 'mstcpip.h', 'windows.h', 'stdio.h'];
const FLAGS = ['-fsyntax-only', '-Wall', '-Wextra'];

function found(): boolean {
  try {
    for (const cc of Object.values(COMPILERS)) execFileSync(cc, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when both compilers run, installing them first when missing and running as root. */
export function ensureMingw(): boolean {
  if (found()) return true;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('bash', [path.join(REPO_ROOT, 'scripts/install-mingw.sh')], { stdio: 'ignore' });
    } catch {
      return false;
    }
  }
  return found();
}

export type Language = 'c' | 'cpp';

export function languageOf(file: string): Language | undefined {
  if (/\.c$/i.test(file)) return 'c';
  if (/\.(cc|cpp|cxx|h|hh|hpp|hxx)$/i.test(file)) return 'cpp';
  return undefined;
}

export class SyntaxChecker {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wl-mingw-'));
  private count = 0;

  constructor() {
    for (const lang of ['c', 'cpp'] as const) {
      const header = path.join(this.dir, `pch-${lang}.h`);
      fs.writeFileSync(header, HEADERS.map((h) => `#include <${h}>\n`).join(''));
      execFileSync(COMPILERS[lang], ['-x', lang === 'c' ? 'c-header' : 'c++-header', ...FLAGS.slice(1), header]);
    }
  }

  /** The diagnostics of `text` compiled as if it were `file` (its own folder searched for includes). */
  check(text: string, file: string): Promise<string[]> {
    const lang = languageOf(file)!;
    const source = path.join(this.dir, `${this.count++}-${path.basename(file)}`);
    fs.writeFileSync(source, text);
    const args = ['-x', lang === 'c' ? 'c' : 'c++', ...FLAGS, '-include', path.join(this.dir, `pch-${lang}.h`)];
    args.push('-I', path.dirname(file), '-Wno-pragma-once-outside-header', source);
    return new Promise((resolve) => {
      execFile(COMPILERS[lang], args, { maxBuffer: 1 << 24 }, (_error, _stdout, stderr) => {
        fs.rmSync(source, { force: true });
        const lines = stderr.split('\n').filter((l) => /: (warning|error): /.test(l));
        resolve(lines.map((l) => l.slice(l.search(/(warning|error): /))).sort());
      });
    });
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Diagnostics in `after` beyond those in `before` (as multisets). */
export function newDiagnostics(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  return after.filter((d) => {
    const i = left.indexOf(d);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}
