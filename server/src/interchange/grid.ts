/**
 * A table's ruling lines as a grid: the borders of its columns and rows, and the cell each piece of text stands in.
 * Most published tables are spreadsheet exports that draw every cell border; where they do, the borders say what
 * positions can only guess: where a column starts and ends (a column no row fills still has its borders), which
 * columns a header name spans (a group's cell), which lines make one row (a label wrapped in its cell), which columns
 * a merged cell covers. Tables drawn without borders (and layout text) are read from the positions alone. Pure.
 */
import type { Chunk, Line } from './layout';
import type { Rules } from './pdf';

/** A cell of the grid: the borders around a piece of text. */
export interface GridCell {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** Borders closer than this (in points) are one border (a line drawn twice, a stroke and a fill). */
const SAME = 2;

export class Grid {
  private constructor(
    private readonly rules: Map<number, Rules>,
    /** Column borders, left to right (every page of the table). */
    readonly borders: number[],
    /** The row borders of each page: horizontal rules across most of the table's width, top to bottom. */
    private readonly rowBorders: Map<number, number[]>,
  ) {}

  /**
   * The grid of a table whose lines stand between ruling lines: undefined when the pages draw no borders there (or
   * too few to say which column a cell is in).
   */
  static of(rules: Map<number, Rules> | undefined, lines: Line[]): Grid | undefined {
    if (!rules || !lines.length) return undefined;
    const xs: number[] = [];
    const span = new Map<number, { top: number; bottom: number }>();
    for (const l of lines) {
      const s = span.get(l.page);
      span.set(l.page, { top: Math.min(s?.top ?? Infinity, l.y), bottom: Math.max(s?.bottom ?? -Infinity, l.bottom) });
    }
    for (const [page, s] of span) {
      const r = rules.get(page);
      if (!r) return undefined;
      // vertical rules crossing the table's lines on this page
      for (const v of r.v) if (Math.min(v.y1, s.bottom) - Math.max(v.y0, s.top) > 0) xs.push(v.x);
    }
    const borders = clusters(xs);
    if (borders.length < 3) return undefined;
    const left = borders[0];
    const right = borders[borders.length - 1];
    // Most text stands inside the borders (a table drawn only in part is read from positions).
    const chunks = lines.flatMap((l) => l.chunks);
    const inside = chunks.filter((c) => c.x0 >= left - SAME && c.x1 <= right + SAME).length;
    if (inside < chunks.length * 0.9) return undefined;
    const rowBorders = new Map<number, number[]>();
    // Row borders run across most of the table, or at least across its last column (cells merged over several rows,
    // as 专项名称 in a purchase table, interrupt them on the left).
    const last = (borders[borders.length - 2] + right) / 2;
    for (const [page, s] of span) {
      const ys = rules.get(page)!.h.filter((h) => h.y >= s.top - 2 * SAME && h.y <= s.bottom + 2 * SAME
        && (Math.min(h.x1, right) - Math.max(h.x0, left) >= 0.5 * (right - left) || (h.x0 <= last && last <= h.x1))).map((h) => h.y);
      rowBorders.set(page, clusters(ys));
    }
    return new Grid(rules, borders, rowBorders);
  }

  /** The cell a piece of text stands in: between the nearest borders beside it, above and below it. */
  cell(page: number, c: Chunk, top: number, bottom: number): GridCell | undefined {
    const r = this.rules.get(page);
    if (!r) return undefined;
    const y = (top + bottom) / 2;
    const x = (c.x0 + c.x1) / 2;
    const vs = r.v.filter((v) => v.y0 <= y && y <= v.y1);
    const hs = r.h.filter((h) => h.x0 <= x && x <= h.x1);
    const x0 = Math.max(-Infinity, ...vs.filter((v) => v.x <= c.x0 + SAME).map((v) => v.x));
    const x1 = Math.min(Infinity, ...vs.filter((v) => v.x >= c.x1 - SAME).map((v) => v.x));
    const t = Math.max(-Infinity, ...hs.filter((h) => h.y <= top + SAME).map((h) => h.y));
    const b = Math.min(Infinity, ...hs.filter((h) => h.y >= bottom - SAME).map((h) => h.y));
    if (!Number.isFinite(x0) || !Number.isFinite(x1)) return undefined;
    return { x0, x1, top: t, bottom: b };
  }

  /** Whether a line stands under the table on its page: past the end of its column borders (text printed under it). */
  below(l: Line): boolean {
    const v = this.rules.get(l.page)?.v.filter((r) => this.borders.some((x) => Math.abs(x - r.x) < SAME)) ?? [];
    const mid = (l.y + l.bottom) / 2;
    return v.length > 0 && v.every((r) => r.y1 < mid);
  }

  /** Whether a cell is merged over several rows: a row border crosses it. */
  spansRows(page: number, box: GridCell): boolean {
    return (this.rowBorders.get(page) ?? []).some((y) => y > box.top + SAME && y < box.bottom - SAME);
  }

  /** Which row of its page a line is in: how many row borders stand above its middle. */
  rowOf(l: Line): number {
    const ys = this.rowBorders.get(l.page) ?? [];
    const mid = (l.y + l.bottom) / 2;
    return ys.filter((y) => y < mid).length;
  }
}

/** Positions within SAME of their neighbour are one (their mean), sorted. */
function clusters(xs: number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] < SAME) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}
