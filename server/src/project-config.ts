// Finds each file's winsock-lint.config.json (the nearest one above it, looked up once per folder),
// parses it with the engine and merges it with the editor's rule overrides. Invalid files are
// reported once and then ignored (defaults apply), so a typo never silences the editor. In an
// untrusted workspace (readConfigFiles false) no configuration file is ever read.
import { dirname } from 'node:path';
import { NearestConfigFinder, readConfigText } from '@winsock-lint/node-host';
import {
  ConfigError,
  defaultConfig,
  defaultSeverities,
  isPathIncluded,
  parseConfigFile,
  resolveConfig,
} from '@winsock-lint/rules';
import type { ConfigFile, ResolvedConfig, RuleId, SeveritySetting } from '@winsock-lint/rules';

export { CONFIG_FILE_NAME } from '@winsock-lint/node-host';

interface LoadedConfig {
  dir: string;
  file: ConfigFile | undefined;
}

export class ProjectConfigs {
  private readonly finder = new NearestConfigFinder();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly reported = new Set<string>();
  /** Resolved settings by loaded configuration (undefined: none) and by the settings' rule overrides. */
  private readonly resolved = new Map<LoadedConfig | undefined, WeakMap<object, ResolvedConfig>>();

  constructor(
    private readonly report: (message: string) => void,
    private readonly readConfigFiles = true,
  ) {}

  /** Forget every lookup, e.g. after a configuration file was created, changed or deleted. */
  invalidate(): void {
    this.finder.clear();
    this.loaded.clear();
    this.resolved.clear();
    this.reported.clear();
  }

  /** The settings a file is analysed with; `path` undefined (an untitled document) gets the defaults. */
  configFor(path: string | undefined, overrides: Partial<Record<RuleId, SeveritySetting>>): ResolvedConfig {
    const loaded = path === undefined ? undefined : this.load(path);
    // One resolution per configuration file and settings object, not per file of the workspace.
    let byOverrides = this.resolved.get(loaded);
    if (!byOverrides) {
      byOverrides = new WeakMap();
      this.resolved.set(loaded, byOverrides);
    }
    let config = byOverrides.get(overrides);
    if (!config) {
      config = resolveConfig(defaultConfig(defaultSeverities()), loaded?.file, overrides);
      byOverrides.set(overrides, config);
    }
    return config;
  }

  /** Whether the configuration's include/exclude globs select the file. */
  isIncluded(path: string): boolean {
    const loaded = this.load(path);
    return loaded === undefined || isPathIncluded(loaded.file, loaded.dir, path);
  }

  private load(filePath: string): LoadedConfig | undefined {
    if (!this.readConfigFiles) return undefined;
    const configPath = this.finder.find(dirname(filePath));
    if (configPath === undefined) return undefined;
    let loaded = this.loaded.get(configPath);
    if (!loaded) {
      loaded = { dir: dirname(configPath), file: this.parse(configPath) };
      this.loaded.set(configPath, loaded);
    }
    return loaded;
  }

  private parse(configPath: string): ConfigFile | undefined {
    try {
      return parseConfigFile(readConfigText(configPath), configPath);
    } catch (error) {
      const detail = error instanceof ConfigError ? error.message : String(error);
      if (!this.reported.has(configPath)) {
        this.reported.add(configPath);
        this.report(`winsock-lint: ignoring ${configPath}:\n${detail}`);
      }
      return undefined;
    }
  }
}
