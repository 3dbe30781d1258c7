// Parses source text with native tree-sitter; one parser per language, created on first use.
// Native tree-sitter parses synchronously and reports UTF-16 indices for JS strings (see docs/architecture.md).
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';
import TypeScript from 'tree-sitter-typescript';
import type { TreeNode } from './tree-node.js';

/** `cpp` for C/C++; `typescript` for .ts/.mts/.cts; `tsx` for .tsx and JavaScript (which may hold JSX). */
export type LanguageId = 'cpp' | 'typescript' | 'tsx';

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

/** TypeScript and JavaScript files that may call Winsock through an FFI library. */
export const SCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Every extension winsock-lint analyses. */
export const ANALYSED_EXTENSIONS: readonly string[] = [...SOURCE_EXTENSIONS, ...SCRIPT_EXTENSIONS];

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

const parsers = new Map<LanguageId, Parser>();

function grammarFor(language: LanguageId): Parser.Language {
  switch (language) {
    case 'cpp':
      return Cpp as Parser.Language;
    case 'typescript':
      return TypeScript.typescript as Parser.Language;
    case 'tsx':
      return TypeScript.tsx as Parser.Language;
  }
}

function parserFor(language: LanguageId): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(grammarFor(language));
    parsers.set(language, parser);
  }
  return parser;
}

/** The language a path is analysed as, or undefined when winsock-lint does not read such files. */
export function languageForPath(path: string): LanguageId | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = path.slice(dot).toLowerCase();
  if (SOURCE_EXTENSIONS.includes(ext)) return 'cpp';
  if (TYPESCRIPT_EXTENSIONS.has(ext)) return 'typescript';
  return SCRIPT_EXTENSIONS.includes(ext) ? 'tsx' : undefined;
}

export function isScriptLanguage(language: LanguageId): language is 'typescript' | 'tsx' {
  return language !== 'cpp';
}

/**
 * Script grammars get a time budget: tree-sitter-typescript's error recovery can loop on garbled input
 * (seen with the tsx grammar). A tsx parse that runs out is retried with the typescript grammar; one that
 * still does not finish is an error the caller reports for the file.
 */
function scriptBudgetMs(text: string): number {
  return 2000 + text.length / 100;
}

export function parseSource(text: string, language: LanguageId): Parser.Tree {
  const parser = parserFor(language);
  if (language === 'cpp') return parser.parse(text);
  const deadline = Date.now() + scriptBudgetMs(text);
  const tree = parser.parse(text, null, { progressCallback: () => Date.now() > deadline }) as Parser.Tree | null;
  if (tree) return tree;
  parser.reset();
  if (language === 'tsx') return parseSource(text, 'typescript');
  throw new Error(`the ${language} parser did not finish within ${Math.round(scriptBudgetMs(text))} ms`);
}

const REPARSE_BUFFER_SIZE = 1024;

/**
 * Reparses a C/C++ text after an edit: `previous` (the tree of the text before, already given the edit with
 * `tree.edit`) lets tree-sitter reuse every subtree the edit did not touch.
 */
export function reparseSource(text: string, language: 'cpp', previous: Parser.Tree): Parser.Tree {
  // The binding copies up to bufferSize characters per read; an incremental parse reads a little around the
  // edit many times, so small reads cost half the time of the default ones (measured on a 120 KB file).
  return parserFor(language).parse(text, previous, { bufferSize: REPARSE_BUFFER_SIZE });
}

/** What the extractor reads of a node: native (Parser.SyntaxNode) or mirrored (mirror-tree.ts). */
export type SyntaxNode = TreeNode;
/** A node of a native tree (what can be mirrored, edited and reparsed). */
export type NativeNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;
