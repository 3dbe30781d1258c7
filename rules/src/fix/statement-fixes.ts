// Fix edits built from statement facts: remove a statement (whole lines when it stands alone) or move
// a statement to just before another statement of the same block, when that keeps the code compiling.
import type { BlockStatement, RemovalFacts, StatementFacts } from '../facts/fact-types.js';
import type { Fix, Position } from '../types.js';
import { lineBreakOf } from './line-spans.js';

const MAX_MOVE_DISTANCE = 50;

export function removeStatementFix(statement: StatementFacts | undefined, message: string): Fix | undefined {
  if (!statement || statement.kind === 'other') return undefined;
  return { message, edits: [{ range: statement.removal, text: '' }] };
}

/** An event that may carry a statement and a planned removal. */
export interface Removable {
  statement?: StatementFacts;
  removal?: RemovalFacts;
}

/**
 * The removal of an applying call: its success-semantics plan (fix/removal-plan.ts) as the fix, or as a
 * suggestion when it needs review; else the plain statement removal; else nothing.
 */
export function removalOf(call: Removable | undefined, message: string): { fix?: Fix; suggestion?: Fix } {
  if (call?.removal) {
    const fix: Fix = { message, edits: call.removal.edits };
    return call.removal.review ? { suggestion: fix } : { fix };
  }
  const plain = removeStatementFix(call?.statement, message);
  return plain ? { fix: plain } : {};
}

/**
 * Moves `moved` (later in the block) to just before `anchor`. Refused when either is not alone on its lines,
 * when they are not in one block, or when a statement in between writes something the moved one reads.
 */
export function moveStatementBeforeFix(
  moved: StatementFacts | undefined,
  anchor: StatementFacts | undefined,
  blocks: Record<number, BlockStatement[]>,
  text: string | undefined,
  message: string,
): Fix | undefined {
  if (!moved || !anchor || text === undefined || moved.kind === 'other') return undefined;
  if (moved.blockId !== anchor.blockId || anchor.index >= moved.index || anchor.index < 0) return undefined;
  if (!moved.lines || !anchor.lines) return undefined;
  // A move across many statements is no longer an edit a reviewer can trust at a glance.
  if (moved.index - anchor.index > MAX_MOVE_DISTANCE) return undefined;
  const statements = blocks[moved.blockId];
  if (!statements) return undefined;
  const reads = new Set(moved.reads);
  for (let i = anchor.index; i < moved.index; i++) {
    const between = statements[i];
    if (!between || between.writes.some((w) => reads.has(w))) return undefined;
  }
  let movedText = text.slice(moved.lines.start.offset, moved.lines.end.offset);
  // The last line of a file may have no break: give it the file's own (CRLF, CR or LF).
  if (!/[\r\n]$/.test(movedText)) movedText += lineBreakOf(text);
  const insertAt: Position = anchor.lines.start;
  return {
    message,
    edits: [
      { range: { start: insertAt, end: insertAt }, text: movedText },
      { range: moved.lines, text: '' },
    ],
  };
}
