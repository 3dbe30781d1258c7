// Rule docs are tested code: each page's description equals the rule's, its Incorrect examples produce
// findings of the rule and its Correct examples none. The same holds for unused-suppression's page (findings
// whose ruleId is null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  analyzeProject,
  ruleMetas,
  UNUSED_SUPPRESSION_DESCRIPTION,
  UNUSED_SUPPRESSION_ID,
  type RuleId,
} from '../src/index.js';
import { REPO_ROOT } from './support/fixture-files.js';

interface Example {
  kind: 'incorrect' | 'correct';
  code: string;
  line: number;
}

export function docExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1]!.toLowerCase();
      kind = title.startsWith('incorrect') ? 'incorrect' : title.startsWith('correct') ? 'correct' : undefined;
      continue;
    }
    if (kind && /^```(c|cpp|c\+\+)\s*$/.test(line)) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) end++;
      examples.push({ kind, code: lines.slice(start, end).join('\n') + '\n', line: start + 1 });
      i = end;
    }
  }
  return examples;
}

const pages: { id: string; description: string; ruleId: RuleId | null }[] = [
  ...ruleMetas.map((meta) => ({ id: meta.id, description: meta.description, ruleId: meta.id })),
  { id: UNUSED_SUPPRESSION_ID, description: UNUSED_SUPPRESSION_DESCRIPTION, ruleId: null },
];

for (const meta of pages) {
  const file = path.join(REPO_ROOT, 'docs/rules', `${meta.id}.md`);
  test(`docs/rules/${meta.id}.md`, async (t) => {
    assert.ok(fs.existsSync(file), 'the doc page exists');
    const markdown = fs.readFileSync(file, 'utf8');
    const lines = markdown.split('\n');
    assert.equal(lines[0], `# ${meta.id}`);
    assert.equal(lines[2], meta.description, 'the description line equals meta.description');
    const examples = docExamples(markdown);
    assert.ok(
      examples.some((e) => e.kind === 'incorrect'),
      'has an Incorrect example',
    );
    assert.ok(
      examples.some((e) => e.kind === 'correct'),
      'has a Correct example',
    );
    for (const example of examples) {
      await t.test(`${example.kind} example at line ${example.line}`, () => {
        const [result] = analyzeProject([{ path: `/docs/${meta.id}-${example.line}.cpp`, text: example.code }]);
        const hits = result!.findings.filter((f) => f.ruleId === meta.ruleId);
        if (example.kind === 'incorrect') assert.ok(hits.length > 0, `expected a ${meta.id} finding`);
        else
          assert.deepEqual(
            hits.map((f) => `${f.range.start.line + 1}: ${f.message}`),
            [],
          );
      });
    }
  });
}
