/**
 * Writes small PDFs for the import tests (pdf-lib, a dev dependency): text placed at given positions in a CJK font
 * that is not embedded (STSong-Light, Adobe-GB1, encoding UniGB-UCS2-H) — the way many published documents refer to
 * their Chinese font, and what makes the reader need pdf.js's CMaps. A 汉字 is one em wide, a Latin letter, digit or
 * punctuation mark half an em. Ruling lines (a table's cell borders) stroked or filled. Also pages holding only an image (a scan).
 */
import { PDFDocument, PDFHexString, PDFName, PDFOperator, PDFOperatorNames as Ops, PDFNumber } from 'pdf-lib';

export interface TextAt {
  text: string;
  /** From the left edge, in points. */
  x: number;
  /** From the top edge, in points (the top of the text). */
  y: number;
  size?: number;
}

/** A ruling line, from the top-left corner like the texts: stroked, or drawn as a thin filled rectangle (`fill`: how
 * spreadsheet exports draw cell borders). */
export interface RuleAt {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  fill?: boolean;
}

export type PageSpec = { texts: TextAt[]; lines?: RuleAt[] } | { image: true };

/** A 1×1 grey PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));

function ucs2(text: string): PDFHexString {
  let hex = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) throw new Error('BMP only');
    hex += cp.toString(16).padStart(4, '0');
  }
  return PDFHexString.of(hex);
}

export async function writePdf(pages: PageSpec[], size: [number, number] = [595, 842]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const descendant = ctx.obj({
    Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'STSong-Light',
    CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('GB1'), Supplement: 4 },
    FontDescriptor: ctx.register(ctx.obj({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 })),
    DW: 1000,
    // Latin letters, digits and punctuation half as wide as 汉字, as in the fonts documents use (Adobe-GB1: CIDs 1–95
    // proportional, 814–939 half-width)
    W: [1, 95, 500, 814, 939, 500],
  });
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UCS2-H', DescendantFonts: [ctx.register(descendant)] }));
  const png = await doc.embedPng(PNG);
  for (const spec of pages) {
    const page = doc.addPage(size);
    if ('image' in spec) {
      page.drawImage(png, { x: 50, y: 50, width: size[0] - 100, height: size[1] - 100 });
      continue;
    }
    page.node.setFontDictionary(PDFName.of('F1'), font);
    const ops: PDFOperator[] = [];
    for (const t of spec.texts) {
      const s = t.size ?? 10;
      // The baseline sits at the text's top plus its ascent (0.88 em here).
      ops.push(
        PDFOperator.of(Ops.BeginText),
        PDFOperator.of(Ops.SetFontAndSize, [PDFName.of('F1'), PDFNumber.of(s)]),
        PDFOperator.of(Ops.MoveText, [PDFNumber.of(t.x), PDFNumber.of(size[1] - t.y - s)]),
        PDFOperator.of(Ops.ShowText, [ucs2(t.text)]),
        PDFOperator.of(Ops.EndText),
      );
    }
    for (const r of spec.lines ?? []) {
      const [x0, y0, x1, y1] = [r.x0, size[1] - r.y0, r.x1, size[1] - r.y1];
      if (r.fill) {
        // a rectangle half a point thick around the line
        const [w, h] = [Math.max(Math.abs(x1 - x0), 0.5), Math.max(Math.abs(y1 - y0), 0.5)];
        ops.push(PDFOperator.of(Ops.AppendRectangle, [Math.min(x0, x1), Math.min(y0, y1), w, h].map((v) => PDFNumber.of(v))), PDFOperator.of(Ops.FillNonZero));
      } else {
        ops.push(
          PDFOperator.of(Ops.SetLineWidth, [PDFNumber.of(0.5)]),
          PDFOperator.of(Ops.MoveTo, [PDFNumber.of(x0), PDFNumber.of(y0)]),
          PDFOperator.of(Ops.LineTo, [PDFNumber.of(x1), PDFNumber.of(y1)]),
          PDFOperator.of(Ops.StrokePath),
        );
      }
    }
    page.pushOperators(...ops);
  }
  return doc.save();
}
