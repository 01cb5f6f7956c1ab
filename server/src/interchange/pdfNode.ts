/**
 * pdf.js for Node entry points (the CLI, the language server process): `registerNodePdfEngine()` makes `readPdf`
 * work. pdf.js is imported on first use only, from `pdfjs/` beside the bundle (dist/pdfjs, what the .vsix and the
 * packed CLI ship: see PDFJS_RUNTIME_FILES and esbuild.mjs) or else from node_modules/pdfjs-dist; its CMaps and
 * standard font data are read from the same folder. Node only: the browser bundle does not include this module.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerPdfEngine, type PdfEngine, type PdfJs } from './pdf';

/** The files of pdfjs-dist the reader needs at run time, relative to its folder (for packaging). */
export const PDFJS_RUNTIME_FILES = ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps/', 'standard_fonts/'];

/** Where pdf.js and its data live: `pdfjs/` beside the bundle, else the installed package. */
export function pdfjsFolder(): string {
  const bundled = join(__dirname, 'pdfjs');
  if (existsSync(join(bundled, 'cmaps'))) return bundled;
  // (a bundle always has its own copy: the package is looked up only when running from the compiled sources)
  const req: NodeJS.Require = require;
  return dirname(req.resolve(['pdfjs-dist', 'package.json'].join('/')));
}

async function load(): Promise<PdfEngine> {
  const folder = pdfjsFolder();
  // The worker runs in this thread ("fake worker"): pdf.js takes it from globalThis.pdfjsWorker when it is set.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import(pathToFileURL(join(folder, 'legacy/build/pdf.worker.mjs')).href);
  const pdfjs = (await import(pathToFileURL(join(folder, 'legacy/build/pdf.mjs')).href)) as PdfJs;
  return { pdfjs, cMapUrl: join(folder, 'cmaps') + '/', standardFontDataUrl: join(folder, 'standard_fonts') + '/' };
}

export function registerNodePdfEngine(): void {
  registerPdfEngine(load);
}
