// Reads the expected findings written inline in fixtures (see fixtures/README.md): a comment line of
// carets under the line it refers to, then a rule id.
export interface Expected {
  line: number;
  column: number;
  rule: string;
}

const ANNOTATION = /^(\s*)\/\/(\s*)(\^+) ([a-z-]+)/;

export function expectedFindings(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    const column = line.indexOf('^');
    expected.push({ line: target, column, rule: match[4] ?? '' });
  });
  return expected;
}

export function key(e: Expected): string {
  return `${e.line}:${e.column}:${e.rule}`;
}
