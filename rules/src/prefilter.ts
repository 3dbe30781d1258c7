// Text-level questions: may a text use the code (ESLint's single-file check), does it mention names. The
// selection of files to parse across a project is select/select-files.ts.
import { CODE_SPELLING_PATTERN } from './facts/code-constant.js';

/** May the text use the fast-path code (in any spelling, or through one of `extraNames`)? */
export function isCandidateText(text: string, extraNames: readonly string[] = []): boolean {
  if (CODE_SPELLING_PATTERN.test(text)) return true;
  return extraNames.length > 0 && mentionsAny(text, extraNames);
}

export function mentionsAny(text: string, names: readonly string[]): boolean {
  return names.length > 0 && mentionPattern(names).test(text);
}

/** One pattern for many names, matched as whole identifiers, so a file is scanned once per batch of names. */
export function mentionPattern(names: readonly string[]): RegExp {
  const escaped = [...new Set(names)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w$])(?:${escaped.join('|')})(?![\\w$])`);
}
