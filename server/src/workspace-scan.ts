// Reads the workspace folders' sources in the background, then analyses each folder as a project, with
// one $/progress per folder until its analysis is done. A configuration change rescans (include/exclude may
// have changed).
import type { AnalysisProgress } from '@winsock-lint/rules';
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
   * `report` (percentage over all folders) when given, else to one $/progress per folder, which covers
   * reading (the first half) and analysing (files looked at / total, the second half) and ends only when
   * the folder's diagnostics are out. A scan that a newer one replaces stops without logging or analysing.
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
        let reported = 0;
        const reportFolder = (percentage: number, message: string): void => {
          // $/progress percentages only rise.
          reported = Math.max(reported, Math.min(percentage, 100));
          if (report) report(Math.round((index * 100 + reported) / folders.length), `${folder.path}: ${message}`);
          else progress?.report(reported, message);
        };
        const key = `folder:${folder.uri}`;
        const stopWatching = this.analyzer.watchProgress(key, (analysis) =>
          reportFolder(analysisPercentage(analysis), analysisMessage(analysis)),
        );
        try {
          try {
            const folderSettings = await this.settings.get(folder.uri);
            reportFolder(0, 'reading files');
            await folder.scan({
              isIncluded: (path) => isSelected(this.configs, folderSettings, folder.path, path),
              maxFileSize: folderSettings.maxFileSize,
              progress: (percentage, message) => reportFolder(Math.floor(percentage / 2), message),
              isCancelled: () => generation !== this.generation,
            });
            if (generation !== this.generation) return;
            this.connection.console.info(`winsock-lint: ${folder.texts.size} source files in ${folder.path}`);
          } catch (error) {
            this.connection.console.error(`winsock-lint: could not read ${folder.path}: ${String(error)}`);
            // Analyse what there is rather than nothing at all.
            folder.scanned = true;
          }
          reportFolder(50, `analysing ${folder.texts.size} files`);
          await this.analyzer.run(key);
        } finally {
          stopWatching();
          progress?.done();
        }
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

/** Reading is the first half of a folder's progress; the prefilter's pass to 80 %, later passes to 95 %. */
export function analysisPercentage({ pass, examined, total }: AnalysisProgress): number {
  const done = examined / Math.max(total, 1);
  if (pass === 0) return 95;
  return pass === 1 ? 50 + Math.floor(done * 30) : 80 + Math.floor(done * 15);
}

export function analysisMessage({ pass, examined, total, parsed }: AnalysisProgress): string {
  if (pass === 0) return `analysing: checking the rules (${parsed} files parsed)`;
  const what = pass === 1 ? 'analysing' : `analysing, following helpers (pass ${pass})`;
  return `${what}: ${examined}/${total} files, ${parsed} parsed`;
}
