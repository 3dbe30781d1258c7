// Notes: things the user should know about (skipped, unreadable or partly analysed files) that are not findings.
// They always go to stderr so stdout stays a clean report (`--format json > out.json` remains valid JSON).
import { printable } from './printable.js';

export interface Note {
  path: string;
  reason: string;
}

/** One line, whatever the path and reason hold (control and bidi characters escaped). */
export function formatNote(note: Note): string {
  return `winsock-lint: note: ${printable(note.path)}: ${printable(note.reason)}\n`;
}

/** The short error code of a file-system error ("EACCES"), or its message when it has none. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
