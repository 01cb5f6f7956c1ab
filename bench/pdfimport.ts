/**
 * `npm run bench:pdfimport`: the whole-document import of a 31-page published PDF (test/fixtures/pdf), as a ratio to
 * reading the same PDF's text with the same library (pdf.js `getTextContent` of every page) in the same run, and
 * the import's own time against the target (a 30-page document in under 2 s). The import reads the drawing (the
 * ruling lines) of the pages that may hold a table too. Median of warm runs; printed and
 * written to bench/results/pdfimport.md, never asserted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { importDocument } from '../server/src/interchange/document';
import { readPdf, readPdfText } from '../server/src/interchange/pdf';
import { registerNodePdfEngine } from '../server/src/interchange/pdfNode';
import { ROOT } from '../test/support/lsp';
import { timeAsync } from './timing';

async function main(): Promise<void> {
  registerNodePdfEngine();
  const rows: string[] = [];
  for (const name of ['jiangsu-npc-office-2017-budget', 'jiangsu-high-court-2019-budget']) {
    const data = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', `${name}.pdf`)));
    const first = await readPdf(data);
    const pages = first.ok ? first.pages.length : 0;
    // warm up: the first run loads pdf.js and its CMaps
    await readPdfText(data);
    await importDocument(data, { name });
    const text = await timeAsync(() => readPdfText(data), 7);
    // (the text items alone: the import also reads the ruling lines of the pages that may hold a table)
    const items = await timeAsync(() => readPdf(data, () => false), 7);
    const whole = await timeAsync(() => importDocument(data, { name }), 7);
    const verdict = whole < 2000 * Math.max(1, pages / 30) ? 'ok' : 'missed';
    rows.push(`| ${name}.pdf | ${pages} | ${text.toFixed(0)} ms | ${items.toFixed(0)} ms | ${whole.toFixed(0)} ms | ${(whole / text).toFixed(2)} | ${verdict} |`);
  }
  const md = [
    '# PDF import speed',
    '',
    `${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}, Node ${process.version}`,
    '',
    '| document | pages | pdf.js text of every page | items with positions | whole import (borders of table pages too) | import ÷ text | target: 30 pages < 2 s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'results', 'pdfimport.md'), md);
  process.stdout.write(md);
}
void main();
