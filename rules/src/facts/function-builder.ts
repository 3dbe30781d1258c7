// Collects one function's socket events while a language's walker visits it: evaluation order, the
// branch path, statement facts and the blocks fixes need. Shared by the C/C++ and the script walkers.
import type { SyntaxNode } from '../parse/parser.js';
import type { BranchStep, FunctionFacts, RemovalFacts, SocketEvent, StatementFacts } from './fact-types.js';
import { removalFacts } from '../fix/removal-facts.js';
import { blockStatements, statementFacts, type StatementIndexCache, type StatementSyntax } from './statement-facts.js';

export class FunctionBuilder<File = unknown> {
  readonly events: SocketEvent[] = [];
  readonly blocks = new Map<number, SyntaxNode>();
  readonly loopback = new Set<string>();
  readonly returns = new Set<string>();
  private readonly statementIndexes: StatementIndexCache = new Map();
  order = 0;
  path: BranchStep[] = [];

  constructor(
    readonly facts: FunctionFacts,
    readonly file: File & { text: string },
    readonly syntax: StatementSyntax,
    /** Local arrays (C `T name[N]`): never NULL as a buffer. */
    readonly arrays: ReadonlySet<string> = new Set(),
  ) {}

  statement = (call: SyntaxNode): StatementFacts | undefined => {
    const facts = statementFacts(call, this.file.text, this.statementIndexes, this.syntax);
    if (facts) this.rememberBlock(call, facts.blockId);
    return facts;
  };

  removal = (call: SyntaxNode): RemovalFacts | undefined => removalFacts(call, this.file.text);

  private rememberBlock(call: SyntaxNode, blockId: number): void {
    if (this.blocks.has(blockId)) return;
    for (let node: SyntaxNode | null = call.parent; node; node = node.parent) {
      if (node.startIndex === blockId && this.syntax.lists.has(node.type)) {
        this.blocks.set(blockId, node);
        return;
      }
    }
  }

  withArm<T>(step: BranchStep, body: () => T): T {
    const saved = this.path;
    this.path = [...saved, step];
    try {
      return body();
    } finally {
      this.path = saved;
    }
  }

  /** Records that `target` gets a value that is not a known socket. */
  assign(target: string | null, range: SocketEvent['range'], source?: string | null): void {
    if (!target) return;
    this.order++;
    this.events.push({
      kind: 'assign',
      target,
      order: this.order,
      path: this.path,
      range,
      ...(source ? { source } : {}),
    });
  }

  finish(): FunctionFacts {
    const used = new Set<string>();
    for (const e of this.events) {
      for (const key of socketKeysOf(e)) used.add(key);
    }
    // Assignments matter only to expressions some other event treats as a socket.
    // `m_fd = s` with `s` a parameter stores the caller's socket: a fact the summary needs.
    const stores = (e: SocketEvent): boolean =>
      e.kind === 'assign' && e.source !== undefined && this.facts.params.includes(e.source);
    const events = this.events.filter((e) => e.kind !== 'assign' || used.has(e.target) || stores(e));
    const blocks: FunctionFacts['blocks'] = {};
    for (const [id, block] of this.blocks) {
      blocks[id] = blockStatements(block).map((s) => ({ writes: this.syntax.identifiersWritten(s) }));
    }
    return { ...this.facts, events, blocks, loopbackAddresses: [...this.loopback], returns: [...this.returns] };
  }
}

function socketKeysOf(e: SocketEvent): string[] {
  switch (e.kind) {
    case 'accept':
      return [e.listener, e.accepted].filter((k): k is string => !!k);
    case 'create':
    case 'assign':
      return [];
    case 'call':
      return [
        ...e.args.filter((k): k is string => !!k),
        ...(e.receiver ? [e.receiver] : []),
        ...(e.target ? [e.target] : []),
      ];
    case 'wrong-api':
      return [];
    default:
      return e.socket ? [e.socket] : [];
  }
}

/** An empty FunctionFacts for a file's top level. */
/** The name of the pseudo-function that holds a file's top-level events. */
export const TOP_LEVEL_NAME = '<file>';

export function topLevelFacts(range: FunctionFacts['range']): FunctionFacts {
  return {
    name: TOP_LEVEL_NAME,
    qualified: TOP_LEVEL_NAME,
    params: [],
    range,
    nameRange: range,
    locals: [],
    events: [],
    blocks: {},
    loopbackAddresses: [],
    returns: [],
  };
}
