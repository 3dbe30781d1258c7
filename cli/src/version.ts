// The CLI's version, read from its package.json so `--version` never drifts from what was published.
import { readFileSync } from 'node:fs';

export function cliVersion(): string {
  // Compiled to dist/src/version.js, so the manifest is two folders up.
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
