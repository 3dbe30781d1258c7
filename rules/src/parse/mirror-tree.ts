// Copies a subtree of a native tree into plain JS nodes with one cursor walk. Every later question (type,
// fields, children, text, positions) is then answered in JS: the native binding costs about a microsecond
// per property read, and a function's walk reads thousands.
import type { NodeCursor, TreeNode, TreePoint } from './tree-node.js';

/** The text and where the mirrored subtree starts: positions are computed from them on demand. */
class MirrorSource {
  private newlines: number[] | undefined;

  constructor(
    readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly startPoint: TreePoint,
  ) {}

  /** tree-sitter's point for an offset in the subtree: rows count `\n` only, columns are UTF-16 units. */
  pointAt(offset: number): TreePoint {
    const newlines = (this.newlines ??= this.findNewlines());
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    // `low` newlines lie before the offset.
    if (low === 0) return { row: this.startPoint.row, column: this.startPoint.column + offset - this.start };
    return { row: this.startPoint.row + low, column: offset - newlines[low - 1]! - 1 };
  }

  private findNewlines(): number[] {
    const found: number[] = [];
    for (let i = this.text.indexOf('\n', this.start); i >= 0 && i < this.end; i = this.text.indexOf('\n', i + 1))
      found.push(i);
    return found;
  }
}

class MirrorNode implements TreeNode {
  readonly children: MirrorNode[] = [];
  /** Field name of each child (undefined when it has none). */
  readonly fields: (string | undefined)[] = [];
  hasError = false;
  private named: MirrorNode[] | undefined;

  constructor(
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    private readonly source: MirrorSource,
    private readonly up: MirrorNode | (() => TreeNode | null),
  ) {}

  get parent(): TreeNode | null {
    return typeof this.up === 'function' ? this.up() : this.up;
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): TreePoint {
    return this.source.pointAt(this.startIndex);
  }

  get endPosition(): TreePoint {
    return this.source.pointAt(this.endIndex);
  }

  get namedChildren(): MirrorNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  childForFieldName(fieldName: string): MirrorNode | null {
    const index = this.fields.indexOf(fieldName);
    return index < 0 ? null : (this.children[index] ?? null);
  }

  childrenForFieldName(fieldName: string): MirrorNode[] {
    return this.children.filter((_, i) => this.fields[i] === fieldName);
  }

  namedChild(index: number): MirrorNode | null {
    return this.namedChildren[index] ?? null;
  }

  descendantsOfType(types: string | string[]): MirrorNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const found: MirrorNode[] = [];
    const stack: MirrorNode[] = [this];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (wanted.includes(node.type)) found.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    return found;
  }

  walk(): NodeCursor {
    return new MirrorCursor(this);
  }
}

class MirrorCursor implements NodeCursor {
  /** The path from the start node: each entry is a node and its index in its parent's children. */
  private readonly path: { node: MirrorNode; index: number }[];

  constructor(start: MirrorNode) {
    this.path = [{ node: start, index: 0 }];
  }

  private get current(): MirrorNode {
    return this.path[this.path.length - 1]!.node;
  }

  get nodeType(): string {
    return this.current.type;
  }

  get startIndex(): number {
    return this.current.startIndex;
  }

  get endIndex(): number {
    return this.current.endIndex;
  }

  get startPosition(): TreePoint {
    return this.current.startPosition;
  }

  get endPosition(): TreePoint {
    return this.current.endPosition;
  }

  get currentNode(): TreeNode {
    return this.current;
  }

  get currentFieldName(): string | undefined {
    if (this.path.length < 2) return undefined;
    return this.path[this.path.length - 2]!.node.fields[this.path[this.path.length - 1]!.index];
  }

  get nodeIsNamed(): boolean {
    return this.current.isNamed;
  }

  get nodeIsMissing(): boolean {
    return this.current.isMissing;
  }

  gotoFirstChild(): boolean {
    const first = this.current.children[0];
    if (!first) return false;
    this.path.push({ node: first, index: 0 });
    return true;
  }

  gotoNextSibling(): boolean {
    if (this.path.length < 2) return false;
    const top = this.path[this.path.length - 1]!;
    const parent = this.path[this.path.length - 2]!.node;
    const next = parent.children[top.index + 1];
    if (!next) return false;
    this.path[this.path.length - 1] = { node: next, index: top.index + 1 };
    return true;
  }

  gotoParent(): boolean {
    if (this.path.length < 2) return false;
    this.path.pop();
    return true;
  }
}

/** A JS copy of `node`'s subtree; its root's parent is the native parent (asked for only when needed). */
export function mirrorSubtree(node: TreeNode, text: string): TreeNode {
  const source = new MirrorSource(text, node.startIndex, node.endIndex, node.startPosition);
  const cursor = node.walk();
  const make = (up: MirrorNode | (() => TreeNode | null)): MirrorNode =>
    new MirrorNode(
      cursor.nodeType,
      cursor.startIndex,
      cursor.endIndex,
      cursor.nodeIsNamed,
      cursor.nodeIsMissing,
      source,
      up,
    );
  const root = make(() => node.parent);
  const all: MirrorNode[] = [root];
  const stack: MirrorNode[] = [root];
  // The cursor has just moved onto a child of the node on top of `stack`.
  const addChild = (): void => {
    const parent = stack[stack.length - 1]!;
    const child = make(parent);
    parent.children.push(child);
    parent.fields.push(cursor.currentFieldName ?? undefined);
    all.push(child);
    stack.push(child);
  };
  for (let descend = true; ;) {
    if (descend && cursor.gotoFirstChild()) {
      addChild();
      continue;
    }
    if (stack.length === 1) break;
    stack.pop();
    if (cursor.gotoNextSibling()) {
      addChild();
      descend = true;
      continue;
    }
    cursor.gotoParent();
    descend = false;
  }
  // Children come after their parent in `all`: going backwards, a node's children are final.
  for (let i = all.length - 1; i >= 0; i--) {
    const n = all[i]!;
    n.hasError = n.type === 'ERROR' || n.isMissing || n.children.some((c) => c.hasError);
  }
  return root;
}
