/**
 * Display width of text in a monospaced editor: East Asian Wide and Fullwidth characters (汉字, full-width
 * punctuation `（）：｜`, most emoji) take two columns, others one, combining marks and format characters none.
 * Widths come from the Unicode data of `get-east-asian-width`; ambiguous characters count as narrow (its default,
 * and how VS Code's usual monospace fonts draw `“”…—`).
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Characters that take no column of their own: combining marks (incl. variation selectors), ZWJ and other format characters. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Widths of the Basic Multilingual Plane's code points, filled as they are met: 0 = not yet known, else width + 1. */
const bmp = new Uint8Array(0x10000);

function codePointWidth(cp: number): number {
  if (cp < 0x10000) {
    const known = bmp[cp];
    if (known) return known - 1;
  }
  const w = ZERO_WIDTH.test(String.fromCodePoint(cp)) ? 0 : eastAsianWidth(cp);
  if (cp < 0x10000) bmp[cp] = w + 1;
  return w;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) { w++; continue; } // printable ASCII: the common case
    const cp = text.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    w += codePointWidth(cp);
  }
  return w;
}
