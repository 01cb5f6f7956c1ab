/**
 * A whole published document into one `.budget` file: the header (部门, 年度, 类型, 金额单位 from the cover, the titles
 * and the tables), the 目录, the parts (第一部分 …) and their headings, every table (tableGeometry), the narrative
 * re-flowed into paragraphs and the 名词解释 as `术语：定义` lines.
 *
 * Input: the pages of a PDF (pdf.ts) or of a `pdftotext -layout` text, as positioned items. Page numbers, running
 * headers and footers are dropped; a table continued on the next page is joined and its repeated header dropped.
 * Every repair is a comment where it was made; every doubt a `// 导入存疑：…` comment above its row. Pure.
 */
import { editorMessages, type EditorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { parse } from '../syntax/parser';
import { DEPARTMENT, NOTE_START, RULE_START, TABLE_NUMBER, UNIT, atPage, pageWithin, type Doubt, type ImportOptions, type ImportOutcome, type Repair } from './import';
import { markFurniture, pageLines, type Line } from './layout';
import { TEXT_COLUMN, TEXT_LINE, isPdf, layoutTextPages, pdfSupported, readPdf, type Page, type PageItem, type PdfFailure, type Rules } from './pdf';
import { decode } from '../util/decode';
import { chineseNumeral } from '../util/text';
import { clean, compact, joinCjk } from './repair';
import { displayWidth } from '../format/width';
import { minOf } from '../util/arrays';
import { isRowLine, tableFromLines } from './tableGeometry';

export interface DocumentOptions {
  locale?: Locale;
  /** The file's name, for the summary and the source comment. */
  name?: string;
  /**
   * Awaited between two pages while a PDF is read (a server pauses there, so other requests are answered, and stops
   * by rejecting when the request is cancelled).
   */
  checkpoint?: () => Promise<void>;
}

export interface DocumentSummary {
  tables: number;
  rows: number;
  figures: number;
  paragraphs: number;
  terms: number;
  repairs: number;
  doubts: number;
  skipped: number;
}

export interface ImportedDocument {
  ok: true;
  text: string;
  summary: DocumentSummary;
  /** The summary in words. */
  message: string;
  repairs: Repair[];
  doubts: Doubt[];
  /** Pages that hold only images (scans), not imported. */
  skippedPages: number[];
}

export interface DocumentRefused {
  ok: false;
  message: string;
  failure: PdfFailure | 'no-text';
  skippedPages?: number[];
}

export type DocumentOutcome = ImportedDocument | DocumentRefused;

const PART = /^第[一二三四五六七八九十]+部分/;
/** A numbered heading `十二、…`; its numeral captured. */
const HEADING1 = /^([一二三四五六七八九十]+)[、.．]/;
const HEADING2 = /^[（(][一二三四五六七八九十]+[）)]/;
const FIGURES = /[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?/g;

/** The numbers printed in a text, as printed (the unit of the no-figure-lost proof). */
export function numbersIn(text: string): string[] {
  return text.match(FIGURES) ?? [];
}

function isPartHeading(l: Line): boolean {
  return PART.test(compact(l.text)) && compact(l.text).length <= 40;
}

function isContentsHeading(l: Line): boolean {
  return compact(l.text) === '目录';
}

/** A table's title: `公开01表 …`, `附表4-1 …`, or a short line ending in 表 (续表 and （续） included). */
function isTableTitle(lines: Line[], i: number): boolean {
  const l = lines[i];
  const t = compact(l.text);
  if (t.length > 50 || l.chunks.length > 3) return false;
  if (NOTE_START.test(t) || PART.test(t)) return false;
  // A sentence that names a table (`本表（公开 02 表）反映部门年度总体收入预算情况。填列`) is prose, not its title.
  if (/[。；，]/.test(t) || /^本表/.test(t)) return false;
  const numbered = TABLE_NUMBER.test(t.replace(/^[：:]/, ''));
  // (a title wrapped over two lines: `“三公”经费、会议费、培训费支出预算` / `表`)
  const below = lines[i + 1];
  const wrapped = below && below.page === l.page && below.chunks.length === 1 && below.y - l.bottom < l.size && titleLike(t + compact(below.text));
  const titled = titleLike(t) || wrapped;
  if (!numbered && !titled) return false;
  // A title is followed, within a few lines, by the table's 部门/单位 line or its header and rows (on the next page
  // when the title is the last line of its page).
  const last = lines[i + 1]?.page !== l.page;
  const next = lines.slice(i + 1, i + 6).filter((x) => x.page === l.page || (last && x.page === l.page + 1));
  // (a cover's `部门：…` line under its title is no table's)
  return next.some((x) => UNIT.test(x.text) || x.chunks.length >= 2);
}

/** A table's title without its number: ends in 表 (or 表（功能科目）, 表（续）). */
function titleLike(t: string): boolean {
  return /表(?:[（(][^）)]{1,8}[）)])?$|^续表/.test(t) && /[\u4e00-\u9fff]{3,}/.test(t) && !/[。，；]/.test(t) && t.length <= 50;
}

/** A 注 line, a printed rule, or a remark in brackets under a table (`（无政府性基金支出）`). */
function isNoteLine(l: Line): boolean {
  const t = compact(l.text);
  return NOTE_START.test(t) || RULE_START.test(t) || (l.chunks.length === 1 && /^[（(][^（()）\d]*[）)]$/.test(t));
}

/** A line of prose: one run of text, long, with no cell beside it. */
function isProseLine(l: Line, width: number, fromText: boolean): boolean {
  const { x0, x1 } = printed(l, fromText);
  return oneRun(l) && compact(l.text).length >= 18 && x1 - x0 > width * 0.45 && !(l.chunks.length > 1 && isRowLine(l));
}

/** A line of one run of text: no wider gap between its pieces than a blank or two (`支出 1305.25 万元`), no cells. */
function oneRun(l: Line): boolean {
  return l.chunks.every((c, k) => k === 0 || c.x0 - l.chunks[k - 1].x1 < 1.5 * c.size);
}

/**
 * Where a line's text starts and ends as printed, for the joining of prose (where a line ends short of the margin,
 * where one is indented), in the units of its page.
 *
 * A PDF's line is where it was printed. A layout text's is not: `pdftotext -layout` gives every character one column
 * of its grid, a 汉字 as a digit (poppler's TextLine: one column per character), but a 汉字 is printed about twice as
 * wide as a digit, so a line of 汉字 takes fewer columns than a line of the same printed width that holds figures, and
 * looks short. So a layout text's line is measured in display columns (TEXT_COLUMN each, two to a 汉字, which is about
 * as wide as a text line's size): its width is its display width; its start is its grid column counted as a 汉字's
 * (pdftotext indents a paragraph's two 汉字 by two columns; a line above that starts with figures may push that
 * indent a column or three further, never less, so an indented line's end may be counted too far, not too short).
 */
function printed(l: Line, fromText: boolean): { x0: number; x1: number } {
  if (!fromText) return { x0: l.x0, x1: l.x1 };
  // (the blanks between its runs a column each, as wide as a digit)
  const width = l.chunks.reduce((w, c, k) => w + displayWidth(c.text) * TEXT_COLUMN + (k ? c.x0 - l.chunks[k - 1].x1 : 0), 0);
  return { x0: 2 * l.x0, x1: 2 * l.x0 + width };
}

interface Margins {
  left: number;
  right: number;
  width: number;
  /** A layout text's page with too few lines at its left margin to measure its right one by (a page of short items). */
  unmeasured?: boolean;
}

function marginsOf(lines: Line[], page: Page): Margins {
  const fromText = !!page.fromText;
  const long = lines.filter((l) => compact(l.text).length >= 10);
  const single = long.filter((l) => l.chunks.length === 1).map((l) => printed(l, fromText));
  const lefts = single.map((e) => Math.round(e.x0));
  const count = new Map<number, number>();
  for (const x of lefts) count.set(x, (count.get(x) ?? 0) + 1);
  let left = lefts.length ? lefts[0] : 0;
  for (const [x, n] of count) if (n > (count.get(left) ?? 0) || (n === count.get(left) && x < left)) left = x;
  // Three or more lines of prose at the page's leftmost edge (within 4: a PDF's points; a layout text's columns are
  // 10 apart) are at the left margin, however many more start at a paragraph's indent right of it: a page of short
  // paragraphs — a total and its `其中：` items one a line, at the indent, among paragraphs whose later lines are at
  // the margin — has more lines at the indent than at the margin, and its items would be read as one paragraph. The
  // lines that hold amounts count too (runs a blank apart: `支出 1305.25 万元`); a page of indented lines keeps the
  // most common edge. (pdftotext puts a line at its grid's first column when no text stands left of it.)
  const starts = long.filter(oneRun).map((l) => printed(l, fromText).x0);
  const first = minOf(starts);
  if (starts.filter((x) => x - first < 4).length >= 3) left = Math.round(first);
  // Lines within a character of the most common left edge count as at the margin.
  const minLeft = Math.min(left, ...lefts.filter((x) => Math.abs(x - left) < 4));
  // (a layout text's right margin from its lines at the left one, whose ends are measured best: an indented line's may
  // be counted too far; too few of them, and the page takes the document's)
  const atLeft = fromText ? single.filter((e) => Math.abs(e.x0 - minLeft) < 4) : single;
  const rights = (atLeft.length >= 3 ? atLeft : single).map((e) => e.x1).sort((a, b) => a - b);
  const right = rights.length ? rights[Math.floor(rights.length * 0.9)] : page.width;
  return { left: minLeft, right, width: Math.max(1, right - minLeft), ...(fromText && atLeft.length < 3 ? { unmeasured: true } : {}) };
}

/** Joins two pieces of one paragraph: no blank between 汉字 (or CJK punctuation), a blank between two words. */
function joinPieces(a: string, b: string): string {
  if (!a) return b;
  const word = /[A-Za-z0-9%]/;
  const han = /[\u4e00-\u9fff]/;
  const end = a[a.length - 1];
  const first = b[0];
  // Two words, or a number (or Latin word) and a 汉字 meeting at the break: one blank, as the text prints them.
  if ((/[A-Za-z]/.test(end) && /[A-Za-z]/.test(first)) || (word.test(end) && han.test(first)) || (han.test(end) && word.test(first))) return `${a} ${b}`;
  return a + b;
}

/** Text of a prose line: the blanks a PDF puts between 汉字 (justified text, spaced titles) dropped; numbers kept. */
function proseText(l: Line): string {
  return joinCjk(clean(l.text));
}

/**
 * The width of the number or word of letters a line starts with (`2555.8`, `PPP`), with the punctuation after it (0:
 * it starts otherwise). A line above that ends short of the margin by less than this may not have ended its paragraph:
 * the number did not fit (`拟购买服务` / `2555.8 万元。`).
 */
function leadWidth(l: Line, fromText: boolean): number {
  const c = l.chunks[0] as (typeof l.chunks)[number] | undefined;
  if (!c) return 0;
  const lead = /^(?:[-−－]?[0-9０-９][0-9０-９.,，．%％]*|[A-Za-z][A-Za-z0-9.-]*)[。，、；：！？）」』”’.,;:!?)]*/u.exec(c.text.trimStart())?.[0] ?? '';
  // (a layout text's in display columns, as `printed` measures its lines)
  if (fromText) return displayWidth(lead) * TEXT_COLUMN;
  const all = displayWidth(c.text);
  return all ? ((c.x1 - c.x0) * displayWidth(lead)) / all : 0;
}

/** A prose line safe in a prose section: a leading `#` or `//` would be a heading or a comment. */
function escapeProse(t: string): string {
  return t.replace(/^#/, '＃').replace(/^\/\//, '/ /');
}

interface Ctx {
  m: EditorMessages;
  /** The pages are a layout text's. */
  fromText: boolean;
  out: string[];
  repairs: Repair[];
  doubts: Doubt[];
  summary: DocumentSummary;
  options: DocumentOptions;
  /** The ruling lines of the pages that have them, by page number. */
  rules: Map<number, Rules>;
  /** The page the output is at: `// 第 N 页` is written where it changes. */
  page?: number;
}

export function importPages(pages: Page[], options: DocumentOptions = {}): DocumentOutcome {
  const m = editorMessages(options.locale);
  const scanned = pages.filter((p) => !p.items.length && p.images > 0).map((p) => p.number);
  const withText = pages.filter((p) => p.items.length);
  if (!withText.length) {
    return scanned.length
      ? { ok: false, failure: 'no-text', message: m.pdfNoText(pages.length), skippedPages: scanned }
      : { ok: false, failure: 'no-text', message: m.pdfEmpty };
  }
  const perPage = pages.map((page) => ({ page, lines: pageLines(page) }));
  markFurniture(perPage);
  const margins = new Map(perPage.map(({ page, lines }) => [page.number, marginsOf(lines.filter((l) => !l.furniture), page)]));
  // A layout text's page of short lines (a list of names) has no right margin of its own (its longest lines end a fifth
  // or more short of the document's): it takes the document's, the median of its other pages'.
  const measured = perPage.filter(({ page }) => page.fromText && !margins.get(page.number)!.unmeasured).map(({ page }) => margins.get(page.number)!.right).sort((a, b) => a - b);
  if (measured.length) {
    const shared = measured[Math.floor(measured.length / 2)];
    for (const { page } of perPage) {
      const mg = margins.get(page.number)!;
      if (!page.fromText || (!mg.unmeasured && mg.right >= 0.8 * shared)) continue;
      mg.right = shared;
      mg.width = Math.max(1, shared - mg.left);
    }
  }
  const lines = perPage.flatMap(({ lines: ls }) => ls.filter((l) => !l.furniture));

  const ctx: Ctx = {
    m, out: [], repairs: [], doubts: [], options, fromText: pages.some((p) => p.fromText),
    rules: new Map(pages.flatMap((p) => (p.rules ? [[p.number, p.rules] as const] : []))),
    summary: { tables: 0, rows: 0, figures: 0, paragraphs: 0, terms: 0, repairs: 0, doubts: 0, skipped: scanned.length },
  };

  // The cover: everything before the 目录, the first part or the first table.
  let i = 0;
  const cover: Line[] = [];
  while (i < lines.length && !isContentsHeading(lines[i]) && !isPartHeading(lines[i]) && !isTableTitle(lines, i)) cover.push(lines[i++]);
  const header = documentHeader(cover, lines, options.name);
  ctx.out.push(`// ${m.docSource(options.name ?? 'PDF', pages.length)}`);
  if (cover.length && !header.fromName) atPage(ctx, cover[0].page);
  ctx.out.push(`# ${header.title}`);
  if (header.fromName) ctx.out.push(`// ${m.docTitleFromName}`);
  if (header.department) ctx.out.push(`部门：${header.department}`);
  if (header.year) ctx.out.push(`年度：${header.year}`);
  ctx.out.push(`类型：${header.type}`);
  if (header.unit) ctx.out.push(`金额单位：${header.unit}`);
  for (const l of cover) {
    if (header.used.has(l)) continue;
    atPage(ctx, l.page);
    ctx.out.push(`// ${proseText(l)}`);
  }
  for (const n of scanned) ctx.out.push(`// ${m.pdfImagePage(n)}`);

  let mode: 'main' | 'prose' | 'glossary' = 'main';
  // A paragraph: its text, its last line, and where in the text each later page begins.
  let paragraph: { text: string; last: Line; page: number; breaks: { page: number; at: number }[] } | undefined;
  const flush = () => {
    if (!paragraph) return;
    const { text, page, breaks } = paragraph;
    const t = text.trim();
    paragraph = undefined;
    if (!t) return;
    if (mode === 'main') {
      // Prose outside any part: it needs a prose section of its own.
      ctx.out.push('## 说明');
      mode = 'prose';
    }
    atPage(ctx, page);
    if (mode === 'glossary') {
      ctx.out.push(escapeProse(t));
      if (/[：:]/.test(t)) ctx.summary.terms++;
    } else if (t.length <= 40 && !/[。；]/.test(t) && HEADING1.test(t)) ctx.out.push(`### ${t}`);
    else if (t.length <= 40 && !/[。；]/.test(t) && HEADING2.test(t)) ctx.out.push(`#### ${t}`);
    else {
      ctx.out.push(escapeProse(t));
      ctx.summary.paragraphs++;
    }
    // (a paragraph going on on the next page: where that page begins in it)
    for (const b of breaks) pageWithin(ctx, b.page, text.slice(b.at).trim());
  };

  while (i < lines.length) {
    const l = lines[i];
    if (isContentsHeading(l)) {
      flush();
      i = contents(ctx, lines, i);
      continue;
    }
    if (isPartHeading(l)) {
      flush();
      const t = partText(l);
      ctx.out.push('');
      atPage(ctx, l.page);
      ctx.out.push(`## ${t}`);
      mode = /名词解释/.test(t) ? 'glossary' : 'prose';
      i++;
      continue;
    }
    if (isTableTitle(lines, i)) {
      flush();
      i = table(ctx, lines, i, margins);
      mode = 'main';
      continue;
    }
    // Prose: a paragraph starts on an indented line, after a short line, or at a heading or list marker.
    const mg = margins.get(l.page)!;
    const t = proseText(l);
    const prev = paragraph?.last;
    const prevMg = prev ? margins.get(prev.page)! : mg;
    const indented = printed(l, ctx.fromText).x0 > mg.left + 1.2 * l.size;
    const marker = HEADING1.test(t) || HEADING2.test(t) || /^\d+[、.．](?!\d)/.test(t) || /^[（(]\d+[）)]/.test(t);
    // A line ending short of the margin ends its paragraph, unless what the next line starts with did not fit there (a
    // number or word is not broken): within a sentence, not after a heading, not before a list item.
    const gap = prev ? prevMg.right - printed(prev, ctx.fromText).x1 : Infinity;
    const forced = !!paragraph && !marker && !/[。；：:！？!?]$/.test(paragraph.text) && !HEADING1.test(paragraph.text) && !HEADING2.test(paragraph.text)
      && gap < leadWidth(l, ctx.fromText) + 0.5 * l.size;
    // (a layout text gives a line's natural width, not its printed one: a PDF's prose is justified to the margin, and
    // a full line of it, with a figure that did not break, may end up to 2 or 3 汉字 short of it in the text)
    const prevShort = prev ? gap > (ctx.fromText ? 3 : 1.5) * prev.size && !forced : true;
    const newPage = prev && prev.page !== l.page;
    const far = prev && !newPage && l.y - prev.bottom > 1.6 * l.size;
    if (!paragraph || indented || prevShort || far || (marker && (prevShort || /[。；：:]$/.test(paragraph.text)))) {
      flush();
      paragraph = { text: t, last: l, page: l.page, breaks: [] };
    } else {
      const joined = joinPieces(paragraph.text, t);
      if (l.page !== paragraph.last.page) paragraph.breaks.push({ page: l.page, at: joined.length - t.length });
      paragraph.text = joined;
      paragraph.last = l;
    }
    i++;
  }
  flush();

  let text = ctx.out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
  // Whatever the input, the result parses: a line that does not becomes a comment (its text is kept).
  const tree = parse(text);
  if (tree.errors.length) {
    const bad = new Set(tree.errors.map((e) => lineAt(text, e.span.start)));
    text = text.split('\n').map((x, k) => (bad.has(k) ? `// ${x}` : x)).join('\n');
  }
  ctx.summary.repairs = ctx.repairs.length;
  ctx.summary.doubts = ctx.doubts.length;
  return {
    ok: true, text, summary: ctx.summary, message: m.docSummary(options.name ?? 'PDF', ctx.summary),
    repairs: ctx.repairs, doubts: ctx.doubts, skippedPages: scanned,
  };
}

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// The header

function documentHeader(cover: Line[], lines: Line[], name: string | undefined): { title: string; fromName: boolean; department?: string; year?: string; type: string; unit?: string; used: Set<Line> } {
  const used = new Set<Line>();
  let department: string | undefined;
  for (const l of cover) {
    const d = /^部门(?:名称)?[：:](.+)$/.exec(compact(l.text));
    if (d) { department = d[1]; used.add(l); }
  }
  // The title: the cover's largest lines (or the first table's title when there is no cover).
  const textual = cover.filter((l) => !used.has(l) && /[\u4e00-\u9fff]/.test(l.text));
  const biggest = Math.max(0, ...textual.map((l) => l.size));
  const titleLines = textual.filter((l) => l.size >= biggest * 0.8).slice(0, 4);
  for (const l of titleLines) used.add(l);
  let title = titleLines.map((l) => proseText(l)).join(' ');
  const all = lines.map((l) => l.text).join('\n');
  // No cover: the file's name is the title (a tables-only PDF starts with its first table).
  const fromName = !title;
  if (!title) title = (name ?? '').replace(/\.[^.]*$/, '').trim();
  const year = /(20\d{2})\s*年/.exec(title)?.[1] ?? /(20\d{2})\s*年/.exec(all)?.[1];
  const type = /决算/.test(title) || (!/预算/.test(title) && /决算/.test(all.slice(0, 4000))) ? '决算' : '预算';
  if (!department) {
    const d = lines.map((l) => /^部[ \t\u3000]*门[ \t\u3000]*[：:][ \t\u3000]*([^ \t\u3000]+)/.exec(l.text.trim())).find((x) => x && /[\u4e00-\u9fff]{2,}/.test(x[1]));
    if (d) department = d[1];
  }
  if (!department) {
    const before = /^(.+?)(?:20\d{2}\s*年)/.exec(title.replace(/\s+/g, ''));
    if (before && before[1].length >= 3) department = before[1];
  }
  const units = lines.map((l) => UNIT.exec(l.text)?.[1]).filter((u): u is string => !!u).map(compact);
  // No table says it: the unit the narrative's amounts are written in.
  if (!units.length) {
    const wan = (all.match(/\d\s*万元/g) ?? []).length;
    const yuan = (all.match(/\d\s*元/g) ?? []).length - wan;
    if (wan || yuan) units.push(wan >= yuan ? '万元' : '元');
  }
  const unit = units.length ? [...new Set(units)].sort((a, b) => units.filter((u) => u === b).length - units.filter((u) => u === a).length)[0] : undefined;
  return { title: title || '导入的文档', fromName, ...(department ? { department } : {}), ...(year ? { year } : {}), type, ...(unit ? { unit } : {}), used };
}

// ---------------------------------------------------------------------------------------------------------------
// The 目录

/** The contents: a `## 目录` section, one line per entry, until the page ends (or the body starts on the same page). */
function contents(ctx: Ctx, lines: Line[], i: number): number {
  const start = lines[i];
  ctx.out.push('');
  atPage(ctx, start.page);
  ctx.out.push(`## ${proseText(start)}`);
  i++;
  const seen = new Set<string>();
  let last = '';
  let page = start.page;
  // The 目录 goes on at the top of the next page when that page starts with the rest of its last entry
  // (`…培训费支` / `出预算表`), its next numbered entry (`十二、…` after `十一、…`) or a part not listed yet; and there,
  // only while each line is such an entry (the page's body starts at the first line that is not).
  const entryHere = (l: Line, first: boolean): boolean => {
    const key = compact(l.text);
    if (/[。；，]/.test(key) || key.length > 50 || l.chunks.length > 2) return false;
    if (isPartHeading(l)) return !seen.has(key);
    const b = HEADING1.exec(key)?.[1];
    if (b) {
      const a = HEADING1.exec(compact(last))?.[1];
      return !first || (a !== undefined && chineseNumeral(b) === (chineseNumeral(a) ?? NaN) + 1);
    }
    // The rest of an entry cut by the break: the entry unfinished, the two a title.
    return !/^\d/.test(key) && !titleLike(compact(last)) && titleLike(compact(last) + key);
  };
  const goesOn = (l: Line): boolean => {
    if (l.page === page) return page === start.page || entryHere(l, false);
    if (l.page !== page + 1 || !last || !entryHere(l, true)) return false;
    page = l.page;
    return true;
  };
  while (i < lines.length && goesOn(lines[i])) {
    const l = lines[i];
    const key = compact(l.text);
    // The body on the same page: the first entry printed again as a heading.
    if (seen.has(key) && isPartHeading(l)) break;
    seen.add(key);
    const t = partText(l);
    // An entry wrapped over two lines (`…支出预算` / `表`) is one entry.
    if (last && !PART.test(key) && !HEADING1.test(key) && !/^序号/.test(key) && !/^\d/.test(key)) {
      last = joinPieces(last, t);
      ctx.out[ctx.out.length - 1] = escapeProse(last);
      if (l.page !== ctx.page) pageWithin(ctx, l.page, t);
    } else {
      last = t;
      atPage(ctx, l.page);
      ctx.out.push(escapeProse(t));
    }
    i++;
  }
  return i;
}

/** A part heading's or an entry's text: `第一部分 部门概况` with one blank after 部分. */
function partText(l: Line): string {
  return proseText(l).replace(/^(第[一二三四五六七八九十]+部分)\s*/, '$1 ');
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

function table(ctx: Ctx, lines: Line[], i: number, margins: Map<number, Margins>): number {
  const title = lines[i];
  const preamble: Line[] = [title];
  i++;
  // The lines between the title and the header: 部门, 金额单位, a 表号 printed apart.
  const startPage = lines[i]?.page !== title.page && lines[i]?.page === title.page + 1 ? lines[i].page : title.page;
  while (i < lines.length && lines[i].page === startPage && (UNIT.test(lines[i].text) || DEPARTMENT.test(compact(lines[i].text))
    || ((TABLE_NUMBER.test(compact(lines[i].text)) || titleLike(compact(lines[i].text)) || (preamble.length === 1 && titleLike(compact(title.text) + compact(lines[i].text))))
      && lines[i].chunks.length <= 2 && !isRowLine(lines[i])))) {
    preamble.push(lines[i++]);
  }
  // A title wrapped over two lines (`公开 09 表：一般公共预算“三公”经费、会议费、培训费` / `支出预算表`) is one title.
  for (let k = 0; k + 1 < preamble.length; k++) {
    const a = preamble[k];
    const b = preamble[k + 1];
    if (!titleLike(compact(a.text)) && /[\u4e00-\u9fff]$/.test(compact(a.text)) && titleLike(compact(a.text) + compact(b.text)) && b.chunks.length === 1 && !TABLE_NUMBER.test(compact(b.text))) {
      const text = joinPieces(a.text, b.text);
      preamble.splice(k, 2, { ...a, text, bottom: b.bottom, x1: Math.max(a.x1, b.x1), chunks: [...a.chunks.slice(0, -1), { ...a.chunks[a.chunks.length - 1], text: joinPieces(a.chunks[a.chunks.length - 1].text, b.text) }] });
    }
  }
  const body: Line[] = [];
  const trailer: Line[] = [];
  const dropped: Line[] = [];
  let headerKeys: string[] | undefined;
  while (i < lines.length) {
    const l = lines[i];
    const mg = margins.get(l.page)!;
    if (isPartHeading(l) || isContentsHeading(l)) break;
    if (isTableTitle(lines, i)) {
      // 续表 / the same title again on the next page: the table continues, its repeated header is dropped.
      const same = /续/.test(l.text) || compact(l.text) === compact(title.text);
      if (!same || l.page === title.page) break;
      dropped.push(l);
      i++;
      while (i < lines.length && lines[i].page === l.page && (UNIT.test(lines[i].text) || DEPARTMENT.test(compact(lines[i].text)))) dropped.push(lines[i++]);
      continue;
    }
    if (isNoteLine(l)) {
      // 注 and its continuation lines, the printed rules.
      while (i < lines.length) {
        const n = lines[i];
        const prev = trailer[trailer.length - 1];
        // (a layout text leaves a blank line between lines printed a little apart)
        const near = 1.2 * n.size + (ctx.fromText ? TEXT_LINE : 0);
        const continues = prev && n.page === prev.page && n.y - prev.bottom < near && n.chunks.length === 1 && !isNoteLine(n) && !isPartHeading(n) && !isTableTitle(lines, i) && !HEADING1.test(compact(n.text));
        if (!isNoteLine(n) && !continues) break;
        if (continues && prev && !/^\d+[.、．]/.test(compact(n.text))) {
          // a note wrapped over lines is one line
          trailer[trailer.length - 1] = { ...prev, text: joinPieces(prev.text, n.text), bottom: n.bottom, chunks: [{ ...prev.chunks[0], text: joinPieces(prev.text, n.text) }] };
        } else trailer.push(n);
        i++;
      }
      break;
    }
    if (isProseLine(l, mg.width, ctx.fromText)) break;
    // A repeated header at the top of a continuation page.
    if (body.length && l.page !== body[body.length - 1].page) {
      const firstRow = body.findIndex(isRowLine);
      headerKeys ??= (firstRow < 0 ? body : body.slice(0, firstRow)).map((x) => compact(x.text));
      let k = i;
      const repeated: Line[] = [];
      while (k < lines.length && lines[k].page === l.page && headerKeys.includes(compact(lines[k].text))) repeated.push(lines[k++]);
      if (repeated.length) {
        dropped.push(...repeated);
        i = k;
        continue;
      }
    }
    body.push(l);
    i++;
  }
  ctx.out.push('');
  atPage(ctx, title.page);
  const r = tableFromLines({ preamble, body, trailer, dropped, page: title.page, ...(ctx.fromText ? { fromText: true } : { rules: ctx.rules }) }, { ...(ctx.options.locale ? { locale: ctx.options.locale } : {}) });
  if (!r.ok) {
    // Not a table after all: its lines are kept as comments.
    for (const l of [...preamble, ...body, ...trailer]) {
      atPage(ctx, l.page);
      ctx.out.push(`// ${l.text}`);
    }
    return i;
  }
  const base = ctx.out.length;
  ctx.out.push(...r.text.replace(/\n$/, '').split('\n'));
  if (r.page !== undefined) ctx.page = r.page;
  for (const x of r.repairs) ctx.repairs.push({ ...x, ...(x.outputLine !== undefined ? { outputLine: x.outputLine + base } : {}) });
  for (const d of r.doubts) ctx.doubts.push({ ...d, outputLine: d.outputLine + base });
  ctx.summary.tables++;
  ctx.summary.rows += r.rows;
  ctx.summary.figures += r.text.split('\n').filter((x) => x.includes('|') && !x.startsWith('//') && !x.startsWith('列')).flatMap((x) => x.split('|').filter((c) => /^\s*[-−－]?[\d,]+(?:\.\d+)?%?\s*$/.test(c))).length;
  return i;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry

/**
 * Whether a page may hold a table, so that its ruling lines are worth reading: at least two lines with a wide gap
 * between two of their items (prose runs on, its items touch).
 */
function mayHoldTable(items: PageItem[]): boolean {
  const perLine = new Map<number, PageItem[]>();
  for (const it of items) {
    const y = Math.round((it.y + it.height / 2) / 2);
    perLine.set(y, [...(perLine.get(y) ?? []), it]);
  }
  const cells = [...perLine.values()].filter((line) => {
    const sorted = line.sort((a, b) => a.x - b.x);
    return sorted.some((it, k) => k > 0 && it.x - (sorted[k - 1].x + sorted[k - 1].width) > 2 * Math.max(it.height, sorted[k - 1].height));
  });
  return cells.length >= 2;
}

/**
 * A document file: a PDF, or the UTF-8 (or GB18030) text of `pdftotext -layout`. Anything else is refused with a
 * message (a non-PDF binary, a broken or encrypted PDF, a PDF without a text layer).
 */
export async function importDocument(data: Uint8Array, options: DocumentOptions = {}): Promise<DocumentOutcome> {
  const m = editorMessages(options.locale);
  if (isPdf(data)) {
    if (!pdfSupported()) return { ok: false, failure: 'broken', message: m.pdfUnsupported };
    const r = await readPdf(data, mayHoldTable, options.checkpoint);
    if (!r.ok) return { ok: false, failure: r.failure, message: r.failure === 'encrypted' ? m.pdfEncrypted : r.failure === 'not-pdf' ? m.pdfNotPdf : m.pdfBroken(r.detail) };
    return importPages(r.pages, options);
  }
  // A file named .pdf that is not one (a web page saved under that name, a scan in another format).
  if (/\.pdf$/i.test(options.name ?? '')) return { ok: false, failure: 'not-pdf', message: m.pdfNotPdf };
  // Text: valid UTF-8 (or GB18030) without control characters other than blanks and form feeds.
  const d = decode(data);
  if (!d.ok || !d.text.trim() || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(d.text.slice(0, 65536))) return { ok: false, failure: 'not-pdf', message: m.pdfNotPdf };
  return importPages(layoutTextPages(d.text), options);
}

/**
 * One table from the text of `pdftotext -layout` (or text pasted from it, columns aligned by blanks): read through
 * the same geometry as a PDF page, so that a side printed empty on a line (the 收入 side under its last row) does not
 * shift the other side's cells, and `24,169.74` stays one figure.
 */
export function importLayoutTable(text: string, options: ImportOptions = {}): ImportOutcome {
  const pages = layoutTextPages(text).map((page) => ({ page, lines: pageLines(page) }));
  const lines = pages.flatMap((p) => p.lines);
  let i = 0;
  const preamble: Line[] = [];
  while (i < lines.length && !isRowLine(lines[i]) && (lines[i].chunks.length <= 2 && (UNIT.test(lines[i].text) || DEPARTMENT.test(compact(lines[i].text)) || TABLE_NUMBER.test(compact(lines[i].text)) || titleLike(compact(lines[i].text))))) preamble.push(lines[i++]);
  const body: Line[] = [];
  while (i < lines.length && !isNoteLine(lines[i])) body.push(lines[i++]);
  return tableFromLines({ preamble, body, trailer: lines.slice(i), fromText: true }, options);
}
