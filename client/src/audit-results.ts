// Pure logic of "Audit Workspace": which files' results go into the audit collection (not the open
// ones, whose live diagnostics come from the server), the summary message and progress increments.
import type { AuditFileResult, AuditResult } from './protocol.js';

/** The files to publish: those with findings that are not open in an editor. */
export function entriesToPublish<T>(result: AuditResult<T>, isOpen: (uri: string) => boolean): AuditFileResult<T>[] {
  return result.results.filter((entry) => entry.diagnostics.length > 0 && !isOpen(entry.uri));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "winsock-lint: 16 findings in 7 files (12 files checked)." */
export function auditSummary(result: AuditResult): string {
  const withFindings = result.results.filter((entry) => entry.diagnostics.length > 0).length;
  const checked = plural(result.files, 'file');
  if (result.findings === 0) return `winsock-lint: no findings (${checked} checked).`;
  return `winsock-lint: ${plural(result.findings, 'finding')} in ${plural(withFindings, 'file')} (${checked} checked).`;
}

/**
 * VS Code's progress takes increments, LSP work-done progress reports percentages: the increment that
 * brings `previous` to `percentage`, never negative, undefined when the report has no percentage.
 */
export function progressIncrement(previous: number, percentage: number | undefined): number | undefined {
  if (percentage === undefined || !Number.isFinite(percentage)) return undefined;
  return Math.max(0, Math.min(100, percentage) - previous);
}
