// The .vsix under test: the one `npm run package` made when it is newer than the bundles, otherwise
// one packaged now into a temporary folder; and reading its entries (with yauzl, vsce's zip reader).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLIENT_DIR, REPO_DIR, defaultVsixPath } from './paths.js';

interface ZipEntry {
  fileName: string;
}
interface ZipFile {
  readEntry(): void;
  openReadStream(entry: ZipEntry, callback: (error: Error | null, stream: NodeJS.ReadableStream) => void): void;
  on(event: 'entry', listener: (entry: ZipEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface Yauzl {
  open(path: string, options: { lazyEntries: boolean }, callback: (error: Error | null, zip: ZipFile) => void): void;
}

const yauzl = createRequire(import.meta.url)('yauzl') as Yauzl;

const BUNDLE_INPUTS = ['package.json', 'README.md', 'dist/extension.cjs', 'dist/server.cjs'];

function isFresh(vsix: string): boolean {
  if (!existsSync(vsix)) return false;
  const built = statSync(vsix).mtimeMs;
  return BUNDLE_INPUTS.every((file) => statSync(join(CLIENT_DIR, file)).mtimeMs <= built);
}

/** Path of an up-to-date .vsix (needs `npm run build` first). */
export function vsixUnderTest(): string {
  const packaged = defaultVsixPath();
  if (isFresh(packaged)) return packaged;
  const out = join(mkdtempSync(join(tmpdir(), 'winsock-lint-vsix-')), 'winsock-lint.vsix');
  execFileSync(
    join(REPO_DIR, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--skip-license', '--out', out],
    {
      cwd: CLIENT_DIR,
      stdio: 'pipe',
    },
  );
  return out;
}

/** Every file of the archive, by its path inside the archive. */
export function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Unpacks the extension's files (the archive's `extension/` folder) into `target`. */
export async function unpackExtension(vsix: string, target: string): Promise<void> {
  for (const [name, data] of await readZip(vsix)) {
    if (!name.startsWith('extension/')) continue;
    const path = join(target, name.slice('extension/'.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}
