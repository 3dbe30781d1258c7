// Runs the real CLI binary for end-to-end tests, and the small sources they share: a function whose deprecated
// IOCTL call --fix removes with its line, and that text once fixed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Compiled to cli/dist/test/helpers/cli-run.js.
export const BIN = fileURLToPath(new URL('../../../bin/winsock-lint.js', import.meta.url));

export const IOCTL = 'WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);';

const LINES = [
  '#include <winsock2.h>',
  'void enable(SOCKET s) {',
  '    int on = 1;',
  '    DWORD bytes = 0;',
  `    ${IOCTL}`,
  '}',
  '',
];
/** The deprecated call, which --fix removes with its line. */
export const FIXABLE = LINES.join('\n');
/** The locals only the call used go with it; the parameter it used is marked used (no -Wunused-parameter). */
export const FIXED = ['#include <winsock2.h>', 'void enable(SOCKET s) {', '    (void)s;', '}', ''].join('\n');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `winsock-lint <args>` in `cwd` without colours; `unsetEnv` names further variables to clear. */
export function runCli(cwd: string, args: readonly string[], unsetEnv: readonly string[] = []): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const name of ['FORCE_COLOR', ...unsetEnv]) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
