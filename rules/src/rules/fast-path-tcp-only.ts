// fast-path-tcp-only: the fast path applied to a socket created as datagram, raw or non-TCP.
import { applications } from './applications.js';
import { createRule } from './create-rule.js';
import { nonTcpCreation } from './non-tcp.js';
import { applicationName, relatedAt, viaLocations } from './related.js';

export default createRule({
  id: 'fast-path-tcp-only',
  description: 'Disallow SIO_LOOPBACK_FAST_PATH on sockets that are not TCP sockets',
  defaultSeverity: 'error',
  fixKind: 'none',
  messages: {
    notTcp:
      "SIO_LOOPBACK_FAST_PATH can be used only with TCP sockets, but '{{socket}}' is created with {{reason}}; {{call}} fails with WSAEOPNOTSUPP or WSAEINVAL.",
  },
  check(context) {
    for (const { pf, ioctl, socket } of applications(context.model)) {
      const found = nonTcpCreation(context.model, pf, ioctl, socket);
      if (!found) continue;
      const { creation, reason } = found;
      context.report({
        path: pf.file.path,
        range: ioctl.range,
        messageId: 'notTcp',
        data: { socket, reason, call: applicationName(ioctl) },
        related: [
          ...relatedAt(pf.file.path, creation, `'${socket}' is created here with ${reason}.`),
          ...viaLocations(ioctl),
        ],
      });
    }
  },
});
