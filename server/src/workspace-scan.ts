// Reads the workspace folders' sources in the background with $/progress, then analyses each
// folder as a project. A configuration change rescans (include/exclude may have changed).
import type { Connection } from 'vscode-languageserver/node';
import type { Analyzer } from './analyzer.js';
import { isSelected } from './file-selection.js';
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

  /**
   * (Re)reads every folder, one after the other, and analyses each as it completes. Progress goes to
   * `report` (percentage over all folders) when given, else to one $/progress per folder.
   */
  scanAll(report?: (percentage: number, message: string) => void): Promise<void> {
    const generation = ++this.generation;
    const previous = this.scanning;
    this.scanning = (async () => {
      await previous.catch(() => undefined);
      const folders = [...this.analyzer.folders];
      for (const [index, folder] of folders.entries()) {
        if (generation !== this.generation) return;
        const progress = report
          ? undefined
          : await this.connection.window.createWorkDoneProgress().catch(() => undefined);
        progress?.begin('winsock-lint', 0, `Reading ${folder.path}`, false);
        const reportFolder = (percentage: number, message: string): void => {
          if (report) report(Math.round((index * 100 + percentage) / folders.length), `${folder.path}: ${message}`);
          else progress?.report(percentage, message);
        };
        try {
          const folderSettings = await this.settings.get(folder.uri);
          if (report) reportFolder(0, 'reading files');
          await folder.scan({
            isIncluded: (path) => isSelected(this.configs, folderSettings, folder.path, path),
            maxFileSize: folderSettings.maxFileSize,
            progress: reportFolder,
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
    const folderSettings = await this.settings.get(folder.uri);
    const included = isSelected(this.configs, folderSettings, folder.path, path);
    if (await folder.refresh(path, included, folderSettings.maxFileSize)) {
      await this.analyzer.run(`folder:${folder.uri}`);
    }
  }
}
