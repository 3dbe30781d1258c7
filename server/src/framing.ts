// LSP base-protocol framing that survives a malformed header: the bytes from the client are checked message by
// message (headers `Name: value`, a decimal Content-Length within MAX_MESSAGE_BYTES) before vscode-jsonrpc's
// reader sees them. A malformed header is logged and skipped up to the next `Content-Length:`, so one bad frame
// costs one message, instead of wedging the reader so that nothing is ever answered again.
import { Transform, type TransformCallback } from 'node:stream';

/** Larger messages are treated as malformed (a 20 MB document is about 21 MB of JSON). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Header blocks longer than this without their blank line are garbage. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /content-length:/i;

/** The Content-Length of a header block, or why the block is malformed. */
export function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a header line without "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value))
      return `Content-Length is not a decimal number: ${JSON.stringify(value.slice(0, 80))}`;
    length = Number(value);
    if (length > MAX_MESSAGE_BYTES) return `Content-Length ${length} is more than ${MAX_MESSAGE_BYTES} bytes`;
  }
  return length ?? 'a header without Content-Length';
}

/** Passes well-framed messages through unchanged; skips malformed ones, reporting each to `log`. */
export class ResynchronisingFramer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly log: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip('a header block without its blank line');
        else break;
        continue;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        this.skip(length);
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buffer.length < total) break;
      this.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
    done();
  }

  /** Drops bytes up to the next `Content-Length:` after the start (keeping a tail that may begin one). */
  private skip(reason: string): void {
    const text = this.buffer.toString('latin1');
    const next = text.slice(1).search(CONTENT_LENGTH);
    const from = next < 0 ? Math.max(1, this.buffer.length - 'content-length:'.length) : next + 1;
    this.log(`malformed message header (${reason}); ${from} bytes skipped to resynchronise`);
    this.buffer = this.buffer.subarray(from);
  }
}
