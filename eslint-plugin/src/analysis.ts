// One engine analysis per file and text, shared by every winsock rule ESLint runs on that file: the first rule to
// ask analyses (the file alone, or with its project), the others read the cached result.
import path from 'node:path';
import { analyzeProject, isCandidateText, type FileResult } from '@winsock-lint/rules';
import { findProjectRoot, projectIndex } from './project-index.js';
import type { WinsockSettings } from './settings.js';

interface CachedAnalysis {
  text: string;
  mode: string;
  result: FileResult;
}

/** Recently analysed files; ESLint runs all rules of a file back to back, so a small cache is enough. */
const recent = new Map<string, CachedAnalysis>();
const RECENT_LIMIT = 32;

function remember(file: string, entry: CachedAnalysis): void {
  recent.delete(file);
  recent.set(file, entry);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function analyseAlone(file: string, text: string): FileResult {
  // The prefilter first: most files never mention the IOCTL and need no parse at all.
  if (!isCandidateText(text)) return { path: file, findings: [], notes: [] };
  return analyzeProject([{ path: file, text }])[0] ?? { path: file, findings: [], notes: [] };
}

/**
 * The project folder a file is analysed with, or undefined for single-file mode: the configured root, else the
 * nearest folder with a root marker, else ESLint's working directory (as `winsock-lint audit .` would see it).
 */
export function projectRootFor(file: string, settings: WinsockSettings): string | undefined {
  if (!settings.project || !path.isAbsolute(file)) return undefined;
  const root = settings.root ?? findProjectRoot(file) ?? settings.cwd;
  return root !== undefined && isInside(file, root) ? root : undefined;
}

/**
 * The engine's findings for `file` with content `text` (the text ESLint parsed, so offsets agree).
 * Virtual files (`<text>`, stdin without a path) and files outside any project are analysed alone.
 */
export function analyseFile(file: string, text: string, settings: WinsockSettings): FileResult {
  const absolute = path.isAbsolute(file) ? path.normalize(file) : file;
  const root = projectRootFor(absolute, settings);
  const mode = root ?? '';
  const cached = recent.get(absolute);
  if (cached && cached.mode === mode && cached.text === text) return cached.result;
  const index = root !== undefined ? projectIndex(root) : undefined;
  const result = index ? index.resultFor(absolute, text) : analyseAlone(absolute, text);
  remember(absolute, { text, mode, result });
  return result;
}

export function clearAnalysisCache(): void {
  recent.clear();
}
