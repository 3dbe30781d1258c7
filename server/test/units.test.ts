// In-process checks of the small pure pieces: encoding negotiation, the position adapter, command-line
// transports, settings and initialization options normalisation, and the minimal fix-all edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PositionMapper, negotiateEncoding, rangeToUtf16 } from '../src/positions.js';
import { parseTransport } from '../src/transport-args.js';
import { readInitializationOptions } from '../src/initialization-options.js';
import { normalizeSettings } from '../src/settings.js';
import { minimalEdit } from '../src/text-edits.js';

void test('position encoding negotiation', () => {
  assert.equal(negotiateEncoding(undefined), 'utf-16');
  assert.equal(negotiateEncoding([]), 'utf-16');
  assert.equal(negotiateEncoding(['utf-8']), 'utf-8');
  assert.equal(negotiateEncoding(['utf-8', 'utf-16']), 'utf-8');
  assert.equal(negotiateEncoding(['utf-16', 'utf-8']), 'utf-16');
  assert.equal(negotiateEncoding(['utf-32']), 'utf-16');
  assert.equal(negotiateEncoding(['utf-32', 'utf-8']), 'utf-8');
});

void test('position mapper round-trips through UTF-8 columns', () => {
  const text = 'a😀b\r\nécafé x\n';
  const utf8 = new PositionMapper(text, 'utf-8');
  assert.deepEqual(utf8.toLsp({ line: 0, column: 3 }), { line: 0, character: 5 });
  assert.deepEqual(utf8.fromLsp({ line: 0, character: 5 }), { line: 0, column: 3, offset: 3 });
  assert.deepEqual(utf8.fromLsp({ line: 1, character: 2 }), { line: 1, column: 1, offset: 7 });
  assert.deepEqual(utf8.fromLsp({ line: 0, character: 99 }).column, 4);
  const utf16 = new PositionMapper(text, 'utf-16');
  assert.deepEqual(utf16.toLsp({ line: 0, column: 3 }), { line: 0, character: 3 });
  assert.deepEqual(rangeToUtf16(text, 'utf-8', { start: { line: 0, character: 5 }, end: { line: 1, character: 2 } }), {
    start: { line: 0, character: 3 },
    end: { line: 1, character: 1 },
  });
});

void test('transport arguments', () => {
  assert.equal(parseTransport(['--stdio']), 'stdio');
  assert.equal(parseTransport(['--clientProcessId=1', '--node-ipc']), 'node-ipc');
  assert.deepEqual(parseTransport(['--socket=5007']), { socket: 5007 });
  assert.deepEqual(parseTransport(['--socket', '5007']), { socket: 5007 });
  assert.equal(parseTransport(['--socket=abc']), undefined);
  assert.equal(parseTransport([]), undefined);
});

void test('settings keep valid parts and warn about the rest', () => {
  const warnings: string[] = [];
  const settings = normalizeSettings(
    {
      enable: false,
      maxFileSize: -1,
      rules: { 'fast-path-tcp-only': 0, 'no-such-rule': 'warn', 'fast-path-both-sides': 'loud' },
    },
    (m) => warnings.push(m),
  );
  assert.deepEqual(settings, { enable: false, maxFileSize: 2 * 1024 * 1024, rules: { 'fast-path-tcp-only': 'off' } });
  assert.equal(warnings.length, 3);
});

void test('settings: include/exclude globs, trace accepted silently', () => {
  const warnings: string[] = [];
  const warn = (m: string): number => warnings.push(m);
  assert.deepEqual(normalizeSettings({ include: ['src/**'], exclude: [], trace: { server: 'verbose' } }, warn), {
    enable: true,
    maxFileSize: 2 * 1024 * 1024,
    rules: {},
    files: { include: ['src/**'] },
  });
  assert.deepEqual(warnings, []);
  // An empty list (an editor's default) is the same as no setting.
  assert.equal(normalizeSettings({ include: [], exclude: [] }, warn).files, undefined);
  assert.deepEqual(normalizeSettings({ include: 'src', exclude: ['a', 3, ''] }, warn).files, { exclude: ['a'] });
  assert.equal(warnings.length, 3);
});

void test('initialization options: defaults, valid values, malformed ones ignored with a warning', () => {
  const warnings: string[] = [];
  const warn = (m: string): number => warnings.push(m);
  const defaults = { useWorkspaceConfig: true, statusNotifications: false, hoverShowsDiagnostics: false };
  assert.deepEqual(readInitializationOptions(undefined, warn), defaults);
  assert.deepEqual(readInitializationOptions(null, warn), defaults);
  assert.deepEqual(
    readInitializationOptions(
      { useWorkspaceConfig: false, statusNotifications: true, hoverShowsDiagnostics: true },
      warn,
    ),
    { useWorkspaceConfig: false, statusNotifications: true, hoverShowsDiagnostics: true },
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(readInitializationOptions('yes', warn), defaults);
  assert.deepEqual(readInitializationOptions([true], warn), defaults);
  assert.deepEqual(readInitializationOptions({ statusNotifications: 1, other: true }, warn), defaults);
  assert.equal(warnings.length, 4);
});

void test('minimal edit never splits a surrogate pair or CRLF', () => {
  const before = 'x😀y\r\nz';
  const after = 'x😁y\r\nz';
  const edit = minimalEdit(before, after, new PositionMapper(before, 'utf-16'));
  assert.deepEqual(edit, {
    range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } },
    newText: '😁',
  });
  assert.equal(minimalEdit(before, before, new PositionMapper(before, 'utf-16')), undefined);
});
