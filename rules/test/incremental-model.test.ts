// The incremental project model (the language server's path after an edit) must give exactly what a build from
// scratch gives: seeded random edits to the files of every cross-file project fixture, compared after each step
// at the model level (same facts) and at the analysis level (same texts, when they parse without errors).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  analyzeProject,
  buildProjectModel,
  extractFileFacts,
  IncrementalExtractor,
  ProjectModelBuilder,
  TextScanMemo,
  type FileFacts,
  type ProjectFile,
} from '../src/index.js';
import { parseSource } from '../src/parse/parser.js';
import { FIXTURES_DIR, fixtureProjects } from './support/fixture-files.js';
import { rng } from './support/random.js';

const projects = fixtureProjects(path.join(FIXTURES_DIR, 'cross-file')).filter((p) => p.files.length > 1);

/** Edits that change summaries: applications, connects, listens, new or renamed helpers, broken syntax. */
function snippets(names: readonly string[], random: () => number): string {
  const name = names[Math.floor(random() * names.length)] ?? 'helper';
  const choices = [
    ' ',
    'x',
    '\n',
    ';',
    '}',
    '{',
    ' WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL); ',
    ' connect(s, (sockaddr*)&a, sizeof(a)); ',
    ' listen(s, 5); ',
    ` ${name}(s); `,
    ` ${name}(s, SIO_LOOPBACK_FAST_PATH); `,
    `\nvoid ${name}(SOCKET s) { DWORD b = 0; WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &b, 4, NULL, 0, &b, NULL, NULL); }\n`,
    `\nvoid ${name}(SOCKET s) { listen(s, 5); ${name}(s); }\n`,
    `\nstatic SOCKET ${name}_made() { return socket(AF_INET, SOCK_DGRAM, 0); }\n`,
    '\n#define FAST_ALIAS SIO_LOOPBACK_FAST_PATH\n',
    '/* ',
    ' */',
  ];
  return choices[Math.floor(random() * choices.length)]!;
}

function edit(text: string, names: readonly string[], random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.25 && text.length > 0) {
    const length = 1 + Math.floor(random() * Math.min(30, text.length - at));
    return text.slice(0, at) + text.slice(at + length);
  }
  // Renaming: one character of an identifier changed makes calls resolve elsewhere (or nowhere).
  if (kind < 0.35) {
    const identifier = /\b[a-z_]\w{3,}\b/gi;
    const found = [...text.matchAll(identifier)];
    const hit = found[Math.floor(random() * found.length)];
    if (hit?.index !== undefined)
      return `${text.slice(0, hit.index)}${hit[0]}2${text.slice(hit.index + hit[0].length)}`;
  }
  return text.slice(0, at) + snippets(names, random) + text.slice(at);
}

function functionNames(facts: readonly FileFacts[]): string[] {
  return [...new Set(facts.flatMap((f) => f.functions.map((fn) => fn.name)).filter((n) => !n.startsWith('<')))];
}

test('the cross-file project fixtures are found', () => {
  assert.ok(projects.length >= 6, `${projects.length} projects`);
});

for (const project of projects) {
  test(`incremental model equals a model from scratch after each random edit: ${project.name}`, () => {
    const random = rng(4242 + project.files.length * 7 + project.name.length);
    const texts = new Map(project.files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const extractors = new Map(project.files.map((f) => [f, new IncrementalExtractor()]));
    const builder = new ProjectModelBuilder();
    let reusedSteps = 0;
    for (let step = 0; step < 30; step++) {
      // Now and then a file is left out of the project (closed, deleted) and comes back later.
      const present = project.files.filter((f, i) => step % 7 !== 3 || i !== step % project.files.length);
      const facts = present.map((f) => extractors.get(f)!.extract(f, texts.get(f)!));
      const label = `${project.name}, step ${step}`;
      assert.deepEqual(builder.build(facts), buildProjectModel(facts), label);
      if (builder.stats.recomputed < builder.stats.functions) reusedSteps++;
      const file = present[Math.floor(random() * present.length)]!;
      texts.set(file, edit(texts.get(file)!, functionNames(facts), random));
    }
    assert.ok(reusedSteps > 10, `the builder reused functions in ${reusedSteps} steps`);
  });

  test(`analysis with the language server's options equals a fresh analysis after each edit: ${project.name}`, () => {
    const random = rng(777 + project.files.length * 13 + project.name.length);
    const files: ProjectFile[] = project.files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));
    const entries = new Map<string, FileFacts>();
    const extractors = new Map<string, IncrementalExtractor>();
    const options = {
      cache: {
        get: (key: string) => entries.get(key),
        set: (key: string, facts: FileFacts) => entries.set(key, facts),
      },
      scanMemo: new TextScanMemo(),
      modelBuilder: new ProjectModelBuilder(),
      extractorFor: (p: string) => extractors.get(p),
    };
    const valid = new Map<string, string>();
    let compared = 0;
    for (let step = 0; step < 20; step++) {
      const incremental = analyzeProject(files, options);
      // A fresh parse and the incremental one agree when the text has no syntax errors (see architecture.md).
      // Files never edited are extracted from scratch on both sides.
      if (files.every((f) => !extractors.has(f.path) || !parseSource(f.text, 'cpp').rootNode.hasError)) {
        assert.deepEqual(incremental, analyzeProject(files), `${project.name}, step ${step}`);
        compared++;
      }
      // The edited file becomes an open document (incremental extraction); the others stay cached.
      const index = Math.floor(random() * files.length);
      const file = files[index]!;
      extractors.set(file.path, extractors.get(file.path) ?? new IncrementalExtractor());
      const names = functionNames(project.files.map((f) => extractFileFacts(f, fs.readFileSync(f, 'utf8'))));
      // Edits that keep the text valid often enough to compare: whole statements at line ends; a text made
      // invalid is analysed once, then the edit is undone.
      const broken = parseSource(file.text, 'cpp').rootNode.hasError;
      const text = broken ? (valid.get(file.path) ?? file.text) : file.text;
      if (!broken) valid.set(file.path, file.text);
      const ends = [...text.matchAll(/;\n/g)].map((m) => m.index! + 1);
      const at = ends[Math.floor(random() * ends.length)] ?? text.length;
      const insert = random() < 0.5 ? snippets(names, random) : ' ';
      const statement = /^\s*$|;\s*$|\}\s*$/.test(insert) ? insert : ' ';
      files[index] = { path: file.path, text: text.slice(0, at) + statement + text.slice(at) };
    }
    assert.ok(compared >= 5, `compared with a fresh analysis in ${compared} steps`);
  });
}

test('a path given twice, and files left out and back, still give the model from scratch', () => {
  const project = projects[0]!;
  const facts = project.files.map((f) => extractFileFacts(f, fs.readFileSync(f, 'utf8')));
  const builder = new ProjectModelBuilder();
  for (const files of [facts, [...facts, facts[0]!], facts.slice(1), facts, [facts[0]!, facts[0]!]]) {
    assert.deepEqual(builder.build(files), buildProjectModel(files));
  }
});

test('a call added in one file gives the helper in another file its caller, and removing it takes it away', () => {
  const helper =
    'void enable_fast_path(SOCKET s) {\n  DWORD b = 0;\n  WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &b, 4, NULL, 0, &b, NULL, NULL);\n}\n';
  const caller = (body: string): string =>
    `void serve(void) {\n  SOCKET s = socket(AF_INET, SOCK_STREAM, 0);\n${body}  listen(s, 5);\n}\n`;
  const versions = [caller(''), caller('  enable_fast_path(s);\n'), caller(''), caller('  enable_fast_path(s, 1);\n')];
  const builder = new ProjectModelBuilder();
  const extractor = new IncrementalExtractor();
  const helperFacts = extractFileFacts('helper.cpp', helper);
  const seen: boolean[] = [];
  for (const text of versions) {
    const facts = [helperFacts, extractor.extract('server.cpp', text)];
    const model = builder.build(facts);
    assert.deepEqual(model, buildProjectModel(facts));
    seen.push(model.functions.find((pf) => pf.fn.name === 'enable_fast_path')!.hasCallers);
  }
  assert.deepEqual(seen, [false, true, false, true]);
});
