/**
 * A table from the geometry of its page: column bands from where the cells stand (the x-extents the rows cover, and
 * the header cells over columns that no row fills), the header's names over the bands (groups span several bands, the
 * 栏次 row numbers them), the sides of a two-sided table (收入 | 支出) and side-by-side blocks as parts, rows from the
 * lines' vertical positions with wrapped labels joined. The result is the zones and layout that `renderTable` writes,
 * so a table from a PDF is written by the same code as one pasted, from CSV or from XLSX.
 *
 * A figure that stands between two columns, or under none, is placed where the geometry says and marked as a doubt.
 */
import { editorMessages } from '../i18n/editor';
import { compact, codeLike, isDash, repairText } from './repair';
import { renderTable, type FigureNode, type ImportOptions, type ImportOutcome, type Side, type SourceGrid, type SourceRow, type TableZones } from './import';
import { Grid, type GridCell } from './grid';
import type { Chunk, Line } from './layout';
import { TEXT_COLUMN, type Rules } from './pdf';

export interface TableLines {
  /** Title, 表号, 部门, 金额单位 lines. */
  preamble: Line[];
  /** Header and rows (over one or more pages, repeated headers already dropped). */
  body: Line[];
  /** 注 lines and the printed rules. */
  trailer: Line[];
  /** Lines left out of the table (a repeated header on a continuation page), written as comments. */
  dropped?: Line[];
  /** Lines of a layout text: every line stands one line below the last, so nearness says nothing of rows. */
  fromText?: boolean;
  /** The ruling lines of the pages the table stands on (a PDF's drawing), by page number. */
  rules?: Map<number, Rules>;
  /** In a document: the page its text is at before the table (the output says where pages change). */
  page?: number;
}

/** `category`: a first text column printed once for a group of rows, centred beside them (收入预算总表: 一般公共预算资金 |
 * 小计, 公共财政拨款（补助）资金, 专项收入): each group becomes a part named by it. */
type BandKind = 'code' | 'codepart' | 'label' | 'line' | 'figure' | 'category';

interface Band {
  /** Where the rows' cells stand. */
  x0: number;
  x1: number;
  /** With the header's cells over it. */
  hx0: number;
  hx1: number;
  kind: BandKind;
  /** The rightmost end of a text cell in the band: a label reaching it was wrapped. */
  textRight: number;
}

interface Placed {
  chunk: Chunk;
  band: number;
  doubt?: string;
  /** The line it stands on (a row's chunks). */
  line?: Line;
}

const DECIMAL_FIGURE = /^[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

function figureText(t: string): boolean {
  return /\d/.test(t) && DECIMAL_FIGURE.test(t.replace(/\s+/g, ''));
}

/** A figure as tables print amounts (with a decimal point or thousands separator), or a dash. */
function amountText(t: string): boolean {
  return (figureText(t) && /[.,%]/.test(t)) || isDash(t);
}

function codeText(t: string): boolean {
  return codeLike(t) && !/[.,]/.test(t);
}

const TOTAL_LABEL = /(合计|小计|总计|结转|结余)/;

/**
 * How a row's label starts (an enumeration, a total), never a column's name. Not the row labels' item number
 * (model/classify.ts `hasItemNumber`): a PDF chunk that may begin a data row, so `1.5万元以下` and `合计` begin one too.
 */
const DATA_START = /^(?:[一二三四五六七八九十]+[、.．]|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|合计|总计)/;

const HEADER_WORD = /^(栏次|行次|[类款项]|科目编码|科目名称|项目|金额|合计|小计|编码|名称)$/;

function isLanciLine(l: Line): boolean {
  const cells = l.chunks.map((c) => compact(c.text));
  const nums = cells.filter((c) => /^\d{1,2}$/.test(c));
  return nums.length >= 2 && cells.every((c) => /^\d{1,2}$/.test(c) || HEADER_WORD.test(c) || /^[类款项]+$/.test(c) || c === '栏次');
}

/** A line of the table's rows (not of its header): it prints an amount, or starts with a code, or is the 合计 row. */
export function isRowLine(l: Line): boolean {
  if (isLanciLine(l)) return false;
  if (l.chunks.some((c) => amountText(c.text))) return true;
  const first = compact(l.chunks[0].text);
  return l.chunks.length > 1 && codeText(l.chunks[0].text) && !/^\d{1,2}$/.test(first);
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface HeaderName {
  text: string;
  x0: number;
  x1: number;
  y: number;
  bottom: number;
  /** No name stands under it: a column's name (else a group's, or a side's). */
  leaf: boolean;
}

/**
 * The header's names from positions alone, each name's wrapped lines joined: a piece continues the name right above
 * it when it stands close under it (within two lines), aligned with it (one centre, or one edge), no wider, and alone
 * under it (a group's name has several names under it). Pieces one character apart count as aligned: narrow cells
 * print their lines a character apart.
 */
function headerNames(header: Line[]): HeaderName[] {
  const pieces = header.filter((l) => !isLanciLine(l)).flatMap((l) => l.chunks.map((c) => ({ c, l })));
  const names: (HeaderName & { last: Chunk; width: number; size: number })[] = [];
  for (const { c, l } of pieces) {
    const size = c.size;
    const near = (n: { last: Chunk }) => overlap(n.last.x0, n.last.x1, c.x0, c.x1) > -0.3 * size;
    const above = names.filter((n) => near(n) && n.bottom <= l.y + 0.5 * size).sort((a, b) => b.bottom - a.bottom)[0];
    // (类, 款 and 项 head columns of their own, under 科目编码)
    if (above && !/^[类款项]$/.test(compact(c.text))) {
      const centre = Math.abs((above.last.x0 + above.last.x1) / 2 - (c.x0 + c.x1) / 2) <= 1.1 * size;
      const edge = Math.abs(above.last.x0 - c.x0) <= 0.5 * size || Math.abs(above.last.x1 - c.x1) <= 0.5 * size;
      const under = pieces.filter((p) => p.l.y > above.bottom - 0.5 * size && overlap(above.x0, above.x1, p.c.x0, p.c.x1) > -0.3 * size);
      const alone = under.every((p) => overlap(p.c.x0, p.c.x1, c.x0, c.x1) > -0.3 * size);
      if (l.y - above.bottom < 2 * size && (centre || edge) && c.x1 - c.x0 <= above.width + 1.5 * size && alone) {
        above.text = joinText(above.text, c.text);
        above.bottom = l.bottom;
        above.x0 = Math.min(above.x0, c.x0);
        above.x1 = Math.max(above.x1, c.x1);
        above.last = c;
        above.width = Math.max(above.width, c.x1 - c.x0);
        continue;
      }
    }
    names.push({ text: c.text, x0: c.x0, x1: c.x1, y: l.y, bottom: l.bottom, leaf: true, last: c, width: c.x1 - c.x0, size });
  }
  for (const n of names) {
    n.leaf = !names.some((d) => d !== n && d.y > n.bottom - 0.5 * n.size && overlap(d.x0, d.x1, n.x0, n.x1) > 0.3 * Math.min(d.x1 - d.x0, n.x1 - n.x0));
  }
  return names.map(({ text, x0, x1, y, bottom, leaf }) => ({ text, x0, x1, y, bottom, leaf }));
}

/**
 * Column bands: where the rows' cells stand (x-ranges that most rows leave empty separate them). Cells under no band
 * (a sparse column) make bands of their own. Then the header's names, their wrapped lines joined: a name with no
 * name under it names a column — the band it stands over, or, standing over none (a name centred over figures
 * printed flush right), the band its cell holds; when that band has a name of its own over it, the name is a column
 * no row fills, a band of its own (the empty 公务用车购置费 beside 小计).
 */
function bandsOf(header: Line[], rows: Line[], unit: number, place = 0): { x0: number; x1: number; hx0: number; hx1: number }[] {
  const xs = [...header, ...rows].flatMap((l) => l.chunks.flatMap((c) => [c.x0, c.x1]));
  if (!xs.length) return [];
  const left = Math.floor(Math.min(...xs)) - 1 - place;
  const right = Math.ceil(Math.max(...xs)) + 1 + place;
  // On a layout text's grid of characters (`place`: the width of one), pdftotext moves a text a place or two to fit
  // the line (a figure flush right and the next column's text flush left may share a place): the ranges are found
  // from each cell less its first and last place, then given them back.
  const inner = (c: Chunk) => (place && c.x1 - c.x0 > 2.5 * place ? { x0: c.x0 + place, x1: c.x1 - place } : c);
  const runs = (chunks: Chunk[], threshold: number) => {
    const cover = new Int32Array(right - left + 1);
    for (const c of chunks.map(inner)) for (let x = Math.floor(c.x0) - left; x <= Math.ceil(c.x1) - left; x++) cover[x]++;
    const out: { x0: number; x1: number }[] = [];
    let start = -1;
    for (let x = 0; x < cover.length; x++) {
      if (cover[x] > threshold) { if (start < 0) start = x; } else if (start >= 0) { out.push({ x0: start + left - place, x1: x - 1 + left + place }); start = -1; }
    }
    if (start >= 0) out.push({ x0: start + left - place, x1: cover.length - 1 + left + place });
    return out;
  };
  const all = rows.flatMap((l) => l.chunks);
  // A cell printed across columns (a total row's label over a merged range) would join the columns it crosses: the
  // ranges most rows fill are found first, and the cells that cross two of them, or name a total, are left out.
  const rough = runs(all, Math.max(0, Math.floor(rows.length * 0.12)));
  const spanning = (c: Chunk) => !figureText(c.text) && (TOTAL_LABEL.test(compact(c.text)) || rough.filter((b) => overlap(b.x0, b.x1, c.x0, c.x1) > 0).length >= 2);
  const bands: { x0: number; x1: number; hx0: number; hx1: number }[] = runs(all.filter((c) => !spanning(c)), 0).map((b) => ({ ...b, hx0: b.x0, hx1: b.x1 }));
  const free = (c: { x0: number; x1: number }) => !bands.some((b) => overlap(b.x0, b.x1, c.x0, c.x1) > -0.3 * unit);
  const extra: { x0: number; x1: number; hx0: number; hx1: number }[] = [];
  for (const l of rows) {
    for (const c of l.chunks) {
      // (a total's label centred in a wide cell is no column of its own)
      if (!free(c) || (TOTAL_LABEL.test(compact(c.text)) && !figureText(c.text))) continue;
      const hit = extra.find((e) => overlap(e.x0, e.x1, c.x0, c.x1) > 0);
      if (hit) { hit.x0 = hit.hx0 = Math.min(hit.x0, c.x0); hit.x1 = hit.hx1 = Math.max(hit.x1, c.x1); } else extra.push({ x0: c.x0, x1: c.x1, hx0: c.x0, hx1: c.x1 });
    }
  }
  bands.push(...extra);
  bands.sort((a, b) => a.x0 - b.x0);
  type B = (typeof bands)[number];
  const named = new Set<B>();
  const names = headerNames(header);
  const leaves = names.filter((n) => n.leaf);
  const direct = new Set<B>();
  const pending: HeaderName[] = [];
  for (const n of leaves) {
    // Over a band: overlapping it by a good part of the narrower of the two (a name's edge over the next column's
    // edge does not count).
    const hit = bands.filter((b) => overlap(b.x0, b.x1, n.x0, n.x1) > 0.3 * Math.min(n.x1 - n.x0, b.x1 - b.x0));
    if (hit.length === 1) {
      const b = hit[0];
      b.hx0 = Math.min(b.hx0, n.x0);
      b.hx1 = Math.max(b.hx1, n.x1);
      named.add(b);
      direct.add(b);
    } else if (!hit.length) pending.push(n);
  }
  // The band whose cell holds a name over no band: of the bands beside it, the one whose cells are of the name's kind
  // (功能科目编码 centred between the codes and the names is the codes'), else the one whose cell reaches it (the cell
  // of band k reaches halfway to its neighbours). Nearest names first; a band takes one name.
  const kindOf = (b: B) => {
    const texts = all.filter((c) => overlap(b.x0, b.x1, c.x0, c.x1) > 0).map((c) => c.text);
    const codes = texts.filter(codeText).length;
    const figures = texts.filter((t) => figureText(t) && !codeText(t)).length;
    return codes > texts.length / 2 ? 'code' : figures > texts.length / 2 ? 'figure' : 'text';
  };
  const nameKind = (n: HeaderName) => (/(编码|代码)$/.test(compact(n.text)) ? 'code' : /(名称|项目|科目)$/.test(compact(n.text)) ? 'text' : 'figure');
  const cellOf = (n: HeaderName) => {
    const mid = (n.x0 + n.x1) / 2;
    const left = bands.filter((x) => x.x1 <= n.x0).pop();
    const right = bands.find((x) => x.x0 >= n.x1);
    const fits = [left, right].filter((x): x is B => !!x && kindOf(x) === nameKind(n));
    if (left && right && fits.length === 1) return fits[0];
    return bands.find((x, j) => mid >= (j ? (bands[j - 1].x1 + x.x0) / 2 : -Infinity) && mid < (j + 1 < bands.length ? (x.x1 + bands[j + 1].x0) / 2 : Infinity));
  };
  const gap = (n: HeaderName, b: B | undefined) => (b ? Math.max(b.x0 - n.x1, n.x0 - b.x1) : Infinity);
  const own: B[] = [];
  for (const n of [...pending].sort((a, b) => gap(a, cellOf(a)) - gap(b, cellOf(b)))) {
    const b = cellOf(n);
    // A name centred over names below it on either side, between the bands beside it, is theirs (收入 over 项目名称
    // and 金额), not a column's.
    const mid = (n.x0 + n.x1) / 2;
    const lo = Math.max(-Infinity, ...bands.filter((x) => x.x1 <= n.x0).map((x) => x.x0));
    const hi = Math.min(Infinity, ...bands.filter((x) => x.x0 >= n.x1).map((x) => x.x1));
    const below = names.filter((d) => d.y > n.bottom && (d.x0 + d.x1) / 2 >= lo && (d.x0 + d.x1) / 2 <= hi);
    if (below.some((d) => (d.x0 + d.x1) / 2 < mid) && below.some((d) => (d.x0 + d.x1) / 2 > mid)) continue;
    if (b && !direct.has(b) && !own.includes(b)) {
      b.hx0 = Math.min(b.hx0, n.x0);
      b.hx1 = Math.max(b.hx1, n.x1);
      named.add(b);
      own.push(b);
      continue;
    }
    // (its neighbour has a name of its own: a column no row fills)
    const nb = { x0: n.x0, x1: n.x1, hx0: n.x0, hx1: n.x1 };
    bands.push(nb);
    named.add(nb);
    own.push(nb);
  }
  bands.sort((a, b) => a.x0 - b.x0);
  // A band that no header names, made of a figure or two standing between named bands, is no column: figures placed
  // off their column (each is placed in the nearest column and marked as a doubt).
  if (named.size) {
    const keep = bands.filter((b, k) => {
      if (named.has(b) || k === 0 || k === bands.length - 1) return true;
      const inside = rows.flatMap((l) => l.chunks).filter((c) => overlap(b.x0, b.x1, c.x0, c.x1) > 0);
      return !(inside.length <= Math.max(2, rows.length * 0.1) && inside.every((c) => figureText(c.text)) && named.has(bands[k - 1]) && named.has(bands[k + 1]));
    });
    return keep;
  }
  return bands;
}

/**
 * Column bands from a table's borders: each space between two column borders in which some text of the header or
 * of the rows stands (a column no row fills is there by its header's name).
 */
function gridBands(grid: Grid, lines: Line[]): { x0: number; x1: number; hx0: number; hx1: number }[] {
  const out: { x0: number; x1: number; hx0: number; hx1: number }[] = [];
  const mids = lines.flatMap((l) => l.chunks.map((c) => (c.x0 + c.x1) / 2));
  for (let k = 0; k + 1 < grid.borders.length; k++) {
    const [x0, x1] = [grid.borders[k], grid.borders[k + 1]];
    if (mids.some((x) => x > x0 && x < x1)) out.push({ x0, x1, hx0: x0, hx1: x1 });
  }
  return out;
}

/** The band a chunk belongs to: the one it overlaps most; a doubt when it overlaps two or none. */
function place(c: Chunk, bands: Band[], name: (b: number) => string, m: ReturnType<typeof editorMessages>): Placed {
  const overlaps = bands.map((b) => overlap(b.x0, b.x1, c.x0, c.x1));
  let best = 0;
  overlaps.forEach((o, k) => { if (o > overlaps[best]) best = k; });
  if (overlaps[best] <= 0) {
    // under no band: the nearest one
    const dist = bands.map((b) => Math.max(b.x0 - c.x1, c.x0 - b.x1));
    let near = 0;
    dist.forEach((d, k) => { if (d < dist[near]) near = k; });
    // Text centred in a cell wider than its column's other text: at home in the nearest column.
    if (!figureText(c.text) && dist[near] < 2 * c.size) return { chunk: c, band: near };
    const left = bands.map((b, k) => (b.x1 <= c.x0 ? k : -1)).filter((k) => k >= 0).pop();
    const right = bands.findIndex((b) => b.x0 >= c.x1);
    if (left !== undefined && right >= 0) {
      const other = near === left ? right : left;
      return { chunk: c, band: near, doubt: m.doubtBetween(c.text, name(near), name(other)) };
    }
    return { chunk: c, band: near, doubt: m.doubtOutside(c.text, name(near)) };
  }
  if (!figureText(c.text)) {
    // Text starts at its cell's left edge and may run on over the next columns (a merged cell).
    const home = bands.findIndex((b) => b.x0 <= c.x0 + 1 && c.x0 + 1 <= b.x1);
    if (home >= 0) return { chunk: c, band: home };
  }
  const others = overlaps.map((o, k) => (k !== best && o > 0.25 * Math.min(c.x1 - c.x0, bands[k].x1 - bands[k].x0) ? k : -1)).filter((k) => k >= 0);
  // A text cell printed across columns (a merged total label) is at home in its first band; a figure is not.
  if (others.length && figureText(c.text)) return { chunk: c, band: best, doubt: m.doubtBetween(c.text, name(best), name(others[0])) };
  return { chunk: c, band: others.length && !figureText(c.text) ? Math.min(best, ...others) : best };
}

interface HeaderCell {
  text: string;
  /** The extent of its last line. */
  x0: number;
  x1: number;
  first: number;
  last: number;
  y: number;
  bottom: number;
}

/**
 * The header's cells with the bands each spans; a name wrapped over two lines joined. Between borders, a cell spans
 * the bands inside its borders (a group's name over the columns of its cell), and the lines in one cell are one name.
 */
function headerCells(header: Line[], bands: Band[], unit: number, grid?: Grid): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const boxes = new Map<HeaderCell, string>();
  // Without borders, the names with their wrapped lines joined from positions (headerNames).
  const lines: { y: number; bottom: number; page: number; chunks: Chunk[] }[] = grid ? header.filter((l) => !isLanciLine(l))
    : headerNames(header).map((n) => ({ y: n.y, bottom: n.bottom, page: 0, chunks: [{ text: n.text, x0: n.x0, x1: n.x1, size: unit }] }));
  for (const l of lines) {
    for (const c of l.chunks) {
      const box = grid?.cell(l.page, c, l.y, l.bottom);
      const inBox = box ? bands.map((b, k) => ((b.x0 + b.x1) / 2 > box.x0 && (b.x0 + b.x1) / 2 < box.x1 ? k : -1)).filter((k) => k >= 0) : [];
      const hit = inBox.length ? inBox : bands.map((b, k) => (overlap(b.hx0, b.hx1, c.x0, c.x1) > 0.2 * Math.min(b.hx1 - b.hx0, c.x1 - c.x0) ? k : -1)).filter((k) => k >= 0);
      if (!hit.length && !grid) {
        // A name over the gap between two columns, with a name under it on either side (收入 over 项目名称 and 金额):
        // a group over both.
        const lo = bands.reduce((j, b, k) => (b.hx1 <= c.x0 ? k : j), -1);
        const hi = bands.findIndex((b) => b.hx0 >= c.x1);
        const named = (k: number) => lines.some((o) => o.y > l.bottom && o.chunks.some((d) => overlap(bands[k].hx0, bands[k].hx1, d.x0, d.x1) > 0));
        if (lo >= 0 && hi >= 0 && named(lo) && named(hi)) hit.push(lo, hi);
      }
      if (!hit.length) continue;
      const cell = { text: c.text, first: hit[0], last: hit[hit.length - 1], y: l.y, bottom: l.bottom, x0: c.x0, x1: c.x1 };
      if (box && inBox.length) {
        // The lines of one bordered cell are one name.
        const key = `${l.page}:${box.x0.toFixed(0)}:${box.x1.toFixed(0)}:${box.top.toFixed(0)}:${box.bottom.toFixed(0)}`;
        const same = [...boxes.entries()].find(([, k]) => k === key)?.[0];
        if (same) {
          same.text = joinText(same.text, cell.text);
          same.bottom = cell.bottom;
          continue;
        }
        boxes.set(cell, key);
        cells.push(cell);
        continue;
      }
      // A name wrapped in its cell (centred: its lines may stand apart, another column's name between them).
      // The lines of one name start at one edge or share one centre.
      const aligned = (x: HeaderCell) => Math.abs(x.x0 - c.x0) < 0.5 * unit || Math.abs((x.x0 + x.x1) / 2 - (c.x0 + c.x1) / 2) < 0.5 * unit;
      const above = cells.filter((x) => x.first === cell.first && x.last === cell.last && cell.y - x.bottom < 2.5 * unit && cell.y > x.y && aligned(x)).pop();
      if (above) {
        above.text = joinText(above.text, cell.text);
        above.bottom = cell.bottom;
        above.x0 = cell.x0;
        above.x1 = cell.x1;
        continue;
      }
      cells.push(cell);
    }
  }
  if (!grid) {
    // Without borders a group's name is only as wide as its text: it spans at least the columns of the names under it
    // (deepest first, so that a group takes in the whole span of the groups under it).
    for (const c of [...cells].sort((a, b) => b.y - a.y)) {
      for (const d of cells) {
        if (d === c || d.y <= c.bottom - 0.5 * unit || overlap(d.x0, d.x1, c.x0, c.x1) <= 0) continue;
        c.first = Math.min(c.first, d.first);
        c.last = Math.max(c.last, d.last);
      }
    }
  }
  return cells;
}

/** Pieces of one cell on two lines: no blank between 汉字; one where a number or Latin word meets a 汉字 or a word. */
function joinText(a: string, b: string): string {
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
  const word = /[A-Za-z0-9%]/;
  const end = a.slice(-1);
  const first = b.slice(0, 1);
  if ((word.test(end) && (cjk.test(first) || word.test(first))) || (cjk.test(end) && word.test(first) && /^\d/.test(first))) return `${a} ${b}`;
  return cjk.test(end) || cjk.test(first) ? a + b : `${a} ${b}`;
}

function kindOfBand(texts: string[], name: string | undefined): BandKind {
  const n = name ? compact(name) : '';
  if (n === '行次') return 'line';
  if (/^[类款项]$/.test(n)) return 'codepart';
  // Totals' labels are often printed across the columns after theirs (merged cells): they say nothing of a column.
  const filled = texts.filter((t) => t !== '' && !(TOTAL_LABEL.test(compact(t)) && !figureText(t)));
  const codes = filled.filter(codeText).length;
  const figures = filled.filter((t) => amountText(t) || figureText(t)).length;
  const text = filled.length - filled.filter((t) => amountText(t) || figureText(t) || codeText(t)).length;
  if (/(编码|代码)$/.test(n) || (codes > 0 && codes >= filled.length * 0.6 && figures - codes <= 0 && !filled.some((t) => /[.,]/.test(t)))) {
    return filled.every((t) => /^\d{1,4}$/.test(compact(t))) && filled.length && !/(编码|代码)$/.test(n) && filled.some((t) => compact(t).length < 3) ? 'line' : 'code';
  }
  if (text > 0 && text >= figures) return 'label';
  if (!filled.length && /(名称|项目|科目)$/.test(n)) return 'label';
  return 'figure';
}

/**
 * The largest gap between two lines of one row. Where cells wrap, the gaps between lines fall in two groups — the
 * lines of one cell, close together, and the rows, farther apart — and the threshold lies between them; else it is a
 * third of a line (lines that overlap or touch: a figure centred beside a two-line label).
 */
function lineGapWithinRows(rows: Line[], unit: number): number {
  const gaps: number[] = [];
  for (let k = 1; k < rows.length; k++) if (rows[k].page === rows[k - 1].page) gaps.push(rows[k].y - rows[k - 1].bottom);
  gaps.sort((a, b) => a - b);
  const fallback = 0.3 * unit;
  let best = -1;
  let ratio = 0;
  for (let k = 0; k + 1 < gaps.length; k++) {
    const r = (gaps[k + 1] + unit) / (Math.max(gaps[k], -unit * 0.9) + unit);
    if (r > ratio) { ratio = r; best = k; }
  }
  // Two clear groups, the closer one within a line's height: lines of one cell.
  if (best >= 0 && ratio >= 1.6 && gaps[best] < unit && gaps[best + 1] > 0.5 * unit) return Math.max(fallback, (gaps[best] + gaps[best + 1]) / 2);
  return fallback;
}

/** The x-ranges a page's row cells cover, left to right (a total's label, often printed across columns, left out). */
function coverOf(lines: Line[]): { x0: number; x1: number }[] {
  const chunks = lines.flatMap((l) => l.chunks).filter((c) => figureText(c.text) || !TOTAL_LABEL.test(compact(c.text))).sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number }[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && c.x0 <= last.x1) last.x1 = Math.max(last.x1, c.x1);
    else out.push({ x0: c.x0, x1: c.x1 });
  }
  return out;
}

/**
 * A layout text lays out each page on a character grid of its own: a table's columns go on at other places on the
 * next page. Each later page's cells are moved onto the first page's columns (the k-th column onto the k-th: text
 * by its left edge, figures, printed flush right, by their right edge) when both pages show as many columns.
 */
function alignPages(rows: Line[]): Line[] {
  const first = rows[0]?.page;
  const base = coverOf(rows.filter((l) => l.page === first));
  const pages = [...new Set(rows.map((l) => l.page))].filter((p) => p !== first);
  const moved = new Map<number, { x0: number; x1: number }[]>();
  for (const p of pages) {
    const cover = coverOf(rows.filter((l) => l.page === p));
    if (cover.length === base.length) moved.set(p, cover);
  }
  if (!moved.size) return rows;
  return rows.map((l) => {
    const cover = moved.get(l.page);
    if (!cover) return l;
    const chunks = l.chunks.map((c) => {
      const k = cover.findIndex((b) => overlap(b.x0, b.x1, c.x0, c.x1) >= 0);
      if (k < 0) return c;
      const d = figureText(c.text) ? base[k].x1 - cover[k].x1 : base[k].x0 - cover[k].x0;
      return { ...c, x0: c.x0 + d, x1: c.x1 + d };
    });
    return { ...l, chunks, x0: chunks[0].x0, x1: chunks[chunks.length - 1].x1 };
  });
}

/**
 * Rows from the row borders: each line's cluster is its page and the space between borders it stands in. Undefined
 * when the borders leave two lines that print a figure in one column in one space (they are two rows, so the
 * table does not draw all its row borders).
 */
function ruledClusters(grid: Grid, lines: Line[], placed: { line: Line; placed: Placed[] }[], bands: Band[]): Map<Line, number> | undefined {
  const out = new Map<Line, number>();
  const keys = new Map<string, number>();
  const figuresIn = new Map<number, Set<number>>();
  const placedOf = new Map(placed.map((p) => [p.line, p.placed]));
  for (const l of lines) {
    const key = `${l.page}:${grid.rowOf(l)}`;
    let c = keys.get(key);
    if (c === undefined) { c = keys.size; keys.set(key, c); }
    out.set(l, c);
    const seen = figuresIn.get(c) ?? new Set<number>();
    for (const p of placedOf.get(l) ?? []) {
      if (!figureText(p.chunk.text) || bands[p.band].kind !== 'figure') continue;
      if (seen.has(p.band)) return undefined;
      seen.add(p.band);
    }
    figuresIn.set(c, seen);
  }
  return out;
}

function sameCell(a: GridCell, b: GridCell): boolean {
  return Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.x1 - b.x1) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.bottom - b.bottom) < 1;
}

/**
 * Where each group of rows starts, from the categories' bordered cells: a row belongs to the category whose cell
 * holds its middle; rows at the top of a page under no category's cell go on with the last category of the page
 * before (a merged cell cut by the page break). Undefined when a category has no cell or the groups are not runs of
 * rows in order.
 */
function categoryStarts(built: { page: number; y: number; bottom: number }[], categories: { page: number; box?: GridCell }[]): number[] | undefined {
  if (categories.some((c) => !c.box)) return undefined;
  const of = built.map((b) => {
    const mid = (b.y + b.bottom) / 2;
    return categories.findIndex((c) => c.page === b.page && c.box!.top <= mid && mid <= c.box!.bottom);
  });
  // (a category's cell cut by a page break: its rows at the top of the next page, until a row in a cell of its own)
  let carried = -1;
  for (let i = 1; i < of.length; i++) {
    if (built[i].page !== built[i - 1].page) carried = of[i - 1];
    if (of[i] >= 0) carried = -1;
    else if (carried >= 0) of[i] = carried;
  }
  const starts: number[] = [];
  for (let g = 0; g < categories.length; g++) {
    const first = of.indexOf(g);
    if (first < 0) return undefined;
    // a run of rows, after the previous group
    const last = of.lastIndexOf(g);
    if (of.slice(first, last + 1).some((x) => x !== g) || (g && first <= of.lastIndexOf(g - 1))) return undefined;
    starts.push(first);
  }
  // rows before the first group only, none between or after the groups
  if (of.slice(starts[0]).some((x) => x < 0)) return undefined;
  return starts;
}

/**
 * Where each group starts: rows (by their vertical centres, in order) split into a run of rows before any group and
 * then one run per category, each as near as can be to centred on its category (cells are centred in their merged
 * cell). Dynamic programming over the split points.
 */
function groupRows(rows: number[], categories: number[]): number[] {
  const n = rows.length;
  const g = categories.length;
  const mean = (a: number, b: number) => rows.slice(a, b).reduce((x, y) => x + y, 0) / (b - a);
  // best[k][i]: the least cost with k groups placed and the next group starting at row i.
  const best: number[][] = Array.from({ length: g + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: g + 1 }, () => new Array<number>(n + 1).fill(-1));
  for (let i = 0; i <= n; i++) best[0][i] = 0;
  for (let k = 1; k <= g; k++) {
    for (let end = k; end <= n; end++) {
      for (let start = k - 1; start < end; start++) {
        if (best[k - 1][start] === Infinity) continue;
        const c = best[k - 1][start] + Math.abs(mean(start, end) - categories[k - 1]);
        if (c < best[k][end]) { best[k][end] = c; from[k][end] = start; }
      }
    }
  }
  const starts: number[] = [];
  let end = n;
  for (let k = g; k >= 1; k--) {
    const start = from[k][end];
    starts.unshift(Math.max(0, start));
    end = start;
  }
  return starts;
}

/** Writes the table: zones and layout from the geometry, then the shared rendering. */
export function tableFromLines(t: TableLines, options: ImportOptions = {}): ImportOutcome {
  const m = editorMessages(options.locale);
  const unit = median([...t.body, ...t.preamble].map((l) => l.size)) || 10;
  let firstRow = t.body.findIndex(isRowLine);
  // A table whose figures are all whole numbers (`0`): its first line below the header with a figure.
  if (firstRow < 0) firstRow = t.body.findIndex((l, k) => k > 0 && !isLanciLine(l) && l.chunks.length > 1 && l.chunks.some((c) => figureText(c.text)));
  // A table printed without figures (a template, an empty table): its rows start at the first enumerated label
  // (`一、…`) or code, or at its 合计 row.
  // (a `合计` among other names on its line is a column's name)
  if (firstRow < 0) firstRow = t.body.findIndex((l, k) => k > 0 && !isLanciLine(l) && ((DATA_START.test(compact(l.chunks[0].text)) && !(TOTAL_LABEL.test(compact(l.chunks[0].text)) && l.chunks.length > 1)) || codeText(l.chunks[0].text)));
  // A label printed above its figures (a centred cell wrapped over lines) starts the first row, not the header.
  while (firstRow > 0 && DATA_START.test(compact(t.body[firstRow - 1].chunks[0].text)) && t.body[firstRow].y - t.body[firstRow - 1].bottom < unit && !isLanciLine(t.body[firstRow - 1])) firstRow--;
  // A total row printed without figures (a template's `合计`): the word alone on its line, over the rows' labels
  // (a column's name `合计` stands over figures, right of them).
  if (firstRow > 0) {
    const labels = t.body.slice(firstRow, firstRow + 5).flatMap((l) => l.chunks.filter((c) => !figureText(c.text)));
    const above = t.body[firstRow - 1];
    const [c] = above.chunks;
    if (above.chunks.length === 1 && /^(合计|总计)$/.test(compact(c.text)) && labels.some((x) => overlap(x.x0, x.x1, c.x0, c.x1) > 0)) firstRow--;
  }
  const header = firstRow < 0 ? t.body : t.body.slice(0, firstRow);
  const rows = firstRow < 0 ? [] : t.fromText ? alignPages(t.body.slice(firstRow)) : t.body.slice(firstRow);
  const lanciLine = header.find(isLanciLine);

  const grid = t.fromText ? undefined : Grid.of(t.rules, t.body);
  // Lines under the table's last border are text printed under it (`说明：本部门无相关收支项目。`).
  const under: Line[] = [];
  while (grid && rows.length > 1 && grid.below(rows[rows.length - 1])) under.unshift(rows.pop()!);
  const raw = grid ? gridBands(grid, t.body) : bandsOf(header, rows, unit, t.fromText ? TEXT_COLUMN : 0);
  const provisional: Band[] = raw.map((b) => ({ ...b, kind: 'figure', textRight: b.x1 }));
  const hcells = headerCells(header, provisional, unit, grid);
  const nameOf = (k: number) => {
    const over = hcells.filter((c) => c.first === k && c.last === k).sort((a, b) => b.y - a.y)[0];
    return over ? compact(over.text) : `${k + 1}`;
  };
  const placedRows = rows.map((l) => l.chunks.map((c) => place(c, provisional, nameOf, m)));
  const bands: Band[] = provisional.map((b, k) => {
    const texts = placedRows.flatMap((p) => p.filter((x) => x.band === k).map((x) => x.chunk.text));
    // The right end of the band's text (cells printed across columns left out).
    const right = Math.max(b.x0, ...placedRows.flatMap((p) => p.filter((x) => x.band === k && !figureText(x.chunk.text) && x.chunk.x1 <= b.x1 + 1).map((x) => x.chunk.x1)));
    const named = hcells.filter((c) => c.first === k && c.last === k).sort((a, b2) => b2.y - a.y)[0]?.text;
    return { ...b, kind: kindOfBand(texts, named), textRight: right };
  });
  // Only the first text band of a block is its label: further text columns (专项名称, 采购组织形式 …) are columns
  // whose cells hold text, as the language writes them.
  const kinds0 = bands.map((b) => b.kind);
  for (let k = 1; k < bands.length; k++) {
    if (kinds0[k] !== 'label') continue;
    let j = k - 1;
    while (j >= 0 && kinds0[j] !== 'figure' && kinds0[j] !== 'label') j--;
    const laterFigure = kinds0.slice(k + 1).some((x) => x === 'figure');
    if (j >= 0 && (kinds0[j] === 'label' || !laterFigure)) bands[k].kind = 'figure';
  }
  // A text column printed once for each group of rows of the next text column (a second level of row names under
  // one 项目名称): categories. Between borders: some of its cells are merged over several rows, none of the next
  // column's, and it holds fewer texts; else it holds far fewer texts than the next, or fewer than a next column the
  // header does not name and that holds names only. A next column the header does not name holds no figure.
  const mergedOverRows = (j: number) => placedRows.some((p, i) => p.some((x) => {
    if (x.band !== j || !grid) return false;
    const box = grid.cell(rows[i].page, x.chunk, rows[i].y, rows[i].bottom);
    // (a cell of this column alone, not one merged over several columns: it reaches into no other band — a border
    // with no text between it and the next band's, drawn by a header cell only, makes no column)
    return !!box && box.x0 > bands[j].x0 - 2 && bands.every((b, i2) => i2 === j || overlap(box.x0, box.x1, b.x0, b.x1) < 2) && grid.spansRows(rows[i].page, box);
  }));
  for (let k = 0; k + 1 < bands.length; k++) {
    if (kinds0[k] !== 'label' || kinds0[k + 1] !== 'label') continue;
    const count = (j: number) => placedRows.reduce((n, p) => n + p.filter((x) => x.band === j).length, 0);
    const n0 = count(k);
    // (a category's line prints no figure of its own: a row with a figure and nothing in the next column is a row)
    const rowOfItsOwn = placedRows.filter((p) => p.some((x) => x.band === k) && !p.some((x) => x.band === k + 1) && p.some((x) => figureText(x.chunk.text))).length >= 2;
    // (a next column the header does not name holds names only: a figure in it, `3.00` where a name would be, may make
    // it a column of figures — a table laid across — and it stays a column, with the doubt of a column the header does
    // not name; a named one is read as before)
    const nextUnnamed = !hcells.some((c) => c.first <= k + 1 && k + 1 <= c.last && compact(c.text));
    const figureInNext = placedRows.some((p) => p.some((x) => x.band === k + 1 && figureText(x.chunk.text)));
    // (without borders, a next column of names only that the header does not name is a second level however few rows
    // each group has: fewer names than it is enough)
    const fewer = grid ? mergedOverRows(k) && !mergedOverRows(k + 1) && n0 < count(k + 1)
      : n0 <= 0.6 * count(k + 1) || (nextUnnamed && !figureInNext && n0 < count(k + 1));
    if (n0 >= 2 && fewer && !rowOfItsOwn && !(nextUnnamed && figureInNext)) {
      bands[k].kind = 'category';
      bands[k + 1].kind = 'label';
    }
  }
  // 栏次: the number printed over each band.
  const lanci = new Map<number, number>();
  if (lanciLine) {
    for (const c of lanciLine.chunks) {
      if (!/^\d{1,2}$/.test(compact(c.text))) continue;
      const p = place(c, bands, nameOf, m);
      if (!p.doubt) lanci.set(p.band, Number(compact(c.text)));
    }
  }

  // Sides: a text or code band after a figure band starts a new side (收入 | 支出, blocks side by side).
  const starts = [0];
  for (let k = 1; k < bands.length; k++) {
    if (bands[k].kind !== 'figure' && bands[k - 1].kind === 'figure') starts.push(k);
  }
  const sideRange = starts.map((s, i) => ({ start: s, end: (starts[i + 1] ?? bands.length) }));
  const sideNames: string[][] = sideRange.map(() => []);
  const namesUnder = (c: HeaderCell) => hcells.some((d) => d !== c && d.y > c.y && d.first >= c.first && d.last <= c.last);
  const naming = new Set<HeaderCell>();
  if (sideRange.length > 1) {
    for (const c of [...hcells].sort((a, b) => a.y - b.y)) {
      // A header cell over whole sides only names them.
      const covered = sideRange.filter((r) => c.first <= r.start && r.end - 1 <= c.last);
      const touched = sideRange.filter((r) => c.first < r.end && r.start <= c.last);
      if (covered.length && covered.length === touched.length) {
        for (const r of covered) sideNames[sideRange.indexOf(r)].push(c.text);
        naming.add(c);
        continue;
      }
      // Between borders, a cell drawn over a block's first column and beyond, with names under it, names the blocks
      // whose first column it covers (支出用途 drawn over 功能分类's 金额 too).
      const starts = sideRange.filter((r) => c.first <= r.start && r.start <= c.last);
      if (grid && starts.length && namesUnder(c)) {
        for (const r of starts) sideNames[sideRange.indexOf(r)].push(c.text);
        naming.add(c);
      }
    }
  }

  if (sideRange.length > 1 && sideNames.every((n) => !n.length)) {
    // A line over the column names with one cell over each of several sides (收入 | 支出): their names. (A name with
    // no name under it is a column's.)
    const sideOf = (c: HeaderCell) => (namesUnder(c) ? sideRange.findIndex((r) => c.first >= r.start && c.last < r.end) : -1);
    const byLine = new Map<number, HeaderCell[]>();
    for (const c of hcells) byLine.set(c.y, [...(byLine.get(c.y) ?? []), c]);
    for (const cells of [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, cs]) => cs)) {
      const sidesHit = cells.map(sideOf);
      if (cells.length >= 2 && sidesHit.every((k) => k >= 0) && new Set(sidesHit).size === cells.length) {
        cells.forEach((c, k) => { sideNames[sidesHit[k]].push(c.text); naming.add(c); });
        break;
      }
    }
  }
  const sides: Side[] = sideRange.map((r, i) => {
    const mine = hcells.filter((c) => !naming.has(c) && c.first >= r.start && c.last < r.end);
    const figureBands: number[] = [];
    for (let k = r.start; k < r.end; k++) if (bands[k].kind === 'figure') figureBands.push(k);
    const kinds = new Set(bands.slice(r.start, r.end).map((b) => b.kind));
    const lowest = (k: number) => mine.filter((c) => c.first === k && c.last === k).sort((a, b) => b.y - a.y)[0];
    const codeBand = bands.findIndex((b, k) => k >= r.start && k < r.end && (b.kind === 'code' || b.kind === 'codepart'));
    const labelBand = bands.findIndex((b, k) => k >= r.start && k < r.end && b.kind === 'label');
    const codeCell = codeBand >= 0 ? (bands[codeBand].kind === 'codepart' ? mine.find((c) => c.first <= codeBand && c.last > codeBand) : lowest(codeBand)) : undefined;
    // The label's name: over its column alone; else over it and other text columns (项目名称 over the categories and
    // the labels); else the categories' name (the rows' name when the label column has none).
    const textOnly = (c: HeaderCell) => bands.slice(c.first, c.last + 1).every((b) => b.kind !== 'figure');
    const categoryBand = bands.findIndex((b, k) => k >= r.start && k < r.end && b.kind === 'category');
    const labelCell = labelBand < 0 ? undefined : lowest(labelBand)
      ?? mine.filter((c) => c.first <= labelBand && labelBand <= c.last && textOnly(c)).sort((a, b) => b.y - a.y)[0]
      ?? (categoryBand >= 0 ? lowest(categoryBand) : undefined);
    const nonFigure = bands.slice(r.start, r.end).map((b, k) => (b.kind !== 'figure' ? r.start + k : -1)).filter((k) => k >= 0);
    const group = nonFigure.length >= 2 ? mine.find((c) => c.first <= nonFigure[0] && c.last >= nonFigure[nonFigure.length - 1] && c !== codeCell && c !== labelCell && c.first === r.start) : undefined;
    const leaves: FigureNode[][] = figureBands.map((k) => {
      const over = mine.filter((c) => c.first <= k && k <= c.last).sort((a, b) => a.y - b.y);
      const path = over.map((c) => ({ name: compact(c.text) === c.text.replace(/\s+/g, '') ? c.text.replace(/(\S)\s+(?=[\u3000-\u9fff])/g, '$1') : c.text, id: `${c.first}:${c.last}:${c.y}` }));
      const last = over[over.length - 1];
      if (!last || last.first !== last.last) path.push({ name: '', id: `leaf:${k}` });
      return path;
    });
    const origin = figureBands.length ? figureBands[0] - r.start : r.end - r.start;
    return {
      start: r.start, end: r.end,
      ...(sideNames[i].length ? { name: sideNames[i].map((x) => x.replace(/\s+/g, '')).join(' ') } : {}),
      hasCode: kinds.has('code') || kinds.has('codepart'),
      hasLabel: kinds.has('label'),
      hasLine: kinds.has('line'),
      codeName: codeCell ? codeCell.text.replace(/\s+/g, '') : '科目编码',
      labelName: labelCell ? labelCell.text.replace(/\s+/g, '') : '项目',
      ...(group ? { group: group.text.replace(/\s+/g, '') } : {}),
      origin,
      ...(labelBand >= 0 && labelBand < r.start + origin ? { labelAt: labelBand - r.start } : {}),
      ...(grid ? { bordered: true } : {}),
      leaves,
      numbers: figureBands.map((k) => lanci.get(k)),
    };
  });

  // Rows of each side, from the lines' vertical positions.
  const data: SourceRow[] = [];
  const doubts = new Map<SourceRow, string[]>();
  const joined = new Map<SourceRow, { lines: number[]; before: string; after: string }>();
  const bandName = (k: number) => {
    const s = sides.find((x) => x.start <= k && k < x.end);
    const fb = s ? bands.slice(s.start, s.end).map((b, i) => (b.kind === 'figure' ? s.start + i : -1)).filter((i) => i >= 0) : [];
    const leaf = s && fb.includes(k) ? s.leaves[fb.indexOf(k)] : undefined;
    return leaf ? (leaf[leaf.length - 1].name || leaf.map((x) => x.name).filter((x) => x).join('/') || `${k + 1}`) : nameOf(k);
  };
  const placedAgain = rows.map((l) => ({ line: l, placed: l.chunks.map((c) => ({ ...place(c, bands, bandName, m), line: l })) }));
  if (grid) {
    // A label in a cell merged over several columns (`结转下年资金` over both blocks of the 支出 side, `合计` over the
    // code and name columns) is the label of the block whose figures stand right after the merged cell.
    for (const { line, placed } of placedAgain) {
      for (const p of placed) {
        if (figureText(p.chunk.text)) continue;
        const box = grid.cell(line.page, p.chunk, line.y, line.bottom);
        if (!box) continue;
        const inside = bands.filter((b) => (b.x0 + b.x1) / 2 > box.x0 && (b.x0 + b.x1) / 2 < box.x1);
        if (inside.length < 2) continue;
        const figure = bands.findIndex((b) => b.kind === 'figure' && b.x0 >= box.x1 - 1);
        const side = sideRange.find((r) => figure >= r.start && figure < r.end);
        const label = side ? bands.findIndex((b, j) => j >= side.start && j < side.end && b.kind === 'label') : -1;
        if (label >= 0 && !placed.some((o) => o !== p && o.band === label)) p.band = label;
      }
    }
  }
  // Without borders: a total's label in a figure column with no figure of its block beside it, centred in a cell
  // merged from its block's label column on (`结转下年资金` over 功能分类 and 支出用途): the cell ends as far right of
  // the label's middle as it starts left of it, and the label goes with the block whose figures follow the cell.
  for (const { placed } of grid ? [] : placedAgain) {
    for (const p of placed) {
      const side = sideRange.find((r) => p.band >= r.start && p.band < r.end);
      if (!side || bands[p.band].kind !== 'figure' || figureText(p.chunk.text) || !TOTAL_LABEL.test(compact(p.chunk.text))) continue;
      if (placed.some((o) => o !== p && figureText(o.chunk.text) && o.band >= side.start && o.band < side.end)) continue;
      const label = bands.findIndex((b, j) => j >= side.start && j < side.end && b.kind === 'label');
      if (label < 0) continue;
      const end = p.chunk.x0 + p.chunk.x1 - bands[label].x0;
      const figure = bands.findIndex((b) => b.kind === 'figure' && (b.x0 + b.x1) / 2 > end);
      const to = sideRange.find((r) => figure >= r.start && figure < r.end);
      const home = to ? bands.findIndex((b, j) => j >= to.start && j < to.end && b.kind === 'label') : -1;
      if (home >= 0 && home !== label && !placed.some((o) => o !== p && o.band === home)) {
        p.band = home;
        p.doubt = m.doubtRowGuess(p.chunk.text);
      }
    }
  }
  // A total printed across blocks (`当年支出小计` over one block, its figure in the next): the label goes with the figure.
  for (const { placed } of grid ? [] : placedAgain) {
    for (let k = 0; k + 1 < sideRange.length; k++) {
      const here = placed.filter((p) => p.band >= sideRange[k].start && p.band < sideRange[k].end);
      const next = placed.filter((p) => p.band >= sideRange[k + 1].start && p.band < sideRange[k + 1].end);
      const label = bands.findIndex((b, j) => j >= sideRange[k + 1].start && j < sideRange[k + 1].end && b.kind === 'label');
      if (here.length === 1 && !figureText(here[0].chunk.text) && TOTAL_LABEL.test(compact(here[0].chunk.text)) && label >= 0
        && next.length && next.every((p) => bands[p.band].kind === 'figure' && figureText(p.chunk.text))) {
        here[0].band = label;
        here[0].doubt = m.doubtRowGuess(here[0].chunk.text);
      }
    }
  }
  // (a category printed between its rows' lines says nothing of how far apart rows are)
  const categoryOnly = new Set(placedAgain.filter(({ placed }) => placed.every((p) => bands[p.band].kind === 'category')).map(({ line }) => line));
  const rowLines = rows.filter((l) => !categoryOnly.has(l));
  const within = t.fromText ? 0 : lineGapWithinRows(rowLines, unit);
  // Rows of the whole table first: lines closer than rows ever are (a wrapped cell, a figure centred beside two
  // lines of label, in any block) are one row.
  const clusterOf = new Map<Line, number>();
  let cluster = 0;
  rowLines.forEach((l, k) => {
    const prev = rowLines[k - 1];
    if (prev && (prev.page !== l.page || l.y - Math.max(...rowLines.slice(0, k).filter((x) => clusterOf.get(x) === cluster).map((x) => x.bottom)) >= within)) cluster++;
    clusterOf.set(l, cluster);
  });
  // Between row borders, the lines between two borders are one row — when the borders part every two lines that
  // print a figure in one column (a table that draws only some of its row borders is read from the gaps).
  const ruledRows = grid && ruledClusters(grid, rowLines, placedAgain, bands);
  if (ruledRows) for (const [l, c] of ruledRows) clusterOf.set(l, c);
  const finalSides: Side[] = [];
  sideRange.forEach((r, sideIndex) => {
    interface Building { page: number; y: number; bottom: number; cells: Map<number, Placed[]>; lines: number; cluster: number; continued?: SourceRow['continued'] }
    const built: Building[] = [];
    const categories: { text: string; page: number; y: number; bottom: number; box?: GridCell }[] = [];
    const isLabel = (k: number) => bands[k].kind === 'label';
    for (const { line, placed } of placedAgain) {
      const all = placed.filter((p) => p.band >= r.start && p.band < r.end);
      for (const p of all.filter((x) => bands[x.band].kind === 'category')) {
        const last = categories[categories.length - 1];
        const box = ruledRows && grid ? grid.cell(line.page, p.chunk, line.y, line.bottom) : undefined;
        // (a category wrapped over two lines is one: in one bordered cell, or close together)
        const same = last && last.page === line.page && (box && last.box ? sameCell(box, last.box) : line.y - last.bottom < unit);
        if (last && same) { last.text = joinText(last.text, p.chunk.text); last.bottom = line.bottom; } else categories.push({ text: p.chunk.text, page: line.page, y: line.y, bottom: line.bottom, ...(box ? { box } : {}) });
      }
      const mine = all.filter((p) => bands[p.band].kind !== 'category');
      if (!mine.length) continue;
      const cur = built[built.length - 1];
      const labelOnly = mine.every((p) => isLabel(p.band));
      let merge = false;
      if (cur) {
        const samePage = cur.page === line.page;
        const overlapping = clusterOf.get(line) === cur.cluster;
        const lastLabel = [...cur.cells.entries()].filter(([k]) => isLabel(k)).map(([k, ps]) => ({ k, p: ps[ps.length - 1] }));
        // (full: reaching the column's right edge — its longest text, and near the middle of the gap to the next)
        const cellRight = (k: number) => (k + 1 < bands.length ? (bands[k].x1 + bands[k + 1].x0) / 2 : bands[k].x1);
        const full = labelOnly && lastLabel.some(({ k, p }) => mine.some((x) => x.band === k) && p.chunk.x1 >= bands[k].textRight - 0.7 * unit && p.chunk.x1 >= cellRight(k) - 2.5 * unit);
        // A label-only line under a label that fills its column, and that does not start a row of its own (一、…,
        // 1. …): the rest of that label, however far the cell spreads its lines.
        // (across a page break, a total's word too: `当 年 收 入` / `小计`)
        const rest = labelOnly && !mine.some((p) => DATA_START.test(compact(p.chunk.text)) || (samePage && TOTAL_LABEL.test(compact(p.chunk.text))));
        const near = samePage ? line.y - cur.bottom < (rest ? 2.5 : 1.0) * unit : true;
        // (between row borders, only a label's rest on the next page joins a row of another cell)
        merge = overlapping || (full && rest && near && !(ruledRows && samePage));
        // A layout text puts a figure printed a little under its label on a line of its own: figures alone on the
        // line right under a label with no figure in their columns go with that label (a guess, marked).
        const figuresOnly = mine.every((p) => bands[p.band].kind === 'figure' && figureText(p.chunk.text));
        if (!merge && t.fromText && samePage && figuresOnly && line.y - cur.bottom < unit
          && [...cur.cells.keys()].some(isLabel) && !mine.some((p) => cur.cells.has(p.band))) {
          merge = true;
          for (const p of mine) p.doubt = m.doubtRowGuess(p.chunk.text);
        }
      }
      if (merge && cur) {
        // (a label going on on the next page: the output says where that page begins)
        if (line.page !== cur.page && !cur.continued) cur.continued = { page: line.page, text: repairText(mine[0].chunk.text).text };
        for (const p of mine) {
          const list = cur.cells.get(p.band) ?? [];
          list.push(p);
          cur.cells.set(p.band, list);
        }
        cur.bottom = Math.max(cur.bottom, line.bottom);
        cur.lines++;
        cur.cluster = clusterOf.get(line)!;
      } else {
        const cells = new Map<number, Placed[]>();
        for (const p of mine) cells.set(p.band, [...(cells.get(p.band) ?? []), p]);
        built.push({ page: line.page, y: line.y, bottom: line.bottom, cells, lines: 1, cluster: clusterOf.get(line)! });
      }
    }
    // A text cell (not the row's label) wrapped over lines whose next line falls among the next row's lines — a cell
    // merged over two rows and centred on them (`物业管理服` / `务` beside `部门集中采` / `购` and `分散自行组` / `织`): its
    // pieces go with its first line. Between row borders: the pieces in one bordered cell. Else: a piece that fills
    // its cell, and the piece right under it (closer than a line) in a row that has cells of its own besides.
    for (let i = built.length - 1; i >= 1; i--) {
      const [q, rw] = [built[i - 1], built[i]];
      if (q.page !== rw.page) continue;
      for (const [k, ps] of [...rw.cells]) {
        const above = q.cells.get(k);
        if (!above || bands[k].kind !== 'figure' || ps.some((x) => figureText(x.chunk.text)) || above.some((x) => figureText(x.chunk.text))) continue;
        const last = above[above.length - 1];
        const first = ps[0];
        if (!last.line || !first.line) continue;
        let moving: Placed[] = [];
        if (ruledRows && grid) {
          const a = grid.cell(last.line.page, last.chunk, last.line.y, last.line.bottom);
          const same = (p: Placed) => {
            const b = p.line && grid.cell(p.line.page, p.chunk, p.line.y, p.line.bottom);
            return !!a && !!b && Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.x1 - b.x1) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.bottom - b.bottom) < 1;
          };
          moving = ps.filter(same);
        } else {
          const right = k + 1 < bands.length ? (bands[k].x1 + bands[k + 1].x0) / 2 : bands[k].x1;
          const full = last.chunk.x1 + last.chunk.size > right - 0.3 * last.chunk.size;
          const close = first.line.y - last.line.bottom < last.chunk.size;
          const others = [...rw.cells.keys()].some((j) => j !== k);
          // (a piece as wide as the one above fills its cell too: a cell of its own, not the rest of one)
          const rest = first.chunk.x1 - first.chunk.x0 < last.chunk.x1 - last.chunk.x0 - 0.5 * last.chunk.size;
          if (full && close && others && rest && !DATA_START.test(compact(first.chunk.text))) moving = [first];
        }
        if (!moving.length) continue;
        above.push(...moving);
        const left = ps.filter((x) => !moving.includes(x));
        if (left.length) rw.cells.set(k, left); else rw.cells.delete(k);
      }
      if (!rw.cells.size) built.splice(i, 1);
    }
    const sideRows: SourceRow[] = [];
    for (const b of built) {
      const cells: string[] = bands.map(() => '');
      const notes: string[] = [];
      const wrapped: string[] = [];
      const whole: string[] = [];
      for (const [k, ps] of b.cells) {
        const texts = ps.map((p) => p.chunk.text);
        for (const p of ps) if (p.doubt) notes.push(p.doubt);
        if (texts.length > 1 && texts.filter(figureText).length > 1) notes.push(m.doubtTwoInCell(texts[0], texts[1]));
        // Pieces of one cell in reading order: top to bottom (the placed order follows the lines).
        cells[k] = ps.map((p) => p.chunk.text).reduce((a, c) => (a ? (figureText(a) && figureText(c) ? `${a} ${c}` : joinText(a, c)) : c), '');
        if (texts.length > 1 && !texts.some(figureText)) { wrapped.push(texts.join(' / ')); whole.push(cells[k]); }
      }
      const row: SourceRow = { line: b.page, cells, ...(b.continued ? { continued: b.continued } : {}) };
      data.push(row);
      sideRows.push(row);
      if (notes.length) doubts.set(row, notes);
      if (wrapped.length) joined.set(row, { lines: [b.page], before: wrapped.join('；'), after: whole.join('；') });
    }
    const side = sides[sideIndex];
    if (!categories.length) {
      finalSides.push(side);
      return;
    }
    // Rows before the first group, then one part per category: between borders, the rows inside each category's
    // cell (a cell cut by a page break goes on at the top of the next page); else the partition whose groups are
    // centred best on their categories (pages laid one under the other).
    const pageOffset = (page: number) => (page - (rows[0]?.page ?? page)) * 100000;
    const groups = (ruledRows && categoryStarts(built, categories))
      || groupRows(built.map((b) => pageOffset(b.page) + (b.y + b.bottom) / 2), categories.map((c) => pageOffset(c.page) + (c.y + c.bottom) / 2));
    const head = sideRows.slice(0, groups[0]);
    if (head.length) finalSides.push({ ...side, rows: new Set(head) });
    categories.forEach((c, g) => {
      const members = sideRows.slice(groups[g], groups[g + 1] ?? sideRows.length);
      finalSides.push({ ...side, name: c.text.replace(/\s+/g, ''), rows: new Set(members) });
    });
  });

  const lineRow = (l: Line): SourceRow => ({ line: l.page, cells: l.chunks.map((c) => c.text) });
  const zones: TableZones = {
    preamble: t.preamble.map(lineRow),
    header: header.filter((l) => l !== lanciLine).map(lineRow),
    ...(lanciLine ? { lanci: lineRow(lanciLine) } : {}),
    junk: [],
    data: [...data, ...(t.dropped ?? []).map((l) => ({ line: l.page, cells: [l.text] }))],
    dataJunk: new Set(),
    trailer: [...under, ...t.trailer].map((l) => ({ line: l.page, cells: [l.text] })),
    doubts,
    joined,
    ...(t.page !== undefined ? { page: t.page } : {}),
  };
  for (const r of zones.data.slice(data.length)) zones.dataJunk.add(r);
  const source: SourceGrid = { kind: 'pdf', rows: [...zones.preamble, ...zones.data, ...zones.trailer] };
  return renderTable(source, zones, () => finalSides, options);
}
