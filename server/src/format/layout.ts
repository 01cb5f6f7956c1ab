/**
 * The layout of one table part: its `列：` line and its rows as a grid of cells, and the aligned text of each line.
 *
 * Every cell keeps its text exactly (it is the parser's trimmed cell text, inner blanks included); only the blanks
 * around the separators change. Each grid column is as wide as its widest cell (display width: CJK counts 2).
 * Text is left-aligned; figures (and 行次, and the printed dash `-`) are aligned on the decimal point: integer parts
 * right-aligned, the fraction (`.74`, `.40%`, `%`, ` 万元`) after it, the block right-aligned in its column.
 */
import type { BudgetDocument, Cell, Row } from '../model/document';
import type { Span, SyntaxTree } from '../syntax/ast';
import { ColumnsKw, Comment, Pipe, budgetLexer } from '../syntax/tokens';
import { trimChars, trimEndChars } from '../util/text';
import { displayWidth } from './width';
import { lastAtOrBefore } from '../util/arrays';

/** A cell as laid out: its text and display width, and for a figure the widths of its integer part and the rest. */
interface GridCell {
  text: string;
  width: number;
  /** Figures: display widths of the integer part (sign, digits, commas) and of the rest (`.74`, `%`). */
  int?: number;
  frac?: number;
}

/** One line of a part's grid, with what stands around its cells. */
export interface GridLine {
  /** 0-based line number. */
  line: number;
  /** Kept before the first cell (a BOM on the first line), else ''. */
  prefix: string;
  cells: GridCell[];
  /** The separator printed after each cell but the last (`|` or `｜`), kept as written. */
  pipes: string[];
  /** A trailing `// comment`, verbatim (trailing blanks dropped). */
  comment: string | undefined;
  /** For a row: its span in the model (it starts where the parser's row line does). */
  row: Span | undefined;
}

/** The lines of the text: where each starts and where its content ends (before the line break). */
export interface TextLines {
  starts: number[];
  ends: number[];
}

export function textLines(text: string): TextLines {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** The line holding an offset (binary search). */
export function lineOf(lines: TextLines, offset: number): number {
  return lastAtOrBefore(lines.starts.length, (i) => lines.starts[i], offset);
}

function textCell(text: string): GridCell {
  return { text, width: displayWidth(text) };
}

/** A figure split where its integer part ends: `2,098.74` → `2,098` `.74`; `42.40%` → `42` `.40%`; `-` → `-` ``. */
function figureCell(text: string, intEnd?: number): GridCell {
  let i = intEnd ?? 0;
  if (intEnd === undefined) {
    const c0 = text.charCodeAt(0);
    if (c0 === 45 || c0 === 0x2212 || c0 === 0xff0d) i = 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || c === 44)) break;
    }
  }
  let ascii = true;
  for (let k = 0; k < text.length && ascii; k++) {
    const c = text.charCodeAt(k);
    ascii = c >= 0x20 && c < 0x7f;
  }
  if (ascii) return { text, width: text.length, int: i, frac: text.length - i };
  const width = displayWidth(text);
  const int = i === text.length ? width : displayWidth(text.slice(0, i));
  return { text, width, int, frac: width - int };
}

/** How a row's cell is aligned: figures, dashes and 行次 on the decimal point; the rest as text. */
function gridCell(cell: Cell, text: string): GridCell {
  if (cell.kind === 'figure') return figureCell(text);
  if (cell.kind === 'dash') return figureCell(text, text.length);
  if (cell.column?.role === 'line' && /^\d+$/.test(text)) return figureCell(text);
  return textCell(text);
}

/**
 * The blanks the formatter owns: it adds and removes only these (space, tab, ideographic space). Anything else around
 * a cell — U+FEFF, a no-break space, NUL, a control character — is the document's: a line holding one there is left as
 * it is (issue #15: `合计 | \ufeff1.00` lost its U+FEFF).
 */
export const OWNED_BLANKS = ' \t\u3000';

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

/** The pipe between two cells, when only blanks stand around it. */
function pipeBetween(text: string, from: number, to: number): string | undefined {
  let pipe: string | undefined;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 0xff5c) {
      if (pipe !== undefined) return undefined;
      pipe = text[i];
    } else if (!isBlank(c)) return undefined;
  }
  return pipe;
}

/** The prefix kept before a line's first cell: a BOM on the first line; undefined when anything else stands there. */
function prefixOf(text: string, lineStart: number, firstCell: number): string | undefined {
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = lineStart + bom; i < firstCell; i++) if (!isBlank(text.charCodeAt(i))) return undefined;
  return bom ? '\ufeff' : '';
}

const NO_COMMENT: { comment?: string } = {};

/** The trailing comment after `from` up to the end of the line; undefined when something else stands there. */
function commentAfter(text: string, from: number, lineEnd: number): { comment?: string } | undefined {
  let i = from;
  while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
  if (i === lineEnd) return NO_COMMENT;
  if (!text.startsWith('//', i)) return undefined;
  return { comment: trimEndChars(text.slice(i, lineEnd), OWNED_BLANKS) };
}

/**
 * A row as a grid line; undefined when its line is not exactly cells, pipes, blanks and a comment (then it is left
 * alone: a field's figure row, `键：值`, is no row line and has no pipes).
 */
function rowGridLine(text: string, row: Row, line: number, lines: TextLines): GridLine | undefined {
  const cells = row.cells;
  if (cells.length < 2) return undefined;
  const prefix = prefixOf(text, lines.starts[line], cells[0].span.start);
  if (prefix === undefined) return undefined;
  const pipes: string[] = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    const pipe = pipeBetween(text, cells[i].span.end, cells[i + 1].span.start);
    if (pipe === undefined) return undefined;
    pipes.push(pipe);
  }
  const tail = commentAfter(text, cells[cells.length - 1].span.end, lines.ends[line]);
  if (!tail) return undefined;
  const grid: GridCell[] = [];
  for (const c of cells) grid.push(gridCell(c, c.text));
  return { line, prefix, cells: grid, pipes, comment: tail.comment, row: row.span };
}

/**
 * The `列：` line as a grid line: its segments between pipes (the first one starts with `列：`), so that each column's
 * name stands above its cells. Groups (`基本支出{小计[2]`, `公用经费[3]}`) stay inside their segments, unchanged.
 */
function columnsGridLine(text: string, start: number, line: number, lines: TextLines): GridLine | undefined {
  const lineEnd = lines.ends[line];
  const lexed = budgetLexer.tokenize(text.slice(start, lineEnd));
  if (lexed.errors.length || !lexed.tokens.length || lexed.tokens[0].tokenType !== ColumnsKw) return undefined;
  const prefix = prefixOf(text, lines.starts[line], start);
  if (prefix === undefined) return undefined;
  const cells: GridCell[] = [];
  const pipes: string[] = [];
  let comment: string | undefined;
  let segStart = -1;
  let segEnd = -1;
  const flush = () => {
    // A column name's token takes the blanks after it (names may hold blanks): the segment is trimmed.
    cells.push(textCell(segStart < 0 ? '' : trimChars(text.slice(start + segStart, start + segEnd), OWNED_BLANKS)));
    segStart = segEnd = -1;
  };
  let end = 0;
  for (const t of lexed.tokens) {
    // What the lexer skipped between two tokens must be blanks the formatter owns.
    for (let i = end; i < t.startOffset; i++) if (!isBlank(text.charCodeAt(start + i))) return undefined;
    end = t.startOffset + t.image.length;
    if (t.tokenType === Pipe) {
      flush();
      pipes.push(t.image);
    } else if (t.tokenType === Comment) {
      comment = trimEndChars(t.image, OWNED_BLANKS);
    } else if (!/^[\r\n]+$/.test(t.image)) {
      if (segStart < 0) segStart = t.startOffset;
      segEnd = t.startOffset + t.image.length;
    }
  }
  for (let i = start + end; i < lineEnd; i++) if (!isBlank(text.charCodeAt(i))) return undefined;
  flush();
  return { line, prefix, cells, pipes, comment, row: undefined };
}

interface ColumnWidth {
  /** The widest cell. */
  width: number;
  /** The widest integer part and the widest fraction of its figures. */
  int: number;
  frac: number;
}

function widths(grid: readonly GridLine[]): ColumnWidth[] {
  const out: ColumnWidth[] = [];
  for (const g of grid) {
    for (let i = 0; i < g.cells.length; i++) {
      const c = g.cells[i];
      const w = (out[i] ??= { width: 0, int: 0, frac: 0 });
      if (c.int !== undefined && c.frac !== undefined) {
        if (c.int > w.int) w.int = c.int;
        if (c.frac > w.frac) w.frac = c.frac;
        if (w.int + w.frac > w.width) w.width = w.int + w.frac;
      } else if (c.width > w.width) w.width = c.width;
    }
  }
  return out;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  return (SPACES[n] ??= ' '.repeat(n));
}

/** A cell padded to its column, into `out`; the last cell of a line (`last`) gets no padding after it. */
function renderCell(out: string[], c: GridCell, w: ColumnWidth, last: boolean): void {
  if (c.int === undefined || c.frac === undefined) {
    out.push(c.text);
    if (!last) out.push(spaces(w.width - c.width));
    return;
  }
  // The figures' block (widest integer part + widest fraction) stands at the right of the column.
  out.push(spaces(w.width - (w.int + w.frac) + (w.int - c.int)), c.text);
  if (!last) out.push(spaces(w.frac - c.frac));
}

/**
 * The aligned text of a grid line (without its line break). The last cell keeps its padding only when a comment
 * follows (so that comments line up); else the line has no trailing blanks. Joined from its pieces, the text is one
 * flat string (not a chain of concatenations, which every later reader would have to flatten).
 */
function render(g: GridLine, ws: readonly ColumnWidth[]): string {
  const out: string[] = [g.prefix];
  const n = g.cells.length;
  const bare = !g.comment;
  for (let i = 0; i < n; i++) {
    const c = g.cells[i];
    const last = bare && i === n - 1;
    if (!(last && c.text === '')) renderCell(out, c, ws[i], last);
    if (i < g.pipes.length) out.push(' ', g.pipes[i], i === n - 2 && bare && g.cells[n - 1].text === '' ? '' : ' ');
  }
  if (g.comment) out.push(' ', g.comment);
  return out.join('');
}

/** One table part's aligned lines. */
export interface PartLayout {
  /** Each line's aligned text; `row` is the span of a row (absent for the `列：` line). */
  lines: { line: number; text: string; row: Span | undefined }[];
}

/**
 * The aligned text of every row and `列：` line of the document's table parts, part by part. Lines with a syntax
 * error are left alone (and do not count for the widths).
 */
export function layout(text: string, tree: SyntaxTree, document: BudgetDocument, lines: TextLines): PartLayout[] {
  const broken = new Set<number>();
  for (const e of tree.errors) {
    broken.add(lineOf(lines, e.span.start));
    broken.add(lineOf(lines, Math.max(e.span.start, e.span.end - 1)));
  }
  const out: PartLayout[] = [];
  for (const table of document.tables) {
    for (const part of table.parts) {
      const grid: GridLine[] = [];
      const add = (g: GridLine | undefined) => { if (g && !broken.has(g.line)) grid.push(g); };
      if (part.columnsSpan) add(columnsGridLine(text, part.columnsSpan.start, lineOf(lines, part.columnsSpan.start), lines));
      for (const row of part.rows) add(rowGridLine(text, row, lineOf(lines, row.span.start), lines));
      if (!grid.length) continue;
      const ws = widths(grid);
      out.push({ lines: grid.map((g) => ({ line: g.line, text: render(g, ws), row: g.row })) });
    }
  }
  return out;
}
