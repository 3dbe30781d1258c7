// Test helper: builds a throw-away folder tree under os.tmpdir() and removes it when the test ends.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';

/** Relative path → file contents. Paths ending in '/' make empty folders. */
export type TreeSpec = Record<string, string | Uint8Array>;

export function makeTree(t: TestContext, spec: TreeSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'winsock-lint-cli-'));
  t.after(() => {
    restorePermissions(root);
    rmSync(root, { recursive: true, force: true });
  });
  for (const [relative, contents] of Object.entries(spec)) {
    const path = join(root, relative);
    if (relative.endsWith('/')) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
  return root;
}

const locked: string[] = [];

/** chmod 000, undone before the tree is removed. */
export function lock(path: string): void {
  chmodSync(path, 0o000);
  locked.push(path);
}

function restorePermissions(root: string): void {
  for (const path of locked.splice(0)) {
    if (path.startsWith(root)) chmodSync(path, 0o755);
  }
}

/** Root ignores file permissions, so chmod-based tests cannot observe EACCES there. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
