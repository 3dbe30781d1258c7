// The removal plan of an applying call as plain facts: offset edits turned into ranges (through the one
// position module), so rules can offer them after the tree is gone.
import type { FileFacts, RemovalFacts } from '../facts/fact-types.js';
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';
import { LineIndex } from '../text/positions.js';
import { lineBreakOf } from './line-spans.js';
import { planRemoval } from './removal-plan.js';

// One file is extracted at a time: its line index is built once, not once per call.
let lastText: string | undefined;
let lastIndex: LineIndex | undefined;

function lineIndexOf(text: string): LineIndex {
  if (text !== lastText || !lastIndex) {
    lastText = text;
    lastIndex = new LineIndex(text);
  }
  return lastIndex;
}

export function removalFacts(call: SyntaxNode, text: string): RemovalFacts | undefined {
  const plan = planRemoval(call, text);
  if (!plan || plan.edits.length === 0) return undefined;
  const index = lineIndexOf(text);
  return {
    edits: plan.edits.map((e) => ({ range: index.rangeOf(e.start, e.end), text: e.text })),
    review: plan.review,
  };
}

/**
 * Removal plans break the lines they insert with LF (and the tree reads a lone CR as LF): in a file whose lines
 * end in CRLF or a lone CR (`original`), their edits break lines the file's way. In place, and idempotent
 * (reused units keep converted edits).
 */
export function withFileLineBreaks(facts: FileFacts, original: string): FileFacts {
  const lineBreak = lineBreakOf(original);
  if (lineBreak === '\n') return facts;
  for (const fn of facts.functions) {
    for (const event of fn.events) {
      for (const edit of event.removal?.edits ?? []) edit.text = edit.text.replace(/\r?\n/g, lineBreak);
    }
  }
  return facts;
}
