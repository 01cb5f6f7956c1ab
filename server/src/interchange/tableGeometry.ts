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
import { compact, codeLike, isDash } from './repair';
import { renderTable, type FigureNode, type ImportOptions, type ImportOutcome, type Side, type SourceGrid, type SourceRow, type TableZones } from './import';
import type { Chunk, Line } from './layout';

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

/** How a row's label starts (an enumeration, a total), never a column's name. */
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

/**
 * Column bands: where the rows' cells stand (x-ranges that most rows leave empty separate them). Cells under no band
 * (a sparse column) make bands of their own. A header cell over no band names the band whose cell it stands in (a
 * name centred over right-aligned figures), unless that band is already named on the same line: then it is a column
 * no row fills, a band of its own.
 */
function bandsOf(header: Line[], rows: Line[], unit: number, folded: string[] = []): { x0: number; x1: number; hx0: number; hx1: number }[] {
  const xs = [...header, ...rows].flatMap((l) => l.chunks.flatMap((c) => [c.x0, c.x1]));
  if (!xs.length) return [];
  const left = Math.floor(Math.min(...xs)) - 1;
  const right = Math.ceil(Math.max(...xs)) + 1;
  const runs = (chunks: Chunk[], threshold: number) => {
    const cover = new Int32Array(right - left + 1);
    for (const c of chunks) for (let x = Math.floor(c.x0) - left; x <= Math.ceil(c.x1) - left; x++) cover[x]++;
    const out: { x0: number; x1: number }[] = [];
    let start = -1;
    for (let x = 0; x < cover.length; x++) {
      if (cover[x] > threshold) { if (start < 0) start = x; } else if (start >= 0) { out.push({ x0: start + left, x1: x - 1 + left }); start = -1; }
    }
    if (start >= 0) out.push({ x0: start + left, x1: cover.length - 1 + left });
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
  // Bands named by a header cell over them alone (on any header line), and those named on the line at hand.
  type B = (typeof bands)[number];
  const named = new Set<B>();
  for (const l of [...header].reverse()) {
    if (isLanciLine(l)) continue;
    const pending: Chunk[] = [];
    const onLine = new Set<B>();
    // Bands named directly (overlapped) by a cell of this line.
    const directly = new Set<B>();
    for (const c of l.chunks) {
      // Over a band: overlapping it by a good part of the narrower of the two (a name's edge over the next column's
      // edge does not count).
      const hit = bands.filter((b) => overlap(b.hx0, b.hx1, c.x0, c.x1) > 0.3 * Math.min(c.x1 - c.x0, b.hx1 - b.hx0));
      if (hit.length === 1) {
        const b = hit[0];
        b.hx0 = Math.min(b.hx0, c.x0);
        b.hx1 = Math.max(b.hx1, c.x1);
        named.add(b);
        onLine.add(b);
        directly.add(b);
      } else if (!hit.length) pending.push(c);
    }
    for (const c of pending) {
      const mid = (c.x0 + c.x1) / 2;
      // The cell of band k reaches halfway to its neighbours.
      const b = bands.find((x, j) => mid >= (j ? (bands[j - 1].x1 + x.x0) / 2 : -Infinity) && mid < (j + 1 < bands.length ? (x.x1 + bands[j + 1].x0) / 2 : Infinity));
      // Named below this line: a name over it (a group, a side's name) — unless it stands beside its column and
      // other names on its line name columns of their own: then it is a column's name too, a column no row fills.
      const beside = b && named.has(b) && directly.size >= 2 && !(mid >= b.hx0 - 0.5 * unit && mid <= b.hx1 + 0.5 * unit);
      if (b && !onLine.has(b) && !beside) {
        // (beside the column it joins, not over it: maybe a column no row fills, taken as a name over its neighbour)
        // (right of figures that are printed flush right: no name of theirs stands there)
        if (c.x0 > b.x1 + 0.5 * unit && directly.size >= 2) folded.push(c.text);
        b.hx0 = Math.min(b.hx0, c.x0);
        b.hx1 = Math.max(b.hx1, c.x1);
        named.add(b);
        onLine.add(b);
      } else {
        const nb = { x0: c.x0, x1: c.x1, hx0: c.x0, hx1: c.x1 };
        bands.push(nb);
        bands.sort((p, q) => p.x0 - q.x0);
        named.add(nb);
        onLine.add(nb);
      }
    }
  }
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

/** The header's cells with the bands each spans; a name wrapped over two lines joined. */
function headerCells(header: Line[], bands: Band[], unit: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (const l of header) {
    if (isLanciLine(l)) continue;
    for (const c of l.chunks) {
      const hit = bands.map((b, k) => (overlap(b.hx0, b.hx1, c.x0, c.x1) > 0.2 * Math.min(b.hx1 - b.hx0, c.x1 - c.x0) ? k : -1)).filter((k) => k >= 0);
      if (!hit.length) continue;
      const cell = { text: c.text, first: hit[0], last: hit[hit.length - 1], y: l.y, bottom: l.bottom, x0: c.x0, x1: c.x1 };
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
  if (firstRow < 0) firstRow = t.body.findIndex((l, k) => k > 0 && !isLanciLine(l) && (DATA_START.test(compact(l.chunks[0].text)) || codeText(l.chunks[0].text)));
  // A label printed above its figures (a centred cell wrapped over lines) starts the first row, not the header.
  while (firstRow > 0 && DATA_START.test(compact(t.body[firstRow - 1].chunks[0].text)) && t.body[firstRow].y - t.body[firstRow - 1].bottom < unit && !isLanciLine(t.body[firstRow - 1])) firstRow--;
  const header = firstRow < 0 ? t.body : t.body.slice(0, firstRow);
  const rows = firstRow < 0 ? [] : t.body.slice(firstRow);
  const lanciLine = header.find(isLanciLine);

  const folded: string[] = [];
  const raw = bandsOf(header, rows, unit, folded);
  const provisional: Band[] = raw.map((b) => ({ ...b, kind: 'figure', textRight: b.x1 }));
  const hcells = headerCells(header, provisional, unit);
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
  // A text column printed once for each group of rows of the next text column (on one page): categories.
  const onePage = rows.every((l) => l.page === rows[0]?.page);
  for (let k = 0; k + 1 < bands.length && onePage; k++) {
    if (kinds0[k] !== 'label' || kinds0[k + 1] !== 'label') continue;
    const count = (j: number) => placedRows.reduce((n, p) => n + p.filter((x) => x.band === j).length, 0);
    const n0 = count(k);
    // (a category's line prints no figure of its own: a row with a figure and nothing in the next column is a row)
    const rowOfItsOwn = placedRows.filter((p) => p.some((x) => x.band === k) && !p.some((x) => x.band === k + 1) && p.some((x) => figureText(x.chunk.text))).length >= 2;
    if (n0 >= 2 && n0 <= 0.6 * count(k + 1) && !rowOfItsOwn) {
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
  const naming = new Set<HeaderCell>();
  if (sideRange.length > 1) {
    for (const c of [...hcells].sort((a, b) => a.y - b.y)) {
      // A header cell over whole sides only names them.
      const covered = sideRange.filter((r) => c.first <= r.start && r.end - 1 <= c.last);
      const touched = sideRange.filter((r) => c.first < r.end && r.start <= c.last);
      if (covered.length && covered.length === touched.length) {
        for (const r of covered) sideNames[sideRange.indexOf(r)].push(c.text);
        naming.add(c);
      }
    }
  }

  if (sideRange.length > 1 && sideNames.every((n) => !n.length)) {
    // A line over the column names with one cell over each of several sides (收入 | 支出): their names.
    const sideOf = (c: HeaderCell) => sideRange.findIndex((r) => c.first >= r.start && c.last < r.end);
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
    const labelCell = labelBand >= 0 ? lowest(labelBand) : undefined;
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
  const placedAgain = rows.map((l) => ({ line: l, placed: l.chunks.map((c) => place(c, bands, bandName, m)) }));
  // A total's label centred over a merged cell that starts in the figure column of one block and reaches the next
  // block's label column (`结转下年资金` beside `上年结转资金`): it belongs to the block whose label column it reaches.
  for (const { placed } of placedAgain) {
    for (const p of placed) {
      const next = bands[p.band + 1];
      if (bands[p.band].kind === 'figure' && !figureText(p.chunk.text) && TOTAL_LABEL.test(compact(p.chunk.text)) && next?.kind === 'label'
        && p.chunk.x1 > next.x0 - unit && !placed.some((o) => o !== p && o.band === p.band + 1)) {
        p.band += 1;
        p.doubt = m.doubtRowGuess(p.chunk.text);
      }
    }
  }
  // A total printed across blocks (`当年支出小计` over one block, its figure in the next): the label goes with the figure.
  for (const { placed } of placedAgain) {
    for (let k = 0; k + 1 < sideRange.length; k++) {
      const here = placed.filter((p) => p.band >= sideRange[k].start && p.band < sideRange[k].end);
      const next = placed.filter((p) => p.band >= sideRange[k + 1].start && p.band < sideRange[k + 1].end);
      const label = bands.findIndex((b, j) => j >= sideRange[k + 1].start && j < sideRange[k + 1].end && b.kind === 'label');
      if (here.length === 1 && !figureText(here[0].chunk.text) && TOTAL_LABEL.test(compact(here[0].chunk.text)) && label >= 0
        && next.length && next.every((p) => bands[p.band].kind === 'figure')) {
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
  const finalSides: Side[] = [];
  sideRange.forEach((r, sideIndex) => {
    interface Building { page: number; y: number; bottom: number; cells: Map<number, Placed[]>; lines: number; cluster: number }
    const built: Building[] = [];
    const categories: { text: string; y: number; bottom: number }[] = [];
    const isLabel = (k: number) => bands[k].kind === 'label';
    for (const { line, placed } of placedAgain) {
      const all = placed.filter((p) => p.band >= r.start && p.band < r.end);
      for (const p of all.filter((x) => bands[x.band].kind === 'category')) {
        const last = categories[categories.length - 1];
        // (a category wrapped over two lines is one)
        if (last && line.y - last.bottom < unit) { last.text = joinText(last.text, p.chunk.text); last.bottom = line.bottom; } else categories.push({ text: p.chunk.text, y: line.y, bottom: line.bottom });
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
        const rest = labelOnly && !mine.some((p) => DATA_START.test(compact(p.chunk.text)) || TOTAL_LABEL.test(compact(p.chunk.text)));
        const near = samePage ? line.y - cur.bottom < (rest ? 2.5 : 1.0) * unit : true;
        merge = overlapping || (full && rest && near);
      }
      if (merge && cur) {
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
    const sideRows: SourceRow[] = [];
    for (const b of built) {
      const cells: string[] = bands.map(() => '');
      const notes: string[] = [];
      const wrapped: string[] = [];
      for (const [k, ps] of b.cells) {
        const texts = ps.map((p) => p.chunk.text);
        for (const p of ps) if (p.doubt) notes.push(p.doubt);
        if (texts.length > 1 && texts.filter(figureText).length > 1) notes.push(m.doubtTwoInCell(texts[0], texts[1]));
        if (texts.length > 1 && !texts.some(figureText)) wrapped.push(texts.join(' / '));
        // Pieces of one cell in reading order: top to bottom (the placed order follows the lines).
        cells[k] = ps.map((p) => p.chunk.text).reduce((a, c) => (a ? (figureText(a) && figureText(c) ? `${a} ${c}` : joinText(a, c)) : c), '');
      }
      const row: SourceRow = { line: b.page, cells };
      data.push(row);
      sideRows.push(row);
      if (notes.length) doubts.set(row, notes);
      if (wrapped.length) joined.set(row, { lines: [b.page], before: wrapped.join('；'), after: cells.filter((c, k) => c && bands[k].kind === 'label').join('') });
    }
    const side = sides[sideIndex];
    if (!categories.length) {
      finalSides.push(side);
      return;
    }
    // Rows before the first group, then one part per category: the partition whose groups are centred best on
    // their categories.
    const groups = groupRows(built.map((b) => (b.y + b.bottom) / 2), categories.map((c) => (c.y + c.bottom) / 2));
    const head = sideRows.slice(0, groups[0]);
    if (head.length) finalSides.push({ ...side, rows: new Set(head) });
    categories.forEach((c, g) => {
      const members = sideRows.slice(groups[g], groups[g + 1] ?? sideRows.length);
      finalSides.push({ ...side, name: c.text.replace(/\s+/g, ''), rows: new Set(members) });
    });
  });

  // A header name that may be a column no row fills, folded into its neighbour: the figures under it may stand one
  // column off. Said above the first row.
  if (folded.length && data.length) doubts.set(data[0], [...folded.map((f) => m.doubtHeader(f)), ...(doubts.get(data[0]) ?? [])]);
  const lineRow = (l: Line): SourceRow => ({ line: l.page, cells: l.chunks.map((c) => c.text) });
  const zones: TableZones = {
    preamble: t.preamble.map(lineRow),
    header: header.filter((l) => l !== lanciLine).map(lineRow),
    ...(lanciLine ? { lanci: lineRow(lanciLine) } : {}),
    junk: [],
    data: [...data, ...(t.dropped ?? []).map((l) => ({ line: l.page, cells: [l.text] }))],
    dataJunk: new Set(),
    trailer: t.trailer.map((l) => ({ line: l.page, cells: [l.text] })),
    doubts,
    joined,
  };
  for (const r of zones.data.slice(data.length)) zones.dataJunk.add(r);
  const grid: SourceGrid = { kind: 'pdf', rows: [...zones.preamble, ...zones.data, ...zones.trailer] };
  return renderTable(grid, zones, () => finalSides, options);
}
