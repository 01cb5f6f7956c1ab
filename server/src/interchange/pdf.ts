/**
 * The PDF reader: every text item of every page with its position and size, through pdf.js (`pdfjs-dist`, legacy
 * build, the one made for Node), which the entry point registers (`registerPdfEngine`, see pdfNode.ts) and which is
 * loaded on first use only. Its CMaps (needed to read the CJK fonts of Chinese documents) and standard font data
 * ship with it, never fetched from the network.
 *
 * The same pages can be made from a `pdftotext -layout` text (`layoutTextPages`): each run of characters becomes an
 * item at its place on the grid of characters pdftotext lays out (a 汉字 takes one place, as a digit), so the
 * whole-document import reads both through the same geometry.
 */

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

/**
 * The ruling lines a page draws (a table's cell borders), horizontal and vertical only, in the coordinates of
 * PageItem; collinear pieces that touch are one line.
 */
export interface Rules {
  h: { y: number; x0: number; x1: number }[];
  v: { x: number; y0: number; y1: number }[];
}

export interface Page {
  /** 1-based page number in the file. */
  number: number;
  width: number;
  height: number;
  items: PageItem[];
  /** The page's ruling lines, when they were read (pages that may hold a table). */
  rules?: Rules;
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
/** A page's drawing operations as pdf.js lists them: operator codes (`OPS`) and their arguments. */
export interface OperatorList {
  fnArray: number[];
  // (each operator's arguments have a shape of their own: numbers, a matrix, a path; read by operator below)
  argsArray: unknown[];
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[] }>;
  getOperatorList(): Promise<OperatorList>;
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

/**
 * Reads every page's text items, and the ruling lines of the pages for which `rulesFor(items)` says so and of the
 * page after each (a table goes on there, maybe in a few sparse lines): reading a page's drawing costs about as much
 * again as its text, and only pages that may hold a table need it. Pages without text report how many images they
 * paint (a scan).
 */
export async function readPdf(data: Uint8Array, rulesFor: (items: PageItem[]) => boolean = () => true, checkpoint?: () => Promise<void>): Promise<PdfOutcome> {
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
  // A checkpoint's rejection (the request was cancelled) ends the reading as it is, not as a broken file.
  const stop: { reason?: unknown } = {};
  try {
    const pages: Page[] = [];
    let tableBefore = false;
    for (let n = 1; n <= doc.numPages; n++) {
      if (checkpoint && n > 1) await checkpoint().catch((reason: unknown) => { stop.reason = reason; throw reason; });
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
      let rules: Rules | undefined;
      if (!items.length) {
        const ops = await page.getOperatorList();
        const paint = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
        images = ops.fnArray.filter((op) => paint.has(op)).length;
      } else {
        const table = rulesFor(items);
        if (table || tableBefore) rules = rulesOf(await page.getOperatorList(), pdfjs.OPS, vp.transform);
        tableBefore = table;
      }
      pages.push({ number: n, width: vp.width, height: vp.height, items, images, ...(rules ? { rules } : {}) });
      page.cleanup();
    }
    return { ok: true, pages, source: 'pdf' };
  } catch (e) {
    if ('reason' in stop && e === stop.reason) throw e;
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

function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** m · n: n applied first, then m. */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

/** A line thinner than this (in points) drawn as a filled rectangle is a ruling line. */
const THIN = 3;

/**
 * The ruling lines of a page from its drawing operations: stroked segments that are horizontal or vertical, and thin
 * filled rectangles (how spreadsheet exports draw cell borders), through the transformation in force (`cm`, saved and
 * restored, form XObjects) and the viewport's, so that they stand in the coordinates of the text items. Clipping paths
 * and curves are not lines. Pure.
 */
export function rulesOf(list: OperatorList, OPS: Record<string, number>, viewport: readonly number[]): Rules {
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const h: Rules['h'] = [];
  const v: Rules['v'] = [];
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) > 2) h.push({ y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) > 2) v.push({ x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  };
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(ctm);
      const m = (args as [number[] | null])[0];
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      // [the painting operator, [the path: DrawOPS codes with their points], its bounding box]
      const [paint, [path]] = args as [number, [ArrayLike<number> | null]];
      if (!path || (!stroke.has(paint) && !fill.has(paint))) return;
      const m = multiply(viewport, ctm);
      for (const sub of subpaths(path, m)) {
        if (stroke.has(paint)) {
          for (let k = 1; k < sub.length; k++) segment(sub[k - 1], sub[k]);
          continue;
        }
        // A filled rectangle: a ruling line when thin.
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const rect = sub.length >= 4 && sub.length <= 5 && sub.every((p) => (Math.abs(p[0] - x0) < 0.5 || Math.abs(p[0] - x1) < 0.5) && (Math.abs(p[1] - y0) < 0.5 || Math.abs(p[1] - y1) < 0.5));
        if (!rect) continue;
        if (y1 - y0 <= THIN && x1 - x0 > THIN) segment([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
        else if (x1 - x0 <= THIN && y1 - y0 > THIN) segment([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
      }
    }
  });
  return { h: merged(h, (r) => r.y, (r) => r.x0, (r) => r.x1, (pos, a, b) => ({ y: pos, x0: a, x1: b })), v: merged(v, (r) => r.x, (r) => r.y0, (r) => r.y1, (pos, a, b) => ({ x: pos, y0: a, y1: b })) };
}

/** The points of each subpath (a closed one ends where it started), through the matrix. DrawOPS: 0 moveTo, 1 lineTo,
 * 2 curveTo, 3 quadraticCurveTo, 4 closePath. A subpath with a curve is no line: left out. */
function subpaths(path: ArrayLike<number>, m: readonly number[]): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let curved = false;
  const end = () => {
    if (cur.length >= 2 && !curved) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let k = 0; k < path.length;) {
    const op = path[k];
    if (op === 0) { end(); cur.push(apply(m, path[k + 1], path[k + 2])); k += 3; } else if (op === 1) { cur.push(apply(m, path[k + 1], path[k + 2])); k += 3; } else if (op === 2) { curved = true; k += 7; } else if (op === 3) { curved = true; k += 5; } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
      const first = cur[0];
      end();
      // (a path may go on from where a closed subpath started)
      if (first) cur.push(first);
      k += 1;
    } else break;
  }
  end();
  return out;
}

/** Collinear segments (within a point) that overlap or touch (within two points) joined into one. */
function merged<T>(rules: T[], pos: (r: T) => number, from: (r: T) => number, to: (r: T) => number, make: (pos: number, from: number, to: number) => T): T[] {
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b));
  // Lines: runs of positions each within a point of the last.
  const lines: T[][] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && pos(r) - pos(last[last.length - 1]) < 1) last.push(r);
    else lines.push([r]);
  }
  const out: T[] = [];
  for (const line of lines) {
    const p = line.reduce((a, r) => a + pos(r), 0) / line.length;
    line.sort((a, b) => from(a) - from(b));
    let cur = { from: from(line[0]), to: to(line[0]) };
    for (const r of line.slice(1)) {
      if (from(r) <= cur.to + 2) cur.to = Math.max(cur.to, to(r));
      else { out.push(make(p, cur.from, cur.to)); cur = { from: from(r), to: to(r) }; }
    }
    out.push(make(p, cur.from, cur.to));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// `pdftotext -layout` text as pages

/** Width of one display column and height of one line, in the units of PageItem (a 10-point font's half-width). */
export const TEXT_COLUMN = 5;
export const TEXT_LINE = 12;


/**
 * The pages of a layout text (form feeds separate pages). Items are runs of characters separated by two or more
 * blanks; a single blank separates two runs only between two figures (`1,289.52 743.39`), elsewhere it is a space
 * inside the run (`2018 年度`, `公开 01 表`). pdftotext lays its text on a grid of characters: a 汉字 takes one place
 * of it, as a digit does (however wide it is on the page or on a screen), so a run's position and width are counted
 * in characters — a column's cells then start at one place on every line, whatever stands before them.
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
          const w = [...t].length;
          items.push({ text: t, x: runCol * TEXT_COLUMN, y: row * TEXT_LINE, width: w * TEXT_COLUMN, height: TEXT_LINE * 0.8 });
          width = Math.max(width, (runCol + w) * TEXT_COLUMN);
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
          col += ch === '\t' ? 8 - (col % 8) : 1;
          continue;
        }
        if (start < 0) { start = i; runCol = col; }
        run += ch;
        col += 1;
      }
      flush();
    });
    return { number: k + 1, width: Math.max(width, 80 * TEXT_COLUMN), height: lines.length * TEXT_LINE, items, images: 0, fromText: true };
  });
}
