// Entry point of the extractor: source text in, plain FileFacts out. The tree lives only inside this call.
// Scripts (TypeScript/JavaScript) go to the script extractor, which gives the same facts.
import { isScriptLanguage, languageForPath, parseSource, type LanguageId, type SyntaxNode } from '../parse/parser.js';
import { argumentsOf, calleeOf, compact } from '../parse/syntax.js';
import type { FileFacts } from './fact-types.js';
import { CodeRecognizer, findDeadRanges } from './code-recognizer.js';
import { storedName, type ExtensionKind } from './classify-call.js';
import { extractFunctions } from './function-walker.js';
import { extractScriptFacts } from './script/extract-script.js';
import { suppressionComments } from './suppression-comments.js';

export interface ExtractOptions {
  /** Alias names of the code defined in other files (headers), so uses here are recognised. */
  knownAliases?: readonly string[];
}

/** Pointers filled by WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) with WSAID_CONNECTEX / WSAID_ACCEPTEX. */
function findExtensionPointers(root: SyntaxNode, text: string): Map<string, ExtensionKind> {
  const pointers = new Map<string, ExtensionKind>();
  if (!text.includes('SIO_GET_EXTENSION_FUNCTION_POINTER')) return pointers;
  const guids = new Map<string, ExtensionKind>();
  const kindOf = (t: string): ExtensionKind | undefined =>
    /WSAID_CONNECTEX/.test(t) ? 'connectex' : /WSAID_ACCEPTEX/.test(t) ? 'acceptex' : undefined;
  for (const node of root.descendantsOfType(['init_declarator', 'assignment_expression'])) {
    const value = node.childForFieldName(node.type === 'init_declarator' ? 'value' : 'right');
    const target = node.childForFieldName(node.type === 'init_declarator' ? 'declarator' : 'left');
    const kind = value && value.text.length < 200 ? kindOf(value.text) : undefined;
    const name = target ? storedName(target) : null;
    if (kind && name) guids.set(name, kind);
  }
  for (const call of root.descendantsOfType('call_expression')) {
    const args = argumentsOf(call);
    if (args.length < 5 || compact(args[1]!.text) !== 'SIO_GET_EXTENSION_FUNCTION_POINTER') continue;
    if (!/Ioctl/i.test(calleeOf(call)?.name ?? '')) continue;
    const guidName = storedName(args[2]!);
    const kind = kindOf(args[2]!.text) ?? (guidName ? guids.get(guidName) : undefined);
    const out = storedName(args[4]!);
    if (kind && out) pointers.set(out, kind);
  }
  return pointers;
}

/** Facts of one file; the language defaults to the one its path names (C/C++ for unknown extensions). */
export function extractFileFacts(
  path: string,
  text: string,
  options: ExtractOptions = {},
  language: LanguageId = languageForPath(path) ?? 'cpp',
): FileFacts {
  if (isScriptLanguage(language)) return extractScriptFacts(path, text, options, language);
  const tree = parseSource(text, language);
  const root = tree.rootNode;
  const dead = findDeadRanges(root);
  const recognizer = new CodeRecognizer(root, dead, options.knownAliases);
  const codeUses = recognizer.findUses(root, dead);
  const extensionPointers = findExtensionPointers(root, text);
  const functions = extractFunctions(root, { text, recognizer, dead, extensionPointers });
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
