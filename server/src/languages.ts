// Decides which documents the server analyses (C/C++, and TS/JS for the FFI frontend) and gives each
// an engine path whose extension routes it to the right parser.
import { languageForPath } from '@winsock-lint/rules';

/** languageId → extension the engine routes by; Eglot says "c++", VS Code and Neovim "cpp". */
const EXTENSION_FOR_LANGUAGE: Readonly<Record<string, string>> = {
  c: '.c',
  cpp: '.cpp',
  'c++': '.cpp',
  cuda: '.cpp',
  'cuda-cpp': '.cpp',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

/** TS/JS files (the FFI frontend); the engine's languageForPath decides whether it reads them. */
export const SCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

/** Whether a document of this language (or path) is analysed at all. */
export function isAnalysable(languageId: string, path: string): boolean {
  return (
    EXTENSION_FOR_LANGUAGE[languageId] !== undefined ||
    languageForPath(path) !== undefined ||
    SCRIPT_EXTENSIONS.includes(extensionOf(path))
  );
}

/**
 * The id the engine analyses a document under: its path (or URI when it has none), with the
 * language's extension appended when the name alone would not tell the engine the language.
 */
export function enginePathFor(id: string, languageId: string): string {
  const known = languageForPath(id) !== undefined || SCRIPT_EXTENSIONS.includes(extensionOf(id));
  if (known) return id;
  const extension = EXTENSION_FOR_LANGUAGE[languageId];
  return extension ? `${id}${extension}` : id;
}
