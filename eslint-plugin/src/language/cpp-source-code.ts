// The SourceCode ESLint's rules see for a C/C++ file: text, lines, the AST (and the tree-sitter tree), traversal,
// and the inline-config comments, so `// eslint-disable-next-line winsock/<rule>` and `/* eslint-disable */` work.
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { DirectiveType, FileProblem, RulesConfig, SourceLocation, SourceRange } from '@eslint/core';
import type { CppComment, CppNode, CppRoot } from './cpp-ast.js';
import { visitorKeys } from './cpp-ast.js';

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** Line breaks as the engine counts them (\r\n, \n, lone \r), so ESLint lines equal winsock-lint lines. */
const LINE_BREAK = /\r\n|[\r\n]/u;

export type CppLanguageOptions = Record<string, never>;

export class CppSourceCode extends TextSourceCodeBase<{
  LangOptions: CppLanguageOptions;
  RootNode: CppRoot;
  SyntaxElementWithLoc: CppNode;
  ConfigNode: CppComment;
}> {
  override ast: CppRoot;
  readonly visitorKeys = visitorKeys;
  /** All comments of the file. */
  readonly comments: CppComment[];
  #parents = new WeakMap<CppNode, CppNode>();
  #steps: VisitNodeStep[] | undefined;
  #inlineConfigNodes: CppComment[] | undefined;
  /** Offset of each line's first character, for getLoc. */
  #lineStarts: number[];

  constructor({ text, ast }: { text: string; ast: CppRoot }) {
    super({ text, ast, lineEndingPattern: LINE_BREAK });
    this.ast = ast;
    this.comments = ast.comments;
    const starts = [0];
    const breaks = /\r\n|[\r\n]/g;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
    this.#lineStarts = starts;
  }

  /** The tree-sitter tree behind the AST. */
  get tree(): CppRoot['tree'] {
    return this.ast.tree;
  }

  #position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.#lineStarts[low]! };
  }

  /** 1-based line, 0-based UTF-16 column (the language's lineStart/columnStart), computed from the range. */
  override getLoc(node: CppNode): SourceLocation {
    return { start: this.#position(node.range[0]), end: this.#position(node.range[1]) };
  }

  override getRange(node: CppNode): SourceRange {
    return node.range;
  }

  override getParent(node: CppNode): CppNode | undefined {
    if (!this.#steps) this.#collectSteps();
    return this.#parents.get(node);
  }

  getInlineConfigNodes(): CppComment[] {
    this.#inlineConfigNodes ??= this.comments.filter((c) => INLINE_CONFIG.test(c.value));
    return this.#inlineConfigNodes;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      const loc = this.getLoc(comment);
      if (label === 'eslint-disable-line' && loc.start.line !== loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc });
        continue;
      }
      switch (label) {
        case 'eslint-disable':
        case 'eslint-enable':
        case 'eslint-disable-next-line':
        case 'eslint-disable-line':
          directives.push(
            new Directive({
              type: label.slice('eslint-'.length) as DirectiveType,
              node: comment,
              value,
              justification,
            }),
          );
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): { problems: FileProblem[]; configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      const loc = this.getLoc(comment);
      if (result.ok) configs.push({ config: { rules: result.config }, loc });
      else problems.push({ ruleId: null, message: result.error.message, loc });
    }
    return { problems, configs };
  }

  #collectSteps(): VisitNodeStep[] {
    const steps: VisitNodeStep[] = [];
    const visit = (node: CppNode, parent: CppNode | undefined): void => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const child of node.children) visit(child, node);
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  override traverse(): Iterable<VisitNodeStep> {
    return (this.#steps ?? this.#collectSteps()).values();
  }
}
