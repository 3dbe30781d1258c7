// Reads inline expectations from fixture files: `//   ^^^^ rule-id related:12,other.cpp:4` lines under the
// code line they point at. Shared by every delivery's fixture tests so all of them check the same findings.

export interface ExpectedFinding {
  /** 0-based line of the code the carets point at. */
  line: number;
  column: number;
  /** Number of carets: the finding's length on that line. */
  length: number;
  rule: string;
  /** `related:` lines as written (1-based, `file:line` for another file), or undefined when not checked. */
  related?: string[];
  /** 1-based line of the annotation itself, for messages. */
  annotationLine: number;
}

const ANNOTATION = /^(\s*\/\/\s*)(\^+)\s+([a-z][a-z0-9-]*)(?:\s+related:(\S+))?\s*$/;

export function isAnnotationLine(line: string): boolean {
  return ANNOTATION.test(line);
}

export function parseAnnotations(text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n|\r/);
  const expected: ExpectedFinding[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no code line above it`);
    const [, prefix, carets, rule, related] = match;
    expected.push({
      line: target,
      column: prefix!.length,
      length: carets!.length,
      rule: rule!,
      ...(related !== undefined ? { related: related.split(',') } : {}),
      annotationLine: index + 1,
    });
  });
  return expected;
}

/** The length a finding must be annotated with: to its end, or to the end of its first line's content. */
export function annotatedLength(
  text: string,
  start: { line: number; column: number; offset: number },
  end: { line: number; offset: number },
): number {
  if (end.line === start.line) return end.offset - start.offset;
  const lineEnd = text.indexOf('\n', start.offset);
  const content = text.slice(start.offset, lineEnd < 0 ? text.length : lineEnd).replace(/\s+$/, '');
  return content.length;
}

/** The rule name an annotation uses: the rule id, or the kebab-cased message id of rule-less findings. */
export function annotationRule(ruleId: string | null, messageId: string): string {
  return ruleId ?? messageId.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
