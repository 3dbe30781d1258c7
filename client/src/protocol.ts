// The extension's side of the winsock-lint server protocol: initialization options, the analysis status
// notification and the audit command, with checks that turn anything malformed into undefined.

import type {
  AnalysisStatus,
  AuditFileResult,
  AuditResult,
  InitializationOptions,
} from '@winsock-lint/server/dist/src/protocol.js';

export {
  ANALYSIS_STATUS_NOTIFICATION,
  AUDIT_WORKSPACE_COMMAND,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  SHOW_DOCUMENTATION_COMMAND,
} from '@winsock-lint/server/dist/src/protocol.js';
export type { AnalysisStatus, AuditFileResult, AuditResult, InitializationOptions };

export function initializationOptions(workspaceTrusted: boolean): InitializationOptions {
  // VS Code shows the diagnostics under the pointer in its hover: the server's hover adds the rest.
  return { useWorkspaceConfig: workspaceTrusted, statusNotifications: true, hoverShowsDiagnostics: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function parseAnalysisStatus(value: unknown): AnalysisStatus | undefined {
  if (!isRecord(value)) return undefined;
  const { uri, version, durationMs, findings, skipped } = value;
  if (typeof uri !== 'string' || !isCount(durationMs) || !isCount(findings)) return undefined;
  const status: AnalysisStatus = {
    uri,
    version: typeof version === 'number' ? version : null,
    durationMs,
    findings,
  };
  if (typeof skipped === 'string') status.skipped = skipped;
  return status;
}

/** The audit command's answer, keeping only well-formed entries; undefined when it is not one at all. */
export function parseAuditResult(value: unknown): AuditResult | undefined {
  if (!isRecord(value) || !Array.isArray(value['results'])) return undefined;
  const results: AuditFileResult[] = [];
  for (const entry of value['results'] as unknown[]) {
    if (isRecord(entry) && typeof entry['uri'] === 'string' && Array.isArray(entry['diagnostics'])) {
      const diagnostics = (entry['diagnostics'] as unknown[]).filter(isRecord);
      results.push({ uri: entry['uri'], diagnostics });
    }
  }
  const counted = results.reduce((sum, entry) => sum + entry.diagnostics.length, 0);
  return {
    files: isCount(value['files']) ? value['files'] : results.length,
    findings: isCount(value['findings']) ? value['findings'] : counted,
    results,
  };
}
