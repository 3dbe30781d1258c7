// What the extension ships of the native packages the server bundle cannot contain: loaders, node-gyp-build,
// node-types.json and the four platforms' prebuilds. When this machine's prebuild does not load (it needs a
// newer libstdc++) and npm compiled the package here instead, that binary is shipped for this platform.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const NATIVE_PACKAGES = ['tree-sitter', 'tree-sitter-cpp', 'tree-sitter-typescript'] as const;

/** Platforms whose prebuilds the extension ships (node-gyp-build's `prebuilds/<platform>-<arch>`). */
export const SHIPPED_PLATFORMS = ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64'] as const;

/** Files each package needs at run time, besides its prebuilds (relative to the package folder). */
export const RUNTIME_FILES: Readonly<Record<string, readonly string[]>> = {
  'tree-sitter': ['package.json', 'LICENSE', 'index.js'],
  'tree-sitter-cpp': ['package.json', 'LICENSE', 'bindings/node/index.js', 'src/node-types.json'],
  'tree-sitter-typescript': [
    'package.json',
    'LICENSE',
    'bindings/node/index.js',
    'typescript/src/node-types.json',
    'tsx/src/node-types.json',
  ],
  'node-gyp-build': ['package.json', 'LICENSE', 'index.js', 'node-gyp-build.js'],
};

export interface StagedPackages {
  files: number;
  notes: string[];
}

function hostPlatform(): string {
  return `${process.platform}-${process.arch}`;
}

/** Whether `node` can load the addon at `path` (a child process, so a failure cannot crash the build). */
export function addonLoads(path: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', path], { encoding: 'utf8' });
  return probe.status === 0;
}

function localBuild(packageDir: string): string | undefined {
  const release = join(packageDir, 'build', 'Release');
  if (!existsSync(release)) return undefined;
  const addon = readdirSync(release).find((name) => name.endsWith('.node'));
  return addon === undefined ? undefined : join(release, addon);
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Copies the run-time files of every native package from `nodeModules` into `target` (emptied first). */
export function stageNativePackages(nodeModules: string, target: string): StagedPackages {
  rmSync(target, { recursive: true, force: true });
  const notes: string[] = [];
  let files = 0;
  for (const [name, runtimeFiles] of Object.entries(RUNTIME_FILES)) {
    const from = join(nodeModules, name);
    const to = join(target, name);
    for (const file of runtimeFiles) {
      copy(join(from, file), join(to, file));
      files++;
    }
    if (name === 'node-gyp-build') continue;
    for (const platform of SHIPPED_PLATFORMS) {
      const prebuilds = join(from, 'prebuilds', platform);
      for (const addon of readdirSync(prebuilds).filter((file) => file.endsWith('.node'))) {
        const source = join(prebuilds, addon);
        let chosen = source;
        if (platform === hostPlatform() && !addonLoads(source)) {
          const compiled = localBuild(from);
          if (compiled !== undefined && addonLoads(compiled)) {
            chosen = compiled;
            notes.push(`${name}: the ${platform} prebuild does not load here; shipping the binary npm compiled`);
          } else {
            notes.push(`${name}: the ${platform} prebuild does not load here and there is no compiled binary`);
          }
        }
        copy(chosen, join(to, 'prebuilds', platform, addon));
        files++;
      }
    }
  }
  return { files, notes };
}
