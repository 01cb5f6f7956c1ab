/**
 * The PDF reader: every text item of every page with its position and size, through pdf.js (`pdfjs-dist`, legacy
 * build, the one made for Node), which the entry point registers (`registerPdfEngine`, see pdfNode.ts) and which is
 * loaded on first use only. Its CMaps (needed to read the CJK fonts of Chinese documents) and standard font data
 * ship with it, never fetched from the network.
 *
 * The same pages can be made from a `pdftotext -layout` text (`layoutTextPages`): each run of characters becomes an
 * item at its display column, so the whole-document import reads both through the same geometry.
 */
import { displayWidth } from '../format/width';

/** One run of text as the page prints it. Coordinates in points from the page's top-left corner. */
export interface PageItem {
  text: string;
  x: number;
  /** Top of the text box. */
  y: number;
  width: number;
  /** The font size (the text box's height). */
  height: number;
}

export interface Page {
  /** 1-based page number in the file. */
  number: number;
  width: number;
  height: number;
  items: PageItem[];
  /** Images painted on the page (counted only when the page has no text: a scanned page). */
  images: number;
  /** A page of a layout text: positions are character columns and lines, not points. */
  fromText?: boolean;
}

export type PdfFailure = 'not-pdf' | 'broken' | 'encrypted';

export type PdfOutcome = { ok: true; pages: Page[]; source: 'pdf' | 'text' } | { ok: false; failure: PdfFailure; detail: string };

// ---------------------------------------------------------------------------------------------------------------
// pdf.js, loaded lazily through an engine the entry point provides (Node: pdfNode.ts), so that this module needs no
// file system and the browser bundle, which has no PDF engine, still builds.

/** The parts of pdf.js used here (its own types are ESM-only declarations that a CommonJS build cannot import). */
export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}

/** pdf.js and where its CMaps and standard font data are (paths or URLs ending in `/`). */
export interface PdfEngine {
  pdfjs: PdfJs;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let engineLoader: (() => Promise<PdfEngine>) | undefined;
let engine: Promise<PdfEngine> | undefined;

/** Called once by an entry point that can read PDFs (the CLI, the Node language server). */
export function registerPdfEngine(load: () => Promise<PdfEngine>): void {
  engineLoader = load;
  engine = undefined;
}

/** Whether this process can read PDFs. */
export function pdfSupported(): boolean {
  return engineLoader !== undefined;
}

async function loadEngine(): Promise<PdfEngine> {
  if (!engineLoader) throw new Error('no PDF engine in this environment');
  engine ??= engineLoader();
  return engine;
}

export function isPdf(data: Uint8Array): boolean {
  // `%PDF-` within the first kilobyte (some writers put junk before it, which readers accept).
  return latin1(data.subarray(0, 1024)).includes('%PDF-');
}

function latin1(data: Uint8Array): string {
  let s = '';
  for (const b of data) s += String.fromCharCode(b);
  return s;
}


function options(e: PdfEngine, data: Uint8Array): Record<string, unknown> {
  return {
    // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(data),
    cMapUrl: e.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: e.standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

/** Reads every page's text items. Pages without text report how many images they paint (a scan). */
export async function readPdf(data: Uint8Array): Promise<PdfOutcome> {
  if (!isPdf(data)) return { ok: false, failure: 'not-pdf', detail: '' };
  const e = await loadEngine();
  const { pdfjs } = e;
  const task = pdfjs.getDocument(options(e, data));
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    const detail = e instanceof Error ? e.message : String(e);
    await task.destroy().catch(() => undefined);
    return { ok: false, failure: name === 'PasswordException' ? 'encrypted' : 'broken', detail };
  }
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PageItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        // The item's baseline origin in page space, then in the viewport (top-left origin, y down).
        const [a, b, , , e, f] = it.transform;
        const size = Math.hypot(a, b) || it.height;
        const [vx, vy] = apply(vp.transform, e, f);
        items.push({ text: it.str, x: vx, y: vy - size, width: it.width, height: size });
      }
      let images = 0;
      if (!items.length) {
        const ops = await page.getOperatorList();
        const paint = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
        images = ops.fnArray.filter((op) => paint.has(op)).length;
      }
      pages.push({ number: n, width: vp.width, height: vp.height, items, images });
      page.cleanup();
    }
    return { ok: true, pages, source: 'pdf' };
  } catch (e) {
    return { ok: false, failure: 'broken', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Only the text of every page, in content order (the bench's baseline: what reading the PDF's text costs). */
export async function readPdfText(data: Uint8Array): Promise<string[]> {
  const e = await loadEngine();
  const doc = await e.pdfjs.getDocument(options(e, data)).promise;
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

// ---------------------------------------------------------------------------------------------------------------
// `pdftotext -layout` text as pages

/** Width of one display column and height of one line, in the units of PageItem (a 10-point font's half-width). */
export const TEXT_COLUMN = 5;
export const TEXT_LINE = 12;


/**
 * The pages of a layout text (form feeds separate pages). Items are runs of characters separated by two or more
 * blanks; a single blank separates two runs only between two figures (`1,289.52 743.39`), elsewhere it is a space
 * inside the run (`2018 年度`, `公开 01 表`).
 */
export function layoutTextPages(text: string): Page[] {
  const pages = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\f');
  if (pages.length > 1 && !pages[pages.length - 1].trim()) pages.pop();
  return pages.map((p, k) => {
    const lines = p.split('\n');
    const items: PageItem[] = [];
    let width = 0;
    lines.forEach((line, row) => {
      let col = 0;
      let start = -1;
      let run = '';
      let runCol = 0;
      const flush = () => {
        const t = run.trimEnd();
        if (t) {
          // pdftotext gives a 汉字 less room than it takes on the page: the run is counted one column a character,
          // so that a long label does not reach over the next column's figures.
          const w = [...t].length;
          items.push({ text: t, x: runCol * TEXT_COLUMN, y: row * TEXT_LINE, width: w * TEXT_COLUMN, height: TEXT_LINE * 0.8 });
          width = Math.max(width, (runCol + displayWidth(t)) * TEXT_COLUMN);
        }
        run = '';
        start = -1;
      };
      const chars = [...line];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === ' ' || ch === '\t' || ch === '\u3000') {
          const next = chars[i + 1];
          const doubled = next === undefined || next === ' ' || next === '\t' || next === '\u3000' || ch !== ' ';
          const before = run.split(' ').pop()!;
          const after = /^\S+/.exec(chars.slice(i + 1).join(''))?.[0] ?? '';
          const figure = (t: string) => /\d/.test(t) && /^[-\d,.%]+$/.test(t);
          const amount = (t: string) => figure(t) && /[.,]/.test(t);
          // One blank separates two figures, and an amount from the text beside it (`24,458.43 一、…`); elsewhere it
          // is a blank inside the run (`2018 年度`).
          const apart = (figure(before) && figure(after)) || amount(before) || amount(after);
          if (start >= 0 && (doubled || apart)) flush();
          else if (start >= 0) run += ch;
          col += ch === '\t' ? 8 - (col % 8) : displayWidth(ch);
          continue;
        }
        if (start < 0) { start = i; runCol = col; }
        run += ch;
        col += displayWidth(ch);
      }
      flush();
    });
    return { number: k + 1, width: Math.max(width, 80 * TEXT_COLUMN), height: lines.length * TEXT_LINE, items, images: 0, fromText: true };
  });
}
