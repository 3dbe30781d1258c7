// Turns engine findings into LSP diagnostics: severity, code and docs link, tags, related
// locations, and an id in `data` that code actions use to find the recorded fix.
import { UNUSED_SUPPRESSION_ID, findingDocsUrl } from '@winsock-lint/rules';
import type { Finding } from '@winsock-lint/rules';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import { PositionMapper, type PositionEncoding } from './positions.js';

export const SOURCE = DIAGNOSTIC_SOURCE;
export const UNUSED_SUPPRESSION = UNUSED_SUPPRESSION_ID;

/** What `diagnostic.data` holds: the finding's id and the document version it was computed for. */
export interface DiagnosticData {
  id: string;
  version: number | null;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return typeof data['id'] === 'string' && (typeof data['version'] === 'number' || data['version'] === null);
}

export function ruleCode(finding: Finding): string {
  return finding.ruleId ?? UNUSED_SUPPRESSION;
}

/** Stable ids: the same finding gets the same id in every run, duplicates a suffix. */
export function findingIds(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${ruleCode(f)}:${f.messageId}:${f.range.start.offset}-${f.range.end.offset}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}#${count}`;
  });
}

export interface DiagnosticContext {
  mapper: PositionMapper;
  encoding: PositionEncoding;
  version: number | null;
  relatedInformation: boolean;
  /** Text and URI of another file of the project, for related locations. */
  fileFor(path: string): { uri: string; text: string } | undefined;
}

export function toDiagnostic(finding: Finding, id: string, context: DiagnosticContext): Diagnostic {
  const diagnostic: Diagnostic = {
    range: context.mapper.toLspRange(finding.range),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: ruleCode(finding),
    message: finding.message,
    data: { id, version: context.version } satisfies DiagnosticData,
  };
  diagnostic.codeDescription = { href: findingDocsUrl(finding.ruleId) };
  const tags: DiagnosticTag[] = [];
  if (finding.tags.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (finding.tags.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (tags.length > 0) diagnostic.tags = tags;
  if (context.relatedInformation && finding.related.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const location of finding.related) {
      const file = location.path === finding.path ? undefined : context.fileFor(location.path);
      const mapper = file ? new PositionMapper(file.text, context.encoding) : context.mapper;
      const uri = file?.uri ?? context.fileFor(finding.path)?.uri;
      if (uri === undefined) continue;
      related.push({ location: { uri, range: mapper.toLspRange(location.range) }, message: location.message });
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}
