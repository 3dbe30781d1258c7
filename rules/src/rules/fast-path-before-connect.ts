// fast-path-before-connect: the fast path applied to a socket after it was passed to a connect function.
import { moveStatementBeforeFix } from '../fix/statement-fixes.js';
import { applications, eventsOfKind } from './applications.js';
import { createRule } from './create-rule.js';
import { sameSocketFlow } from './flow.js';
import { applicationName, relatedAt, viaLocations } from './related.js';

export default createRule({
  id: 'fast-path-before-connect',
  description:
    'Require SIO_LOOPBACK_FAST_PATH to be applied to a socket before that socket makes its connection request',
  defaultSeverity: 'error',
  fixKind: 'code',
  messages: {
    afterConnect:
      "SIO_LOOPBACK_FAST_PATH is applied to '{{socket}}' by {{call}} after {{connect}} connected it; the socket that initiates the connection must apply it before the connection request, so this has no effect.",
  },
  check(context) {
    for (const { pf, ioctl, socket } of applications(context.model)) {
      const connect = eventsOfKind(pf, 'connect').find(
        (c) => c.socket === socket && sameSocketFlow(c, ioctl, socket, pf.events),
      );
      if (!connect) continue;
      const fix = moveStatementBeforeFix(
        ioctl.statement,
        connect.statement,
        pf.fn.blocks,
        context.text(pf.file.path),
        `Move the call before ${connect.api}.`,
      );
      context.report({
        path: pf.file.path,
        range: ioctl.range,
        messageId: 'afterConnect',
        data: { socket, call: applicationName(ioctl), connect: connect.api },
        related: [...relatedAt(pf.file.path, connect, `'${socket}' is connected here.`), ...viaLocations(ioctl)],
        ...(fix ? { fix } : {}),
      });
    }
  },
});
