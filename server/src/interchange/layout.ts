/**
 * Page geometry: the text items of a page grouped into lines (by their vertical position) and each line into chunks
 * (items that touch or nearly touch: a cell, a run of prose); page headers, footers and page numbers found and set
 * apart. Pure: positions in, lines out.
 */
import { displayWidth } from '../format/width';
import { TABLE_NUMBER } from './import';
import type { Page, PageItem } from './pdf';

/** A run of text on one line: one table cell, or a piece of prose. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  /** The font size. */
  size: number;
}

export interface Line {
  page: number;
  /** Top of the line's text. */
  y: number;
  /** Bottom of the line's text. */
  bottom: number;
  size: number;
  chunks: Chunk[];
  x0: number;
  x1: number;
  /** The chunks joined by a blank. */
  text: string;
  /** Page furniture: a page number, a running header or footer. */
  furniture?: boolean;
}

const FIGURE_TOKEN = /^[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?$/;

function isFigureToken(t: string): boolean {
  return /\d/.test(t) && FIGURE_TOKEN.test(t);
}

/** A figure as tables print amounts: with a decimal point or thousands separators. */
function isAmount(t: string): boolean {
  return isFigureToken(t) && /[.,]/.test(t);
}

/**
 * Splits an item that holds several cells separated by blanks — figures (`1,289.52 743.39`), or an amount and the
 * next column's label (`24,458.43 一、一般公共服务支出`, one run of text in some PDFs) — into one item per cell, each
 * placed by its share of the item's width (汉字 count two, as they are printed twice as wide).
 */
function splitCells(item: PageItem): PageItem[] {
  const text = item.text.trim();
  const tokens = text.split(/\s+/);
  if (tokens.length < 2) return [item];
  const cut = tokens.map((t, k) => k > 0 && ((isFigureToken(tokens[k - 1]) && isFigureToken(t)) || isAmount(tokens[k - 1]) || isAmount(t)));
  if (!cut.some((c) => c)) return [item];
  const total = displayWidth(item.text) || 1;
  const out: PageItem[] = [];
  let at = 0;
  let piece: { text: string; from: number } | undefined;
  const flush = () => {
    if (!piece) return;
    const before = displayWidth(item.text.slice(0, piece.from));
    out.push({ ...item, text: piece.text, x: item.x + (item.width * before) / total, width: (item.width * displayWidth(piece.text)) / total });
    piece = undefined;
  };
  tokens.forEach((t, k) => {
    const from = item.text.indexOf(t, at);
    at = from + t.length;
    if (cut[k]) flush();
    if (piece) piece.text = item.text.slice(piece.from, at);
    else piece = { text: t, from };
  });
  flush();
  return out;
}

/**
 * Splits an item that runs across a cell border (one run of text in some PDFs: `便携式计算机（20万以下） 分散自行组织`
 * over the 采购物品名称 and 采购组织形式 cells) at the blank that stands at the border.
 */
function splitAtBorders(item: PageItem, page: Page): PageItem[] {
  const y = item.y + item.height / 2;
  const border = page.rules?.v.find((v) => v.y0 <= y && y <= v.y1 && v.x > item.x + item.height && v.x < item.x + item.width - item.height);
  if (!border || !/\S\s+\S/.test(item.text)) return [item];
  const total = displayWidth(item.text) || 1;
  const at = (k: number) => item.x + (item.width * displayWidth(item.text.slice(0, k))) / total;
  let best = -1;
  for (const m of item.text.matchAll(/\s+/g)) {
    const k = m.index;
    const gap = Math.abs((at(k) + at(k + m[0].length)) / 2 - border.x);
    if (gap < item.height && (best < 0 || gap < Math.abs((at(best) + at(best + 1)) / 2 - border.x))) best = k;
  }
  if (best < 0) return [item];
  const left = item.text.slice(0, best);
  const rest = item.text.slice(best).trimStart();
  const from = item.text.length - rest.length;
  return [
    { ...item, text: left, width: at(best) - item.x },
    ...splitAtBorders({ ...item, text: rest, x: at(from), width: item.x + item.width - at(from) }, page),
  ];
}

/** Groups a page's items into lines, top to bottom, each line's chunks left to right. */
export function pageLines(page: Page): Line[] {
  const items = page.items.flatMap((i) => splitAtBorders(i, page)).flatMap(splitCells).filter((i) => i.text.trim()).sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const groups: PageItem[][] = [];
  for (const it of items) {
    const c = it.y + it.height / 2;
    const g = groups[groups.length - 1];
    if (g) {
      const ref = g[0];
      const rc = ref.y + ref.height / 2;
      if (Math.abs(c - rc) < 0.35 * Math.min(ref.height, it.height) + 0.5) {
        g.push(it);
        continue;
      }
    }
    groups.push([it]);
  }
  return groups.map((g) => makeLine(page, g));
}

/** Whether a vertical ruling line of the page stands between x0 and x1 at the height y (a cell border). */
function ruledApart(page: Page, x0: number, x1: number, y: number): boolean {
  return !!page.rules?.v.some((v) => v.x > x0 - 1 && v.x < x1 + 1 && v.y0 <= y && y <= v.y1);
}

function makeLine(page: Page, items: PageItem[]): Line {
  items.sort((a, b) => a.x - b.x);
  const chunks: Chunk[] = [];
  for (const it of items) {
    const size = it.height;
    const text = it.text.replace(/\s+/g, ' ').trim();
    const last = chunks[chunks.length - 1];
    // (items on either side of a cell border are two cells, however close)
    if (last && !ruledApart(page, last.x1, it.x, it.y + it.height / 2)) {
      const gap = it.x - last.x1;
      const unit = Math.max(size, last.size);
      // Items that touch are one run; a gap of half a character is a blank inside the run; more separates cells
      // (adjacent columns may stand that close). Two figures never merge (each is a cell).
      // Characters spread over a cell's width (`金    额`, `合  计`) are one word.
      const spread = SPREAD.test(lastToken(last.text)) && SPREAD.test(text) && gap < 2.2 * unit;
      // An amount (`24,458.43`) and the text beside it, apart by a blank or more, are two cells (`24,458.43 一、…`).
      const apart = gap > 0.15 * unit && (isAmount(lastToken(last.text)) || isAmount(text.split(' ')[0]));
      if (spread || (gap < 0.5 * unit && !apart && !(isFigureToken(lastToken(last.text)) && isFigureToken(text.split(' ')[0]) && gap > 0.1 * unit))) {
        last.text += (gap > 0.2 * unit ? ' ' : '') + text;
        last.x1 = Math.max(last.x1, it.x + it.width);
        last.size = Math.max(last.size, size);
        continue;
      }
    }
    chunks.push({ text, x0: it.x, x1: it.x + it.width, size });
  }
  const y = Math.min(...items.map((i) => i.y));
  const bottom = Math.max(...items.map((i) => i.y + i.height));
  const size = Math.max(...items.map((i) => i.height));
  return { page: page.number, y, bottom, size, chunks, x0: chunks[0].x0, x1: chunks[chunks.length - 1].x1, text: chunks.map((c) => c.text).join(' ') };
}

/** A lone 汉字 (not 类/款/项, which head columns of their own). */
const SPREAD = /^[\u4e00-\u9fff](?<![类款项])$/u;

function lastToken(t: string): string {
  const parts = t.split(' ');
  return parts[parts.length - 1];
}

const PAGE_NUMBER = /^(?:[-—–－─] ?\d{1,4} ?[-—–－─]|\d{1,4}|第 ?\d{1,4} ?页(?:[，,]? ?共 ?\d{1,4} ?页)?|\d{1,4} ?\/ ?\d{1,4})$/;

/**
 * Marks page numbers (a lone number at the top or bottom of a page) and running headers and footers (the same text at
 * the same height on several pages) as furniture.
 */
export function markFurniture(pages: { page: Page; lines: Line[] }[]): void {
  // A layout text's page is as high as its lines, blank ones included, and pdftotext may cut a page of text in two (江苏省
  // 人民检察院 2017: a page of three lines, its page number `23` the last but one): there, a page's first and last two
  // lines (the candidates below) are its edges.
  const edge = (p: Page, l: Line) => !!p.fromText || l.y < p.height * 0.12 || l.bottom > p.height * 0.88;
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  for (const { page, lines } of pages) {
    const candidates = [...lines.slice(0, 2), ...lines.slice(-2)];
    for (const l of candidates) {
      if (!edge(page, l)) continue;
      const k = key(l);
      const s = seen.get(k) ?? { pages: new Set(), ys: [] };
      s.pages.add(page.number);
      s.ys.push(l.y / page.height);
      seen.set(k, s);
    }
  }
  const repeated = new Set<string>();
  for (const [k, s] of seen) {
    const spread = Math.max(...s.ys) - Math.min(...s.ys);
    if (s.pages.size >= 3 && s.pages.size >= pages.length * 0.4 && spread < 0.04 && k.length >= 2) repeated.add(k);
  }
  for (const { page, lines } of pages) {
    const first = lines.slice(0, 2);
    const last = lines.slice(-2);
    for (const l of [...first, ...last]) {
      // (a table's number at the top of each page, `公开01表`, `公开02表` …, is its title, not a running header)
      if (!edge(page, l) || TABLE_NUMBER.test(l.text)) continue;
      // A lone number is a page number only where nothing else stands beside it.
      if ((PAGE_NUMBER.test(l.text.trim()) && l.chunks.length <= 3) || repeated.has(key(l))) l.furniture = true;
    }
  }
}
