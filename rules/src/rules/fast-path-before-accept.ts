// fast-path-before-accept: the fast path applied to a listener after accepting, or to an accepted socket
// (accepted sockets inherit the listener's fast path; setting it on them has no effect).
import { moveStatementBeforeFix } from '../fix/statement-fixes.js';
import { applications, eventsOfKind } from './applications.js';
import { createRule } from './create-rule.js';
import { notRedefinedBetween, precedes, sameSocketFlow } from './flow.js';
import { applicationName, relatedAt, viaLocations } from './related.js';

export default createRule({
  id: 'fast-path-before-accept',
  description:
    'Require SIO_LOOPBACK_FAST_PATH to be applied to a listening socket before it accepts connections, not to the sockets it accepts',
  defaultSeverity: 'error',
  fixKind: 'code',
  messages: {
    afterAccept:
      "SIO_LOOPBACK_FAST_PATH is applied to the listening socket '{{socket}}' by {{call}} after {{accept}} accepted from it; the listener must apply it before accepting, so connections already accepted do not use the fast path.",
    acceptedSocket:
      "SIO_LOOPBACK_FAST_PATH is applied by {{call}} to '{{socket}}', a socket returned by {{accept}}; accepted sockets inherit the fast path from the listening socket, so apply it to '{{listener}}' before accepting instead.",
  },
  check(context) {
    for (const { pf, ioctl, socket } of applications(context.model)) {
      const accepts = eventsOfKind(pf, 'accept');
      const onListener = accepts.find((a) => a.listener === socket && sameSocketFlow(a, ioctl, socket, pf.events));
      if (onListener) {
        const fix = moveStatementBeforeFix(
          ioctl.statement,
          onListener.statement,
          pf.fn.blocks,
          context.text(pf.file.path),
          `Move the call before ${onListener.api}.`,
        );
        context.report({
          path: pf.file.path,
          range: ioctl.range,
          messageId: 'afterAccept',
          data: { socket, call: applicationName(ioctl), accept: onListener.api },
          related: [
            ...relatedAt(pf.file.path, onListener, `'${socket}' accepts a connection here.`),
            ...viaLocations(ioctl),
          ],
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      const accepted = accepts.find(
        (a) => a.accepted === socket && precedes(a, ioctl) && notRedefinedBetween(a, ioctl, socket, pf.events),
      );
      if (accepted) {
        context.report({
          path: pf.file.path,
          range: ioctl.range,
          messageId: 'acceptedSocket',
          data: {
            socket,
            call: applicationName(ioctl),
            accept: accepted.api,
            listener: accepted.listener ?? 'the listening socket',
          },
          related: [...relatedAt(pf.file.path, accepted, `'${socket}' is accepted here.`), ...viaLocations(ioctl)],
        });
      }
    }
  },
});
