// The identifiers and declarations of one function body, gathered once and shared by every removal planned
// in it: a 1 MB function with thousands of calls would otherwise be walked once per call.
import type { TreeNode as SyntaxNode } from '../parse/tree-node.js';
import type { Span } from './line-spans.js';

export interface NameIndex {
  /** Identifiers in source order. */
  identifiers: SyntaxNode[];
  byName: Map<string, SyntaxNode[]>;
  /** Declarations that declare a name, by that name. */
  declarations: Map<string, SyntaxNode[]>;
  /** The body has conditional preprocessor arms (only then are mentions' arms looked at). */
  conditional: boolean;
}

// Functions of one file are planned one after another: remember the last few bodies of the last text.
let cachedText: string | undefined;
const cache = new Map<string, NameIndex>();

function build(body: SyntaxNode, declaredNames: (declaration: SyntaxNode) => string[]): NameIndex {
  const identifiers = body.descendantsOfType('identifier');
  const byName = new Map<string, SyntaxNode[]>();
  for (const id of identifiers) {
    const list = byName.get(id.text);
    if (list) list.push(id);
    else byName.set(id.text, [id]);
  }
  const declarations = new Map<string, SyntaxNode[]>();
  for (const d of body.descendantsOfType('declaration')) {
    for (const name of declaredNames(d)) declarations.set(name, [...(declarations.get(name) ?? []), d]);
  }
  const conditional = body.descendantsOfType(['preproc_if', 'preproc_ifdef']).length > 0;
  return { identifiers, byName, declarations, conditional };
}

export function nameIndexOf(
  body: SyntaxNode,
  text: string,
  declaredNames: (declaration: SyntaxNode) => string[],
): NameIndex {
  if (text !== cachedText) {
    cachedText = text;
    cache.clear();
  }
  const key = `${body.startIndex}:${body.endIndex}`;
  let index = cache.get(key);
  if (!index) {
    if (cache.size > 64) cache.clear();
    index = build(body, declaredNames);
    cache.set(key, index);
  }
  return index;
}

/** The identifiers of the index that lie inside one of the spans (binary search per span). */
export function identifiersInside(index: NameIndex, spans: readonly Span[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const ids = index.identifiers;
  for (const span of spans) {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]!.startIndex < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length && ids[i]!.startIndex < span.end; i++) {
      if (ids[i]!.endIndex <= span.end) out.push(ids[i]!);
    }
  }
  return out;
}
