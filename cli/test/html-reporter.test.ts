// The HTML reporter: a self-contained page (no scripts, nothing loaded from elsewhere), totals, charts by rule
// and by folder, each finding with severity, a linked rule id, related locations and an escaped code frame.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '@winsock-lint/rules';
import { codeFrame, escapeHtml, formatHtml } from '../src/reporters/html.js';
import type { ReportFile } from '../src/reporters/index.js';
import { A_PATH, reportFiles } from './helpers/reporter-fixtures.js';
import { finding, rangeOfText } from './helpers/synthetic.js';

const OPTIONS = { cwd: '/virtual', version: '9.9.9' };

test('html: totals, both charts, every finding with its linked rule, location, related location and fix', () => {
  const html = formatHtml(reportFiles(), OPTIONS);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(html, /<span class="total" data-count="3">3 problems<\/span>/);
  assert.match(html, /<span class="errors" data-count="1">1 error<\/span>/);
  assert.match(html, /<span class="warnings" data-count="2">2 warnings<\/span>/);
  assert.match(html, /3 files analysed, 2 with problems/);
  assert.match(html, /<figcaption>Findings by rule<\/figcaption>/);
  assert.match(html, /<figcaption>Findings by folder<\/figcaption>/);
  assert.match(html, /<g class="bar" data-rule="fast-path-before-connect" data-count="1">/);
  assert.match(html, /<g class="bar" data-folder="\." data-count="2">/);
  assert.match(html, /<g class="bar" data-folder="include" data-count="1">/);
  assert.match(
    html,
    /<a class="rule" href="https:\/\/[^"]+fast-path-before-connect\.md">fast-path-before-connect<\/a>/,
  );
  // Unused suppressions have no docs page: the id is shown, not linked.
  assert.match(html, /<span class="rule">winsock-lint\/unused-suppression<\/span>/);
  assert.match(html, /<span class="loc">a\.c:3:2<\/span>/);
  assert.match(html, /<li><span class="loc">a\.c:2:5<\/span> The socket is connected here\.<\/li>/);
  assert.match(html, /Automatic fix: Comment the call out\./);
  assert.match(html, /Suggestion: Remove the SIO_LOOPBACK_FAST_PATH call\./);
  assert.equal(html.match(/<article class="finding/g)?.length, 3);
});

test('html: self-contained — no scripts, stylesheets, images, frames or url() loads', () => {
  const html = formatHtml(reportFiles(), OPTIONS);
  for (const forbidden of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\bsrc=/i, /url\(/i, /@import/i]) {
    assert.doesNotMatch(html, forbidden);
  }
  assert.match(html, /<style>/);
  assert.match(html, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img"/);
});

test('html: the code frame shows context lines, numbers them and marks the range', () => {
  const text = ['a', 'b', 'c', 'call(x);', 'd', 'e', 'f'].join('\n');
  const frame = codeFrame(new LineIndex(text), rangeOfText(text, 'call'));
  assert.deepEqual(
    [...frame.matchAll(/<span class="ln">\s*(\d+)<\/span>/g)].map((m) => m[1]),
    ['2', '3', '4', '5', '6'],
  );
  assert.match(frame, /<span class="line hl"><span class="ln">4<\/span><mark>call<\/mark>\(x\);<\/span>/);
  // A range over several lines marks each of its lines.
  const multi = codeFrame(new LineIndex(text), { ...rangeOfText(text, 'b'), end: rangeOfText(text, 'd').end });
  assert.equal(multi.match(/<mark>/g)?.length, 4);
});

test('html: source text, messages and paths are escaped; bidi and control characters are neutralised', () => {
  const text = 'x = "</pre><script>alert(1)</script>"; WSAIoctl(\u202e s);\n';
  const path = '/virtual/<b>&.c';
  const file: ReportFile = {
    text,
    result: {
      path,
      notes: [],
      findings: [
        finding(path, {
          range: rangeOfText(text, 'WSAIoctl'),
          message: 'Bad <img src=x onerror=alert(1)> & "quotes"',
          related: [{ path, range: rangeOfText(text, 'x'), message: '<i>related</i>' }],
        }),
      ],
    },
  };
  const html = formatHtml([file], OPTIONS);
  assert.doesNotMatch(html, /<script|<img|<i>|<b>/);
  assert.match(html, /&lt;\/pre&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /Bad &lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot;/);
  assert.match(html, /&lt;b&gt;&amp;\.c/);
  assert.ok(!html.includes('\u202e'), 'a right-to-left override would reorder the code shown');
  assert.ok(html.includes('\uFFFD'));
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('html: a clean run says so and draws no charts', () => {
  const html = formatHtml([{ text: 'int x;\n', result: { path: A_PATH, notes: [], findings: [] } }], OPTIONS);
  assert.match(html, /<p class="clean">No problems found\.<\/p>/);
  assert.match(html, /data-count="0">0 problems/);
  assert.doesNotMatch(html, /<svg/);
});
