// Extracts one document again and again as it is edited (the language server's open files): the previous
// tree is given the edit (`tree.edit`) and reparsed incrementally, and unchanged functions keep their facts.
import {
  isScriptLanguage,
  languageForPath,
  parseSource,
  reparseSource,
  type LanguageId,
  type Tree,
} from '../parse/parser.js';
import { treeEditBetween, withTreeLineBreaks } from '../text/positions.js';
import { withFileLineBreaks } from '../fix/removal-facts.js';
import { extractFileFacts, extractTreeFacts, type ExtractOptions } from './extract-file.js';
import type { FileFacts } from './fact-types.js';
import { UnitMemo, type UnitEdit } from './unit-memo.js';

export class IncrementalExtractor {
  private previous: { text: string; tree: Tree; language: LanguageId } | undefined;
  private readonly memo = new UnitMemo();

  /** How many function units the last extraction found, and how many of them it reused. */
  get stats(): { units: number; reused: number } {
    return { ...this.memo.stats };
  }

  /** The tree of the last C/C++ extraction (tests compare it with a fresh parse). */
  get tree(): Tree | undefined {
    return this.previous?.tree;
  }

  /**
   * The facts extractFileFacts(path, text, options, language) gives for the tree reached incrementally.
   * That tree equals a fresh parse's when the text is valid; in broken code, tree-sitter's error recovery
   * may differ from a fresh parse near the error, as in every tree-sitter editor.
   */
  extract(path: string, original: string, options: ExtractOptions = {}, language?: LanguageId): FileFacts {
    const lang = language ?? languageForPath(path) ?? 'cpp';
    if (isScriptLanguage(lang)) {
      this.previous = undefined;
      return extractFileFacts(path, original, options, lang);
    }
    // What the tree is parsed from (lone \r as \n), so the edits between versions are computed on it too.
    const text = withTreeLineBreaks(original);
    // Forgotten first: the old tree is edited in place, and a failure must not leave it half-updated.
    const previous = this.previous;
    this.previous = undefined;
    const { tree, edit } = this.parse(previous, text);
    this.memo.beginRun(edit);
    let facts: FileFacts;
    try {
      facts = withFileLineBreaks(extractTreeFacts(path, text, tree.rootNode, options, lang, this.memo), original);
    } finally {
      this.memo.endRun();
    }
    this.previous = { text, tree, language: lang };
    return facts;
  }

  /** The new tree, and the edit that led to it (undefined after a parse from scratch). */
  private parse(previous: IncrementalExtractor['previous'], text: string): { tree: Tree; edit: UnitEdit | undefined } {
    if (previous?.language !== 'cpp') return { tree: parseSource(text, 'cpp'), edit: undefined };
    const edit = treeEditBetween(previous.text, text);
    if (!edit) {
      return { tree: previous.tree, edit: { startIndex: -1, oldEndIndex: -1, newEndIndex: -1, rows: 0, changed: [] } };
    }
    previous.tree.edit(edit);
    const tree = reparseSource(text, 'cpp', previous.tree);
    return {
      tree,
      edit: {
        startIndex: edit.startIndex,
        oldEndIndex: edit.oldEndIndex,
        newEndIndex: edit.newEndIndex,
        rows: edit.newEndPosition.row - edit.oldEndPosition.row,
        changed: tree.getChangedRanges(previous.tree).map((r): [number, number] => [r.startIndex, r.endIndex]),
      },
    };
  }
}
