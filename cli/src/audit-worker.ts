// A worker thread of the audit's pool: reads, decodes and scans files (lexical facts), and re-reads, parses and
// extracts the files the selection asks for. Only plain data goes back: lexical facts, FileFacts, notes.
import { parentPort } from 'node:worker_threads';
import { extractFileFacts, scanLexicalFacts, type FileFacts, type LexicalFacts } from '@winsock-lint/rules';
import type { Note } from './notes.js';
import { readSource } from './read-sources.js';

export type WorkerTask =
  | { id: number; kind: 'scan'; paths: string[]; maxFileSize: number }
  | { id: number; kind: 'extract'; items: { path: string; aliases: readonly string[] }[]; maxFileSize: number };

export type WorkerReply =
  | { id: number; kind: 'scan'; files: { lexical?: LexicalFacts; bytes: number }[]; notes: Note[] }
  | { id: number; kind: 'extract'; results: (FileFacts | { error: string })[] };

function run(task: WorkerTask): WorkerReply {
  const notes: Note[] = [];
  if (task.kind === 'scan') {
    const files = task.paths.map((path) => {
      let bytes = 0;
      const source = readSource(path, task.maxFileSize, notes, (n) => (bytes = n), false);
      return source ? { lexical: scanLexicalFacts(source.text), bytes } : { bytes };
    });
    return { id: task.id, kind: 'scan', files, notes };
  }
  const results = task.items.map(({ path, aliases }) => {
    try {
      const source = readSource(path, task.maxFileSize, notes, undefined, false);
      if (!source) return { error: notes.at(-1)?.reason ?? 'cannot read' };
      return extractFileFacts(path, source.text, { knownAliases: aliases });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  return { id: task.id, kind: 'extract', results };
}

parentPort?.on('message', (task: WorkerTask) => {
  parentPort?.postMessage(run(task));
});
