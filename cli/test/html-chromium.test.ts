// The HTML report rendered by a real browser: Debian's headless Chromium loads the report of fixtures/demo from
// a file: URL, and both its DOM (--dump-dom) and a screenshot are checked. Chromium is installed on demand by
// cli/scripts/install-chromium.sh; the test is skipped (with the reason) only when that is impossible (not root,
// no apt-get). UPDATE_SCREENSHOT=1 also copies the screenshot to docs/images/html-report.png.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'cli/bin/winsock-lint.js');
const INSTALL = join(REPO_ROOT, 'cli/scripts/install-chromium.sh');
const REFERENCE = join(REPO_ROOT, 'docs/images/html-report.png');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chromium command, installing it when possible; a reason string when it cannot be had. */
function ensureChromium(): { ok: true } | { ok: false; reason: string } {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  if (found.status === 0) return { ok: true };
  const install = spawnSync('bash', [INSTALL], { encoding: 'utf8', timeout: 15 * 60 * 1000 });
  if (install.status === 0) return { ok: true };
  return {
    ok: false,
    reason: `chromium is not installed and cli/scripts/install-chromium.sh failed: ${(install.stderr || install.stdout).trim().split('\n').pop() ?? ''}`,
  };
}

function chromium(t: TestContext, mode: string[], url: string): ReturnType<typeof spawnSync> {
  const profile = mkdtempSync(join(tmpdir(), 'winsock-lint-chromium-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  return spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--window-size=1280,2000',
      ...mode,
      url,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
}

test('the demo HTML report renders in headless Chromium: DOM and screenshot', { timeout: 20 * 60 * 1000 }, (t) => {
  const available = ensureChromium();
  if (!available.ok) {
    t.skip(available.reason);
    return;
  }
  t.diagnostic(execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim());
  const out = mkdtempSync(join(tmpdir(), 'winsock-lint-html-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const report = join(out, 'report.html');
  const json = join(out, 'report.json');
  const env = { ...process.env, NO_COLOR: '1' };
  const html = spawnSync(process.execPath, [BIN, 'audit', '-f', 'html', '-o', report, 'fixtures/demo'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  assert.equal(html.status, 1, html.stderr); // The demo has errors on purpose.
  const expected = spawnSync(process.execPath, [BIN, 'audit', '-f', 'json', '-o', json, 'fixtures/demo'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  assert.equal(expected.status, 1, expected.stderr);
  const results = JSON.parse(readFileSync(json, 'utf8')) as Array<{
    messages: Array<{ ruleId: string | null; severity: number; message: string }>;
  }>;
  const messages = results.flatMap((r) => r.messages);
  const errors = messages.filter((m) => m.severity === 2).length;
  assert.ok(messages.length > 0);

  const url = pathToFileURL(report).href;
  const dump = chromium(t, ['--dump-dom'], url);
  assert.equal(dump.status, 0, String(dump.stderr));
  const dom = String(dump.stdout);
  assert.match(dom, /<h1>winsock-lint report<\/h1>/);
  assert.match(dom, new RegExp(`data-count="${messages.length}">${messages.length} problems<`));
  assert.match(dom, new RegExp(`data-count="${errors}">${errors} errors?<`));
  assert.equal(dom.match(/<article class="finding /g)?.length, messages.length);
  for (const ruleId of new Set(messages.map((m) => m.ruleId))) {
    assert.ok(ruleId !== null);
    assert.match(dom, new RegExp(`<a class="rule" href="https://[^"]+/${ruleId}\\.md">${ruleId}</a>`));
    assert.match(dom, new RegExp(`<g class="bar" data-rule="${ruleId}"`));
  }
  assert.match(dom, /data-folder="fixtures\/demo"/);
  for (const message of messages) {
    const escaped = message.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    assert.ok(dom.includes(escaped), `message not rendered: ${message.message}`);
  }
  assert.ok(dom.includes('<mark>'), 'code frames highlight the ranges');

  const screenshot = join(out, 'html-report.png');
  const shot = chromium(t, [`--screenshot=${screenshot}`], url);
  assert.equal(shot.status, 0, String(shot.stderr));
  const png = readFileSync(screenshot);
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
  assert.ok(png.length > 20 * 1024, `screenshot only ${png.length} bytes`);
  // A blank page of the same size compresses to almost nothing; the report must not look like one.
  const blankHtml = join(out, 'blank.html');
  writeFileSync(blankHtml, '<!DOCTYPE html><title>blank</title>');
  const blankPng = join(out, 'blank.png');
  assert.equal(chromium(t, [`--screenshot=${blankPng}`], pathToFileURL(blankHtml).href).status, 0);
  const blank = readFileSync(blankPng);
  assert.ok(!blank.equals(png));
  assert.ok(png.length > blank.length * 4, `report ${png.length} bytes vs blank ${blank.length} bytes`);
  t.diagnostic(`screenshot ${png.length} bytes (blank page ${blank.length} bytes); reference: ${REFERENCE}`);
  if (process.env['UPDATE_SCREENSHOT'] === '1') copyFileSync(screenshot, REFERENCE);
  else assert.ok(statSync(REFERENCE).size > 20 * 1024, 'the committed reference screenshot exists');
});
