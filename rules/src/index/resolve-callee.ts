// Finds the function a call means, by name with C++ qualification, class, arity and file preference.
import type { FileFacts, FunctionFacts, OtherCall } from '../facts/fact-types.js';

export interface FunctionRef {
  fileIndex: number;
  functionIndex: number;
  /** functionKey(file.path, functionIndex): stable from one build of the model to the next. */
  key: string;
  file: FileFacts;
  fn: FunctionFacts;
}

export class FunctionTable {
  private readonly byName = new Map<string, FunctionRef[]>();
  /** Per caller, the receivers' classes; depends on the whole table, so an edit of the table starts it anew. */
  private receivers = new WeakMap<FunctionFacts, Map<string, string>>();
  private readonly byKey = new Map<string, FunctionRef>();

  /** `keys[fileIndex][functionIndex]`: the functions' keys when the caller has them already. */
  constructor(files: readonly FileFacts[], keys?: readonly (readonly string[])[]) {
    files.forEach((file, fileIndex) => {
      file.functions.forEach((fn, functionIndex) => {
        if (fn.name.startsWith('<')) return;
        const key = keys?.[fileIndex]?.[functionIndex] ?? functionKey(file.path, functionIndex);
        const ref = { fileIndex, functionIndex, key, file, fn };
        const list = this.byName.get(fn.name) ?? [];
        list.push(ref);
        this.byName.set(fn.name, list);
        this.byKey.set(ref.key, ref);
      });
    });
  }

  get(key: string): FunctionRef | undefined {
    return this.byKey.get(key);
  }

  /**
   * The file at `fileIndex` now has these facts (an edit): its old definitions leave the table and the new
   * ones join it, each name's list kept in file and function order, as the constructor makes it.
   */
  replaceFile(fileIndex: number, before: FileFacts, after: FileFacts, keys: readonly string[]): void {
    this.receivers = new WeakMap();
    const touched = new Set<string>();
    for (const fn of before.functions) {
      if (fn.name.startsWith('<') || touched.has(fn.name)) continue;
      touched.add(fn.name);
      const list = (this.byName.get(fn.name) ?? []).filter((ref) => ref.fileIndex !== fileIndex);
      if (list.length > 0) this.byName.set(fn.name, list);
      else this.byName.delete(fn.name);
    }
    before.functions.forEach((_, functionIndex) => this.byKey.delete(keys[functionIndex] ?? ''));
    after.functions.forEach((fn, functionIndex) => {
      if (fn.name.startsWith('<')) return;
      const key = keys[functionIndex] ?? functionKey(after.path, functionIndex);
      const ref = { fileIndex, functionIndex, key, file: after, fn };
      const list = this.byName.get(fn.name) ?? [];
      list.push(ref);
      if (list.length > 1) list.sort((a, b) => a.fileIndex - b.fileIndex || a.functionIndex - b.functionIndex);
      this.byName.set(fn.name, list);
      this.byKey.set(key, ref);
    });
  }

  *all(): Iterable<FunctionRef> {
    for (const list of this.byName.values()) yield* list;
  }

  /**
   * The class of each receiver the function calls a method on that only one class defines
   * (`dev_.enableLoopbackFastPath()`): other calls on that receiver (`dev_.create(…)`) mean that class's methods.
   */
  private receiverClasses(caller: FunctionFacts): Map<string, string> {
    let known = this.receivers.get(caller);
    if (known) return known;
    known = new Map();
    const ambiguous = new Set<string>();
    for (const e of caller.events) {
      const call = e.kind === 'call' ? e : e.asCall;
      if (!call || call.receiver === undefined || ambiguous.has(call.receiver)) continue;
      const classes = new Set((this.byName.get(call.name) ?? []).flatMap((c) => c.fn.className ?? []));
      if (classes.size !== 1) continue;
      const [only] = classes;
      const seen = known.get(call.receiver);
      if (seen !== undefined && seen !== only) {
        known.delete(call.receiver);
        ambiguous.add(call.receiver);
      } else known.set(call.receiver, only!);
    }
    this.receivers.set(caller, known);
    return known;
  }

  resolve(call: OtherCall, caller: FunctionFacts, callerFile: number): FunctionRef | undefined {
    let candidates = this.byName.get(call.name) ?? [];
    if (candidates.length === 0) return undefined;
    if (call.receiver !== undefined) {
      candidates = candidates.filter((c) => c.fn.className !== undefined);
      const receiverClass = candidates.length > 1 ? this.receiverClasses(caller).get(call.receiver) : undefined;
      // Only when that class has an overload that fits; else the method is a base class's.
      const ofClass = candidates.filter(
        (c) => c.fn.className === receiverClass && c.fn.params.length >= call.args.length,
      );
      if (ofClass.length > 0) candidates = ofClass;
    } else if (
      call.receiverIsThis ||
      (caller.className &&
        candidates.some((c) => c.fn.className === caller.className) &&
        !call.qualified.includes('::'))
    ) {
      candidates = candidates.filter((c) => c.fn.className === caller.className);
    } else if (call.qualified.includes('::')) {
      candidates = candidates.filter(
        (c) => c.fn.qualified.endsWith(call.qualified) || call.qualified.endsWith(c.fn.qualified),
      );
    } else {
      const all = candidates;
      candidates = candidates.filter((c) => c.fn.className === undefined || c.fn.className === caller.className);
      // In a method, an unqualified call no free function answers may be a base class's method of that arity.
      if (candidates.length === 0 && caller.className)
        candidates = all.filter((c) => c.fn.className !== undefined && c.fn.params.length === call.args.length);
    }
    const sameArity = candidates.filter((c) => c.fn.params.length === call.args.length);
    // Without an exact match, an overload with more parameters may take the rest from default arguments.
    const longer = candidates.filter((c) => c.fn.params.length > call.args.length);
    if (sameArity.length > 0) candidates = sameArity;
    else if (longer.length > 0) candidates = longer;
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

/** A function's key: its file's path (unique in a project) and its index among the file's functions. */
export function functionKey(path: string, functionIndex: number): string {
  return `${functionIndex}\0${path}`;
}

/**
 * The candidates a call's receiver, qualification and caller's class leave, as `resolve` filters them (for a
 * receiver a superset: `resolve` may narrow to the receiver's class). The file selection uses it.
 */
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
