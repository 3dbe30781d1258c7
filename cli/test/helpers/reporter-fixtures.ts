// Shared synthetic input for the reporter tests: three files, findings with a fix, suggestions, a related
// location, a multi-line range, an unused-suppression finding (ruleId null) and a file without findings.
import type { ReportFile } from '../../src/reporters/index.js';
import { finding, rangeOfText } from './synthetic.js';

export const A_PATH = '/virtual/a.c';
export const A_TEXT = [
  'void f(SOCKET s) {',
  '    connect(s, addr, len);',
  '\tWSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);',
  '}',
  '',
].join('\n');

export const B_PATH = '/virtual/b.c';
export const B_TEXT = 'int main(void) { return 0; }\n';

export const C_PATH = '/virtual/include/c.h';
export const C_TEXT = 'int x;\n/* winsock-lint-disable\n   fast-path-tcp-only */\n';

const call = 'WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL);';
const callRange = rangeOfText(A_TEXT, call);
const commentRange = {
  start: rangeOfText(C_TEXT, '/*').start,
  end: rangeOfText(C_TEXT, '*/').end,
};

export function reportFiles(): ReportFile[] {
  return [
    {
      text: A_TEXT,
      result: {
        path: A_PATH,
        notes: [],
        findings: [
          finding(A_PATH, {
            ruleId: 'fast-path-before-connect',
            severity: 'error',
            messageId: 'afterConnect',
            message: 'SIO_LOOPBACK_FAST_PATH is enabled after connect(); it has no effect.',
            range: rangeOfText(A_TEXT, 'WSAIoctl'),
            related: [
              {
                path: A_PATH,
                range: rangeOfText(A_TEXT, 'connect'),
                message: 'The socket is connected here.',
              },
            ],
            suggestions: [
              {
                message: 'Remove the SIO_LOOPBACK_FAST_PATH call.',
                edits: [{ range: callRange, text: '' }],
              },
              // A suggestion that changes nothing is dropped, as ESLint drops suggestions without a fix.
              { message: 'Nothing.', edits: [] },
            ],
          }),
          finding(A_PATH, {
            range: rangeOfText(A_TEXT, 'SIO_LOOPBACK_FAST_PATH'),
            fix: {
              message: 'Comment the call out.',
              edits: [
                { range: { start: callRange.start, end: callRange.start }, text: '/* ' },
                { range: { start: callRange.end, end: callRange.end }, text: ' */' },
              ],
            },
          }),
        ],
      },
    },
    { text: B_TEXT, result: { path: B_PATH, notes: [], findings: [] } },
    {
      text: C_TEXT,
      result: {
        path: C_PATH,
        notes: [],
        findings: [
          finding(C_PATH, {
            ruleId: null,
            messageId: '',
            message: 'Unused winsock-lint-disable comment.',
            range: commentRange,
            tags: ['unnecessary'],
          }),
        ],
      },
    },
  ];
}

export { callRange, commentRange };
