// no-deprecated-fast-path: every use of the SIO_LOOPBACK_FAST_PATH code, reported once at the code token.
import { removalOf, type Removable } from '../fix/statement-fixes.js';
import type { Range } from '../types.js';
import { createRule } from './create-rule.js';

const MESSAGE = 'Remove the SIO_LOOPBACK_FAST_PATH call.';

export default createRule({
  id: 'no-deprecated-fast-path',
  description: 'Disallow the deprecated SIO_LOOPBACK_FAST_PATH socket control code',
  defaultSeverity: 'warn',
  fixKind: 'code',
  messages: {
    deprecated: 'SIO_LOOPBACK_FAST_PATH is deprecated and Microsoft recommends not using it; remove it.',
    deprecatedSpelling:
      "'{{spelling}}' is SIO_LOOPBACK_FAST_PATH, which is deprecated and Microsoft recommends not using; remove it.",
  },
  check(context) {
    // Calls through project wrappers (`sock.enable(CODE)` forwarding to WSAIoctl) are found in the model.
    const viaWrappers = new Map<string, (Removable & { range: Range })[]>();
    for (const pf of context.model.functions) {
      for (const e of pf.events) {
        if (e.kind === 'ioctl' && e.api === 'wrapper' && e.removal) {
          const list = viaWrappers.get(pf.file.path) ?? [];
          list.push({ range: e.range, removal: e.removal, ...(e.statement ? { statement: e.statement } : {}) });
          viaWrappers.set(pf.file.path, list);
        }
      }
    }
    for (const file of context.model.files) {
      if (file.codeUses.length === 0) continue;
      // The call applying exactly a code token, where removing it is all that is needed.
      const byCode = new Map<number, Removable>();
      for (const fn of file.functions) {
        for (const e of fn.events) {
          if (e.kind === 'ioctl') byCode.set(e.codeRange.start.offset, e);
          // A call applying the code as its control code (`f_WSAIoctl(s, code, …)`); not `printf("%x", code)`.
          else if (e.kind === 'call' && e.codeArgs.includes(1) && e.args[0]) {
            const range = e.codeRanges[e.codeArgs.indexOf(1)];
            if (range) byCode.set(range.start.offset, e);
          }
        }
      }
      const wrapped = viaWrappers.get(file.path) ?? [];
      for (const use of file.codeUses) {
        const at = use.range.start.offset;
        const call = byCode.get(at) ?? wrapped.find((w) => w.range.start.offset <= at && at < w.range.end.offset);
        const { fix, suggestion } = removalOf(call, MESSAGE);
        context.report({
          path: file.path,
          range: use.range,
          ...(use.spelling === 'SIO_LOOPBACK_FAST_PATH'
            ? { messageId: 'deprecated' as const }
            : { messageId: 'deprecatedSpelling' as const, data: { spelling: use.spelling } }),
          tags: ['deprecated'],
          ...(fix ? { fix } : {}),
          ...(suggestion ? { suggestions: [suggestion] } : {}),
        });
      }
    }
  },
});
