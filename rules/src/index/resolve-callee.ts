// Finds the function a call means, by name with C++ qualification, class, arity and file preference.
import type { FileFacts, FunctionFacts, OtherCall } from '../facts/fact-types.js';

export interface FunctionRef {
  fileIndex: number;
  functionIndex: number;
  /** refKey of this ref, made once. */
  key: string;
  file: FileFacts;
  fn: FunctionFacts;
}

export class FunctionTable {
  private readonly byName = new Map<string, FunctionRef[]>();

  constructor(files: readonly FileFacts[]) {
    files.forEach((file, fileIndex) => {
      file.functions.forEach((fn, functionIndex) => {
        if (fn.name.startsWith('<')) return;
        const list = this.byName.get(fn.name) ?? [];
        list.push({ fileIndex, functionIndex, key: `${fileIndex}:${functionIndex}`, file, fn });
        this.byName.set(fn.name, list);
      });
    });
  }

  *all(): Iterable<FunctionRef> {
    for (const list of this.byName.values()) yield* list;
  }

  resolve(call: OtherCall, caller: FunctionFacts, callerFile: number): FunctionRef | undefined {
    let candidates = this.byName.get(call.name) ?? [];
    if (candidates.length === 0) return undefined;
    candidates = classFiltered(candidates, call, caller);
    const sameArity = candidates.filter((c) => c.fn.params.length === call.args.length);
    if (sameArity.length > 0) candidates = sameArity;
    const sameFile = candidates.filter((c) => c.fileIndex === callerFile);
    if (sameFile.length > 0) candidates = sameFile;
    if (candidates.length === 1) return candidates[0];
    // Several classes with a method of that name: only a shared answer is an answer.
    const first = candidates[0];
    return first && candidates.every((c) => c.fn.qualified === first.fn.qualified && c.fileIndex === first.fileIndex)
      ? first
      : undefined;
  }
}

/** resolve's first step: the candidates a call's receiver, qualification and caller's class leave. */
export function classFiltered<T extends { fn: FunctionFacts }>(
  candidates: readonly T[],
  call: OtherCall,
  caller: FunctionFacts,
): T[] {
  if (call.receiver !== undefined) return candidates.filter((c) => c.fn.className !== undefined);
  if (
    call.receiverIsThis ||
    (caller.className && candidates.some((c) => c.fn.className === caller.className) && !call.qualified.includes('::'))
  ) {
    return candidates.filter((c) => c.fn.className === caller.className);
  }
  if (call.qualified.includes('::')) {
    return candidates.filter((c) => c.fn.qualified.endsWith(call.qualified) || call.qualified.endsWith(c.fn.qualified));
  }
  const plain = candidates.filter((c) => c.fn.className === undefined || c.fn.className === caller.className);
  // In a method, an unqualified call no free function answers may be a base class's method of that arity.
  if (plain.length === 0 && caller.className)
    return candidates.filter((c) => c.fn.className !== undefined && c.fn.params.length === call.args.length);
  return plain;
}

export function refKey(ref: { fileIndex: number; functionIndex: number; key?: string }): string {
  return ref.key ?? `${ref.fileIndex}:${ref.functionIndex}`;
}
