// Entry point of the extractor: source text in, plain FileFacts out. The tree lives only inside this call.
// Scripts (TypeScript/JavaScript) go to the script extractor, which gives the same facts.
import { isScriptLanguage, languageForPath, parseSource, type LanguageId, type SyntaxNode } from '../parse/parser.js';
import { argumentsOf, calleeOf, compact } from '../parse/syntax.js';
import type { FileFacts } from './fact-types.js';
import { CodeRecognizer, isDead, type DeadRanges, type DefinitionFacts } from './code-recognizer.js';
import { storedName, type ExtensionKind } from './classify-call.js';
import { extractFunctions } from './function-walker.js';
import { scanUnit, type FoundUnit, type UnitScan } from './source-units.js';
import { mirrorSubtree } from '../parse/mirror-tree.js';
import { withTreeLineBreaks } from '../text/positions.js';
import { withFileLineBreaks } from '../fix/removal-facts.js';
import type { UnitEntry, UnitMemo, UnitPlace } from './unit-memo.js';
import { extractScriptFacts } from './script/extract-script.js';

export interface ExtractOptions {
  /** Alias names of the code defined in other files (headers), so uses here are recognised. */
  knownAliases?: readonly string[];
}

/** Pointers filled by WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) with WSAID_CONNECTEX / WSAID_ACCEPTEX. */
function findExtensionPointers(root: SyntaxNode, text: string): Map<string, ExtensionKind> {
  const pointers = new Map<string, ExtensionKind>();
  if (!text.includes('SIO_GET_EXTENSION_FUNCTION_POINTER')) return pointers;
  const guids = new Map<string, ExtensionKind>();
  const kindOf = (t: string): ExtensionKind | undefined =>
    /WSAID_CONNECTEX/.test(t) ? 'connectex' : /WSAID_ACCEPTEX/.test(t) ? 'acceptex' : undefined;
  for (const node of root.descendantsOfType(['init_declarator', 'assignment_expression'])) {
    const value = node.childForFieldName(node.type === 'init_declarator' ? 'value' : 'right');
    const target = node.childForFieldName(node.type === 'init_declarator' ? 'declarator' : 'left');
    const kind = value && value.text.length < 200 ? kindOf(value.text) : undefined;
    const name = target ? storedName(target) : null;
    if (kind && name) guids.set(name, kind);
  }
  for (const call of root.descendantsOfType('call_expression')) {
    const args = argumentsOf(call);
    if (args.length < 5 || compact(args[1]!.text) !== 'SIO_GET_EXTENSION_FUNCTION_POINTER') continue;
    if (!/Ioctl/i.test(calleeOf(call)?.name ?? '')) continue;
    const guidName = storedName(args[2]!);
    const kind = kindOf(args[2]!.text) ?? (guidName ? guids.get(guidName) : undefined);
    const out = storedName(args[4]!);
    if (kind && out) pointers.set(out, kind);
  }
  return pointers;
}

const WINSOCK_CONSTANT = /^(?:SOCK_[A-Z]+|IPPROTO_[A-Z0-9]+|AF_[A-Z0-9]+)$/;

/** Enumerators, macros and constants defined as a socket type, protocol or family constant. */
function socketConstantsOf(definitions: readonly DefinitionFacts[]): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (const d of definitions) {
    const value = d.valueText.trim();
    if (d.type !== 'assignment_expression' && WINSOCK_CONSTANT.test(value)) (found ??= {})[d.name] = value;
  }
  return found;
}

/** Facts of one file; the language defaults to the one its path names (C/C++ for unknown extensions). */
export function extractFileFacts(
  path: string,
  text: string,
  options: ExtractOptions = {},
  language: LanguageId = languageForPath(path) ?? 'cpp',
): FileFacts {
  const source = withTreeLineBreaks(text);
  if (isScriptLanguage(language)) return extractScriptFacts(path, source, options, language);
  const facts = extractTreeFacts(path, source, parseSource(source, language).rootNode, options, language);
  return withFileLineBreaks(facts, text);
}

const EMPTY: UnitScan = { definitions: [], dead: [], comments: [] };

function deadRanges(scan: UnitScan): DeadRanges {
  return scan.dead.map(({ offset, length }): [number, number] => [offset, offset + length]);
}

/** Files up to this many characters keep each unit's mirror for all three passes over it. */
const KEEP_MIRRORS_UP_TO = 256 * 1024;

/** A unit, where it is (none when `#if 0` code touches it: never reused) and its facts. */
interface Unit {
  node: SyntaxNode;
  place: UnitPlace | undefined;
  entry: UnitEntry;
  /** The unit's subtree copied into JS (mirror-tree.ts), made when the unit is walked. */
  mirror?: SyntaxNode;
}

/** A unit's place for the memo: its span, its whole lines (a statement's line range never reaches outside
 * them) and its class. Undefined when dead code touches it. */
function unitPlace({ node, className }: FoundUnit, text: string, dead: DeadRanges): UnitPlace | undefined {
  const offset = node.startIndex;
  const end = node.endIndex;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  if (dead.some(([from, to]) => from < lineEnd && to > lineStart)) return undefined;
  const line = node.startPosition.row;
  return { offset, end, line, lineStart, lineEnd, className: className ?? '' };
}

/**
 * Facts of a C/C++ tree. With a memo (incremental extraction of one document), function units whose text
 * and context did not change since the previous extraction are reused instead of walked again.
 */
export function extractTreeFacts(
  path: string,
  text: string,
  root: SyntaxNode,
  options: ExtractOptions,
  language: LanguageId,
  memo?: UnitMemo,
): FileFacts {
  const found: FoundUnit[] = [];
  const rest = scanUnit(root, text, found);
  const outerDead = deadRanges(rest);
  // A big file's mirrors are not kept between passes: keeping every unit's JS copy alive at once costs far more
  // memory (about 300 MB per MB of small functions) than copying each unit again (about 0.3 s per MB).
  const keepMirrors = text.length <= KEEP_MIRRORS_UP_TO;
  const subtree = (unit: Unit): SyntaxNode =>
    keepMirrors ? (unit.mirror ??= mirrorSubtree(unit.node, text)) : mirrorSubtree(unit.node, text);
  const units: Unit[] = found.map((candidate) => {
    const { node } = candidate;
    const place = memo ? unitPlace(candidate, text, outerDead) : undefined;
    const reused = place ? memo?.lookup(place) : undefined;
    if (reused) return { node, place, entry: reused };
    const unit: Unit = { node, place, entry: { offset: node.startIndex, line: node.startPosition.row, scan: EMPTY } };
    unit.entry.scan = scanUnit(subtree(unit), text);
    return unit;
  });
  const dead = [...outerDead, ...units.flatMap((u) => deadRanges(u.entry.scan))].sort((a, b) => a[0] - b[0]);
  const definitions = [...rest.definitions, ...units.flatMap((u) => u.entry.scan.definitions)]
    .filter((d) => !(dead.length > 0 && isDead(dead, d.start)))
    .sort((a, b) => a.start - b.start);
  const recognizer = new CodeRecognizer(definitions, options.knownAliases);
  const extensionPointers = findExtensionPointers(root, text);
  const context = `${[...recognizer.aliases.keys()].sort().join(',')}\0${[...extensionPointers].join(';')}`;

  const codeUses = recognizer.findUses(root, text, dead, true);
  const byStart = new Map<number, Unit>();
  for (const unit of units) {
    let analysis = unit.entry.analysis;
    if (analysis?.context !== context) {
      analysis = { context, uses: recognizer.findUses(subtree(unit), text, dead) };
      unit.entry.analysis = analysis;
    }
    codeUses.push(...analysis.uses);
    byStart.set(unit.node.startIndex, unit);
  }
  codeUses.sort((a, b) => a.range.start.offset - b.range.start.offset);

  const functions = extractFunctions(root, {
    text,
    recognizer,
    dead,
    extensionPointers,
    units: {
      reuse: (node) => byStart.get(node.startIndex)?.entry.analysis?.functions,
      subtree: (node) => {
        const unit = byStart.get(node.startIndex);
        return unit ? subtree(unit) : node;
      },
      store: (node, list) => {
        const analysis = byStart.get(node.startIndex)?.entry.analysis;
        if (analysis) analysis.functions = list;
      },
    },
  });
  if (memo) for (const unit of units) if (unit.place) memo.keep(unit.place, unit.entry);
  const comments = [...rest.comments, ...units.flatMap((u) => u.entry.scan.comments)].sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
  const socketConstants = socketConstantsOf(definitions);
  return {
    path,
    language,
    aliases: [...recognizer.aliases.keys()],
    codeUses,
    functions,
    comments,
    hasSyntaxErrors: root.hasError,
    ...(socketConstants ? { socketConstants } : {}),
  };
}
