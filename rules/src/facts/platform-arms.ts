// Preprocessor arms that only compile off Windows (`#ifdef __linux__`, `#ifndef _WIN32`, the `#else` of
// `#ifdef _WIN32`, `#ifdef SO_NOSIGPIPE`): their code never runs Winsock, so it produces no socket facts.
import type { SyntaxNode } from '../parse/parser.js';
import { WINDOWS_OPTION_NAMES } from './windows-options.js';

/** Macros no Windows compiler defines: the platform is something else when they are. */
const OFF_WINDOWS_MACROS = new Set([
  '__linux__',
  '__linux',
  'linux',
  '__gnu_linux__',
  '__APPLE__',
  '__MACH__',
  '__unix__',
  '__unix',
  'unix',
  '__FreeBSD__',
  '__FreeBSD_kernel__',
  '__NetBSD__',
  '__OpenBSD__',
  '__DragonFly__',
  '__sun',
  '__sun__',
  '__ANDROID__',
  '__HAIKU__',
  '_AIX',
  '__hpux',
  '__QNX__',
  '__EMSCRIPTEN__',
  '__Fuchsia__',
]);

/** `_WIN32`, `WIN32`, `_WINDOWS`, and project macros whose name says Windows (`X_WINDOWS`, `OS_WIN32`). */
const WINDOWS_MACRO = /(?:^|_)(?:WIN32|WINDOWS|MSWINDOWS)_*$/i;

/** Is the macro defined when compiling for Windows? undefined: it depends (on the compiler, the project). */
function definedOnWindows(name: string): boolean | undefined {
  if (OFF_WINDOWS_MACROS.has(name)) return false;
  if (WINDOWS_MACRO.test(name)) return true;
  // A socket option the Windows SDK does not define (`SO_NOSIGPIPE`, `SO_BINDTODEVICE`).
  if (/^(?:SO|IP|IPV6|TCP)_[A-Z0-9_]+$/.test(name) && !WINDOWS_OPTION_NAMES.has(name)) return false;
  return undefined;
}

const MAX_DEPTH = 32;

/** The truth of an `#if` condition when compiling for Windows, or undefined when it cannot be told. */
export function windowsTruth(node: SyntaxNode, depth = 0): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'identifier':
      // An undefined macro is 0 in `#if`; a defined platform macro is 1.
      return definedOnWindows(node.text);
    case 'preproc_defined': {
      const name = node.namedChildren.find((c) => c.type === 'identifier');
      return name ? definedOnWindows(name.text) : undefined;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c.type !== 'comment');
      return inner ? windowsTruth(inner, depth + 1) : undefined;
    }
    case 'unary_expression': {
      if (node.childForFieldName('operator')?.type !== '!') return undefined;
      const argument = node.childForFieldName('argument');
      const value = argument ? windowsTruth(argument, depth + 1) : undefined;
      return value === undefined ? undefined : !value;
    }
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.type;
      if (operator !== '&&' && operator !== '||') return undefined;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const a = left ? windowsTruth(left, depth + 1) : undefined;
      const b = right ? windowsTruth(right, depth + 1) : undefined;
      if (operator === '&&') return a === false || b === false ? false : a && b ? true : undefined;
      return a === true || b === true ? true : a === false && b === false ? false : undefined;
    }
    default:
      return undefined;
  }
}

/** For an `#if`/`#ifdef`/`#elif` node: whether its own arm and its alternative (`#else`, `#elif`) can
 * compile on Windows. */
export function windowsArms(node: SyntaxNode): { body: boolean; alternative: boolean } {
  let truth: boolean | undefined;
  if (node.type === 'preproc_ifdef' || node.type === 'preproc_elifdef') {
    const name = node.childForFieldName('name');
    const defined = name ? definedOnWindows(name.text) : undefined;
    const negated = /^#\s*(?:ifndef|elifndef)/.test(node.children[0]?.text ?? '');
    truth = defined === undefined ? undefined : negated ? !defined : defined;
  } else {
    const condition = node.childForFieldName('condition');
    truth = condition ? windowsTruth(condition) : undefined;
  }
  return { body: truth !== false, alternative: truth !== true };
}
