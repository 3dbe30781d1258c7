// The real ESLint CLI (ESLint 9 and ESLint 10) in the sample project fixtures/eslint-project/: the findings and
// exit code, `--fix` on a temporary copy, eslint-disable comments in a C file, and the SARIF formatter; and in a
// tree with no package.json, .git or winsock-lint.config.json, where it reports what `winsock-lint audit` reports.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeProject, decodeSource } from '@winsock-lint/rules';
import { REPO_ROOT, SAMPLE_PROJECT } from './support/fixtures.js';

const BINS = {
  'ESLint 9': path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  'ESLint 10': path.join(REPO_ROOT, 'node_modules', 'eslint-v10', 'bin', 'eslint.js'),
} as const;

interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    message: string;
    severity: number;
  }[];
}

function eslint(
  bin: string,
  cwd: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const sources = (dir: string): string[] =>
  fs
    .readdirSync(path.join(dir, 'src'))
    .filter((n) => !n.endsWith('.fixed'))
    .map((n) => path.join(dir, 'src', n));

/** The engine over the whole sample project, minus what `eslint-disable-next-line winsock/<rule>` comments hide. */
function expectedFindings(): { list: string[]; suppressed: string[] } {
  const files = sources(SAMPLE_PROJECT).map((p) => ({ path: p, text: decodeSource(fs.readFileSync(p)).text }));
  const list: string[] = [];
  const suppressed: string[] = [];
  for (const result of analyzeProject(files)) {
    const lines = files.find((f) => f.path === result.path)!.text.split(/\r?\n/);
    for (const f of result.findings) {
      const rule = `winsock/${f.ruleId ?? 'unused-suppression'}`;
      const entry = `${path.relative(SAMPLE_PROJECT, result.path)}:${f.range.start.line + 1}:${f.range.start.column + 1} ${rule}`;
      const above = lines[f.range.start.line - 1] ?? '';
      (above.includes(`eslint-disable-next-line ${rule}`) ? suppressed : list).push(entry);
    }
  }
  return { list: list.sort(), suppressed };
}

const actualFindings = (results: JsonResult[]): string[] =>
  results
    .flatMap((r) =>
      r.messages.map((m) => `${path.relative(SAMPLE_PROJECT, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
    )
    .sort();

// Copies sit two levels below the repository, like the sample, so its relative import of the plugin still resolves.
const copies: string[] = [];
after(() => copies.forEach((c) => fs.rmSync(c, { recursive: true, force: true })));

for (const [major, bin] of Object.entries(BINS)) {
  describe(`${major} CLI in fixtures/eslint-project`, () => {
    test('reports the engine findings of the whole project (project mode), honours eslint-disable, exits 1', () => {
      const { list, suppressed } = expectedFindings();
      assert.ok(suppressed.length > 0, 'the sample has a finding hidden by eslint-disable-next-line');
      const run = eslint(bin, SAMPLE_PROJECT, '.', '-f', 'json');
      assert.equal(run.status, 1, run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.deepEqual(actualFindings(results), list);
      // Project mode: the client, the server and the FFI helper opt in on both sides, so no fast-path-both-sides
      // finding; each file alone would have one (see the annotations in the sample files).
      assert.ok(!list.some((e) => e.includes('fast-path-both-sides')));
      assert.ok(
        results.every((r) => r.messages.every((m) => m.ruleId !== null)),
        'no parse errors or unused directives',
      );
    });

    test('--fix on a copy gives the .fixed files and leaves only unfixable findings', () => {
      const copy = path.join(
        REPO_ROOT,
        'eslint-plugin',
        `.tmp-eslint-project-${major.replace(/\W/g, '')}-${process.pid}`,
      );
      copies.push(copy);
      fs.rmSync(copy, { recursive: true, force: true });
      fs.cpSync(SAMPLE_PROJECT, copy, { recursive: true, filter: (p) => !p.endsWith('.fixed') });
      const run = eslint(bin, copy, '.', '--fix', '-f', 'json');
      assert.equal(run.status, 0, `no errors remain: ${run.stdout.slice(0, 2000)} ${run.stderr}`);
      for (const file of sources(SAMPLE_PROJECT)) {
        const fixedPath = `${file}.fixed`;
        const expected = fs.existsSync(fixedPath) ? fs.readFileSync(fixedPath, 'utf8') : fs.readFileSync(file, 'utf8');
        assert.equal(
          fs.readFileSync(path.join(copy, path.relative(SAMPLE_PROJECT, file)), 'utf8'),
          expected,
          path.basename(file),
        );
      }
      const left = actualFindings(
        (JSON.parse(run.stdout) as JsonResult[]).map((r) => ({
          ...r,
          filePath: path.join(SAMPLE_PROJECT, path.relative(copy, r.filePath)),
        })),
      );
      // Every applying call had a fix; the code left in beacon.c's case label has none, and eslint-disable hides it.
      assert.deepEqual(left, []);
    });

    test('-f @microsoft/eslint-formatter-sarif writes SARIF with the results', () => {
      const run = eslint(bin, SAMPLE_PROJECT, '.', '-f', '@microsoft/eslint-formatter-sarif');
      assert.equal(run.status, 1, run.stderr);
      const sarif = JSON.parse(run.stdout) as {
        version: string;
        runs: {
          results: {
            ruleId: string;
            suppressions?: unknown[];
            locations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number; startColumn: number };
              };
            }[];
          }[];
        }[];
      };
      assert.equal(sarif.version, '2.1.0');
      const describeResult = (r: (typeof sarif.runs)[0]['results'][0]): string => {
        const loc = r.locations[0]!.physicalLocation;
        return `${loc.artifactLocation.uri.replace(/^.*eslint-project\//, '')}:${loc.region.startLine}:${loc.region.startColumn} ${r.ruleId}`;
      };
      const results = sarif.runs[0]!.results;
      const { list, suppressed } = expectedFindings();
      // The formatter lists eslint-disable'd results too, marked as suppressed in source.
      assert.deepEqual(
        results
          .filter((r) => !r.suppressions?.length)
          .map(describeResult)
          .sort(),
        list,
      );
      assert.deepEqual(
        results
          .filter((r) => r.suppressions?.length)
          .map(describeResult)
          .sort(),
        suppressed.sort(),
      );
    });
  });
}

/** What `winsock-lint audit --format json` reports for `dir`, as `file:line:column rule`. */
function cliFindings(dir: string): string[] {
  const run = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'cli', 'bin', 'winsock-lint.js'), 'audit', '--format', 'json', dir],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as JsonResult[])
    .flatMap((r) =>
      r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} winsock/${m.ruleId}`),
    )
    .sort();
}

/** fixtures/demo in a fresh folder outside the repository (so no package.json or .git above), with only a config. */
function bareTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'winsock-eslint-bare-'));
  copies.push(dir);
  const demo = path.join(REPO_ROOT, 'fixtures', 'demo');
  for (const name of fs.readdirSync(demo)) {
    if (/\.(c|cpp|h)$/.test(name)) fs.copyFileSync(path.join(demo, name), path.join(dir, name));
  }
  const plugin = pathToFileURL(path.join(REPO_ROOT, 'eslint-plugin', 'dist', 'src', 'index.js')).href;
  fs.writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    `import winsock from ${JSON.stringify(plugin)};\n` +
      `export default [{ files: ['**/*.{c,cpp,h}'], plugins: { winsock }, language: 'winsock/cpp', ...winsock.configs['recommended-cpp'] }];\n`,
  );
  return dir;
}

for (const [major, bin] of Object.entries(BINS)) {
  test(`${major} CLI in a tree without package.json: its working directory is the project, as for winsock-lint audit`, () => {
    const dir = bareTree();
    let above = path.dirname(dir);
    for (;;) {
      for (const marker of ['package.json', '.git', 'winsock-lint.config.json']) {
        assert.ok(!fs.existsSync(path.join(above, marker)), `${above} has no ${marker}`);
      }
      if (path.dirname(above) === above) break;
      above = path.dirname(above);
    }
    const run = eslint(bin, dir, '.', '-f', 'json');
    assert.equal(run.status, 1, run.stderr);
    const actual = (JSON.parse(run.stdout) as JsonResult[])
      .flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
      .sort();
    const expected = cliFindings(dir);
    assert.ok(expected.length >= 10, `the CLI reports the demo's findings (${expected.length})`);
    assert.deepEqual(actual, expected);
  });
}
