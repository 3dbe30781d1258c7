// The client's initializationOptions (all optional): useWorkspaceConfig (false: never read
// winsock-lint.config.json, for untrusted workspaces), statusNotifications (true: send
// winsock-lint/analysisStatus) and hoverShowsDiagnostics (true: hovers leave the message to the client).
// Malformed values are ignored with a warning.
import type { InitializationOptions } from './protocol.js';

export type { InitializationOptions };

const DEFAULTS: Readonly<InitializationOptions> = {
  useWorkspaceConfig: true,
  statusNotifications: false,
  hoverShowsDiagnostics: false,
};
const KEYS = Object.keys(DEFAULTS) as (keyof InitializationOptions)[];

function isKey(key: string): key is keyof InitializationOptions {
  return (KEYS as string[]).includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readInitializationOptions(raw: unknown, warn: (message: string) => void): InitializationOptions {
  const options = { ...DEFAULTS };
  if (raw === undefined || raw === null) return options;
  if (!isRecord(raw)) {
    warn('winsock-lint: initializationOptions must be an object; ignored.');
    return options;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!isKey(key)) {
      warn(`winsock-lint: unknown initialization option '${key}' ignored.`);
    } else if (typeof value !== 'boolean') {
      warn(`winsock-lint: initialization option '${key}' must be true or false; ignored.`);
    } else {
      options[key] = value;
    }
  }
  return options;
}
