// Unit tests of the SARIF reporter on the shared synthetic results: the run's driver and rules, result levels,
// 1-based UTF-16 regions, related locations, fixes as replacements, artifacts and stable fingerprints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleMetas } from '@winsock-lint/rules';
import {
  FINGERPRINT_KEY,
  formatSarif,
  pascalCase,
  SARIF_SCHEMA,
  toSarifLog,
  UNUSED_SUPPRESSION_RULE_ID,
  type SarifLog,
} from '../src/reporters/sarif.js';
import type { ReportFile } from '../src/reporters/index.js';
import { A_TEXT, callRange, commentRange, reportFiles } from './helpers/reporter-fixtures.js';
import { finding, rangeOfText } from './helpers/synthetic.js';

const OPTIONS = { cwd: '/virtual', version: '1.2.3' };

function run(log: SarifLog): SarifLog['runs'][number] {
  assert.equal(log.runs.length, 1);
  const only = log.runs[0];
  assert.ok(only);
  return only;
}

test('log header, driver and one rule entry per engine rule plus unused suppressions', () => {
  const log = toSarifLog(reportFiles(), OPTIONS);
  assert.equal(log.$schema, SARIF_SCHEMA);
  assert.equal(log.version, '2.1.0');
  const { driver } = run(log).tool;
  assert.equal(driver.name, 'winsock-lint');
  assert.equal(driver.version, '1.2.3');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(
    driver.rules.map((rule) => rule.id),
    [...ruleMetas.map((meta) => meta.id), UNUSED_SUPPRESSION_RULE_ID],
  );
  for (const meta of ruleMetas) {
    const rule = driver.rules.find((r) => r.id === meta.id);
    assert.ok(rule);
    assert.equal(rule.name, pascalCase(meta.id));
    assert.equal(rule.helpUri, meta.docsUrl);
    assert.ok(rule.shortDescription.text.startsWith(meta.description));
    assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length);
    assert.equal(rule.defaultConfiguration.level, meta.defaultSeverity === 'error' ? 'error' : 'warning');
    assert.ok(rule.properties.tags.length > 0);
  }
  assert.equal(pascalCase('fast-path-before-connect'), 'FastPathBeforeConnect');
  assert.equal(run(log).columnKind, 'utf16CodeUnits');
  assert.deepEqual(run(log).originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///virtual/' } });
});

test('results: rule ids and indexes, levels, messages, 1-based regions with exclusive end columns', () => {
  const { results, tool } = run(toSarifLog(reportFiles(), OPTIONS));
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.level]),
    [
      ['fast-path-before-connect', 'error'],
      ['no-deprecated-fast-path', 'warning'],
      [UNUSED_SUPPRESSION_RULE_ID, 'warning'],
    ],
  );
  for (const result of results) {
    assert.equal(tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
  }
  const [connect, deprecated, unused] = results;
  assert.ok(connect && deprecated && unused);
  assert.equal(connect.message.text, 'SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect.');
  // '\tWSAIoctl' on line 3: the tab is one UTF-16 unit, so WSAIoctl spans columns 2 to 10 (exclusive).
  assert.deepEqual(connect.locations[0]?.physicalLocation, {
    artifactLocation: { uri: 'a.c', uriBaseId: '%SRCROOT%', index: 0 },
    region: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 10 },
  });
  assert.deepEqual(connect.relatedLocations, [
    {
      id: 1,
      physicalLocation: {
        artifactLocation: { uri: 'a.c', uriBaseId: '%SRCROOT%', index: 0 },
        region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 12 },
      },
      message: { text: 'The socket is connected here.' },
    },
  ]);
  // Suggestions are never SARIF fixes; the automatic fix is, one replacement per edit.
  assert.equal(connect.fixes, undefined);
  assert.deepEqual(deprecated.fixes, [
    {
      description: { text: 'Comment the call out.' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'a.c', uriBaseId: '%SRCROOT%', index: 0 },
          replacements: [
            { deletedRegion: { charOffset: callRange.start.offset, charLength: 0 }, insertedContent: { text: '/* ' } },
            { deletedRegion: { charOffset: callRange.end.offset, charLength: 0 }, insertedContent: { text: ' */' } },
          ],
        },
      ],
    },
  ]);
  // The unused suppression spans lines 2–3 of include/c.h.
  assert.deepEqual(unused.locations[0]?.physicalLocation.region, {
    startLine: commentRange.start.line + 1,
    startColumn: 1,
    endLine: commentRange.end.line + 1,
    endColumn: commentRange.end.column + 1,
  });
  assert.equal(unused.locations[0]?.physicalLocation.artifactLocation.uri, 'include/c.h');
});

test('artifacts list every analysed file once, with its language', () => {
  const { artifacts } = run(toSarifLog(reportFiles(), OPTIONS));
  assert.deepEqual(artifacts, [
    { location: { uri: 'a.c', uriBaseId: '%SRCROOT%' }, sourceLanguage: 'c' },
    { location: { uri: 'b.c', uriBaseId: '%SRCROOT%' }, sourceLanguage: 'c' },
    { location: { uri: 'include/c.h', uriBaseId: '%SRCROOT%' }, sourceLanguage: 'c' },
  ]);
});

test('URIs are percent-encoded; files outside the working folder get absolute file: URIs', () => {
  const files: ReportFile[] = [
    { text: '', result: { path: '/virtual/my dir/a#1.cpp', findings: [], notes: [] } },
    { text: '', result: { path: '/elsewhere/b.c', findings: [], notes: [] } },
  ];
  const { artifacts } = run(toSarifLog(files, OPTIONS));
  assert.deepEqual(
    artifacts.map((a) => a.location),
    [{ uri: 'my%20dir/a%231.cpp', uriBaseId: '%SRCROOT%' }, { uri: 'file:///elsewhere/b.c' }],
  );
});

test('fingerprints: the same when the code moves to another line, different for repeated identical lines', () => {
  const path = '/virtual/m.c';
  const line = '    WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);';
  const fingerprints = (text: string, count: number): string[] => {
    const findings = [];
    let from = 0;
    for (let i = 0; i < count; i++) {
      const range = rangeOfText(text, 'SIO_LOOPBACK_FAST_PATH', from);
      from = range.end.offset;
      findings.push(finding(path, { range }));
    }
    const { results } = run(toSarifLog([{ text, result: { path, findings, notes: [] } }], OPTIONS));
    return results.map((r) => r.partialFingerprints[FINGERPRINT_KEY] ?? '');
  };
  const original = fingerprints(`void f(void) {\n${line}\n}\n`, 1);
  const moved = fingerprints(`/* new header */\n\nvoid f(void) {\n  ${line.trim()}\n}\n`, 1);
  assert.deepEqual(moved, original);
  assert.match(original[0] ?? '', /^[0-9a-f]{16}:1$/);
  const twice = fingerprints(`${line}\n${line}\n`, 2);
  assert.equal(twice[0], original[0]);
  assert.notEqual(twice[1], twice[0]);
  assert.match(twice[1] ?? '', /:2$/);
});

test('formatSarif prints the same log as JSON', () => {
  const files = reportFiles();
  assert.deepEqual(JSON.parse(formatSarif(files, OPTIONS)), toSarifLog(files, OPTIONS));
  assert.ok(A_TEXT.includes('WSAIoctl'));
});
