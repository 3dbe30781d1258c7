// Temporary workspace folders for tests: files written from strings or copied from fixtures, with
// their file: URIs. Call remove() when done.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturePath } from './lsp-client.js';

/** A C++ function with one no-deprecated-fast-path finding (a warning by default). */
export const DEPRECATED_CALL =
  'void f(SOCKET s)\n{\n    BOOL on = TRUE;\n    DWORD b = 0;\n    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &b, NULL, NULL);\n}\n';
export const CLEAN_SOURCE = 'int add(int a, int b)\n{\n    return a + b;\n}\n';

export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string> = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'winsock-lint-server-'));
    for (const [relative, text] of Object.entries(files)) this.write(relative, text);
  }

  write(relative: string, text: string): void {
    mkdirSync(dirname(join(this.root, relative)), { recursive: true });
    writeFileSync(join(this.root, relative), text);
  }

  /** Copies a fixture folder (relative to fixtures/) into the workspace, under its own name. */
  copyFixtureFolder(relative: string): string {
    const name = basename(relative);
    cpSync(fixturePath(relative), join(this.root, name), { recursive: true });
    return name;
  }

  uri(relative = ''): string {
    return pathToFileURL(join(this.root, relative)).href;
  }

  folder(name = basename(this.root)): { uri: string; name: string } {
    return { uri: this.uri(), name };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
