// The winsock-lint additions to LSP a client may use: initialization options, the analysis status
// notification, the commands and the fix-all code action kind. No imports, so that a client (the VS Code
// extension) can bundle this module without the server.
export const ANALYSIS_STATUS_NOTIFICATION = 'winsock-lint/analysisStatus';
export const AUDIT_WORKSPACE_COMMAND = 'winsock-lint.auditWorkspace';
export const SHOW_DOCUMENTATION_COMMAND = 'winsock-lint.showDocumentation';
export const FIX_ALL_KIND = 'source.fixAll.winsock-lint';
/** The `source` of every diagnostic the server reports. */
export const DIAGNOSTIC_SOURCE = 'winsock-lint';

/** The client's initializationOptions (each optional when sent). */
export interface InitializationOptions {
  /** false (an untrusted workspace): winsock-lint.config.json files are never read. Default true. */
  useWorkspaceConfig: boolean;
  /** true: the server sends ANALYSIS_STATUS_NOTIFICATION after each run. Default false. */
  statusNotifications: boolean;
  /**
   * true: the client shows the diagnostics under the pointer in its hovers itself (VS Code), so the server's
   * hover gives only why the rule matters, the fix and the documentation, not the message again. Default false.
   */
  hoverShowsDiagnostics: boolean;
}

/** ANALYSIS_STATUS_NOTIFICATION's parameters: one per open document a run produced a result for. */
export interface AnalysisStatus {
  uri: string;
  version: number | null;
  /** Wall time of the run, rounded to 0.1 ms. */
  durationMs: number;
  /** Number of diagnostics for the document. */
  findings: number;
  /** Why the document was not analysed (e.g. "disabled", "excluded"). */
  skipped?: string;
}

/** One file's diagnostics in AUDIT_WORKSPACE_COMMAND's answer (LSP diagnostics). */
export interface AuditFileResult<TDiagnostic = unknown> {
  uri: string;
  diagnostics: TDiagnostic[];
}

/** AUDIT_WORKSPACE_COMMAND's answer. */
export interface AuditResult<TDiagnostic = unknown> {
  /** Source files analysed in all folders, plus open documents outside every folder. */
  files: number;
  /** Diagnostics over all files. */
  findings: number;
  /** One entry per file with at least one diagnostic, sorted by URI. */
  results: AuditFileResult<TDiagnostic>[];
}
