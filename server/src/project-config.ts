// Finds each file's winsock-lint.config.json (the nearest one above it, looked up once per folder),
// parses it with the engine and merges it with the editor's rule overrides. Invalid files are
// reported once and then ignored (defaults apply), so a typo never silences the editor.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ConfigError,
  defaultConfig,
  defaultSeverities,
  isPathIncluded,
  parseConfigFile,
  resolveConfig,
} from '@winsock-lint/rules';
import type { ConfigFile, ResolvedConfig, RuleId, SeveritySetting } from '@winsock-lint/rules';

export const CONFIG_FILE_NAME = 'winsock-lint.config.json';

interface LoadedConfig {
  dir: string;
  file: ConfigFile | undefined;
}

export class ProjectConfigs {
  /** Folder → nearest configuration file (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly reported = new Set<string>();

  constructor(private readonly report: (message: string) => void) {}

  /** Forget every lookup, e.g. after a configuration file was created, changed or deleted. */
  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
    this.reported.clear();
  }

  /** The settings a file is analysed with; `path` undefined (an untitled document) gets the defaults. */
  configFor(path: string | undefined, overrides: Partial<Record<RuleId, SeveritySetting>>): ResolvedConfig {
    const base = defaultConfig(defaultSeverities());
    const loaded = path === undefined ? undefined : this.load(path);
    return resolveConfig(base, loaded?.file, overrides);
  }

  /** Whether the configuration's include/exclude globs select the file. */
  isIncluded(path: string): boolean {
    const loaded = this.load(path);
    return loaded === undefined || isPathIncluded(loaded.file, loaded.dir, path);
  }

  private load(filePath: string): LoadedConfig | undefined {
    const configPath = this.findNearest(dirname(filePath));
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
      let text = readFileSync(configPath, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return parseConfigFile(text, configPath);
    } catch (error) {
      const detail = error instanceof ConfigError ? error.message : String(error);
      if (!this.reported.has(configPath)) {
        this.reported.add(configPath);
        this.report(`winsock-lint: ignoring ${configPath}:\n${detail}`);
      }
      return undefined;
    }
  }

  private findNearest(startDir: string): string | undefined {
    const visited: string[] = [];
    let dir = startDir;
    let found: string | null = null;
    for (;;) {
      const cached = this.nearest.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.nearest.set(v, found);
    return found ?? undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
