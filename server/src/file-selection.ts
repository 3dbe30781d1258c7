// Decides which files are analysed: the configuration file's include/exclude and the editor settings'
// include/exclude (relative to the workspace folder) must both select a file; open documents are
// also skipped when disabled or larger than maxFileSize, with a short reason.
import { isPathIncluded } from '@winsock-lint/rules';
import type { ProjectConfigs } from './project-config.js';
import type { ServerSettings } from './settings.js';

export const SKIPPED_DISABLED = 'disabled';
export const SKIPPED_EXCLUDED = 'excluded';
export const SKIPPED_TOO_LARGE = 'larger than winsockLint.maxFileSize';

/**
 * Whether `path` is selected by the configuration file and by the settings' globs. The settings'
 * globs are relative to the workspace folder, so they do not apply outside every folder.
 */
export function isSelected(
  configs: ProjectConfigs,
  settings: ServerSettings,
  folderPath: string | undefined,
  path: string,
): boolean {
  if (!configs.isIncluded(path)) return false;
  return folderPath === undefined || isPathIncluded(settings.files, folderPath, path);
}

export interface OpenDocumentFacts {
  /** The document's file-system path; undefined for untitled and other non-file documents. */
  fsPath: string | undefined;
  text: string;
  settings: ServerSettings;
  /** The workspace folder the document belongs to, if any. */
  folderPath: string | undefined;
}

/** Why an open document is not analysed, or undefined when it is. */
export function skipReason(configs: ProjectConfigs, document: OpenDocumentFacts): string | undefined {
  const { fsPath, text, settings, folderPath } = document;
  if (!settings.enable) return SKIPPED_DISABLED;
  if (fsPath !== undefined && !isSelected(configs, settings, folderPath, fsPath)) return SKIPPED_EXCLUDED;
  if (Buffer.byteLength(text, 'utf8') > settings.maxFileSize) return SKIPPED_TOO_LARGE;
  return undefined;
}
