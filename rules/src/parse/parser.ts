// Parses source text with native tree-sitter; one parser per language, created on first use.
// Native tree-sitter parses synchronously and reports UTF-16 indices for JS strings (see docs/architecture.md).
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';

export type LanguageId = 'cpp';

export const SOURCE_EXTENSIONS: readonly string[] = [
  '.c',
  '.cc',
  '.cpp',
  '.cxx',
  '.h',
  '.hh',
  '.hpp',
  '.hxx',
  '.inl',
  '.ipp',
];

const parsers = new Map<LanguageId, Parser>();

function parserFor(language: LanguageId): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Cpp as Parser.Language);
    parsers.set(language, parser);
  }
  return parser;
}

/** The language a path is analysed as, or undefined when winsock-lint does not read such files. */
export function languageForPath(path: string): LanguageId | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = path.slice(dot).toLowerCase();
  return SOURCE_EXTENSIONS.includes(ext) ? 'cpp' : undefined;
}

export function parseSource(text: string, language: LanguageId): Parser.Tree {
  return parserFor(language).parse(text);
}

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;
