// Removes the findings that suppression directives cover and reports the directives (or the rules
// named in them) that covered nothing, with a fix deleting a wholly unused comment.
import type { Finding, RuleId, SeveritySetting } from '../types.js';
import { type Directive, directiveKeyword, directiveRules } from './parse-suppressions.js';

/** A stretch of text, from one block directive to the enable that ends it, where a rule is off. */
interface DisabledSpan {
  rule: RuleId;
  from: number;
  to: number;
  directive: Directive;
}

function byPosition(a: Directive, b: Directive): number {
  return a.comment.range.start.offset - b.comment.range.start.offset;
}

/**
 * Walks the block directives in source order. A rule already disabled stays owned by the first
 * directive that disabled it, so a redundant later disable is the one reported as unused.
 * Returns the spans and, per enable directive, the rules it actually re-enabled.
 */
function blockSpans(directives: readonly Directive[]): {
  spans: DisabledSpan[];
  enabled: Map<Directive, Set<RuleId>>;
} {
  const spans: DisabledSpan[] = [];
  const enabled = new Map<Directive, Set<RuleId>>();
  const open = new Map<RuleId, { from: number; directive: Directive }>();
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  for (const directive of [...blocks].sort(byPosition)) {
    const at = directive.comment.range.start.offset;
    if (directive.kind === 'disable') {
      for (const rule of directiveRules(directive)) {
        if (!open.has(rule)) open.set(rule, { from: at, directive });
      }
      continue;
    }
    const closed = new Set<RuleId>();
    for (const rule of directiveRules(directive)) {
      const start = open.get(rule);
      if (!start) continue;
      spans.push({ rule, from: start.from, to: at, directive: start.directive });
      open.delete(rule);
      closed.add(rule);
    }
    enabled.set(directive, closed);
  }
  for (const [rule, start] of open) {
    spans.push({ rule, from: start.from, to: Infinity, directive: start.directive });
  }
  return { spans, enabled };
}

/** The line a line directive covers, or undefined for block directives. */
function coveredLine(directive: Directive): number | undefined {
  if (directive.kind === 'disable-next-line') return directive.comment.range.end.line + 1;
  if (directive.kind === 'disable-line') return directive.comment.range.start.line;
  return undefined;
}

/** "'a'", "'a' or 'b'", "'a', 'b', or 'c'". */
function quoteList(rules: readonly RuleId[]): string {
  const quoted = rules.map((r) => `'${r}'`);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1) ?? ''}`;
}

/**
 * A finding is suppressed when a line directive for its rule covers its start line, or it starts
 * inside a block disabled for its rule. Every covering directive counts as used, so a comment the
 * unused report would delete never still does work. Findings without a rule are never suppressed.
 */
export function applySuppressions(
  path: string,
  findings: readonly Finding[],
  directives: readonly Directive[],
  reportUnused: SeveritySetting,
): { findings: Finding[]; suppressed: Finding[] } {
  const { spans, enabled } = blockSpans(directives);
  const lineDirectives = directives.filter((d) => coveredLine(d) !== undefined);
  const used = new Map<Directive, Set<RuleId>>(directives.map((d) => [d, new Set<RuleId>()]));

  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const rule = finding.ruleId;
    if (rule === null) {
      kept.push(finding);
      continue;
    }
    const covering = [
      ...lineDirectives.filter((d) => coveredLine(d) === finding.range.start.line && directiveRules(d).includes(rule)),
      ...spans
        .filter((s) => s.rule === rule && s.from <= finding.range.start.offset && finding.range.start.offset < s.to)
        .map((s) => s.directive),
    ];
    for (const directive of covering) used.get(directive)?.add(rule);
    (covering.length > 0 ? suppressed : kept).push(finding);
  }

  if (reportUnused === 'off') return { findings: kept, suppressed };

  const report = (directive: Directive, detail: string, withFix: boolean): Finding => {
    const keyword = directiveKeyword(directive.kind);
    const finding: Finding = {
      ruleId: null,
      severity: reportUnused,
      messageId: 'unusedSuppression',
      message: `Unused ${keyword} directive (${detail}).`,
      path,
      range: directive.comment.range,
      related: [],
      suggestions: [],
      tags: ['unnecessary'],
    };
    if (withFix) {
      finding.fix = {
        message: `Remove the unused ${keyword} comment.`,
        edits: [directive.removal],
      };
    }
    return finding;
  };

  const unused: Finding[] = [];
  for (const directive of [...directives].sort(byPosition)) {
    const isEnable = directive.kind === 'enable';
    const hits = (isEnable ? enabled.get(directive) : used.get(directive)) ?? new Set<RuleId>();
    const none = isEnable ? 'no matching winsock-lint-disable directive was found' : 'no problems were reported';
    if (directive.rules === 'all') {
      if (hits.size === 0) unused.push(report(directive, none, true));
      continue;
    }
    const idle = directive.rules.filter((rule) => !hits.has(rule));
    const preposition = isEnable ? 'for' : 'from';
    if (idle.length === directive.rules.length) {
      unused.push(report(directive, `${none} ${preposition} ${quoteList(idle)}`, true));
    } else {
      // Deleting the comment would re-expose the rules it does suppress, so no fix here.
      for (const rule of idle) {
        unused.push(report(directive, `${none} ${preposition} '${rule}'`, false));
      }
    }
  }
  return { findings: [...kept, ...unused], suppressed };
}
