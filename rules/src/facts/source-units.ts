// Splits a C/C++ tree into units: each function definition outside other functions, and the rest of the
// file. Scans a unit for what does not depend on the file's aliases: its definitions and its comments.
import { walkSubtree } from '../parse/subtree-walk.js';
import type { SyntaxNode } from '../parse/parser.js';
import { cursorRangeOf } from '../parse/syntax.js';
import { DEFINITION_TYPES, deadSpanOf, definitionOf, type DefinitionFacts } from './code-recognizer.js';
import type { SourceCommentFacts } from './fact-types.js';

/** What a unit defines (dead or not), its `#if 0` spans and its suppression comments, in source order. */
export interface UnitScan {
  definitions: DefinitionFacts[];
  dead: Array<{ offset: number; length: number }>;
  comments: SourceCommentFacts[];
}

/** Marks the comments that may hold directives (see suppress/). */
const DIRECTIVE_MARK = 'winsock-lint-';

/** A function definition outside other functions, and the class it is defined in (the nearest one). */
export interface FoundUnit {
  node: SyntaxNode;
  className: string | undefined;
}

const CLASS_TYPES = new Set(['class_specifier', 'struct_specifier']);

/**
 * Scans `node`'s subtree. With `units`, function definitions below `node` are not entered but collected
 * there (the rest of the file is `node` = the root without them).
 */
export function scanUnit(node: SyntaxNode, text: string, units?: FoundUnit[]): UnitScan {
  const scan: UnitScan = { definitions: [], dead: [], comments: [] };
  // Enclosing classes, innermost last, with the depth of their node.
  const classes: { depth: number; name: string | undefined }[] = [];
  walkSubtree(node, (cursor, depth) => {
    // Classes at this depth or deeper were left: they no longer enclose this node.
    while ((classes[classes.length - 1]?.depth ?? -1) >= depth) classes.pop();
    const type = cursor.nodeType;
    if (type === 'comment') {
      const comment = text.slice(cursor.startIndex, cursor.endIndex);
      if (comment.includes(DIRECTIVE_MARK)) scan.comments.push({ text: comment, range: cursorRangeOf(cursor) });
      return false;
    }
    // The start node itself is never one of the units it contains.
    if (units && type === 'function_definition' && depth > 0) {
      units.push({ node: cursor.currentNode, className: classes[classes.length - 1]?.name });
      return false;
    }
    if (units && CLASS_TYPES.has(type)) {
      classes.push({ depth, name: cursor.currentNode.childForFieldName('name')?.text });
    } else if (DEFINITION_TYPES.has(type)) {
      const definition = definitionOf(cursor.currentNode);
      if (definition) scan.definitions.push(definition);
    } else if (type === 'preproc_if' || type === 'preproc_elif') {
      const span = deadSpanOf(cursor.currentNode);
      if (span) scan.dead.push(span);
    }
    return true;
  });
  return scan;
}
