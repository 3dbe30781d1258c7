// Reads the plugin's settings: `settings.winsock` in the ESLint config, overridden by a rule's own options.
import path from 'node:path';

export interface WinsockSettings {
  /** Analyse the file together with its project (cross-file helpers, the side check). Default true. */
  project: boolean;
  /** The project's folder (absolute, or relative to ESLint's cwd); default: found from the file upwards. */
  root?: string;
  /** ESLint's working directory (absolute): the project when no folder above a file has a root marker. */
  cwd?: string;
}

/** The options every rule accepts: `["error", { project: false }]`. */
export interface RuleOptions {
  project?: boolean;
  root?: string;
}

export const ruleOptionsSchema = [
  {
    type: 'object',
    properties: {
      project: { type: 'boolean', description: 'Analyse the file with the rest of its project (default true).' },
      root: {
        type: 'string',
        description:
          "The project's folder; default: the nearest folder with winsock-lint.config.json, package.json or .git, else ESLint's working directory.",
      },
    },
    additionalProperties: false,
  },
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSettings(settings: unknown, options: readonly unknown[], cwd: string): WinsockSettings {
  const shared = isRecord(settings) && isRecord(settings['winsock']) ? settings['winsock'] : {};
  const own = isRecord(options[0]) ? options[0] : {};
  const project =
    typeof own['project'] === 'boolean'
      ? own['project']
      : typeof shared['project'] === 'boolean'
        ? shared['project']
        : true;
  const root =
    typeof own['root'] === 'string' ? own['root'] : typeof shared['root'] === 'string' ? shared['root'] : undefined;
  return { project, cwd: path.resolve(cwd), ...(root !== undefined ? { root: path.resolve(cwd, root) } : {}) };
}
