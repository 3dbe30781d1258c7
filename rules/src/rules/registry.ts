// Every rule, in the order of the README table. A test checks that each file in this folder named like a
// rule id is registered here and that the ids match RULE_IDS.
import type { Rule } from './create-rule.js';
import noDeprecatedFastPath from './no-deprecated-fast-path.js';
import fastPathBeforeConnect from './fast-path-before-connect.js';
import fastPathBeforeAccept from './fast-path-before-accept.js';
import fastPathBothSides from './fast-path-both-sides.js';
import fastPathSupportedOptions from './fast-path-supported-options.js';
import fastPathTcpOnly from './fast-path-tcp-only.js';
import fastPathIoctlArguments from './fast-path-ioctl-arguments.js';

export const rules: readonly Rule[] = [
  noDeprecatedFastPath,
  fastPathBeforeConnect,
  fastPathBeforeAccept,
  fastPathBothSides,
  fastPathSupportedOptions,
  fastPathTcpOnly,
  fastPathIoctlArguments,
];
