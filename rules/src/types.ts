// Plain, serialisable data shared by every layer: positions, findings, fixes and rule metadata.
// Nothing here knows about tree-sitter, LSP, ESLint or the file system.

/** A position in decoded source text: 0-based line, UTF-16 column, UTF-16 offset from the start. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in `range` with `text`. Ranges of one fix never overlap. */
export interface TextEdit {
  range: Range;
  text: string;
}

export interface Fix {
  /** What the edit does, as a sentence ("Remove the SIO_LOOPBACK_FAST_PATH call."). */
  message: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

export type Severity = 'warn' | 'error';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'no-deprecated-fast-path'
  | 'fast-path-before-connect'
  | 'fast-path-before-accept'
  | 'fast-path-both-sides'
  | 'fast-path-supported-options'
  | 'fast-path-tcp-only'
  | 'fast-path-ioctl-arguments';

export type FindingTag = 'deprecated' | 'unnecessary';

export interface Finding {
  /** Rule id, or null for an unused suppression comment (as ESLint reports unused disable directives). */
  ruleId: RuleId | null;
  severity: Severity;
  messageId: string;
  message: string;
  path: string;
  range: Range;
  related: RelatedLocation[];
  /** An automatic fix, safe to apply without review. */
  fix?: Fix;
  /** Edits a person should review before applying. */
  suggestions: Fix[];
  tags: FindingTag[];
}

export type FixKind = 'code' | 'suggestion' | 'none';

export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  docsUrl: string;
  messages: Record<string, string>;
  fixKind: FixKind;
}

/** A file's diagnostics once rules, configuration and suppressions are applied. */
export interface FileResult {
  path: string;
  findings: Finding[];
  /** A file that could not be analysed fully (e.g. parse trouble) still yields findings; notes explain. */
  notes: string[];
}
