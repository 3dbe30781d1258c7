// The comments that may hold winsock-lint suppression directives, in any grammar (both name them `comment`).
import type { SyntaxNode } from '../parse/parser.js';
import { rangeOf } from '../parse/syntax.js';
import type { SourceCommentFacts } from './fact-types.js';

export function suppressionComments(root: SyntaxNode): SourceCommentFacts[] {
  return root
    .descendantsOfType('comment')
    .filter((c) => c.text.includes('winsock-lint-'))
    .map((c) => ({ text: c.text, range: rangeOf(c) }));
}
