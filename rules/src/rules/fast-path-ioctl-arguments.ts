// fast-path-ioctl-arguments: WSAIoctl/WSPIoctl/WskControlSocket arguments the fast path does not accept,
// and the code handed to an API that cannot apply it.
import type { IoctlArgument } from '../facts/fact-types.js';
import { WSA_IOCTL_ARGS, WSK_CONTROL_ARGS, nullPointerSpelling } from '../facts/winsock-api.js';
import type { Fix, RelatedLocation } from '../types.js';
import { eventsOfKind } from './applications.js';
import { createRule, type RuleContext } from './create-rule.js';

type MessageId = 'outBuffer' | 'outSize' | 'bytesReturned' | 'wskLevel' | 'wskOutSize' | 'wskIrp' | 'wrongApi';

function replaceWith(arg: IoctlArgument, text: string): Fix[] {
  return [{ message: `Replace '${arg.text}' with ${text}.`, edits: [{ range: arg.range, text }] }];
}

function checkArguments(
  context: RuleContext<MessageId>,
  path: string,
  api: string,
  args: readonly IoctlArgument[],
  related: RelatedLocation[],
  language: string,
): void {
  const report = (messageId: MessageId, arg: IoctlArgument, suggestions: Fix[] = []): void =>
    context.report({ path, range: arg.range, messageId, data: { api, arg: arg.text }, related, suggestions });
  if (api === 'WSAIoctl' || api === 'WSPIoctl') {
    const out = args[WSA_IOCTL_ARGS.outBuffer];
    const outSize = args[WSA_IOCTL_ARGS.outSize];
    const bytes = args[WSA_IOCTL_ARGS.bytesReturned];
    const overlapped = args[WSA_IOCTL_ARGS.overlapped];
    if (out?.isNonNull) report('outBuffer', out, replaceWith(out, nullPointerSpelling(language)));
    if (outSize?.isNonZero) report('outSize', outSize, replaceWith(outSize, '0'));
    if (bytes?.isNull && overlapped?.isNull) report('bytesReturned', bytes);
  } else if (api === 'WskControlSocket') {
    const level = args[WSK_CONTROL_ARGS.level];
    const outSize = args[WSK_CONTROL_ARGS.outSize];
    const irp = args[WSK_CONTROL_ARGS.irp];
    if (level?.isNonZero) report('wskLevel', level, replaceWith(level, '0'));
    if (outSize?.isNonZero) report('wskOutSize', outSize, replaceWith(outSize, '0'));
    if (irp?.isNull) report('wskIrp', irp);
  }
}

export default createRule({
  id: 'fast-path-ioctl-arguments',
  description:
    'Enforce the documented arguments of SIO_LOOPBACK_FAST_PATH calls and disallow passing the code to APIs that cannot apply it',
  defaultSeverity: 'error',
  fixKind: 'suggestion',
  messages: {
    outBuffer:
      "{{api}} is given the output buffer '{{arg}}'; SIO_LOOPBACK_FAST_PATH returns no output, so lpvOutBuffer must be NULL.",
    outSize: "{{api}} is given the output size '{{arg}}'; cbOutBuffer must be 0 for SIO_LOOPBACK_FAST_PATH.",
    bytesReturned:
      '{{api}} is given a NULL lpcbBytesReturned while lpOverlapped is NULL; a non-overlapped call needs it and fails with WSAEFAULT.',
    wskLevel: "WskControlSocket is given the level '{{arg}}'; Level must be 0 for SIO_LOOPBACK_FAST_PATH.",
    wskOutSize: "WskControlSocket is given the output size '{{arg}}'; OutputSize must be 0 for SIO_LOOPBACK_FAST_PATH.",
    wskIrp:
      'WskControlSocket is given a NULL Irp; SIO_LOOPBACK_FAST_PATH requests need an IRP and a completion routine.',
    wrongApi:
      '{{api}} cannot apply SIO_LOOPBACK_FAST_PATH: it is a socket IOCTL that only WSAIoctl (WSPIoctl, or WskControlSocket in kernel mode) applies.',
  },
  check(context) {
    for (const pf of context.model.functions) {
      for (const e of eventsOfKind(pf, 'ioctl')) {
        if (e.via.length === 0 && e.api !== 'wrapper' && e.api !== 'generic') {
          checkArguments(context, pf.file.path, e.api, e.args, [], pf.file.language);
        }
      }
      for (const e of eventsOfKind(pf, 'wrong-api')) {
        context.report({ path: pf.file.path, range: e.calleeRange, messageId: 'wrongApi', data: { api: e.api } });
      }
    }
    // A pass-through WSAIoctl(s, code, …) is checked once some caller feeds it the fast-path code.
    for (const activation of context.model.activatedPassThroughs) {
      const e = activation.event;
      if (e.api === 'generic') continue;
      const language = context.model.files.find((f) => f.path === activation.path)?.language ?? 'cpp';
      checkArguments(
        context,
        activation.path,
        e.api,
        e.args,
        [{ ...activation.caller, message: 'SIO_LOOPBACK_FAST_PATH is passed in here.' }],
        language,
      );
    }
  },
});
