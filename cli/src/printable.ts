// File names (and other text from the file system) as printed in human-readable output: C0/C1 controls, DEL and
// bidirectional controls are escaped (`\x0a`, `\u202e`), so a name can neither forge a report line, a summary
// or a terminal escape sequence, nor reorder what is shown. Code frames use the same test (isUnsafe).
import { isUnsafe } from './reporters/code-frame.js';

export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    if (!isUnsafe(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
