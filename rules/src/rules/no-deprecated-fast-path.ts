// no-deprecated-fast-path: every use of the SIO_LOOPBACK_FAST_PATH code, reported once at the code token.
import { removeStatementFix } from '../fix/statement-fixes.js';
import type { StatementFacts } from '../facts/fact-types.js';
import { createRule } from './create-rule.js';

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
    for (const file of context.model.files) {
      if (file.codeUses.length === 0) continue;
      // The statement applying exactly a code token, where removing it is all that is needed.
      const statements = new Map<number, StatementFacts | undefined>();
      for (const fn of file.functions) {
        for (const e of fn.events) {
          if (e.kind === 'ioctl') statements.set(e.codeRange.start.offset, e.statement);
          // A call applying the code as its control code (`f_WSAIoctl(s, code, …)`); not `printf("%x", code)`.
          else if (e.kind === 'call' && e.codeArgs.includes(1) && e.args[0]) {
            const range = e.codeRanges[e.codeArgs.indexOf(1)];
            if (range) statements.set(range.start.offset, e.statement);
          }
        }
      }
      for (const use of file.codeUses) {
        const statement = statements.get(use.range.start.offset);
        const fix = removeStatementFix(statement, 'Remove the SIO_LOOPBACK_FAST_PATH call.');
        context.report({
          path: file.path,
          range: use.range,
          ...(use.spelling === 'SIO_LOOPBACK_FAST_PATH'
            ? { messageId: 'deprecated' as const }
            : { messageId: 'deprecatedSpelling' as const, data: { spelling: use.spelling } }),
          tags: ['deprecated'],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
