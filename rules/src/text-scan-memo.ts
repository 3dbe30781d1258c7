// Remembers what the prefilter's text scans found in each file for as long as its text stays the same, so a
// project analysed again after one file changed (the language server, after each edit) scans only that file.
import { isCandidateText } from './prefilter.js';
import { scanLexicalFacts, type LexicalFacts } from './select/lexical-facts.js';

interface Scanned {
  text: string;
  candidate: boolean | undefined;
  lexical: LexicalFacts | undefined;
  /** Mention pattern source → whether the text matches it. */
  mentions: Map<string, boolean>;
  /** Known aliases (joined) → the facts cache key of the text. */
  keys: Map<string, string>;
}

export class TextScanMemo {
  private files = new Map<string, Scanned>();
  private seen = new Set<string>();

  /** isCandidateText(text), remembered for the file's current text. */
  isCandidate(path: string, text: string): boolean {
    const scanned = this.entry(path, text);
    scanned.candidate ??= isCandidateText(text);
    return scanned.candidate;
  }

  /** The file's lexical facts (select/lexical-facts.ts), remembered for its current text. */
  lexical(path: string, text: string): LexicalFacts {
    const scanned = this.entry(path, text);
    scanned.lexical ??= scanLexicalFacts(text);
    return scanned.lexical;
  }

  /** pattern.test(text), remembered by the pattern's source for the file's current text. */
  mentions(path: string, text: string, pattern: RegExp): boolean {
    const scanned = this.entry(path, text);
    let found = scanned.mentions.get(pattern.source);
    if (found === undefined) {
      pattern.lastIndex = 0;
      found = pattern.test(text);
      scanned.mentions.set(pattern.source, found);
    }
    return found;
  }

  /** The facts cache key of the file's text under `aliases`, computed once per text. */
  factsKey(path: string, text: string, aliases: readonly string[], compute: () => string): string {
    const scanned = this.entry(path, text);
    const signature = aliases.join('\0');
    let key = scanned.keys.get(signature);
    if (key === undefined) {
      key = compute();
      scanned.keys.set(signature, key);
    }
    return key;
  }

  /** After an analysis: forget the files it did not see (removed or renamed). */
  endRun(): void {
    for (const path of this.files.keys()) if (!this.seen.has(path)) this.files.delete(path);
    this.seen.clear();
  }

  private entry(path: string, text: string): Scanned {
    this.seen.add(path);
    let scanned = this.files.get(path);
    // Usually the very same string (a file the server did not re-read): no comparison of contents.
    if (scanned?.text !== text) {
      scanned = { text, candidate: undefined, lexical: undefined, mentions: new Map(), keys: new Map() };
      this.files.set(path, scanned);
    }
    return scanned;
  }
}
