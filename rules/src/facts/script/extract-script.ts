// Entry point of the TypeScript/JavaScript extractor: script text in, the same plain FileFacts the C/C++
// extractor gives, so every rule and the project index work on scripts unchanged.
import { parseSource, type LanguageId } from '../../parse/parser.js';
import type { FileFacts } from '../fact-types.js';
import { findBindings } from './bindings.js';
import { ScriptCodeRecognizer } from './script-code.js';
import { extractScriptFunctions } from './script-walker.js';
import { suppressionComments } from '../suppression-comments.js';

export interface ScriptExtractOptions {
  /** Alias names of the code defined in other files, so uses here are recognised. */
  knownAliases?: readonly string[];
}

export function extractScriptFacts(
  path: string,
  text: string,
  options: ScriptExtractOptions,
  language: LanguageId,
): FileFacts {
  const tree = parseSource(text, language);
  const root = tree.rootNode;
  const recognizer = new ScriptCodeRecognizer(root, options.knownAliases);
  const codeUses = recognizer.findUses(root);
  const bindings = findBindings(root, text);
  const functions = extractScriptFunctions(root, { text, recognizer, bindings });
  const comments = suppressionComments(root);
  return {
    path,
    language,
    aliases: [...recognizer.aliases.keys()],
    codeUses,
    functions,
    comments,
    hasSyntaxErrors: root.hasError,
  };
}
