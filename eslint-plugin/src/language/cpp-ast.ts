// Turns a tree-sitter C/C++ tree into the plain AST ESLint traverses: named nodes only, each with its tree-sitter
// `type`, a `range` of UTF-16 offsets and its named `children`. Comments are collected on the way for inline config.
import Parser from 'tree-sitter';
import Cpp from 'tree-sitter-cpp';
import { withTreeLineBreaks } from '@winsock-lint/rules';

export interface CppNode {
  /** The tree-sitter node type ("translation_unit", "call_expression", "comment", "ERROR", …). */
  type: string;
  /** [start, end) in UTF-16 code units of the text ESLint read (native tree-sitter reports JS string indices). */
  range: [number, number];
  children: CppNode[];
}

export interface CppComment extends CppNode {
  type: 'comment';
  /** The comment without its delimiters, as ESLint's directive parser expects it. */
  value: string;
}

export interface CppRoot extends CppNode {
  type: 'translation_unit';
  /** Every comment of the file, in order. */
  comments: CppComment[];
  /** The tree-sitter tree itself, for rules that want to query it. Not traversed or cloned by ESLint. */
  readonly tree: Parser.Tree;
  /** Whether tree-sitter had to recover from syntax it does not understand (macros, broken code). */
  hasError: boolean;
}

/** Every named node type of the grammar visits its `children`. */
export const visitorKeys: Record<string, string[]> = Object.fromEntries(
  [
    ...new Set([
      ...((Cpp as { nodeTypeInfo?: { type: string; named: boolean }[] }).nodeTypeInfo ?? [])
        .filter((t) => t.named)
        .map((t) => t.type),
      'translation_unit',
      'comment',
      'ERROR',
    ]),
  ].map((type) => [type, ['children']]),
);

let parser: Parser | undefined;

function commentValue(text: string): string {
  if (text.startsWith('//')) return text.slice(2);
  if (text.startsWith('/*')) return text.slice(2, text.endsWith('*/') && text.length >= 4 ? -2 : undefined);
  return text;
}

/** Parses synchronously (ESLint's Language.parse is synchronous; native tree-sitter is). */
export function parseCpp(text: string): CppRoot {
  parser ??= new Parser();
  parser.setLanguage(Cpp as Parser.Language);
  // Lone \r line breaks become \n for the parser (same offsets), so `//` comments end where ESLint's lines do.
  const tree = parser.parse(withTreeLineBreaks(text));
  const cursor = tree.walk();
  const comments: CppComment[] = [];
  const root = {
    type: 'translation_unit',
    range: [0, text.length],
    children: [],
    comments,
    hasError: tree.rootNode.hasError,
  } as unknown as CppRoot;
  // `tree` is non-enumerable so ESLint's RuleTester (which clones the AST to check rules leave it alone) skips it.
  Object.defineProperty(root, 'tree', { value: tree, enumerable: false });
  // Walk with a cursor: one native call per step, no SyntaxNode objects (about 3x cheaper than node.children).
  const stack: CppNode[] = [root];
  for (;;) {
    if (cursor.gotoFirstChild()) {
      stack.push(stack.at(-1)!); // placeholder, replaced below when the child is named
    } else {
      let moved = cursor.gotoNextSibling();
      while (!moved) {
        if (!cursor.gotoParent()) return root;
        stack.pop();
        moved = cursor.gotoNextSibling();
      }
    }
    // stack[-2] is the parent's node (or the nearest named ancestor), stack[-1] this level's last node.
    const parent = stack[stack.length - 2]!;
    if (!cursor.nodeIsNamed) {
      stack[stack.length - 1] = parent;
      continue;
    }
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const type = cursor.nodeType;
    let node: CppNode;
    if (type === 'comment') {
      const comment: CppComment = {
        type: 'comment',
        range: [start, end],
        children: [],
        value: commentValue(text.slice(start, end)),
      };
      comments.push(comment);
      node = comment;
    } else {
      node = { type, range: [start, end], children: [] };
    }
    parent.children.push(node);
    stack[stack.length - 1] = node;
  }
}
