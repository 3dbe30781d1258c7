// fast-path-supported-options: socket options set on a fast-path socket (or on a socket accepted from a
// fast-path listener) that Microsoft does not list as supported with the fast path.
import { EXEMPT_OPTIONS, SUPPORTED_OPTIONS, isWindowsOption } from '../facts/winsock-api.js';
import { removeStatementFix } from '../fix/statement-fixes.js';
import { guardsCompatible } from '../facts/version-guards.js';
import { eventsOfKind, type Application } from './applications.js';
import { isNonTcpApplication } from './non-tcp.js';
import { createRule } from './create-rule.js';
import { notRedefinedBetween, precedes, sameSocketFlow } from './flow.js';
import { relatedAt, viaLocations } from './related.js';

export default createRule({
  id: 'fast-path-supported-options',
  description: 'Disallow socket options that the loopback fast path does not support on sockets that use it',
  defaultSeverity: 'warn',
  fixKind: 'suggestion',
  messages: {
    unsupportedOption:
      "{{option}} is not supported on '{{socket}}', which has SIO_LOOPBACK_FAST_PATH applied; only a subset of socket options is supported with the loopback fast path.",
    setBeforeFastPath:
      "{{option}} is set on '{{socket}}' before SIO_LOOPBACK_FAST_PATH is applied to it; the option is not supported on fast-path sockets.",
    inheritedOption:
      "{{option}} is not supported on '{{socket}}': it was accepted from '{{listener}}', which has SIO_LOOPBACK_FAST_PATH applied, and accepted sockets inherit the fast path.",
  },
  check(context) {
    for (const pf of context.model.functions) {
      const ioctls = eventsOfKind(pf, 'ioctl');
      const accepts = eventsOfKind(pf, 'accept');
      for (const option of eventsOfKind(pf, 'setsockopt')) {
        const name = option.option;
        const socket = option.socket;
        if (!name || !socket || SUPPORTED_OPTIONS.has(name) || EXEMPT_OPTIONS.has(name)) continue;
        // An option Windows does not define is set only in code built for other systems.
        if (!isWindowsOption(name)) continue;
        const removal = removeStatementFix(option.statement, `Remove the ${name} setsockopt call.`);
        const suggestions = removal ? [removal] : [];
        const base = { path: pf.file.path, range: option.range, suggestions, data: { option: name, socket } };

        // Version checks no run passes together (Windows 8+ and before Vista) keep a pair apart.
        // On a socket that is not TCP the IOCTL fails (fast-path-tcp-only): no option finding on top.
        const possible = (i: (typeof ioctls)[number]): boolean =>
          i.socket === socket &&
          guardsCompatible(i.path, option.path) &&
          !isNonTcpApplication(context.model, pf, i as Application);
        const after = ioctls.find((i) => possible(i) && sameSocketFlow(i, option, socket, pf.events));
        const before = after
          ? undefined
          : ioctls.find((i) => possible(i) && sameSocketFlow(option, i, socket, pf.events));
        const ioctl = after ?? before;
        if (ioctl) {
          context.report({
            ...base,
            messageId: after ? 'unsupportedOption' : 'setBeforeFastPath',
            related: [
              ...relatedAt(pf.file.path, ioctl, `SIO_LOOPBACK_FAST_PATH is applied to '${socket}' here.`),
              ...viaLocations(option),
            ],
          });
          continue;
        }
        for (const accept of accepts) {
          const listener = accept.listener;
          if (accept.accepted !== socket || !listener || !precedes(accept, option)) continue;
          if (!notRedefinedBetween(accept, option, socket, pf.events)) continue;
          const listenerIoctl = ioctls.find(
            (i) =>
              i.socket === listener &&
              guardsCompatible(i.path, option.path) &&
              !isNonTcpApplication(context.model, pf, i as Application) &&
              sameSocketFlow(i, accept, listener, pf.events),
          );
          if (!listenerIoctl) continue;
          context.report({
            ...base,
            data: { ...base.data, listener },
            messageId: 'inheritedOption',
            related: [
              ...relatedAt(
                pf.file.path,
                listenerIoctl,
                `SIO_LOOPBACK_FAST_PATH is applied to the listening socket '${listener}' here.`,
              ),
              { path: pf.file.path, range: accept.range, message: `'${socket}' is accepted from '${listener}' here.` },
              ...viaLocations(option),
            ],
          });
          break;
        }
      }
    }
  },
});
