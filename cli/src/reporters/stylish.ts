// ESLint's "stylish" output, plus a two-line code frame and the related locations under each finding.
// Pure: returns the text (empty when there are no findings); colours only when asked to.
import { LineIndex, toOneBased } from '@winsock-lint/rules';
import { createPalette, type Palette } from '../color.js';
import type { Finding } from '../engine-types.js';
import { printable } from '../printable.js';
import { frameLine } from './code-frame.js';
import type { ReportFile, ReportOptions } from './report-types.js';

interface Row {
  finding: Finding;
  line: string;
  column: string;
  type: 'error' | 'warning';
  message: string;
  ruleId: string;
}

export function formatStylish(files: readonly ReportFile[], options: ReportOptions): string {
  const c = createPalette(options.color);
  let output = '\n';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;

  for (const { result, text } of files) {
    if (result.findings.length === 0) continue;
    const rows = result.findings.map(toRow);
    for (const row of rows) {
      const fixable = row.finding.fix !== undefined && row.finding.fix.edits.length > 0;
      if (row.type === 'error') {
        errors++;
        if (fixable) fixableErrors++;
      } else {
        warnings++;
        if (fixable) fixableWarnings++;
      }
    }
    output += `${c.underline(printable(result.path))}\n`;
    output += formatRows(rows, new LineIndex(text), c);
    output += '\n';
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summaryColor = errors > 0 ? c.red : c.yellow;
  output += summaryColor(
    c.bold(
      `\u2716 ${total} ${plural('problem', total)} (${errors} ${plural('error', errors)}, ` +
        `${warnings} ${plural('warning', warnings)})`,
    ),
  );
  output += '\n';
  if (fixableErrors > 0 || fixableWarnings > 0) {
    output += summaryColor(
      c.bold(
        `  ${fixableErrors} ${plural('error', fixableErrors)} and ${fixableWarnings} ` +
          `${plural('warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`,
      ),
    );
    output += '\n';
  }
  return output;
}

function toRow(finding: Finding): Row {
  const start = toOneBased(finding.range.start);
  return {
    finding,
    line: String(start.line),
    column: String(start.column),
    type: finding.severity === 'error' ? 'error' : 'warning',
    // As ESLint: a final full stop is dropped in this compact layout.
    message: finding.message.replace(/([^ ])\.$/u, '$1'),
    ruleId: finding.ruleId ?? '',
  };
}

/** ESLint's table (line right-aligned, column left-aligned, two-space gaps), each row followed by its frame. */
function formatRows(rows: readonly Row[], lines: LineIndex, c: Palette): string {
  const width = (pick: (row: Row) => string): number => Math.max(...rows.map((row) => pick(row).length));
  const lineWidth = width((r) => r.line);
  const columnWidth = width((r) => r.column);
  const typeWidth = width((r) => r.type);
  const messageWidth = width((r) => r.message);
  let out = '';
  for (const row of rows) {
    const severityColor = row.type === 'error' ? c.red : c.yellow;
    const cells = [
      ' '.repeat(lineWidth - row.line.length) + c.dim(`${row.line}:${row.column}`) + pad(row.column, columnWidth),
      severityColor(row.type) + pad(row.type, typeWidth),
      row.message + pad(row.message, messageWidth),
      c.dim(row.ruleId),
    ];
    out += `  ${cells.join('  ')}`.trimEnd() + '\n';
    out += formatFrame(row.finding, lines, lineWidth, c, severityColor);
    for (const related of row.finding.related) {
      const at = toOneBased(related.range.start);
      out +=
        `    ${c.dim('related:')} ${printable(related.path)}:${at.line}:${at.column} ${related.message}`.trimEnd() +
        '\n';
    }
  }
  return out;
}

function formatFrame(
  finding: Finding,
  lines: LineIndex,
  gutterWidth: number,
  c: Palette,
  severityColor: (text: string) => string,
): string {
  const { start, end } = finding.range;
  const frame = frameLine(lines.lineText(start.line), start.column, end.line === start.line ? end.column : undefined);
  const number = String(start.line + 1).padStart(gutterWidth);
  const gutter = ' '.repeat(gutterWidth);
  const carets = frame.carets.trimStart();
  const indent = ' '.repeat(frame.carets.length - carets.length);
  return (
    `    ${c.dim(`${number} |`)} ${frame.source}`.trimEnd() +
    '\n' +
    `    ${c.dim(`${gutter} |`)} ${indent}${severityColor(carets)}\n`
  );
}

function pad(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - text.length));
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
