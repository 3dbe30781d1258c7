// The analysis result of one file at one version: findings, their diagnostics and ids. Code actions
// and hovers read these records; they never re-run rules for an old version.
import { createHash } from 'node:crypto';
import type { Finding } from '@winsock-lint/rules';
import type { Diagnostic } from 'vscode-languageserver/node';
import { findingIds, toDiagnostic, type DiagnosticContext } from './diagnostics.js';

export interface DocumentResult {
  uri: string;
  /** The id the engine analysed the file under. */
  enginePath: string;
  /** The document version, or null for a file read from disk. */
  version: number | null;
  text: string;
  projectKey: string;
  findings: Finding[];
  byId: Map<string, Finding>;
  /** One per finding, in the same order. */
  diagnostics: Diagnostic[];
  /** Changes exactly when the diagnostics change (pull diagnostics' resultId). */
  resultId: string;
  /** Why an open document was not analysed (see file-selection.ts); undefined when it was. */
  skipped?: string;
}

function resultIdOf(diagnostics: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(diagnostics)).digest('hex').slice(0, 16);
}

const EMPTY_RESULT_ID = resultIdOf([]);

export function buildResult(
  base: Omit<DocumentResult, 'byId' | 'diagnostics' | 'resultId'>,
  context: Omit<DiagnosticContext, 'version'>,
): DocumentResult {
  // Most files of a workspace have no findings: no ids, no hashing.
  if (base.findings.length === 0) return { ...base, byId: new Map(), diagnostics: [], resultId: EMPTY_RESULT_ID };
  const ids = findingIds(base.findings);
  const byId = new Map<string, Finding>();
  const diagnostics = base.findings.map((finding, i) => {
    const id = ids[i] ?? String(i);
    byId.set(id, finding);
    return toDiagnostic(finding, id, { ...context, version: base.version });
  });
  return { ...base, byId, diagnostics, resultId: resultIdOf(diagnostics) };
}
