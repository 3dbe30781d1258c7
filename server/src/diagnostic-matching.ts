// Matches a code-action request's diagnostics to the findings recorded for the document: by `data` (id and
// version) when the client echoes it, else by range + code (+ message) on the current version, as clients
// that rebuild diagnostics from their own store send them (Neovim 0.7). Nothing matched: the findings
// overlapping the requested range (as clangd and rust-analyzer do); a stale diagnostic: nothing.
import type { Finding } from '@winsock-lint/rules';
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import { SOURCE, isDiagnosticData } from './diagnostics.js';
import type { DocumentResult } from './document-result.js';

export interface MatchedDiagnostic {
  /** The client's diagnostic when it sent one for the finding, else the server's own. */
  diagnostic: Diagnostic;
  finding: Finding;
}

export interface DiagnosticMatch {
  pairs: MatchedDiagnostic[];
  /** Some of the client's diagnostics carry the id of another version: its view is out of date. */
  stale: boolean;
}

function samePosition(a: Range['start'], b: Range['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A client diagnostic without `data` is ours when range, code and (if sent) message are those of a record. */
function rebuiltMatches(client: Diagnostic, recorded: Diagnostic): boolean {
  if (!isRange(client.range) || !sameRange(client.range, recorded.range)) return false;
  if (client.code !== recorded.code) return false;
  return typeof client.message !== 'string' || client.message === recorded.message;
}

function isRange(value: unknown): value is Range {
  const range = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown } } | undefined;
  return typeof range?.start?.line === 'number' && typeof range.start.character === 'number' && !!range.end;
}

/** The findings a code-action request is about (see the file comment). */
export function matchDiagnostics(
  result: DocumentResult,
  requested: readonly Diagnostic[],
  range: Range,
): DiagnosticMatch {
  const pairs: MatchedDiagnostic[] = [];
  const matched = new Set<Finding>();
  let stale = false;
  const add = (diagnostic: Diagnostic, finding: Finding | undefined): void => {
    if (!finding || matched.has(finding)) return;
    matched.add(finding);
    pairs.push({ diagnostic, finding });
  };
  for (const diagnostic of requested) {
    if (typeof diagnostic !== 'object' || diagnostic === null) continue;
    // Another tool's diagnostic; a client that drops `source` still sends the code.
    if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
    const data: unknown = diagnostic.data;
    if (isDiagnosticData(data)) {
      if (data.version !== result.version) stale = true;
      else add(diagnostic, result.byId.get(data.id));
      continue;
    }
    if (data !== undefined) continue; // someone else's data under our source: not ours to guess
    result.diagnostics.forEach((recorded, index) => {
      if (rebuiltMatches(diagnostic, recorded)) add(diagnostic, result.findings[index]);
    });
  }
  if (pairs.length === 0 && !stale && isRange(range)) {
    result.diagnostics.forEach((recorded, index) => {
      if (overlaps(recorded.range, range)) add(recorded, result.findings[index]);
    });
  }
  return { pairs, stale };
}
