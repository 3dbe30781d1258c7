// The prefilter's scan memo (kept by the language server per project) must never change a result: analyses
// with it equal analyses without it, also after a file's text changed between runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { analyzeProject, isCandidateText, TextScanMemo } from '../src/index.js';
import { fixtureProjects } from './support/fixture-files.js';

test('a remembered scan is redone when the text of the file changes', () => {
  const memo = new TextScanMemo();
  assert.equal(memo.isCandidate('/p/a.cpp', 'int x;'), false);
  const changed = 'DWORD c = SIO_LOOPBACK_FAST_PATH;';
  assert.equal(memo.isCandidate('/p/a.cpp', changed), isCandidateText(changed));
  assert.equal(memo.mentions('/p/a.cpp', changed, /\bDWORD\b/g), true);
  assert.equal(memo.mentions('/p/a.cpp', changed, /\bDWORD\b/g), true, 'a global pattern is not left mid-text');
  assert.equal(memo.mentions('/p/a.cpp', 'int y;', /\bDWORD\b/), false);
});

test('analyses with the scan memo equal analyses without it, before and after edits', () => {
  const projects = fixtureProjects().filter((p) => p.files.length > 1);
  assert.ok(projects.length >= 5, 'the multi-file fixture projects are found');
  for (const project of projects) {
    const memo = new TextScanMemo();
    let files = project.files.map((path) => ({ path, text: fs.readFileSync(path, 'utf8') }));
    for (let step = 0; step < 3; step++) {
      assert.deepEqual(
        analyzeProject(files, { scanMemo: memo }),
        analyzeProject(files),
        `${project.name} step ${step}`,
      );
      // Edit one file a different way each step: blank out the code spelling, then a helper name, then restore.
      files = files.map((file, index) =>
        index === step % files.length
          ? {
              path: file.path,
              text:
                step === 2
                  ? fs.readFileSync(file.path, 'utf8')
                  : file.text.replace(/SIO_LOOPBACK_FAST_PATH/g, 'SIO_OTHER_CODE_0'),
            }
          : file,
      );
    }
  }
});
