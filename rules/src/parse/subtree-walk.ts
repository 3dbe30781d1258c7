// Visits a subtree in source order with one cursor, never leaving it: cheaper than node objects, and the
// same loop for native and mirrored trees.
import type { NodeCursor, TreeNode } from './tree-node.js';

/**
 * Calls `enter` for every node of `node`'s subtree (`node` itself first, at depth 0), with the cursor on
 * it and its depth below `node`; the node's children are visited only when `enter` returns true.
 */
export function walkSubtree(node: TreeNode, enter: (cursor: NodeCursor, depth: number) => boolean): void {
  const cursor = node.walk();
  let depth = 0;
  for (let descend = true; ;) {
    if (descend && enter(cursor, depth) && cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    if (depth === 0) return;
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) return;
    depth--;
    descend = false;
  }
}
