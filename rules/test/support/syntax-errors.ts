// Counts ERROR and MISSING nodes, so tests can check that a fix makes no new syntax errors.
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';

const parser = new Parser();
parser.setLanguage(Cpp as Parser.Language);

export function countSyntaxErrors(text: string): number {
  const tree = parser.parse(text);
  let count = 0;
  const cursor = tree.walk();
  let done = false;
  while (!done) {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) count++;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return count;
}
