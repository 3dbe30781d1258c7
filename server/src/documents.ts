// The open documents, kept in sync incrementally. Change ranges arrive in the negotiated position
// encoding and are re-expressed in UTF-16 (through positions.ts) before being applied.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';
import { rangeToUtf16, type PositionEncoding } from './positions.js';

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly encoding: () => PositionEncoding) {}

  open(params: DidOpenTextDocumentParams): TextDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    return document;
  }

  /** Applies the changes in order; undefined for a document that is not open. */
  change(params: DidChangeTextDocumentParams): TextDocument | undefined {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return undefined;
    let current = document;
    for (const change of params.contentChanges) {
      if ('range' in change) {
        const range = rangeToUtf16(current.getText(), this.encoding(), change.range);
        current = TextDocument.update(current, [{ range, text: change.text }], current.version);
      } else {
        current = TextDocument.update(current, [{ text: change.text }], current.version);
      }
    }
    const updated = TextDocument.update(current, [], params.textDocument.version);
    this.documents.set(updated.uri, updated);
    return updated;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }
}
