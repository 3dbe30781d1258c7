// The progress line: only on a terminal (not piped, not under CI, not --quiet, not TERM=dumb), redrawn in place
// with \r at most every 100 ms, with files done/total, MB/s and ETA; nothing left on the line afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';
import { createProgress, formatDuration, NO_PROGRESS, progressEnabled } from '../src/progress.js';
import { captureIo } from './helpers/capture-io.js';
import { makeTree } from './helpers/temp-tree.js';

const BIN = fileURLToPath(new URL('../../bin/winsock-lint.js', import.meta.url));

function tty(): { write(text: string): void; isTTY: true; columns: number; text: () => string } {
  let out = '';
  return { write: (text: string) => void (out += text), isTTY: true, columns: 120, text: () => out };
}

test('progress is on only for a terminal, without CI, --quiet or TERM=dumb', () => {
  assert.equal(progressEnabled({ write() {}, isTTY: true }, {}, false), true);
  assert.equal(progressEnabled({ write() {}, isTTY: false }, {}, false), false);
  assert.equal(progressEnabled({ write() {} }, {}, false), false);
  assert.equal(progressEnabled({ write() {}, isTTY: true }, { CI: 'true' }, false), false);
  assert.equal(progressEnabled({ write() {}, isTTY: true }, { CI: '' }, false), false);
  assert.equal(progressEnabled({ write() {}, isTTY: true }, { TERM: 'dumb' }, false), false);
  assert.equal(progressEnabled({ write() {}, isTTY: true }, {}, true), false);
  assert.equal(createProgress({ write() {}, isTTY: false }, {}, { quiet: false }), NO_PROGRESS);
});

test('progress redraws in place at most every 100 ms, with count, MB/s and ETA, and clears its line', () => {
  const stream = tty();
  let clock = 0;
  const progress = createProgress(stream, {}, { quiet: false, now: () => clock });
  progress.begin('reading', 100);
  for (let i = 0; i < 100; i++) {
    clock += 5; // 100 files over 500 ms: at most 5 redraws.
    progress.advance(1, 1024 * 1024);
  }
  const draws = stream
    .text()
    .split('\r\u001b[2K')
    .filter((part) => part !== '');
  assert.ok(draws.length >= 4 && draws.length <= 5, `${draws.length} redraws`);
  assert.match(draws[0] ?? '', /^reading \[#{4}-{16}\] 20\/100 files 200\.0 MB\/s ETA 0s$/);
  assert.match(draws.at(-1) ?? '', /^reading \[#{20}\] 100\/100 files 200\.0 MB\/s ETA 0s$/);
  assert.ok(!stream.text().includes('\n'), 'never a new line: the line is redrawn');
  progress.begin('analysing 100 files (100.0 MB)', 0);
  assert.ok(stream.text().endsWith('\r\u001b[2Kanalysing 100 files (100.0 MB)…'));
  progress.clear();
  assert.ok(stream.text().endsWith('\r\u001b[2K'));
  assert.equal(formatDuration(75), '1m15s');
  assert.equal(formatDuration(3 * 3600 + 60), '3h01m');
});

test('audit on a terminal shows progress on stderr and keeps stdout clean; not under CI', async (t) => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 5; i++) spec[`f${i}.c`] = 'int x;\n';
  const root = makeTree(t, spec);
  const io = captureIo(root, {});
  (io.stderr as { isTTY?: boolean }).isTTY = true;
  assert.equal(await main(['audit', '-f', 'json', '.'], io), 0);
  assert.match(io.err(), /\r\u001b\[2Kanalysing 5 files \(0\.0 MB\)…/);
  assert.ok(io.err().endsWith('\r\u001b[2K'), 'the line is cleared before the run ends');
  assert.doesNotMatch(io.out(), /\r|\u001b/);
  const ci = captureIo(root, { CI: 'true' });
  (ci.stderr as { isTTY?: boolean }).isTTY = true;
  await main(['audit', '.'], ci);
  assert.equal(ci.err(), '');
});

test('piped: the real binary writes no progress to stderr', (t) => {
  const root = makeTree(t, { 'a.c': 'int x;\n' });
  const env: Record<string, string | undefined> = { ...process.env };
  delete env['CI'];
  const out = spawnSync(process.execPath, [BIN, 'audit', '.'], { cwd: root, env, encoding: 'utf8' });
  assert.equal(out.status, 0);
  assert.equal(out.stderr, '');
});
