/**
 * pdf.js for Node entry points (the CLI, the language server process): `registerNodePdfEngine()` makes `readPdf`
 * work. pdf.js is imported on first use only, from `pdfjs/` beside the bundle (dist/pdfjs, what the .vsix and the
 * packed CLI ship: esbuild.mjs copies them there) or else from node_modules/pdfjs-dist; its CMaps and
 * standard font data are read from the same folder. Node only: the browser bundle does not include this module.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerPdfEngine, type PdfEngine, type PdfJs } from './pdf';

/** Where pdf.js and its data live: `pdfjs/` beside the bundle, else the installed package. */
export function pdfjsFolder(): string {
  const bundled = join(__dirname, 'pdfjs');
  if (existsSync(join(bundled, 'cmaps'))) return bundled;
  // (a bundle always has its own copy: the package is looked up only when running from the compiled sources)
  const req: NodeJS.Require = require;
  return dirname(req.resolve(['pdfjs-dist', 'package.json'].join('/')));
}

/**
 * The 2-D affine matrix pdf.js's display layer creates when it loads (`new DOMMatrix()`), and uses only to render,
 * which the import never does. Node has no DOMMatrix; pdf.js would take one from the optional native `@napi-rs/canvas`,
 * which neither the .vsix nor the packed CLI ships. Row-vector convention of DOMMatrix: [a b 0; c d 0; e f 1].
 */
class AffineMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
  }
  private set(m: AffineMatrix, n: AffineMatrix): this {
    // this = m · n (n applied after m)
    const { a, b, c, d, e, f } = m;
    this.a = a * n.a + b * n.c; this.b = a * n.b + b * n.d;
    this.c = c * n.a + d * n.c; this.d = c * n.b + d * n.d;
    this.e = e * n.a + f * n.c + n.e; this.f = e * n.b + f * n.d + n.f;
    return this;
  }
  multiplySelf(o: AffineMatrix): this { return this.set(new AffineMatrix([o.a, o.b, o.c, o.d, o.e, o.f]), new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f])); }
  preMultiplySelf(o: AffineMatrix): this { return this.set(new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]), new AffineMatrix([o.a, o.b, o.c, o.d, o.e, o.f])); }
  multiply(o: AffineMatrix): AffineMatrix { return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(o); }
  translateSelf(x = 0, y = 0): this { return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y])); }
  translate(x = 0, y = 0): AffineMatrix { return this.multiply(new AffineMatrix([1, 0, 0, 1, x, y])); }
  scaleSelf(x = 1, y = x): this { return this.multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0])); }
  scale(x = 1, y = x): AffineMatrix { return this.multiply(new AffineMatrix([x, 0, 0, y, 0, 0])); }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    const { a, b, c, d, e, f } = this;
    this.a = d / det; this.b = -b / det; this.c = -c / det; this.d = a / det;
    this.e = (c * f - d * e) / det; this.f = (b * e - a * f) / det;
    return this;
  }
}

async function load(): Promise<PdfEngine> {
  const folder = pdfjsFolder();
  const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
  g.DOMMatrix ??= AffineMatrix;
  // pdf.js warns, as it loads, that it cannot render without `@napi-rs/canvas`: nothing here renders.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => { if (!(typeof args[0] === 'string' && args[0].startsWith('Warning:'))) warn(...args); };
  try {
    // The worker runs in this thread ("fake worker"): pdf.js takes it from globalThis.pdfjsWorker when it is set.
    g.pdfjsWorker ??= await import(pathToFileURL(join(folder, 'legacy/build/pdf.worker.mjs')).href);
    const pdfjs = (await import(pathToFileURL(join(folder, 'legacy/build/pdf.mjs')).href)) as PdfJs;
    return { pdfjs, cMapUrl: join(folder, 'cmaps') + '/', standardFontDataUrl: join(folder, 'standard_fonts') + '/' };
  } finally {
    console.warn = warn;
  }
}

export function registerNodePdfEngine(): void {
  registerPdfEngine(load);
}
