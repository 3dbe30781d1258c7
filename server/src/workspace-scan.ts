// Reads the workspace folders' sources in the background with $/progress, then analyses each
// folder as a project. A configuration change rescans (include/exclude may have changed).
import type { Connection } from 'vscode-languageserver/node';
import type { Analyzer } from './analyzer.js';
import type { ProjectConfigs } from './project-config.js';
import type { SettingsCache } from './settings.js';
import { uriToPath } from './uris.js';
import { WorkspaceFolderFiles } from './workspace-files.js';

export class WorkspaceScanner {
  private scanning: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly analyzer: Analyzer,
    private readonly settings: SettingsCache,
    private readonly configs: ProjectConfigs,
  ) {}

  setFolders(folders: readonly { uri: string; name?: string }[]): void {
    this.analyzer.folders.length = 0;
    for (const folder of folders) {
      const path = uriToPath(folder.uri);
      if (path !== undefined) this.analyzer.folders.push(new WorkspaceFolderFiles(folder.uri, path));
    }
  }

  /** Resolves when the current scan (if any) has finished. */
  done(): Promise<void> {
    return this.scanning;
  }

  cancel(): void {
    this.generation++;
  }

  /** (Re)reads every folder, one after the other, and analyses each as it completes. */
  scanAll(): Promise<void> {
    const generation = ++this.generation;
    const previous = this.scanning;
    this.scanning = (async () => {
      await previous.catch(() => undefined);
      for (const folder of this.analyzer.folders) {
        if (generation !== this.generation) return;
        const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
        progress?.begin('winsock-lint', 0, `Reading ${folder.path}`, false);
        try {
          const { maxFileSize } = await this.settings.get(folder.uri);
          await folder.scan({
            isIncluded: (path) => this.configs.isIncluded(path),
            maxFileSize,
            progress: (percentage, message) => progress?.report(percentage, message),
            isCancelled: () => generation !== this.generation,
          });
          this.connection.console.info(`winsock-lint: ${folder.texts.size} source files in ${folder.path}`);
        } catch (error) {
          this.connection.console.error(`winsock-lint: could not read ${folder.path}: ${String(error)}`);
        } finally {
          progress?.done();
        }
        await this.analyzer.run(`folder:${folder.uri}`);
      }
    })();
    return this.scanning;
  }

  /** A watched source file changed on disk. */
  async fileChanged(path: string): Promise<void> {
    const folder = this.analyzer.folderFor(path);
    if (!folder) return;
    const { maxFileSize } = await this.settings.get(folder.uri);
    if (await folder.refresh(path, this.configs.isIncluded(path), maxFileSize)) {
      await this.analyzer.run(`folder:${folder.uri}`);
    }
  }
}
