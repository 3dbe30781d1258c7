// The part of a syntax node the extractor reads. Native tree-sitter nodes have it, and so do mirrored
// nodes (mirror-tree.ts), plain JS copies that answer without a call into the native binding.
export interface TreePoint {
  row: number;
  column: number;
}

export interface TreeNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: TreePoint;
  readonly endPosition: TreePoint;
  readonly parent: TreeNode | null;
  readonly children: TreeNode[];
  readonly namedChildren: TreeNode[];
  readonly hasError: boolean;
  childForFieldName(fieldName: string): TreeNode | null;
  childrenForFieldName(fieldName: string): TreeNode[];
  namedChild(index: number): TreeNode | null;
  /** Every node of the subtree (the node itself included) of one of `types`, in source order. */
  descendantsOfType(types: string | string[]): TreeNode[];
  walk(): NodeCursor;
}

/** A cursor that never leaves the subtree it was created on. */
export interface NodeCursor {
  readonly nodeType: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: TreePoint;
  readonly endPosition: TreePoint;
  readonly currentNode: TreeNode;
  readonly currentFieldName: string | null | undefined;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}
