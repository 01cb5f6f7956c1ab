/**
 * Prints the lines of a PDF (or of a `pdftotext -layout` text) as the import sees them: page, top, chunks with their
 * x-extents; furniture marked. For working on the importer: `node out/scripts/pdf-lines.js FILE.pdf [PAGE]`.
 */
import { readFileSync } from 'node:fs';
import { markFurniture, pageLines } from '../server/src/interchange/layout';
import { layoutTextPages, readPdf } from '../server/src/interchange/pdf';
import { registerNodePdfEngine } from '../server/src/interchange/pdfNode';

async function main(): Promise<void> {
  registerNodePdfEngine();
  const [file, only] = process.argv.slice(2);
  const data = readFileSync(file);
  const r = /\.pdf$/i.test(file) ? await readPdf(new Uint8Array(data)) : { ok: true as const, pages: layoutTextPages(data.toString('utf8')) };
  if (!r.ok) throw new Error(`${r.failure}: ${r.detail}`);
  const pages = r.pages.map((page) => ({ page, lines: pageLines(page) }));
  markFurniture(pages);
  for (const { page, lines } of pages) {
    if (only && Number(only) !== page.number) continue;
    console.log(`=== page ${page.number} (${Math.round(page.width)}×${Math.round(page.height)}, images ${page.images})`);
    for (const l of lines) {
      console.log(`${l.furniture ? 'F' : ' '}${l.y.toFixed(1).padStart(6)} ${l.size.toFixed(0).padStart(2)} ${l.chunks.map((c) => `[${c.x0.toFixed(0)}-${c.x1.toFixed(0)}]${c.text}`).join('  ')}`);
    }
  }
}
void main();
