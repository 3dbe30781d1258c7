// The status model: texts, severities and details for server states, findings, slow analyses and restarts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLOW_ANALYSIS_MS, StatusModel, defaultFileName } from '../src/status-model.js';

function running(): StatusModel {
  const model = new StatusModel();
  model.serverStateChanged('running');
  return model;
}

test('a starting server is busy, a running one shows the number of findings', () => {
  const model = new StatusModel();
  assert.equal(model.view().text, 'winsock-lint: starting');
  assert.equal(model.view().busy, true);
  model.serverStateChanged('running');
  assert.equal(model.view().text, 'winsock-lint: no findings');
  model.findings = 1;
  assert.equal(model.view().text, 'winsock-lint: 1 finding');
  model.findings = 16;
  const view = model.view();
  assert.equal(view.text, 'winsock-lint: 16 findings');
  assert.equal(view.statusBarText, '$(check) winsock-lint: 16');
  assert.equal(view.severity, 'information');
  assert.equal(view.busy, false);
});

test('a slow analysis turns the status into a warning naming the file, until the file is fast again', () => {
  const model = running();
  const uri = 'file:///w/big%20file.cpp';
  model.analysisReported({ uri, version: 3, durationMs: SLOW_ANALYSIS_MS - 1, findings: 0 });
  assert.equal(model.view().severity, 'information');
  model.analysisReported({ uri, version: 4, durationMs: 2400, findings: 2 });
  const slow = model.view();
  assert.equal(slow.severity, 'warning');
  assert.match(slow.detail, /Analysis of big file\.cpp took 2\.4 s\./);
  assert.match(slow.statusBarText, /^\$\(warning\)/);
  model.analysisReported({ uri, version: 5, durationMs: 120, findings: 2 });
  assert.equal(model.view().severity, 'information');
});

test('slow files: the slowest is named, the others counted; closing a file forgets it', () => {
  const model = running();
  model.analysisReported({ uri: 'file:///a.cpp', version: 1, durationMs: 2100, findings: 0 });
  model.analysisReported({ uri: 'file:///b.cpp', version: 1, durationMs: 5000, findings: 0 });
  assert.match(model.view().detail, /Analysis of b\.cpp took 5\.0 s \(1 other slow file\)\./);
  model.documentClosed('file:///b.cpp');
  model.documentClosed('file:///a.cpp');
  assert.equal(model.view().severity, 'information');
});

test('a skipped file is explained in the detail', () => {
  const model = running();
  model.analysisReported({
    uri: 'file:///huge.c',
    version: 1,
    durationMs: 1,
    findings: 0,
    skipped: 'larger than maxFileSize',
  });
  assert.match(model.view().detail, /huge\.c is not analysed: larger than maxFileSize/);
});

test('an unexpected stop is a warning while the server restarts, an error when it stays down', () => {
  const model = running();
  model.serverStateChanged('stopped');
  model.serverStateChanged('starting');
  assert.equal(model.unexpectedStops, 1);
  assert.equal(model.view().severity, 'warning');
  model.serverStateChanged('running');
  const view = model.view();
  assert.equal(view.severity, 'warning');
  assert.match(view.detail, /stopped unexpectedly once and was restarted/);
  model.serverStateChanged('stopped');
  const down = model.view();
  assert.equal(down.text, 'winsock-lint: stopped');
  assert.equal(down.severity, 'error');
  assert.match(down.detail, /stopped unexpectedly 2 times and was not restarted/);
});

test('a restart the user asks for is not a crash and clears earlier trouble', () => {
  const model = running();
  model.serverStateChanged('stopped');
  model.serverStateChanged('running');
  model.analysisReported({ uri: 'file:///a.cpp', version: 1, durationMs: 9000, findings: 0 });
  model.restartRequested();
  model.serverStateChanged('stopped');
  model.serverStateChanged('starting');
  model.serverStateChanged('running');
  assert.equal(model.unexpectedStops, 0);
  assert.equal(model.view().severity, 'information');
  // The expectation is used up by the restart: a later crash counts again.
  model.serverStateChanged('stopped');
  assert.equal(model.unexpectedStops, 1);
});

test('a server that cannot start says why', () => {
  const model = new StatusModel();
  model.startFailed('the server bundle is missing');
  const view = model.view();
  assert.equal(view.text, 'winsock-lint: stopped');
  assert.equal(view.severity, 'error');
  assert.match(view.detail, /could not start: the server bundle is missing/);
});

test('file names come from the last URI segment, decoded when possible', () => {
  assert.equal(defaultFileName('file:///c%3A/src/a%20b.cpp'), 'a b.cpp');
  assert.equal(defaultFileName('untitled:Untitled-1'), 'untitled:Untitled-1');
  assert.equal(defaultFileName('file:///x/%E0%A4%A.c'), '%E0%A4%A.c');
});

test('open documents not analysed yet show "analysing…", never a count, until each is reported', () => {
  const model = running();
  model.awaitAnalysis(['file:///w/a.cpp', 'file:///w/b.cpp']);
  const waiting = model.view();
  assert.equal(waiting.text, 'winsock-lint: analysing…');
  assert.equal(waiting.statusBarText, '$(sync~spin) winsock-lint: analysing…');
  assert.equal(waiting.busy, true);
  assert.match(waiting.detail, /Analysing 2 open files/);
  model.analysisReported({ uri: 'file:///w/a.cpp', version: 1, durationMs: 9000, findings: 3 });
  assert.equal(model.view().text, 'winsock-lint: analysing…');
  assert.match(model.view().detail, /Analysing 1 open file with .*Analysis of a\.cpp took 9\.0 s/);
  // A document closed before its analysis is no longer waited for.
  model.documentClosed('file:///w/b.cpp');
  model.findings = 3;
  assert.equal(model.view().text, 'winsock-lint: 3 findings');
  assert.equal(model.view().busy, false);
  // A skipped document is reported too: it does not keep the status busy.
  model.awaitAnalysis(['file:///w/c.cpp']);
  model.analysisReported({ uri: 'file:///w/c.cpp', version: 1, durationMs: 1, findings: 0, skipped: 'excluded' });
  assert.equal(model.view().busy, false);
});
