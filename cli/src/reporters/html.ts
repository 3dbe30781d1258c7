// A self-contained HTML report: one page with inline CSS and inline SVG charts, no scripts and nothing loaded
// from elsewhere (links to the rule documentation are plain hyperlinks). A header with the totals, bar charts
// of the findings by rule and by folder, then every finding with its severity, rule (linked to its docs),
// message, related locations and a code frame with the range highlighted. Every text is HTML-escaped, and
// control and bidirectional-override characters are shown as U+FFFD, as in the terminal frame. Pure.
import { isAbsolute, relative, sep } from 'node:path';
import { LineIndex, ruleMetas, toOneBased } from '@winsock-lint/rules';
import type { Finding, Range, RuleMeta } from '../engine-types.js';
import { printable } from '../printable.js';
import { replaceUnsafe } from './code-frame.js';
import type { ReportFile } from './report-types.js';
import { UNUSED_SUPPRESSION_RULE_ID } from './sarif.js';

export interface HtmlOptions {
  /** Paths are shown relative to this folder when they are inside it. */
  cwd: string;
  version: string;
  /** Rule metadata (docs links); default: the engine's rules. */
  rules?: readonly RuleMeta[];
}

/** Lines of context shown above and below a finding's range. */
export const FRAME_CONTEXT_LINES = 2;
/** A range longer than this many lines is cut in the frame (the location still gives its full extent). */
const FRAME_MAX_RANGE_LINES = 8;
const CHART_MAX_BARS = 15;

interface Counts {
  errors: number;
  warnings: number;
}

export function formatHtml(files: readonly ReportFile[], options: HtmlOptions): string {
  const metas = new Map((options.rules ?? ruleMetas).map((meta) => [meta.id as string, meta]));
  const byRule = new Map<string, Counts>();
  const byFolder = new Map<string, Counts>();
  const total: Counts = { errors: 0, warnings: 0 };
  let fixable = 0;
  let filesWithFindings = 0;
  const sections: string[] = [];
  let findingNumber = 0;

  for (const { result, text } of files) {
    if (result.findings.length === 0) continue;
    filesWithFindings++;
    const shown = displayPath(options.cwd, result.path);
    const folder = folderOf(shown);
    const lines = new LineIndex(text);
    const articles: string[] = [];
    for (const finding of result.findings) {
      const ruleId = finding.ruleId ?? UNUSED_SUPPRESSION_RULE_ID;
      const key = finding.severity === 'error' ? 'errors' : 'warnings';
      total[key]++;
      bump(byRule, ruleId, key);
      bump(byFolder, folder, key);
      if (finding.fix && finding.fix.edits.length > 0) fixable++;
      articles.push(renderFinding(++findingNumber, finding, ruleId, metas, lines, options.cwd));
    }
    sections.push(
      `<section class="file">\n<h3 class="path">${escapeHtml(shown)}</h3>\n${articles.join('\n')}\n</section>`,
    );
  }

  const problems = total.errors + total.warnings;
  const summary =
    problems === 0
      ? '<p class="clean">No problems found.</p>'
      : `<section class="charts" aria-label="Summary">
${chart('Findings by rule', byRule, 'rule')}
${chart('Findings by folder', byFolder, 'folder')}
</section>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="winsock-lint ${escapeHtml(options.version)}">
<title>winsock-lint report: ${problems} ${plural('problem', problems)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>winsock-lint report</h1>
<p class="totals" id="totals">
<span class="total" data-count="${problems}">${problems} ${plural('problem', problems)}</span>
<span class="errors" data-count="${total.errors}">${total.errors} ${plural('error', total.errors)}</span>
<span class="warnings" data-count="${total.warnings}">${total.warnings} ${plural('warning', total.warnings)}</span>
<span class="fixable" data-count="${fixable}">${fixable} fixable with --fix</span>
</p>
<p class="scope">${files.length} ${plural('file', files.length)} analysed, ${filesWithFindings} with problems · winsock-lint ${escapeHtml(options.version)} · SIO_LOOPBACK_FAST_PATH audit</p>
</header>
<main>
${summary}
${sections.length > 0 ? `<h2>Findings</h2>\n${sections.join('\n')}` : ''}
</main>
</body>
</html>`;
}

function renderFinding(
  number: number,
  finding: Finding,
  ruleId: string,
  metas: ReadonlyMap<string, RuleMeta>,
  lines: LineIndex,
  cwd: string,
): string {
  const severity = finding.severity === 'error' ? 'error' : 'warning';
  const docs = metas.get(ruleId)?.docsUrl;
  const rule =
    docs !== undefined && /^https?:\/\//.test(docs)
      ? `<a class="rule" href="${escapeHtml(docs)}">${escapeHtml(ruleId)}</a>`
      : `<span class="rule">${escapeHtml(ruleId)}</span>`;
  const related =
    finding.related.length === 0
      ? ''
      : `\n<ul class="related">${finding.related
          .map(
            (item) =>
              `<li><span class="loc">${escapeHtml(location(cwd, item.path, item.range))}</span> ${escapeHtml(
                replaceUnsafe(item.message),
              )}</li>`,
          )
          .join('')}</ul>`;
  const fix =
    finding.fix && finding.fix.edits.length > 0
      ? `\n<p class="fix">Automatic fix: ${escapeHtml(replaceUnsafe(finding.fix.message))}</p>`
      : finding.suggestions.some((s) => s.edits.length > 0)
        ? `\n<p class="fix">Suggestion: ${escapeHtml(
            replaceUnsafe(finding.suggestions.find((s) => s.edits.length > 0)?.message ?? ''),
          )}</p>`
        : '';
  return `<article class="finding ${severity}" id="finding-${number}" data-rule="${escapeHtml(ruleId)}" data-severity="${severity}">
<p class="head"><span class="sev">${severity}</span> ${rule} <span class="loc">${escapeHtml(
    location(cwd, finding.path, finding.range),
  )}</span></p>
<p class="msg">${escapeHtml(replaceUnsafe(finding.message))}</p>${related}
${codeFrame(lines, finding.range)}${fix}
</article>`;
}

/** A few lines around the range, numbered, the range itself in <mark>. */
export function codeFrame(lines: LineIndex, range: Range): string {
  const { start, end } = range;
  const lastLine = lines.lineCount - 1;
  const first = Math.max(0, start.line - FRAME_CONTEXT_LINES);
  const rangeEnd = Math.min(end.line, start.line + FRAME_MAX_RANGE_LINES);
  const last = Math.min(lastLine, rangeEnd + FRAME_CONTEXT_LINES);
  const width = String(last + 1).length;
  const rows: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = lines.lineText(line);
    let body: string;
    if (line < start.line || line > end.line) {
      body = escapeHtml(replaceUnsafe(text));
    } else {
      const from = line === start.line ? Math.min(start.column, text.length) : 0;
      const to = line === end.line ? Math.min(Math.max(end.column, from), text.length) : text.length;
      const empty = from === to ? ' class="empty"' : '';
      body =
        escapeHtml(replaceUnsafe(text.slice(0, from))) +
        `<mark${empty}>${escapeHtml(replaceUnsafe(text.slice(from, to)))}</mark>` +
        escapeHtml(replaceUnsafe(text.slice(to)));
    }
    const current = line >= start.line && line <= end.line ? ' hl' : '';
    rows.push(`<span class="line${current}"><span class="ln">${String(line + 1).padStart(width)}</span>${body}</span>`);
  }
  // Each line is a block, so no line breaks between them (they would double the spacing inside <pre>).
  return `<pre class="frame"><code>${rows.join('')}</code></pre>`;
}

/** A horizontal bar chart (errors and warnings stacked), inline SVG, labels as SVG text. */
function chart(title: string, data: ReadonlyMap<string, Counts>, kind: string): string {
  const entries = [...data]
    .sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || compare(a[0], b[0]))
    .slice(0, CHART_MAX_BARS);
  const hidden = data.size - entries.length;
  const max = Math.max(1, ...entries.map(([, c]) => c.errors + c.warnings));
  const labelWidth = 250;
  const barWidth = 240;
  const rowHeight = 24;
  const width = labelWidth + barWidth + 50;
  const height = entries.length * rowHeight + 8;
  const bars = entries
    .map(([label, counts], i) => {
      const y = i * rowHeight + 4;
      const errorWidth = (counts.errors / max) * barWidth;
      const warningWidth = (counts.warnings / max) * barWidth;
      const count = counts.errors + counts.warnings;
      const shown = label.length > 34 ? `…${label.slice(-33)}` : label;
      return `<g class="bar" data-${kind}="${escapeHtml(label)}" data-count="${count}"><title>${escapeHtml(
        label,
      )}: ${counts.errors} ${plural('error', counts.errors)}, ${counts.warnings} ${plural('warning', counts.warnings)}</title>
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(replaceUnsafe(shown))}</text>
<rect x="${labelWidth}" y="${y + 2}" width="${round(errorWidth)}" height="${rowHeight - 8}" class="e"/>
<rect x="${round(labelWidth + errorWidth)}" y="${y + 2}" width="${round(warningWidth)}" height="${rowHeight - 8}" class="w"/>
<text x="${round(labelWidth + errorWidth + warningWidth + 6)}" y="${y + 15}" class="count">${count}</text></g>`;
    })
    .join('\n');
  const more = hidden > 0 ? `<p class="more">and ${hidden} more</p>` : '';
  return `<figure class="chart">
<figcaption>${escapeHtml(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${bars}
</svg>${more}
<p class="legend"><span class="key e"></span> errors <span class="key w"></span> warnings</p>
</figure>`;
}

function bump(map: Map<string, Counts>, key: string, kind: keyof Counts): void {
  const counts = map.get(key) ?? { errors: 0, warnings: 0 };
  counts[kind]++;
  map.set(key, counts);
}

function location(cwd: string, path: string, range: Range): string {
  const at = toOneBased(range.start);
  return `${displayPath(cwd, path)}:${at.line}:${at.column}`;
}

/** Relative to the working folder with forward slashes when inside it; otherwise as given. Printable. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return printable(path);
  return printable(rel.split(sep).join('/'));
}

function folderOf(shown: string): string {
  const slash = Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\'));
  return slash < 0 ? '.' : shown.slice(0, slash) || '/';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

const STYLE = `
:root{--err:#c62828;--warn:#b26a00;--fg:#1d2330;--muted:#5b6475;--bg:#fff;--panel:#f5f7fa;--line:#dde2ea;--mark:#ffe08a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:20px 32px;background:#1d2330;color:#fff}
header.top h1{margin:0 0 8px;font-size:24px}
.totals{margin:0;display:flex;gap:12px;flex-wrap:wrap}
.totals span{padding:4px 10px;border-radius:12px;background:#3a4356;font-weight:600}
.totals .errors{background:var(--err)}
.totals .warnings{background:var(--warn)}
.scope{margin:10px 0 0;color:#c5cbd6;font-size:13px}
main{padding:16px 32px 40px}
.clean{font-size:18px;color:#2e7d32;font-weight:600}
.charts{display:flex;gap:32px;flex-wrap:wrap}
.chart{margin:0;padding:12px 16px;background:var(--panel);border:1px solid var(--line);border-radius:8px}
.chart figcaption{font-weight:700;margin-bottom:6px}
.chart svg text{font:13px system-ui,"DejaVu Sans",sans-serif;fill:var(--fg)}
.chart svg .count{fill:var(--muted)}
.e{fill:var(--err);background:var(--err)}
.w{fill:var(--warn);background:var(--warn)}
.legend{margin:4px 0 0;font-size:12px;color:var(--muted)}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;vertical-align:middle}
.more{margin:0;font-size:12px;color:var(--muted)}
h2{margin:28px 0 8px}
.file{margin:18px 0}
.path{font:600 15px ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;margin:0 0 8px;padding:6px 10px;background:var(--panel);border-left:4px solid #1d2330}
.finding{margin:0 0 12px 12px;padding:8px 12px;border:1px solid var(--line);border-left:5px solid var(--warn);border-radius:6px}
.finding.error{border-left-color:var(--err)}
.head,.msg,.fix{margin:2px 0}
.sev{display:inline-block;min-width:64px;text-align:center;padding:1px 8px;border-radius:10px;color:#fff;background:var(--warn);font-size:12px;font-weight:700;text-transform:uppercase}
.error .sev{background:var(--err)}
.rule{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-weight:600}
.loc{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;color:var(--muted);font-size:13px}
.related{margin:4px 0;padding-left:22px;font-size:14px}
.fix{font-size:13px;color:#2e7d32}
.frame{margin:6px 0;padding:8px 0;background:#0f1420;color:#e6e9ef;border-radius:6px;overflow-x:auto;tab-size:4;font:13px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.frame .line{display:block;padding:0 12px 0 0}
.frame .line.hl{background:#1f2a40}
.frame .ln{display:inline-block;min-width:3.5em;padding:0 12px 0 8px;color:#7d879a;text-align:right;user-select:none}
.frame mark{background:var(--mark);color:#111;border-radius:2px}
.frame mark.empty{display:inline-block;width:2px;height:1.2em;vertical-align:text-bottom;background:var(--err)}
a{color:#1a56db}
.top a{color:#9cc1ff}
@media print{.frame{background:#f5f5f5;color:#111}.frame .line.hl{background:#fff3c4}}
`;
