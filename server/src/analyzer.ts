// Schedules and runs analyses. Files are grouped into projects (a workspace folder's sources plus
// its open documents; open files outside any folder together; each untitled document alone), and a
// project is analysed as a whole with analyzeProject so cross-file rules work. Open documents are
// extracted incrementally (their tree gets each edit). Changes to a slow project are debounced, a fast
// one runs at once; runs of one project never overlap, a newer request cancels a running one (at most
// MAX_CANCELLATIONS times in a row), and results are stored per document version.
import {
  AnalysisCancelled,
  analyzeProject,
  analyzeProjectAsync,
  IncrementalExtractor,
  TextScanMemo,
} from '@winsock-lint/rules';
import type {
  AnalysisProgress,
  AnalyzeOptions,
  FileFacts,
  Finding,
  ProjectFile,
  ResolvedConfig,
} from '@winsock-lint/rules';
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildResult, type DocumentResult } from './document-result.js';
import type { DocumentStore } from './documents.js';
import { SKIPPED_TOO_LARGE, skipReason } from './file-selection.js';
import { enginePathFor, isAnalysable } from './languages.js';
import { PositionMapper, type PositionEncoding } from './positions.js';
import type { ProjectConfigs } from './project-config.js';
import type { ServerSettings, SettingsCache } from './settings.js';
import { isInside, pathToUri, uriToPath } from './uris.js';
import type { WorkspaceFolderFiles } from './workspace-files.js';
import { showMessage } from './messages.js';

/** Delay before analysing after an edit, for projects whose last run took FAST_RUN_MS or more. */
export const DEBOUNCE_MS = 150;
/** A project analysed faster than this is analysed at once after an edit (no debounce). */
export const FAST_RUN_MS = 100;
/** A run cancelled this many times in a row for newer requests finishes the next time, so typing never
 * starves the diagnostics. */
const MAX_CANCELLATIONS = 3;
const LOOSE = 'loose';

export interface ResultChange {
  result: DocumentResult;
  previous: DocumentResult | undefined;
}

export interface AnalyzerOptions {
  connection: Connection;
  documents: DocumentStore;
  settings: SettingsCache;
  configs: ProjectConfigs;
  encoding: () => PositionEncoding;
  relatedInformation: () => boolean;
  /** Called after every run with the results that changed (new version or new diagnostics). */
  onResults: (changes: ResultChange[], removed: string[]) => void;
  /** Called after every run with its wall time and every result it produced (analysis status). */
  onRun?: (run: AnalysisRun) => void;
}

export interface AnalysisRun {
  durationMs: number;
  results: readonly DocumentResult[];
}

type FactsCache = NonNullable<AnalyzeOptions['cache']>;

/**
 * The engine's extracted facts of a project's files, by content hash, kept from one run to the next
 * so that an edit re-extracts only the edited file. A run keeps exactly what it used.
 */
class RunFactsCache implements FactsCache {
  private readonly entries = new Map<string, FileFacts>();
  private readonly used = new Set<string>();

  get(key: string): FileFacts | undefined {
    const facts = this.entries.get(key);
    if (facts) this.used.add(key);
    return facts;
  }

  set(key: string, facts: FileFacts): void {
    this.entries.set(key, facts);
    this.used.add(key);
  }

  /** After a run: drop the facts of texts the run did not see (older versions, removed files). */
  endRun(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  /** Read-only view for side analyses (fix all), which must not decide what is kept. */
  readOnly(): FactsCache {
    return { get: (key) => this.entries.get(key), set: () => undefined };
  }
}

interface Project {
  facts: RunFactsCache;
  /** What the prefilter's scans found in each file, kept while the file's text is unchanged. */
  scans: TextScanMemo;
  running: Promise<void> | undefined;
  again: boolean;
  /** The last run's inputs, for re-analysing a fixed text (fix all). */
  lastFiles: ProjectFile[];
  lastConfigFor: (path: string) => ResolvedConfig;
  uris: Set<string>;
  /** Wall time of the last completed run; undefined before the first. */
  lastRunMs: number | undefined;
  cancellations: number;
}

interface Waiter {
  version: number;
  resolve: (result: DocumentResult | undefined) => void;
}

export class Analyzer {
  readonly folders: WorkspaceFolderFiles[] = [];
  private readonly projects = new Map<string, Project>();
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly warnedLarge = new Set<string>();
  /** One incremental extractor per open document (by URI). */
  private readonly extractors = new Map<string, IncrementalExtractor>();
  /** Who follows a project's analysis (the workspace scan's $/progress), by project key. */
  private readonly progressWatchers = new Map<string, (progress: AnalysisProgress) => void>();
  private disposed = false;

  constructor(private readonly options: AnalyzerOptions) {}

  /** The latest stored result for a URI (any version). */
  latest(uri: string): DocumentResult | undefined {
    return this.results.get(uri);
  }

  allResults(): DocumentResult[] {
    return [...this.results.values()];
  }

  /** Waits for the result of the document's current version, running the analysis now if needed. */
  resultFor(uri: string): Promise<DocumentResult | undefined> {
    const document = this.options.documents.get(uri);
    const stored = this.results.get(uri);
    if (!document) return Promise.resolve(stored);
    if (stored && stored.version === document.version) return Promise.resolve(stored);
    if (!this.isAnalysed(document)) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version: document.version, resolve });
      this.waiters.set(uri, list);
      this.schedule(uri, 0);
    });
  }

  /** Calls `watcher` with the progress of the project's analyses until the returned function is called. */
  watchProgress(key: string, watcher: (progress: AnalysisProgress) => void): () => void {
    this.progressWatchers.set(key, watcher);
    return () => {
      if (this.progressWatchers.get(key) === watcher) this.progressWatchers.delete(key);
    };
  }

  /** A document was opened or changed: analyse its project, at once when it is fast, else after DEBOUNCE_MS. */
  schedule(uri: string, delay = this.debounceFor(uri)): void {
    if (this.disposed) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(this.projectKeyFor(uri));
      }, delay),
    );
  }

  private debounceFor(uri: string): number {
    const lastRunMs = this.projects.get(this.projectKeyFor(uri))?.lastRunMs;
    return lastRunMs !== undefined && lastRunMs < FAST_RUN_MS ? 0 : DEBOUNCE_MS;
  }

  closed(uri: string): void {
    this.extractors.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.warnedLarge.delete(uri);
    const key = this.projectKeyFor(uri);
    this.results.delete(uri);
    this.projects.get(key)?.uris.delete(uri);
    for (const waiter of this.waiters.get(uri) ?? []) waiter.resolve(undefined);
    this.waiters.delete(uri);
    this.options.onResults([], [uri]);
    // The disk text (if any) takes over again, which can change the other files' findings.
    if (key !== LOOSE || this.options.documents.all().length > 0) void this.run(key);
  }

  /** Re-analyse every project (settings or configuration changed). */
  runAll(): Promise<void> {
    const keys = new Set<string>(this.folders.map((f) => `folder:${f.uri}`));
    for (const document of this.options.documents.all()) keys.add(this.projectKeyFor(document.uri));
    return Promise.all([...keys].map((key) => this.run(key))).then(() => undefined);
  }

  /** Every workspace folder analysed at least once, and no run in progress. */
  async settled(): Promise<void> {
    for (const folder of this.folders) {
      const key = `folder:${folder.uri}`;
      if (!this.projects.has(key)) await this.run(key);
    }
    await Promise.all([...this.projects.values()].map((p) => p.running));
  }

  folderFor(path: string): WorkspaceFolderFiles | undefined {
    return this.folders.find((folder) => isInside(folder.path, path));
  }

  projectKeyFor(uri: string): string {
    const path = uriToPath(uri);
    if (path === undefined) return `alone:${uri}`;
    const folder = this.folderFor(path);
    return folder ? `folder:${folder.uri}` : LOOSE;
  }

  /** Whether the server analyses this document at all (language known). */
  isAnalysed(document: TextDocument): boolean {
    return isAnalysable(document.languageId, uriToPath(document.uri) ?? document.uri);
  }

  /** Findings for `text` as the document's content, in its project as last analysed (fix all). */
  reanalyze(result: DocumentResult, text: string): Finding[] {
    const project = this.projects.get(result.projectKey);
    const others = (project?.lastFiles ?? []).filter((f) => f.path !== result.enginePath);
    const files = [...others, { path: result.enginePath, text }];
    const configFor = project?.lastConfigFor;
    const cache = project?.facts.readOnly();
    const analysed = analyzeProject(files, { ...(configFor ? { configFor } : {}), ...(cache ? { cache } : {}) });
    return analysed.find((r) => r.path === result.enginePath)?.findings ?? [];
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Runs a project; a request during a run makes one more run afterwards. */
  run(key: string): Promise<void> {
    let project = this.projects.get(key);
    if (!project) {
      project = {
        facts: new RunFactsCache(),
        scans: new TextScanMemo(),
        running: undefined,
        again: false,
        lastFiles: [],
        lastConfigFor: () => {
          throw new Error('no run yet');
        },
        uris: new Set(),
        lastRunMs: undefined,
        cancellations: 0,
      };
      this.projects.set(key, project);
    }
    if (project.running) {
      project.again = true;
      return project.running;
    }
    const current = project;
    current.running = (async () => {
      do {
        current.again = false;
        try {
          await this.runOnce(key, current);
          current.cancellations = 0;
        } catch (error) {
          if (error instanceof AnalysisCancelled) {
            current.cancellations++;
            continue;
          }
          this.options.connection.console.error(`winsock-lint: analysis failed: ${describe(error)}`);
          // Nobody waits forever for a result that will not come (pull diagnostics, the audit command).
          this.releaseProject(key);
        }
      } while (current.again && !this.disposed);
      current.running = undefined;
    })();
    return current.running;
  }

  private async runOnce(key: string, project: Project): Promise<void> {
    const started = performance.now();
    const { documents, settings, configs } = this.options;
    const folder = key.startsWith('folder:') ? this.folders.find((f) => `folder:${f.uri}` === key) : undefined;
    // Before its folder is read, a document would be analysed without the rest of its project: a false
    // all-clear. Its first analysis is the run the scan makes once the folder is read.
    if (folder && !folder.scanned) return;
    const members = (): TextDocument[] =>
      documents.all().filter((d) => this.projectKeyFor(d.uri) === key && this.isAnalysed(d));
    // Settings first (they may need a round trip to the client); the texts are read afterwards.
    const settingsByUri = new Map<string, ServerSettings>();
    for (const document of members()) settingsByUri.set(document.uri, await settings.get(document.uri));
    const folderSettings = folder ? await settings.get(folder.uri) : await settings.get(undefined);

    // From here on nothing awaits: the snapshot is the documents' current versions.
    const open = members();
    for (const document of open) {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
    }
    const byPath = new Map<
      string,
      { uri: string; text: string; version: number | null; fsPath: string | undefined; settings: ServerSettings }
    >();
    const skipped: { document: TextDocument; reason: string }[] = [];
    for (const document of open) {
      const docSettings = settingsByUri.get(document.uri) ?? folderSettings;
      const fsPath = uriToPath(document.uri);
      const text = document.getText();
      const reason = skipReason(configs, { fsPath, text, settings: docSettings, folderPath: folder?.path });
      if (reason !== undefined) {
        if (reason === SKIPPED_TOO_LARGE) this.warnLarge(document, docSettings.maxFileSize);
        skipped.push({ document, reason });
        continue;
      }
      const enginePath = enginePathFor(fsPath ?? document.uri, document.languageId);
      byPath.set(enginePath, { uri: document.uri, text, version: document.version, fsPath, settings: docSettings });
    }
    const openPaths = new Set(open.map((d) => uriToPath(d.uri)));
    for (const [path, text] of folder?.texts ?? []) {
      if (openPaths.has(path) || byPath.has(path)) continue;
      byPath.set(path, { uri: pathToUri(path), text, version: null, fsPath: path, settings: folderSettings });
    }

    const files: ProjectFile[] = [...byPath].map(([path, entry]) => ({ path, text: entry.text }));
    const configFor = (path: string): ResolvedConfig => {
      const entry = byPath.get(path);
      return configs.configFor(entry?.fsPath, (entry?.settings ?? folderSettings).rules);
    };
    project.lastFiles = files;
    project.lastConfigFor = configFor;
    // Yields between parses, so native trees are freed while a large workspace is indexed.
    const analysed =
      files.length > 0
        ? await analyzeProjectAsync(files, {
            configFor,
            cache: project.facts,
            scanMemo: project.scans,
            extractorFor: (path) => {
              const entry = byPath.get(path);
              return entry && entry.version !== null ? this.extractorFor(entry.uri) : undefined;
            },
            isCancelled: () => project.again && project.cancellations < MAX_CANCELLATIONS && !this.disposed,
            onProgress: (progress) => this.progressWatchers.get(key)?.(progress),
          })
        : [];
    project.facts.endRun();

    const encoding = this.options.encoding();
    const relatedInformation = this.options.relatedInformation();
    const fileFor = (path: string): { uri: string; text: string } | undefined => byPath.get(path);
    const noPositions = new PositionMapper('', encoding);
    const changes: ResultChange[] = [];
    const stored: DocumentResult[] = [];
    const seen = new Set<string>();
    const store = (result: DocumentResult): void => {
      seen.add(result.uri);
      const previous = this.results.get(result.uri);
      this.results.set(result.uri, result);
      stored.push(result);
      if (!previous || previous.resultId !== result.resultId || previous.version !== result.version) {
        changes.push({ result, previous });
      }
    };
    for (const fileResult of analysed) {
      const entry = byPath.get(fileResult.path);
      if (!entry) continue;
      for (const note of fileResult.notes) this.options.connection.console.info(`${fileResult.path}: ${note}`);
      store(
        buildResult(
          {
            uri: entry.uri,
            enginePath: fileResult.path,
            version: entry.version,
            text: entry.text,
            projectKey: key,
            findings: fileResult.findings,
          },
          // Only findings need positions: no line index for the (many) files without any.
          {
            mapper: fileResult.findings.length > 0 ? new PositionMapper(entry.text, encoding) : noPositions,
            encoding,
            relatedInformation,
            fileFor,
          },
        ),
      );
    }
    for (const { document, reason } of skipped) {
      const text = document.getText();
      store(
        buildResult(
          {
            uri: document.uri,
            enginePath: document.uri,
            version: document.version,
            text,
            projectKey: key,
            findings: [],
            skipped: reason,
          },
          { mapper: new PositionMapper('', encoding), encoding, relatedInformation, fileFor },
        ),
      );
    }
    const removed = [...project.uris].filter((uri) => !seen.has(uri));
    for (const uri of removed) this.results.delete(uri);
    project.uris = seen;
    this.options.onResults(changes, removed);
    const durationMs = performance.now() - started;
    project.lastRunMs = durationMs;
    this.options.onRun?.({ durationMs, results: stored });
    for (const result of stored) this.release(result);
  }

  private releaseProject(key: string): void {
    for (const [uri, waiting] of this.waiters) {
      if (this.projectKeyFor(uri) !== key) continue;
      for (const waiter of waiting) waiter.resolve(this.results.get(uri));
      this.waiters.delete(uri);
    }
  }

  /** The incremental extractor of an open document, created on first use. */
  private extractorFor(uri: string): IncrementalExtractor {
    let extractor = this.extractors.get(uri);
    if (!extractor) {
      extractor = new IncrementalExtractor();
      this.extractors.set(uri, extractor);
    }
    return extractor;
  }

  private release(result: DocumentResult): void {
    const waiting = this.waiters.get(result.uri);
    if (!waiting || result.version === null) return;
    const version = result.version;
    const remaining = waiting.filter((w) => w.version > version);
    for (const waiter of waiting) if (waiter.version <= version) waiter.resolve(result);
    if (remaining.length > 0) this.waiters.set(result.uri, remaining);
    else this.waiters.delete(result.uri);
  }

  private warnLarge(document: TextDocument, limit: number): void {
    if (this.warnedLarge.has(document.uri)) return;
    this.warnedLarge.add(document.uri);
    const name = safeDecode(document.uri.slice(document.uri.lastIndexOf('/') + 1));
    showMessage(
      this.options.connection,
      'warning',
      `winsock-lint: ${name} is larger than winsockLint.maxFileSize (${limit} bytes) and is not analysed.`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
