// Validates the parts of request parameters the handlers rely on, answering malformed requests
// with InvalidParams instead of crashing a handler.
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** `params.textDocument.uri` as a string, or an InvalidParams error. */
export function requireTextDocument(params: unknown): { uri: string } {
  const document = isRecord(params) ? params['textDocument'] : undefined;
  const uri = isRecord(document) ? document['uri'] : undefined;
  if (typeof uri !== 'string' || uri === '') throw invalidParams('textDocument.uri must be a non-empty string.');
  return { uri };
}

function isPosition(value: unknown): value is Position {
  return (
    isRecord(value) &&
    Number.isInteger(value['line']) &&
    Number.isInteger(value['character']) &&
    (value['line'] as number) >= 0 &&
    (value['character'] as number) >= 0
  );
}

export function requirePosition(params: unknown, key = 'position'): Position {
  const position = isRecord(params) ? params[key] : undefined;
  if (!isPosition(position)) throw invalidParams(`${key} must be {line, character} with non-negative integers.`);
  return position;
}

export function requireRange(params: unknown): { start: Position; end: Position } {
  const range = isRecord(params) ? params['range'] : undefined;
  if (!isRecord(range)) throw invalidParams('range must be {start, end}.');
  return { start: requirePosition(range, 'start'), end: requirePosition(range, 'end') };
}
