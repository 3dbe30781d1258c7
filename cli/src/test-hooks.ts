// Test-only pauses, switched on by environment variables that no user sets, so end-to-end tests can act at an
// exact moment of a real run (delete a file after discovery, send SIGINT while a fixed file waits to be
// renamed). Each pause announces itself on stderr first, so the test knows when to act. They read
// process.env, not the injectable CliIo environment: they exist only for tests of the real binary.

/** Milliseconds to wait before each rename of an atomic write (after the temporary file is complete). */
export const PAUSE_BEFORE_RENAME = 'WINSOCK_LINT_TEST_PAUSE_BEFORE_RENAME';
/** Milliseconds to wait after file discovery, before the files are read. */
export const PAUSE_AFTER_DISCOVERY = 'WINSOCK_LINT_TEST_PAUSE_AFTER_DISCOVERY';

/** Waits (letting signal handlers run) when `variable` holds a positive number of milliseconds. */
export async function testPause(variable: string, what: string): Promise<void> {
  const ms = Number(process.env[variable] ?? '');
  if (!Number.isFinite(ms) || ms <= 0) return;
  process.stderr.write(`winsock-lint: test hook: pausing ${ms} ms ${what}\n`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}
