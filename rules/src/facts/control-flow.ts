// Evaluation order and branch paths through the statements C/C++ and TypeScript share (if, ?:, for, do),
// for both walkers: each passes its own walk and its own notion of an arm that ends in return/throw.
import type { SyntaxNode } from '../parse/parser.js';
import type { BranchStep } from './fact-types.js';
import { guardForArm, versionGuardOf } from './version-guards.js';
import { streamArmOf } from './type-guards.js';

/** Walks one subtree at the given depth, recording into the walker's current function. */
export type WalkAt = (node: SyntaxNode, depth: number) => void;

interface Arms {
  withArm<T>(step: BranchStep, body: () => T): T;
}

/** The named fields of a node, walked in the order given (which is the evaluation order). */
export function walkFields(node: SyntaxNode, fields: readonly string[], walk: WalkAt, depth: number): void {
  for (const field of fields) {
    const part = node.childForFieldName(field);
    if (part) walk(part, depth + 1);
  }
}

/** `if`: the condition first, then each arm under its branch step, with any Windows version check it states. */
export function walkIf(
  node: SyntaxNode,
  fn: Arms,
  walk: WalkAt,
  depth: number,
  armExits: (arm: SyntaxNode) => boolean,
): void {
  const condition = node.childForFieldName('condition');
  walk(condition ?? node, depth + 1);
  const short = condition && condition.endIndex - condition.startIndex < 120 ? condition.text : undefined;
  const guard = short !== undefined ? versionGuardOf(short) : undefined;
  const streamArm = short !== undefined ? streamArmOf(short) : undefined;
  ['consequence', 'alternative'].forEach((field, arm) => {
    const branch = node.childForFieldName(field);
    if (branch) {
      const stream = streamArm === arm ? { stream: true } : {};
      fn.withArm({ id: node.startIndex, arm, exits: armExits(branch), ...guardForArm(guard, arm), ...stream }, () =>
        walk(branch, depth + 1),
      );
    }
  });
}

/** `c ? a : b`: the condition, then the two arms, which exclude each other. */
export function walkConditional(node: SyntaxNode, fn: Arms, walk: WalkAt, depth: number): void {
  walkFields(node, ['condition'], walk, depth);
  ['consequence', 'alternative'].forEach((field, arm) => {
    const branch = node.childForFieldName(field);
    if (branch) fn.withArm({ id: node.startIndex, arm, exits: false }, () => walk(branch, depth + 1));
  });
}
