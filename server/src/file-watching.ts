// Registers workspace/didChangeWatchedFiles for the configuration file and the source files (when the
// client supports dynamic registration) and turns the events into re-reads and re-analyses.
import { SOURCE_EXTENSIONS } from '@winsock-lint/rules';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
} from 'vscode-languageserver/node';
import { SCRIPT_EXTENSIONS } from './languages.js';
import { CONFIG_FILE_NAME } from './project-config.js';
import { uriToPath } from './uris.js';

export function registerWatchers(connection: Connection): void {
  const extensions = [...SOURCE_EXTENSIONS, ...SCRIPT_EXTENSIONS].map((e) => e.slice(1)).join(',');
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: `**/*.{${extensions}}` }],
    })
    .catch((error: unknown) => connection.console.warn(`winsock-lint: could not watch files: ${String(error)}`));
}

export interface WatchedChanges {
  configChanged: boolean;
  /** Source files created, changed or deleted on disk. */
  sources: { path: string; deleted: boolean }[];
}

export function classifyEvents(events: readonly FileEvent[]): WatchedChanges {
  const changes: WatchedChanges = { configChanged: false, sources: [] };
  for (const event of events) {
    const path = uriToPath(event.uri);
    if (path === undefined) continue;
    if (path.endsWith(CONFIG_FILE_NAME)) changes.configChanged = true;
    else changes.sources.push({ path, deleted: event.type === FileChangeType.Deleted });
  }
  return changes;
}
