// Windows version checks in branch conditions (`if (IsWindows8OrGreater())`), so findings that need two
// branches no run can take together (Windows 8+ and not Vista+) stay silent.
import type { BranchStep } from './fact-types.js';

/** Versions of the VersionHelpers.h checks, as major * 100 + minor. */
const VERSION_HELPERS: Record<string, number> = {
  IsWindowsXPOrGreater: 501,
  IsWindowsXPSP1OrGreater: 501,
  IsWindowsXPSP2OrGreater: 501,
  IsWindowsXPSP3OrGreater: 501,
  IsWindowsVistaOrGreater: 600,
  IsWindowsVistaSP1OrGreater: 600,
  IsWindowsVistaSP2OrGreater: 600,
  IsWindows7OrGreater: 601,
  IsWindows7SP1OrGreater: 601,
  IsWindows8OrGreater: 602,
  IsWindows8Point1OrGreater: 603,
  IsWindows10OrGreater: 1000,
};

export type VersionGuard = NonNullable<BranchStep['guard']>;

/** The guard a condition states for its `then` arm, or undefined when it is not a plain version check. */
export function versionGuardOf(conditionText: string): VersionGuard | undefined {
  if (conditionText.length > 120) return undefined;
  const text = conditionText.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
  // `IsWindows8OrGreater()`, `!IsWindowsVistaOrGreater()`, `IsWindowsVistaOrGreater() == FALSE`, `… != 0`.
  const match = /^(!)?(?:::)?(\w+)\(\)(?:(==|!=)(FALSE|false|0|TRUE|true|1))?$/.exec(text);
  const min = match ? VERSION_HELPERS[match[2]!] : undefined;
  if (min === undefined) return undefined;
  const [, not, , operator, constant] = match!;
  const comparedFalse = operator !== undefined && /^(FALSE|false|0)$/.test(constant!) === (operator === '==');
  return { min, below: (not === '!') !== comparedFalse };
}

/** The guard for an arm: the condition's own for `then`, its negation for `else`. */
export function guardForArm(guard: VersionGuard | undefined, arm: number): { guard?: VersionGuard } {
  if (!guard) return {};
  return { guard: arm === 0 ? guard : { min: guard.min, below: !guard.below } };
}

/** Can one run be inside every guard of both paths? (Some Windows version satisfies all of them.) */
export function guardsCompatible(a: readonly BranchStep[], b: readonly BranchStep[]): boolean {
  let lowest = 0;
  let highest = Number.POSITIVE_INFINITY;
  for (const step of [...a, ...b]) {
    if (!step.guard) continue;
    if (step.guard.below) highest = Math.min(highest, step.guard.min);
    else lowest = Math.max(lowest, step.guard.min);
  }
  return lowest < highest;
}
