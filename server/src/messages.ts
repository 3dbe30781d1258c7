// User-visible messages as window/showMessage notifications (no reply expected, unlike
// connection.window.show*Message, which sends window/showMessageRequest).
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';

export function showMessage(connection: Connection, type: 'error' | 'warning' | 'info', message: string): void {
  const kind = type === 'error' ? MessageType.Error : type === 'warning' ? MessageType.Warning : MessageType.Info;
  void connection.sendNotification(ShowMessageNotification.type, { type: kind, message });
}
