// Analyses a set of files as one project: picks the files that can matter, extracts their facts, builds
// the project model, runs every rule, then applies each file's configuration and suppression comments.
import { createHash } from 'node:crypto';
import { extractFileFacts } from './facts/extract-file.js';
import type { IncrementalExtractor } from './facts/incremental-extract.js';
import type { TextScanMemo } from './text-scan-memo.js';
import { isScriptLanguage, languageForPath } from './parse/parser.js';
import type { FileFacts } from './facts/fact-types.js';
import { buildProjectModel, type ProjectModel } from './index/project-model.js';
import type { ProjectModelBuilder } from './index/model-builder.js';
import { scanLexicalFacts, type LexicalFacts } from './select/lexical-facts.js';
import { selectFiles } from './select/select-files.js';
import { projectWideJudgement } from './rules/fast-path-both-sides.js';
import { rules } from './rules/registry.js';
import type { RawFinding } from './rules/create-rule.js';
import { defaultConfig } from './config/defaults.js';
import type { ResolvedConfig } from './config/config-types.js';
import { applySuppressions, parseSuppressions } from './suppress/index.js';
import type { FileResult, Finding, RuleId, Severity } from './types.js';

export interface ProjectFile {
  /** Absolute path (or any stable id); findings refer to files by it. */
  path: string;
  /** Decoded text (see decodeSource). */
  text: string;
}

/**
 * Where extracted facts of unchanged files are kept between runs (in memory for the language server, on
 * disk for the CLI's --cache). Keys are content hashes, so a renamed or moved file still hits.
 */
export interface FactsCache {
  get(key: string): FileFacts | undefined;
  set(key: string, facts: FileFacts): void;
}

/** Changes whenever extraction may produce different facts for the same text. */
export const FACTS_FORMAT_VERSION = 2;

export function factsCacheKey(text: string, knownAliases: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${FACTS_FORMAT_VERSION}\0${[...knownAliases].sort().join(',')}\0`);
  hash.update(text);
  return hash.digest('hex');
}

export interface AnalyzeOptions {
  /** Facts of files seen before, by content hash. */
  cache?: FactsCache;
  /** Settings for one file; default: every rule at its default severity. */
  configFor?: (path: string) => ResolvedConfig;
  /** Parse every file, not only those the prefilter selects (slower; for comparison and tests). */
  noPrefilter?: boolean;
  /** What text scans found in files seen before (the language server keeps one per project). */
  scanMemo?: TextScanMemo;
  /** Asked between parses by analyzeProjectAsync: true stops the analysis with AnalysisCancelled. */
  isCancelled?: () => boolean;
  /** Told by analyzeProjectAsync whenever it lets the event loop run, and once all files are extracted. */
  onProgress?: (progress: AnalysisProgress) => void;
  /** Told, at the end of the selection, how many files it kept and how many extractions it ran. */
  onSelected?: (files: number, extractions: number) => void;
  /** An incremental extractor for a file that is being edited (the language server's open documents); such a
   * file bypasses `cache`. */
  extractorFor?: (path: string) => IncrementalExtractor | undefined;
  /** Keeps the project model from one analysis of the project to the next (the language server keeps one per
   * project), so an edit recomputes only the functions it can change. */
  modelBuilder?: ProjectModelBuilder;
}

export function defaultSeverities(): Record<RuleId, Severity> {
  return Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity])) as Record<RuleId, Severity>;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Extracts the files that can matter (select/select-files.ts decides which). A generator that yields after
 * each parse, so the async driver can let native trees be freed.
 */
function* extractRelevant(
  files: readonly ProjectFile[],
  notes: Map<string, string[]>,
  options: AnalyzeOptions,
  model: (facts: readonly FileFacts[]) => ProjectModel,
): Generator<AnalysisProgress, FileFacts[]> {
  const { scanMemo } = options;
  const lexical = files.map((file) =>
    scanMemo ? scanMemo.lexical(file.path, file.text) : scanLexicalFacts(file.text),
  );
  const selection = selectFiles({
    lexical,
    isScript: (index) => isScriptLanguage(languageForPath(files[index]!.path) ?? 'cpp'),
    noPrefilter: options.noPrefilter ?? false,
    projectWideSide: (facts) => projectWideJudgement(model(facts))?.only,
    buildModel: model,
  });
  const note = (path: string, message: string): void => {
    notes.set(path, [...(notes.get(path) ?? []), message]);
  };
  let step = selection.next();
  let parsed = 0;
  for (let pass = 1; !step.done; pass++) {
    const batch = new Map<number, FileFacts>();
    for (const { index, aliases } of step.value) {
      const file = files[index]!;
      try {
        batch.set(index, extractOne(file, aliases, options));
        parsed++;
      } catch (error) {
        note(file.path, `could not be analysed: ${describeError(error)}`);
      }
      yield { pass, examined: index + 1, total: files.length, parsed };
    }
    step = selection.next(batch);
  }
  scanMemo?.endRun();
  return [...step.value.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

/** One file's facts: from its incremental extractor, the cache, or a fresh extraction (then cached). */
function extractOne(file: ProjectFile, aliases: readonly string[], options: AnalyzeOptions): FileFacts {
  const { cache, extractorFor, scanMemo } = options;
  // An edited document's extractor sees every version, so each edit is small (no cache in between).
  const extractor = extractorFor?.(file.path);
  if (extractor) return extractor.extract(file.path, file.text, { knownAliases: aliases });
  const computeKey = (): string => factsCacheKey(`${languageForPath(file.path) ?? ''}\0${file.text}`, aliases);
  const key = cache ? (scanMemo ? scanMemo.factsKey(file.path, file.text, aliases, computeKey) : computeKey()) : '';
  const cached = cache?.get(key);
  // The very facts when the path is the same, so the model builder sees its functions unchanged.
  if (cached) return cached.path === file.path ? cached : { ...cached, path: file.path };
  const extracted = extractFileFacts(file.path, file.text, { knownAliases: aliases });
  cache?.set(key, extracted);
  return extracted;
}

/**
 * buildProjectModel remembering its last answer: the selection builds the model of the files parsed so far each
 * round, and its last round's files are the analysis's files, so that model is not built twice. With the language
 * server's `builder`, each build keeps what the last one computed for unchanged functions.
 */
function lastModelMemo(builder?: ProjectModelBuilder): (facts: readonly FileFacts[]) => ProjectModel {
  let last: { facts: readonly FileFacts[]; model: ProjectModel } | undefined;
  return (facts) => {
    const same = last && last.facts.length === facts.length && last.facts.every((f, i) => f === facts[i]);
    if (!same || !last) last = { facts: [...facts], model: builder ? builder.build(facts) : buildProjectModel(facts) };
    return last.model;
  };
}

/** Analyses the files as one project, synchronously (ESLint's parse and rules must be synchronous). */
export function analyzeProject(files: readonly ProjectFile[], options: AnalyzeOptions = {}): FileResult[] {
  const notes = new Map<string, string[]>();
  const model = lastModelMemo(options.modelBuilder);
  const steps = extractRelevant(files, notes, options, model);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return finishAnalysis(files, step.value, notes, options, model);
}

/**
 * Where an analysis is: its pass (1: the files spelling the code; then one per round of the selection that follows
 * aliases, callees and callers into other files; 0: all extracted, the rules run next), how far through the files
 * that pass is, and extractions so far.
 */
export interface AnalysisProgress {
  pass: number;
  examined: number;
  total: number;
  parsed: number;
}

/** Thrown by analyzeProjectAsync when `isCancelled` says a newer analysis makes this one useless. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** Parses between this many files before letting the event loop run (native trees are freed there). */
const FILES_PER_TURN = 16;

/**
 * The same analysis, yielding to the event loop between parses: native tree-sitter trees are only freed by
 * finalizers that run there, and a loop that never yields grows to gigabytes on a large tree.
 */
export async function analyzeProjectAsync(
  files: readonly ProjectFile[],
  options: AnalyzeOptions = {},
): Promise<FileResult[]> {
  const notes = new Map<string, string[]>();
  const model = lastModelMemo(options.modelBuilder);
  const steps = extractRelevant(files, notes, options, model);
  let step = steps.next();
  for (let parsed = 1; !step.done; parsed++) {
    if (parsed % FILES_PER_TURN === 0) {
      options.onProgress?.(step.value);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.isCancelled?.()) throw new AnalysisCancelled();
    }
    step = steps.next();
  }
  options.onProgress?.({ pass: 0, examined: files.length, total: files.length, parsed: step.value.length });
  return finishAnalysis(files, step.value, notes, options, model);
}

function finishAnalysis(
  files: readonly ProjectFile[],
  facts: FileFacts[],
  notes: Map<string, string[]>,
  options: AnalyzeOptions,
  model: (facts: readonly FileFacts[]) => ProjectModel,
): FileResult[] {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return resultsOf(files, facts, notes, options, (path) => texts.get(path), model);
}

/** Builds the model, runs the rules and applies configuration and suppressions; texts are asked for by path
 * (only files with findings or comments, all of them parsed). */
function resultsOf(
  files: readonly { path: string }[],
  facts: FileFacts[],
  notes: Map<string, string[]>,
  options: AnalyzeOptions,
  textOf: (path: string) => string | undefined,
  modelOf: (facts: readonly FileFacts[]) => ProjectModel,
): FileResult[] {
  const model = modelOf(facts);
  const raw: RawFinding[] = [];
  for (const rule of rules) {
    try {
      raw.push(...rule.check(model, textOf));
    } catch (error) {
      const first = files[0]?.path;
      if (first)
        notes.set(first, [
          ...(notes.get(first) ?? []),
          `internal error in rule ${rule.meta.id}: ${describeError(error)}`,
        ]);
    }
  }
  const byPath = new Map<string, RawFinding[]>();
  for (const finding of raw) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  const factsByPath = new Map(facts.map((f) => [f.path, f]));
  const fallback = defaultConfig(defaultSeverities());

  return files.map((file) => {
    const config = options.configFor?.(file.path) ?? fallback;
    const findings: Finding[] = [];
    for (const f of byPath.get(file.path) ?? []) {
      const severity = config.rules[f.ruleId];
      if (severity === 'off') continue;
      findings.push({ ...f, severity });
    }
    const comments = factsByPath.get(file.path)?.comments ?? [];
    if (comments.length === 0 && findings.length === 0)
      return { path: file.path, findings: [], notes: notes.get(file.path) ?? [] };
    const { directives, problems } = parseSuppressions(comments, {
      path: file.path,
      text: textOf(file.path) ?? '',
      report: config.reportUnusedSuppressions,
    });
    const { findings: kept } = applySuppressions(file.path, findings, directives, config.reportUnusedSuppressions);
    const all = [...kept, ...problems].sort(
      (a, b) =>
        a.range.start.offset - b.range.start.offset ||
        a.range.end.offset - b.range.end.offset ||
        (a.ruleId ?? '').localeCompare(b.ruleId ?? ''),
    );
    return { path: file.path, findings: all, notes: notes.get(file.path) ?? [] };
  });
}

/**
 * Files the analysis reaches through a driver instead of holding their texts: every file's lexical facts up
 * front (computed while streaming), facts extracted on request (a worker pool re-reads and parses the file),
 * and the text of the few files a finding, fix or suppression comment needs.
 */
export interface SourceSet {
  paths: readonly string[];
  /** Per path; undefined for a file that could not be read (it is reported empty). */
  lexical: readonly (LexicalFacts | undefined)[];
  /** Facts of the requested files, by index; an Error for one that could not be analysed. */
  extract(
    requests: readonly { index: number; path: string; aliases: readonly string[] }[],
  ): Promise<ReadonlyMap<number, FileFacts | Error>>;
  text(path: string): string | undefined;
}

/** The analysis of analyzeProject over a SourceSet: memory holds lexical facts and the parsed files' facts. */
export async function analyzeSources(set: SourceSet, options: AnalyzeOptions = {}): Promise<FileResult[]> {
  const notes = new Map<string, string[]>();
  const model = lastModelMemo(options.modelBuilder);
  const selection = selectFiles({
    lexical: set.lexical,
    isScript: (index) => isScriptLanguage(languageForPath(set.paths[index]!) ?? 'cpp'),
    noPrefilter: options.noPrefilter ?? false,
    projectWideSide: (facts) => projectWideJudgement(model(facts))?.only,
    buildModel: model,
  });
  let step = selection.next();
  let parsed = 0;
  while (!step.done) {
    const extracted = await set.extract(step.value.map((r) => ({ ...r, path: set.paths[r.index]! })));
    const batch = new Map<number, FileFacts>();
    for (const [index, result] of extracted) {
      if (result instanceof Error) {
        const path = set.paths[index]!;
        notes.set(path, [...(notes.get(path) ?? []), `could not be analysed: ${result.message}`]);
      } else batch.set(index, result);
    }
    parsed += step.value.length;
    step = selection.next(batch);
  }
  options.onSelected?.(step.value.size, parsed);
  const facts = [...step.value.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  return resultsOf(
    set.paths.map((path) => ({ path })),
    facts,
    notes,
    options,
    memoized(set.text),
    model,
  );
}

function memoized(read: (path: string) => string | undefined): (path: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (!texts.has(path)) texts.set(path, read(path));
    return texts.get(path);
  };
}
