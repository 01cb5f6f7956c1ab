/**
 * The one decoder for every file the product reads (`.budget` documents, catalogs, imported CSV and text, the
 * project configuration): UTF-8 with or without a byte-order mark; UTF-16 with its byte-order mark (Excel's "Unicode
 * text"); else GB18030, which Chinese Windows and Excel save by default ("CSV" from a Chinese Excel is GB18030).
 *
 * Bytes that are mostly UTF-8 with a few invalid sequences are a damaged UTF-8 file, not GB18030: reading them as
 * GB18030 would garble every Chinese character, and writing them back would lose the bytes. Such a file is not
 * decoded; the result says where the first bad byte is, so a caller can refuse to read or rewrite it and say why.
 * Pure: bytes in, text out.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Where the bytes stop making sense: a 0-based byte offset, and the 1-based line and column (in characters). */
export interface Undecodable {
  offset: number;
  line: number;
  column: number;
}

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; at: Undecodable };

/** The first invalid UTF-8 byte (its offset, or -1), how many bytes belong to valid multi-byte sequences, how many
 * are invalid. */
function scanUtf8(b: Uint8Array, from: number): { invalid: number; multibyte: number; bad: number } {
  let multibyte = 0;
  let bad = 0;
  let invalid = -1;
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let n = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    let cp = n === 1 ? c & 0x1f : n === 2 ? c & 0x0f : c & 0x07;
    let ok = n > 0 && i + n < b.length;
    for (let k = 1; ok && k <= n; k++) {
      const t = b[i + k];
      if ((t & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (t & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      multibyte += n + 1;
      i += n + 1;
    } else {
      bad++;
      if (invalid < 0) invalid = i;
      i++;
    }
  }
  return { invalid, multibyte, bad };
}

/** Line and column (1-based; the column in UTF-16 code units of the text before it) of a byte offset. */
function placeOf(b: Uint8Array, offset: number): Undecodable {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) { line++; start = i + 1; }
  const before = new TextDecoder('utf-8').decode(b.subarray(start, offset));
  return { offset, line, column: before.length + 1 };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Valid UTF-8 (the native decoder decides, fast); undefined when it is not. */
function utf8(b: Uint8Array): string | undefined {
  try {
    return UTF8.decode(b);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = utf8(b.subarray(3));
    return text !== undefined ? { ok: true, text, encoding: 'utf-8-bom' } : { ok: false, at: placeOf(b, scanUtf8(b, 3).invalid) };
  }
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const encoding = b[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(b.subarray(2)), encoding };
    } catch {
      return { ok: false, at: { offset: 2, line: 1, column: 1 } };
    }
  }
  const text = utf8(b);
  if (text !== undefined) return { ok: true, text, encoding: 'utf-8' };
  // Not UTF-8. Mostly UTF-8 (over two thirds of the non-ASCII bytes form valid UTF-8): damaged UTF-8, not another
  // encoding. GB18030 Chinese forms valid UTF-8 only by accident, for about one character in seven.
  const scan = scanUtf8(b, 0);
  if (scan.multibyte > 2 * scan.bad) return { ok: false, at: placeOf(b, scan.invalid) };
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(b), encoding: 'gb18030' };
  } catch {
    return { ok: false, at: placeOf(b, scan.invalid) };
  }
}

/** The text of bytes for a reader that must show something: decoded, else UTF-8 with U+FFFD for the bad bytes. */
export function decodeText(bytes: Uint8Array): string {
  const d = decode(bytes);
  return d.ok ? d.text : new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
}
