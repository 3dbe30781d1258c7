// The editor's settings (section "winsockLint"), pulled with workspace/configuration per document
// and cached until didChangeConfiguration; clients without that request push them instead.
import { isRuleId, normalizeSeverity } from '@winsock-lint/rules';
import type { ConfigFile, RuleId, SeveritySetting } from '@winsock-lint/rules';
import type { Connection } from 'vscode-languageserver/node';

export const SETTINGS_SECTION = 'winsockLint';

export interface ServerSettings {
  /** false: the server reports nothing for the document. */
  enable: boolean;
  /** Severity overrides on top of winsock-lint.config.json. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Documents larger than this many bytes (UTF-8) are skipped. */
  maxFileSize: number;
  /**
   * include/exclude globs relative to the workspace folder, applied on top of the configuration
   * file's (shaped like a configuration file so the engine's isPathIncluded matches them). Absent
   * when neither is set.
   */
  files?: Pick<ConfigFile, 'include' | 'exclude'>;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export function defaultSettings(): ServerSettings {
  return { enable: true, rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads whatever the client sent, keeping valid parts and reporting the rest through `warn`. */
export function normalizeSettings(raw: unknown, warn: (message: string) => void): ServerSettings {
  const settings = defaultSettings();
  if (raw === undefined || raw === null) return settings;
  if (!isRecord(raw)) {
    warn(`winsockLint settings must be an object; using the defaults.`);
    return settings;
  }
  if (typeof raw['enable'] === 'boolean') settings.enable = raw['enable'];
  const size = raw['maxFileSize'];
  if (typeof size === 'number' && Number.isFinite(size) && size > 0) settings.maxFileSize = size;
  else if (size !== undefined) warn(`winsockLint.maxFileSize must be a positive number of bytes.`);
  const rules = raw['rules'];
  if (isRecord(rules)) {
    for (const [id, value] of Object.entries(rules)) {
      const severity = normalizeSeverity(value);
      if (!isRuleId(id)) warn(`winsockLint.rules: unknown rule '${id}' ignored.`);
      else if (!severity) warn(`winsockLint.rules.${id}: expected "off", "warn" or "error".`);
      else settings.rules[id] = severity;
    }
  } else if (rules !== undefined) {
    warn(`winsockLint.rules must map rule ids to severities.`);
  }
  const files: NonNullable<ServerSettings['files']> = {};
  for (const key of ['include', 'exclude'] as const) {
    const globs = normalizeGlobs(raw[key], `winsockLint.${key}`, warn);
    if (globs) files[key] = globs;
  }
  if (files.include || files.exclude) settings.files = files;
  // Other keys (e.g. `trace`, which VS Code sends as winsockLint.trace.server) belong to the client.
  return settings;
}

/**
 * A list of non-empty glob strings; invalid entries are dropped with a warning. An empty list (the
 * usual default of an editor's array setting) means "not set", unlike `include: []` in a
 * configuration file.
 */
function normalizeGlobs(value: unknown, name: string, warn: (message: string) => void): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    warn(`${name} must be an array of glob strings; ignored.`);
    return undefined;
  }
  const globs: string[] = [];
  value.forEach((glob: unknown, i) => {
    if (typeof glob === 'string' && glob.trim() !== '') globs.push(glob);
    else warn(`${name}[${i}] must be a non-empty glob string; ignored.`);
  });
  return globs.length > 0 ? globs : undefined;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  /** Settings for a document (or folder) URI; undefined means the workspace's. */
  get(scopeUri: string | undefined): Promise<ServerSettings> {
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.fetch(scopeUri);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; `pushed` is the notification's settings payload. */
  reset(pushedSettings: unknown): void {
    this.cache.clear();
    if (isRecord(pushedSettings) && SETTINGS_SECTION in pushedSettings) {
      this.pushed = pushedSettings[SETTINGS_SECTION];
    }
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  private async fetch(scopeUri: string | undefined): Promise<ServerSettings> {
    const warn = (message: string): void => this.connection.console.warn(message);
    if (!this.canPull) return normalizeSettings(this.pushed, warn);
    try {
      const item = scopeUri === undefined ? { section: SETTINGS_SECTION } : { scopeUri, section: SETTINGS_SECTION };
      const [raw] = (await this.connection.sendRequest('workspace/configuration', { items: [item] })) as unknown[];
      return normalizeSettings(raw, warn);
    } catch (error) {
      warn(`workspace/configuration failed (${String(error)}); using default settings.`);
      return defaultSettings();
    }
  }
}
