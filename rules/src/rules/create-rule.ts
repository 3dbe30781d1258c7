// The typed helper every rule is made with: checks message ids, adds the docs URL, and gives rules a small
// context to read the project model and report findings. Rules stay pure: no I/O, no editor, no ESLint.
import { docsUrl } from '../rule-ids.js';
import type { ProjectModel } from '../index/project-model.js';
import type { Fix, FindingTag, Range, RelatedLocation, RuleId, RuleMeta, Severity, FixKind } from '../types.js';

export interface RuleReport<M extends string> {
  path: string;
  range: Range;
  messageId: M;
  data?: Record<string, string>;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Fix[];
  tags?: FindingTag[];
}

export interface RawFinding {
  ruleId: RuleId;
  messageId: string;
  message: string;
  path: string;
  range: Range;
  related: RelatedLocation[];
  fix?: Fix;
  suggestions: Fix[];
  tags: FindingTag[];
}

export interface RuleContext<M extends string> {
  model: ProjectModel;
  /** The decoded text of an analysed file (for fixes that move code). */
  text(path: string): string | undefined;
  report(report: RuleReport<M>): void;
}

export interface Rule {
  meta: RuleMeta;
  check(model: ProjectModel, text: (path: string) => string | undefined): RawFinding[];
}

export interface RuleDefinition<M extends string> {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  fixKind: FixKind;
  messages: Record<M, string>;
  check(context: RuleContext<M>): void;
}

export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message placeholder '${key}' has no value`);
    return value;
  });
}

export function createRule<M extends string>(definition: RuleDefinition<M>): Rule {
  const meta: RuleMeta = {
    id: definition.id,
    description: definition.description,
    defaultSeverity: definition.defaultSeverity,
    docsUrl: docsUrl(definition.id),
    messages: { ...definition.messages },
    fixKind: definition.fixKind,
  };
  return {
    meta,
    check(model, text) {
      const findings: RawFinding[] = [];
      const seen = new Set<string>();
      definition.check({
        model,
        text,
        report(r) {
          const template = definition.messages[r.messageId];
          if (template === undefined) throw new Error(`${definition.id}: unknown message id '${r.messageId}'`);
          const message = formatMessage(template, r.data);
          // One finding per place and message: a helper call may stand for several distinct problems.
          const key = `${r.path}\0${r.range.start.offset}\0${r.range.end.offset}\0${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          findings.push({
            ruleId: definition.id,
            messageId: r.messageId,
            message,
            path: r.path,
            range: r.range,
            related: r.related ?? [],
            ...(r.fix ? { fix: r.fix } : {}),
            suggestions: r.suggestions ?? [],
            tags: r.tags ?? [],
          });
        },
      });
      return findings;
    },
  };
}
