// The audit without --fix: files are streamed through the worker pool (read, decode, lexical facts), the
// engine selects what to parse and the pool re-reads and extracts those; the main thread keeps lexical facts
// and the parsed files' facts only, and re-reads the few files a finding needs for the report.
import { analyzeSources, type AnalyzeOptions, type FileFacts, type LexicalFacts } from '@winsock-lint/rules';
import type { FileResult } from './engine-types.js';
import type { Note } from './notes.js';
import { readSource } from './read-sources.js';
import type { WorkerPool } from './worker-pool.js';

export interface StreamOptions {
  maxFileSize: number;
  pool: WorkerPool;
  onFile?: (bytes: number) => void;
  /** Called once the files are scanned: how many were read and their size. */
  onScanned?: (files: number, bytes: number) => void;
}

export interface StreamResult {
  results: FileResult[];
  notes: Note[];
  /** Decoded text of each file with findings (what reporters and baselines need). */
  texts: Map<string, string>;
  /** Files read, their megabytes, files parsed (the selection), and seconds spent scanning and analysing. */
  stats: { read: number; megabytes: number; parsed: number; scanSeconds: number; analyseSeconds: number };
}

const SCAN_BATCH = 48;
const EXTRACT_BATCH = 4;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function analyzeStreaming(
  paths: readonly string[],
  options: StreamOptions,
  analyze: AnalyzeOptions,
): Promise<StreamResult> {
  const { pool, maxFileSize } = options;
  const started = performance.now();
  const notes: Note[] = [];
  const lexical: (LexicalFacts | undefined)[] = new Array(paths.length);
  let read = 0;
  let bytes = 0;
  await Promise.all(
    chunks(
      paths.map((path, index) => ({ path, index })),
      SCAN_BATCH,
    ).map(async (batch) => {
      const reply = await pool.run({ kind: 'scan', paths: batch.map((b) => b.path), maxFileSize });
      if (reply.kind !== 'scan') return;
      reply.files.forEach((file, i) => {
        lexical[batch[i]!.index] = file.lexical;
        options.onFile?.(file.bytes);
        if (file.lexical) {
          read++;
          bytes += file.bytes;
        }
      });
      notes.push(...reply.notes);
    }),
  );
  // Notes in the order of the files, as the sequential reader gave them.
  const order = new Map(paths.map((p, i) => [p, i]));
  notes.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  options.onScanned?.(read, bytes);
  const scanned = performance.now();

  let parsed = 0;
  const readText = (path: string): string | undefined => readSource(path, maxFileSize, [])?.text;
  const results = await analyzeSources(
    {
      paths,
      lexical,
      extract: async (requests) => {
        const out = new Map<number, FileFacts | Error>();
        await Promise.all(
          chunks(requests, EXTRACT_BATCH).map(async (batch) => {
            const reply = await pool.run({
              kind: 'extract',
              items: batch.map((r) => ({ path: r.path, aliases: r.aliases })),
              maxFileSize,
            });
            if (reply.kind !== 'extract') return;
            reply.results.forEach((result, i) => {
              const index = batch[i]!.index;
              out.set(index, 'error' in result ? new Error(result.error) : result);
            });
          }),
        );
        return out;
      },
      text: readText,
    },
    { ...analyze, onSelected: (files) => (parsed = files) },
  );
  const texts = new Map<string, string>();
  for (const result of results) {
    if (result.findings.length > 0) texts.set(result.path, readText(result.path) ?? '');
  }
  // Unreadable files are reported by their notes, not as analysed files.
  const readable = new Set(paths.filter((_, i) => lexical[i] !== undefined));
  const stats = {
    read,
    megabytes: bytes / (1024 * 1024),
    parsed,
    scanSeconds: (scanned - started) / 1000,
    analyseSeconds: (performance.now() - scanned) / 1000,
  };
  return { results: results.filter((r) => readable.has(r.path)), notes, texts, stats };
}
