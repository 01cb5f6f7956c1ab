/**
 * Text as GB18030 bytes, for tests (Node decodes GB18030 but has no encoder): the two-byte table is built by decoding
 * every two-byte sequence once; ASCII stays one byte. Enough for the Chinese of catalogs and documents.
 */
let table: Map<string, [number, number]> | undefined;

export function gb18030(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const d = new TextDecoder('gb18030', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = d.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
      } catch {
        // not a two-byte character
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 form for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
