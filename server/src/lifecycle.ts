// The LSP lifecycle, enforced on incoming messages before any handler runs: before `initialize` a request is
// answered ServerNotInitialized (-32002) and notifications other than `exit` are dropped; a second `initialize`
// and any request after `shutdown` get InvalidRequest (-32600); a request whose params are not an object (null,
// missing) gets InvalidParams (-32602) instead of reaching a handler that would fail on it.
import {
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

type State = 'new' | 'initializing' | 'running' | 'shut-down';

/** What to do with one request: pass it on, or answer it with this error. */
export function lifecycleError(
  state: State,
  request: Pick<RequestMessage, 'method' | 'params'>,
): { code: number; message: string } | undefined {
  if (state === 'shut-down') {
    return { code: ErrorCodes.InvalidRequest, message: `${request.method}: the server is shutting down.` };
  }
  if (request.method === 'initialize' && state !== 'new') {
    return { code: ErrorCodes.InvalidRequest, message: 'initialize was already received.' };
  }
  if (state === 'new' && request.method !== 'initialize') {
    return { code: ErrorCodes.ServerNotInitialized, message: `${request.method}: the server is not initialized.` };
  }
  const params: unknown = request.params;
  if (request.method !== 'shutdown' && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    return { code: ErrorCodes.InvalidParams, message: `${request.method}: params must be an object.` };
  }
  return undefined;
}

/** Wraps the transport's reader: messages the lifecycle refuses are answered (or dropped) here. */
export class LifecycleReader implements MessageReader {
  private state: State = 'new';

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError(): MessageReader['onError'] {
    return this.reader.onError;
  }
  get onClose(): MessageReader['onClose'] {
    return this.reader.onClose;
  }
  get onPartialMessage(): MessageReader['onPartialMessage'] {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (Message.isRequest(message)) {
        const error = lifecycleError(this.state, message);
        if (error) {
          const response: ResponseMessage = { jsonrpc: '2.0', id: message.id, error };
          void this.writer.write(response).catch(() => undefined);
          return;
        }
        if (message.method === 'initialize') this.state = 'initializing';
        if (message.method === 'shutdown') this.state = 'shut-down';
      } else if (Message.isNotification(message) && !this.passes(message)) {
        return;
      }
      callback(message);
    });
  }

  private passes(notification: NotificationMessage): boolean {
    if (notification.method === 'exit') return true;
    if (notification.method === 'initialized' && this.state === 'initializing') this.state = 'running';
    return this.state === 'running' || this.state === 'initializing';
  }

  dispose(): void {
    this.reader.dispose();
  }
}
