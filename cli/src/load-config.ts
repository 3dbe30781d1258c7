// Finds and loads each file's configuration: `--config FILE` for every file, otherwise the nearest
// winsock-lint.config.json above the file (looked up once per folder). The engine does no I/O; this does.
import { dirname, resolve } from 'node:path';
import { NearestConfigFinder, readConfigText } from '@winsock-lint/node-host';
import {
  ConfigError,
  defaultConfig,
  defaultSeverities,
  isPathIncluded,
  parseConfigFile,
  resolveConfig,
} from '@winsock-lint/rules';
import type { ConfigFile, ResolvedConfig, RuleId, RuleOverrides, Severity } from './engine-types.js';
import { errorCode } from './notes.js';

export { CONFIG_FILE_NAME } from '@winsock-lint/node-host';

/** A configuration file that cannot be read or is invalid; the message names the file. Exit code 2. */
export class ConfigLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigLoadError';
  }
}

export interface LoadedConfig {
  /** Absolute path of the configuration file, or undefined when none applies. */
  path: string | undefined;
  /** The folder its include/exclude globs are relative to. */
  dir: string;
  file: ConfigFile | undefined;
  resolved: ResolvedConfig;
}

export interface ConfigLoaderOptions {
  /** `--config FILE`: used for every file instead of discovery. */
  configPath?: string | undefined;
  overrides?: RuleOverrides;
  /** `--severity`: every rule that is on gets this severity (rule overrides still win). */
  severity?: Severity | undefined;
  cwd?: string;
}

export class ConfigLoader {
  private readonly explicitPath: string | undefined;
  private readonly overrides: RuleOverrides;
  private readonly severity: Severity | undefined;
  private readonly base: ResolvedConfig;
  private readonly finder = new NearestConfigFinder();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly withoutFile: LoadedConfig;
  private readonly excludeOnlyCache = new WeakMap<ConfigFile, ConfigFile>();

  constructor(options: ConfigLoaderOptions = {}) {
    const cwd = options.cwd ?? process.cwd();
    this.explicitPath = options.configPath === undefined ? undefined : resolve(cwd, options.configPath);
    this.overrides = options.overrides ?? {};
    this.severity = options.severity;
    this.base = defaultConfig(defaultSeverities());
    this.withoutFile = {
      path: undefined,
      dir: cwd,
      file: undefined,
      resolved: this.resolve(undefined),
    };
  }
  /** Defaults, then the file, then --severity for every rule that is on, then --rule overrides. */
  private resolve(file: ConfigFile | undefined): ResolvedConfig {
    const resolved = resolveConfig(this.base, file);
    if (this.severity) {
      for (const id of Object.keys(resolved.rules) as RuleId[]) {
        if (resolved.rules[id] !== 'off') resolved.rules[id] = this.severity;
      }
    }
    return resolveConfig(resolved, undefined, this.overrides);
  }

  /** Loads `--config FILE` up front so a bad one fails before any work. Throws ConfigLoadError. */
  preload(): void {
    if (this.explicitPath !== undefined) this.load(this.explicitPath);
  }

  /** The configuration a file is checked with. Throws ConfigLoadError. */
  configFor(filePath: string): LoadedConfig {
    const configPath = this.explicitPath ?? this.finder.find(dirname(filePath));
    return configPath === undefined ? this.withoutFile : this.load(configPath);
  }

  /**
   * Whether the file is checked. Found in a folder: the configuration's include and exclude decide.
   * Named on the command line: only exclude can drop it (the user asked for it, whatever its extension).
   */
  isIncluded(filePath: string, explicit: boolean): boolean {
    const config = this.configFor(filePath);
    const file = explicit && config.file ? this.excludeOnly(config.file) : config.file;
    return isPathIncluded(file, config.dir, filePath);
  }

  /** The same file without its include list (which the engine reads as "everything"); one per file,
   * since the engine caches compiled globs per ConfigFile object. */
  private excludeOnly(file: ConfigFile): ConfigFile {
    let stripped = this.excludeOnlyCache.get(file);
    if (!stripped) {
      stripped = { exclude: file.exclude ?? [] };
      this.excludeOnlyCache.set(file, stripped);
    }
    return stripped;
  }

  private load(configPath: string): LoadedConfig {
    const cached = this.loaded.get(configPath);
    if (cached) return cached;
    let text: string;
    try {
      text = readConfigText(configPath);
    } catch (error) {
      throw new ConfigLoadError(`cannot read configuration file ${configPath}: ${errorCode(error)}`);
    }
    let file: ConfigFile;
    try {
      file = parseConfigFile(text, configPath);
    } catch (error) {
      if (error instanceof ConfigError) {
        // The engine names the file, line and column in each problem (one per line).
        throw new ConfigLoadError(
          error.message.includes(configPath) ? error.message : `${configPath}: ${error.message}`,
        );
      }
      throw error;
    }
    const config: LoadedConfig = {
      path: configPath,
      dir: dirname(configPath),
      file,
      resolved: this.resolve(file),
    };
    this.loaded.set(configPath, config);
    return config;
  }
}
