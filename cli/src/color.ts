// Decides whether to colour output and provides the few ANSI styles the stylish reporter uses.
// --color/--no-color win; then FORCE_COLOR, NO_COLOR and TERM=dumb; otherwise colour only on a terminal.
import type { ColorChoice } from './args.js';

export interface Palette {
  underline(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

export function shouldUseColor(
  choice: ColorChoice,
  stream: { isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  // https://no-color.org: present and not empty.
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

function style(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
}

const plain = (text: string): string => text;

export function createPalette(enabled: boolean): Palette {
  if (!enabled) return { underline: plain, bold: plain, dim: plain, red: plain, yellow: plain };
  return {
    underline: style(4, 24),
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    yellow: style(33, 39),
  };
}
