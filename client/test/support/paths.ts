// Where the tests find the repository, the extension's folder and its .vsix (tests run from dist/test).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLIENT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const REPO_DIR = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ExtensionManifest {
  name: string;
  version: string;
  publisher: string;
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, Record<string, unknown>> };
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

export function readManifest(): ExtensionManifest {
  return JSON.parse(readFileSync(`${CLIENT_DIR}package.json`, 'utf8')) as ExtensionManifest;
}

/** The file `npm run package` writes. */
export function defaultVsixPath(): string {
  const manifest = readManifest();
  return `${CLIENT_DIR}${manifest.name}-${manifest.version}.vsix`;
}
