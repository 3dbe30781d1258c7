// Counts ERROR and MISSING nodes with the grammar the path is analysed with, so tests can check that a
// fix makes no new syntax errors.
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';
import TypeScript from 'tree-sitter-typescript';
import { languageForPath, type LanguageId } from '../../src/parse/parser.js';

const parsers = new Map<LanguageId, Parser>();

function parserFor(path: string): Parser {
  const language = languageForPath(path) ?? 'cpp';
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(
      (language === 'cpp'
        ? Cpp
        : language === 'typescript'
          ? TypeScript.typescript
          : TypeScript.tsx) as Parser.Language,
    );
    parsers.set(language, parser);
  }
  return parser;
}

export function countSyntaxErrors(text: string, path: string): number {
  const tree = parserFor(path).parse(text);
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
