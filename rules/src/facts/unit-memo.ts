// Remembers each function unit's facts from one extraction of a document to the next, so an edit re-extracts
// only the functions it touched. Reused facts are moved to the unit's new place: offsets, lines, branch and
// block ids (offsets too) and socket keys of call results shift together.
import type { Position, Range } from '../types.js';
import type { CodeUse, FunctionFacts, IoctlArgument, OtherCall, SocketEvent, StatementFacts } from './fact-types.js';
import type { UnitScan } from './source-units.js';

/** What one unit's walk produced, given the file's aliases (the context key says which). */
export interface UnitAnalysis {
  context: string;
  uses: CodeUse[];
  /** Absent when the walk did not reach the unit (it is then walked when it does). */
  functions?: FunctionFacts[];
}

/** One unit's facts as of `offset`/`line` (its start). */
export interface UnitEntry {
  offset: number;
  line: number;
  scan: UnitScan;
  analysis?: UnitAnalysis;
}

interface Shift {
  offset: number;
  line: number;
}

const CALL_KEY = /<call@(\d+)>/g;

function shiftPosition(p: Position, shift: Shift): Position {
  return { line: p.line + shift.line, column: p.column, offset: p.offset + shift.offset };
}

function shiftRange(r: Range, shift: Shift): Range {
  return { start: shiftPosition(r.start, shift), end: shiftPosition(r.end, shift) };
}

/** Socket keys of call results name the call's offset (`<call@123>`). */
function shiftKey<K extends string | null | undefined>(key: K, shift: Shift): K {
  if (!key || !key.includes('<call@')) return key;
  return key.replace(CALL_KEY, (_, n: string) => `<call@${Number(n) + shift.offset}>`) as K;
}

function shiftStatement(statement: StatementFacts, shift: Shift): StatementFacts {
  return {
    ...statement,
    range: shiftRange(statement.range, shift),
    ...(statement.lines ? { lines: shiftRange(statement.lines, shift) } : {}),
    removal: shiftRange(statement.removal, shift),
    blockId: statement.blockId + shift.offset,
  };
}

function shiftArguments(args: IoctlArgument[], shift: Shift): IoctlArgument[] {
  return args.map((a) => ({ ...a, range: shiftRange(a.range, shift) }));
}

/** An event moved by `shift`: every field of every event kind that holds a place or a socket key. */
function shiftEvent(event: SocketEvent, shift: Shift): SocketEvent {
  const base = {
    range: shiftRange(event.range, shift),
    path: event.path.length === 0 ? event.path : event.path.map((step) => ({ ...step, id: step.id + shift.offset })),
    ...(event.statement ? { statement: shiftStatement(event.statement, shift) } : {}),
    ...(event.asCall ? { asCall: shiftEvent(event.asCall, shift) as OtherCall } : {}),
  };
  switch (event.kind) {
    case 'create':
      return { ...event, ...base, target: shiftKey(event.target, shift) };
    case 'assign':
      return {
        ...event,
        ...base,
        target: shiftKey(event.target, shift),
        ...(event.source !== undefined ? { source: shiftKey(event.source, shift) } : {}),
      };
    case 'ioctl':
    case 'passthrough':
      return {
        ...event,
        ...base,
        socket: shiftKey(event.socket, shift),
        calleeRange: shiftRange(event.calleeRange, shift),
        ...(event.kind === 'ioctl' ? { codeRange: shiftRange(event.codeRange, shift) } : {}),
        args: shiftArguments(event.args, shift),
      } as SocketEvent;
    case 'connect':
    case 'bind':
    case 'getsockname':
      return { ...event, ...base, socket: shiftKey(event.socket, shift), address: shiftKey(event.address, shift) };
    case 'listen':
    case 'setsockopt':
    case 'close':
      return { ...event, ...base, socket: shiftKey(event.socket, shift) };
    case 'accept':
      return {
        ...event,
        ...base,
        listener: shiftKey(event.listener, shift),
        accepted: shiftKey(event.accepted, shift),
      };
    case 'wrong-api':
      return { ...event, ...base, calleeRange: shiftRange(event.calleeRange, shift) };
    case 'call':
      return {
        ...event,
        ...base,
        ...(event.receiver !== undefined ? { receiver: shiftKey(event.receiver, shift) } : {}),
        args: event.args.map((a) => shiftKey(a, shift)),
        codeRanges: event.codeRanges.map((r) => shiftRange(r, shift)),
        target: shiftKey(event.target, shift),
      };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown event ${JSON.stringify(value)}`);
}

function shiftFunction(fn: FunctionFacts, shift: Shift): FunctionFacts {
  const blocks: FunctionFacts['blocks'] = {};
  for (const [id, block] of Object.entries(fn.blocks)) blocks[Number(id) + shift.offset] = block;
  return {
    ...fn,
    range: shiftRange(fn.range, shift),
    nameRange: shiftRange(fn.nameRange, shift),
    events: fn.events.map((e) => shiftEvent(e, shift)),
    blocks,
    loopbackAddresses: fn.loopbackAddresses.map((k) => shiftKey(k, shift)),
    returns: fn.returns.map((k) => shiftKey(k, shift)),
  };
}

/** A unit's scan moved by `shift`. */
export function shiftScan(scan: UnitScan, shift: Shift): UnitScan {
  return {
    definitions: scan.definitions.map((d) => ({ ...d, start: d.start + shift.offset })),
    dead: scan.dead.map((d) => ({ ...d, offset: d.offset + shift.offset })),
    comments: scan.comments.map((c) => ({ ...c, range: shiftRange(c.range, shift) })),
  };
}

/** A unit's analysis moved by `shift`. */
export function shiftAnalysis(analysis: UnitAnalysis, shift: Shift): UnitAnalysis {
  return {
    context: analysis.context,
    uses: analysis.uses.map((u) => ({ ...u, range: shiftRange(u.range, shift) })),
    ...(analysis.functions ? { functions: analysis.functions.map((f) => shiftFunction(f, shift)) } : {}),
  };
}

/** Where a unit is in the new text: its span, first line, whole-lines span and class. */
export interface UnitPlace {
  offset: number;
  end: number;
  line: number;
  lineStart: number;
  lineEnd: number;
  className: string;
}

/** The edit since the previous extraction, and the spans whose tree structure changed (new offsets). */
export interface UnitEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  rows: number;
  changed: ReadonlyArray<readonly [number, number]>;
}

interface KeptEntry extends UnitEntry {
  length: number;
  className: string;
}

/**
 * One document's unit facts, found again after an edit by where the unit was: a unit whose whole lines the
 * edit did not touch has the same text as before, at its old offset (moved by the edit when after it).
 */
export class UnitMemo {
  private previous = new Map<number, KeptEntry>();
  private current = new Map<number, KeptEntry>();
  private edit: UnitEdit | undefined;
  /** Units looked up and units reused by the current (or last) extraction. */
  readonly stats = { units: 0, reused: 0 };

  /**
   * Before an extraction: the edit since the previous one; undefined when nothing may be reused (a parse from
   * scratch). In broken code, error recovery can parse an unchanged text differently, so a unit in a span
   * tree-sitter reports as changed (`getChangedRanges`) is never reused.
   */
  beginRun(edit: UnitEdit | undefined): void {
    this.edit = edit;
    this.stats.units = 0;
    this.stats.reused = 0;
  }

  /** The unit's facts from the previous extraction, moved to its new place. */
  lookup(place: UnitPlace): UnitEntry | undefined {
    this.stats.units++;
    const entry = this.reusable(place);
    if (entry) this.stats.reused++;
    return entry;
  }

  private reusable(place: UnitPlace): UnitEntry | undefined {
    const edit = this.edit;
    if (!edit) return undefined;
    if (place.lineStart <= edit.newEndIndex && place.lineEnd >= edit.startIndex) return undefined;
    if (edit.changed.some(([from, to]) => from <= place.end && to >= place.offset)) return undefined;
    const after = place.offset >= edit.newEndIndex;
    const oldOffset = after ? place.offset - (edit.newEndIndex - edit.oldEndIndex) : place.offset;
    const entry = this.previous.get(oldOffset);
    if (!entry || entry.length !== place.end - place.offset || entry.className !== place.className) return undefined;
    const shift = { offset: place.offset - entry.offset, line: after ? edit.rows : 0 };
    if (entry.line + shift.line !== place.line) return undefined;
    if (shift.offset === 0 && shift.line === 0) return entry;
    return {
      offset: place.offset,
      line: place.line,
      scan: shiftScan(entry.scan, shift),
      ...(entry.analysis ? { analysis: shiftAnalysis(entry.analysis, shift) } : {}),
    };
  }

  /** Keeps a unit's facts for the next extraction. */
  keep(place: UnitPlace, entry: UnitEntry): void {
    this.current.set(place.offset, { ...entry, length: place.end - place.offset, className: place.className });
  }

  /** After an extraction: forget the units it did not see. */
  endRun(): void {
    this.edit = undefined;
    this.previous = this.current;
    this.current = new Map();
  }
}
