// Reads winsock-lint-disable/-enable directives out of source comments, reporting unknown rule
// ids, and works out how each comment would be deleted should it turn out to be unused.
import { RULE_IDS, isRuleId } from '../rule-ids.js';
import { suggestRuleId } from '../config/parse-config.js';
import { LineIndex } from '../text/positions.js';
import type { Finding, Range, RuleId, SeveritySetting, TextEdit } from '../types.js';

export interface SourceComment {
  /** The whole comment, delimiters included ("// …" or "/* … *\/"). */
  text: string;
  range: Range;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** The rules the comment names, or 'all' when it names none. Never empty. */
  rules: readonly RuleId[] | 'all';
  /** The text after " -- ", if any. */
  reason?: string;
  comment: SourceComment;
  /** Deletes the comment: its whole line if nothing else is on it, else comment and spacing. */
  removal: TextEdit;
}

export interface SuppressionContext {
  /** The file the comments come from, for the path of reported problems. */
  path?: string;
  /**
   * The file's text. Without it the removal of an unused comment deletes only the comment itself
   * and leaves its line (possibly blank) behind.
   */
  text?: string;
  /** Severity of problems such as unknown rule ids (reportUnusedSuppressions); default 'warn'. */
  report?: SeveritySetting;
}

export function directiveKeyword(kind: DirectiveKind): string {
  return `winsock-lint-${kind}`;
}

const DIRECTIVE = /^winsock-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const BLANK = /^[ \t\f\v]*$/;

/** The comment's content without its delimiters or the decoration (*, /, !) that starts lines. */
function commentBody(text: string): string {
  let body = text;
  if (body.startsWith('/*')) {
    body = body.slice(2, body.endsWith('*/') && body.length >= 4 ? -2 : undefined);
    body = body.replace(/^[ \t]*\*+/gm, '');
  } else if (body.startsWith('//')) {
    body = body.slice(2);
  }
  return body.replace(/^[\s*/!]+/, '');
}

function removalEdit(comment: SourceComment, lines: LineIndex | undefined, text: string | undefined): TextEdit {
  if (!lines || text === undefined) return { range: comment.range, text: '' };
  const start = comment.range.start.offset;
  const endLine = lines.positionAt(comment.range.end.offset).line;
  // A parser may count the \r of a CRLF into a // comment; deleting it would leave a bare \n.
  const end = Math.min(comment.range.end.offset, lines.lineContentEnd(endLine));
  const startLine = lines.positionAt(start).line;
  const before = text.slice(lines.lineStart(startLine), start);
  const after = text.slice(end, lines.lineContentEnd(endLine));
  if (BLANK.test(before) && BLANK.test(after)) {
    // Alone on its line(s): delete the lines with their line break.
    return {
      range: lines.rangeOf(lines.lineStart(startLine), lines.lineStart(endLine + 1)),
      text: '',
    };
  }
  if (BLANK.test(before)) {
    // Code follows on the line: keep the indentation, drop the spaces between comment and code.
    const trailing = after.length - after.trimStart().length;
    return { range: lines.rangeOf(start, end + trailing), text: '' };
  }
  const leading = before.length - before.trimEnd().length;
  return { range: lines.rangeOf(start - leading, end), text: '' };
}

/** Finds the directives among `comments`; comments without one are ignored. */
export function parseSuppressions(
  comments: readonly SourceComment[],
  context: SuppressionContext = {},
): { directives: Directive[]; problems: Finding[] } {
  const lines = context.text === undefined ? undefined : new LineIndex(context.text);
  const severity = context.report ?? 'warn';
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  const problem = (comment: SourceComment, messageId: string, message: string): void => {
    if (severity === 'off') return;
    problems.push({
      ruleId: null,
      severity,
      messageId,
      message,
      path: context.path ?? '',
      range: comment.range,
      related: [],
      suggestions: [],
      tags: [],
    });
  };

  for (const comment of comments) {
    const body = commentBody(comment.text);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const kind = match[1] as DirectiveKind;
    const keyword = directiveKeyword(kind);

    if (kind === 'disable-line' && comment.range.start.line !== comment.range.end.line) {
      problem(
        comment,
        'invalidSuppression',
        `A ${keyword} comment must not span lines; put a winsock-lint-disable-next-line comment ` +
          'on the line before instead.',
      );
      continue;
    }

    const rest = body.slice(match[0].length);
    const separator = REASON_SEPARATOR.exec(rest);
    const ruleText = separator ? rest.slice(0, separator.index) : rest;
    const reason = separator
      ? rest
          .slice(separator.index + separator[0].length)
          .replace(/\s+/g, ' ')
          .trim()
      : '';
    const names = ruleText.split(/[\s,]+/).filter((name) => name !== '');

    const rules: RuleId[] = [];
    for (const name of names) {
      if (isRuleId(name)) {
        if (!rules.includes(name)) rules.push(name);
        continue;
      }
      const guess = suggestRuleId(name);
      problem(
        comment,
        'unknownRuleInSuppression',
        `Unknown rule '${name}' in ${keyword} comment.` + (guess ? ` Did you mean '${guess}'?` : ''),
      );
    }
    // A comment naming only unknown rules must not turn into "all rules".
    if (names.length > 0 && rules.length === 0) continue;

    const directive: Directive = {
      kind,
      rules: names.length === 0 ? 'all' : rules,
      comment,
      removal: removalEdit(comment, lines, context.text),
    };
    if (reason !== '') directive.reason = reason;
    directives.push(directive);
  }
  return { directives, problems };
}

/** The rule ids a directive applies to. */
export function directiveRules(directive: Directive): readonly RuleId[] {
  return directive.rules === 'all' ? RULE_IDS : directive.rules;
}
