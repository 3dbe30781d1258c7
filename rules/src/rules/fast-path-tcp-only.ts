// fast-path-tcp-only: the fast path applied to a socket created as datagram, raw or non-TCP.
import { guardsCompatible } from '../facts/version-guards.js';
import { nonTcpReason } from '../facts/winsock-api.js';
import { applications } from './applications.js';
import { createRule } from './create-rule.js';
import { reachingDefinitions } from './flow.js';
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
      // A factory applying the fast path to a socket of the caller's type is judged at the call.
      const typedHere = pf.events.filter(
        (e) =>
          e.kind === 'create' &&
          e.typedByCaller &&
          e.fromCall === ioctl.fromCall &&
          e.order < ioctl.order &&
          e.target === socket,
      );
      for (const creation of [...reachingDefinitions(ioctl, socket, pf.events), ...typedHere]) {
        if (creation.kind !== 'create' || !guardsCompatible(creation.path, ioctl.path)) continue;
        const reason = nonTcpReason(creation.family, creation.type, creation.protocol);
        if (!reason) continue;
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
        break;
      }
    }
  },
});
