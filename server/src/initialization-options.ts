// The client's initializationOptions (all optional): useWorkspaceConfig (false: never read
// winsock-lint.config.json, for untrusted workspaces) and statusNotifications (true: send
// winsock-lint/analysisStatus). Malformed values are ignored with a warning.
import type { InitializationOptions } from './protocol.js';

export type { InitializationOptions };

const DEFAULTS: Readonly<InitializationOptions> = { useWorkspaceConfig: true, statusNotifications: false };

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
    if (key !== 'useWorkspaceConfig' && key !== 'statusNotifications') {
      warn(`winsock-lint: unknown initialization option '${key}' ignored.`);
    } else if (typeof value !== 'boolean') {
      warn(`winsock-lint: initialization option '${key}' must be true or false; ignored.`);
    } else {
      options[key] = value;
    }
  }
  return options;
}
