/**
 * Row lines read by hand: the fast path of the parser for the lines that are most of every document.
 *
 * In the lexer's main mode (./tokens), a line whose first non-blank character cannot start a heading (`#`), a
 * keyword line (`列：`, `规则：`, `注：`, `备注：`) or a comment (`/`) is a flat run of pipes, figures and text with
 * blanks between them, and maybe a comment (`//…`) at its end; no character of it can fail to lex. The parser's
 * `rowOrText` rule reads such a run without a choice to make: cells split at the pipes, each the text between its
 * first and last token. So these lines are read here, character by character, with the same result as the lexer
 * and parser (test/parser.test.ts compares them on every line of the seeds and on random lines), and nothing is
 * allocated per token or per cell: a row's cells are written as offsets into a caller's buffer.
 * Every other line (and every line in prose mode) goes through chevrotain.
 */

/** The blanks the lexer skips (`Blank`). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xfeff || c === 0xa0;
}

function isPipe(c: number): boolean {
  return c === 124 || c === 0xff5c; // | ｜
}

/** What a main-mode line is, as far as the fast path can tell. */
export const enum PlainLine {
  /** Only blanks (the line is a `blank` line when it ends with a line break, else nothing). */
  Blank,
  /** A row (with pipes) or a text line (without): read it with `scanRow`. */
  RowOrText,
  /** Anything else: a heading, a keyword line, a comment, …: the parser reads it. */
  Other,
}

/**
 * What the line [from, to) of `text` is (`to` before its line break). `Other` for anything the fast path does not
 * read; the first non-blank character is then at `firstNonBlank(text, from, to)`.
 */
export function plainLine(text: string, from: number, to: number): PlainLine {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i === to) return PlainLine.Blank;
  switch (text.charCodeAt(i)) {
    case 35: // #
    case 47: // /
    case 0x5217: // 列
    case 0x89c4: // 规
    case 0x6ce8: // 注
    case 0x5907: // 备
      return PlainLine.Other;
    default:
      return PlainLine.RowOrText;
  }
}

/**
 * A row or text line read by `scanRow`: cells as [start, end) pairs in `cells` (absolute offsets in the text given),
 * `count` of them; no cells when the line has no pipe (a text line).
 */
export class RowScan {
  /** start0, end0, start1, end1, … */
  cells = new Int32Array(64);
  count = 0;
  /** The span of the line's tokens, the comment left out. */
  contentStart = 0;
  contentEnd = 0;
  /** Where the comment (`//…`) starts, or -1. It runs to the end of the line. */
  comment = -1;
  /** The end of the line (before its line break). */
  end = 0;

  get pipes(): boolean {
    return this.count > 0;
  }

  /** The span of the row line (its comment included), as the parser gives it. */
  get spanEnd(): number {
    return this.comment >= 0 ? this.end : this.contentEnd;
  }

  push(start: number, end: number): void {
    if (2 * this.count + 2 > this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    this.cells[2 * this.count] = start;
    this.cells[2 * this.count + 1] = end;
    this.count++;
  }

  cellStart(i: number): number {
    return this.cells[2 * i];
  }

  cellEnd(i: number): number {
    return this.cells[2 * i + 1];
  }
}

/**
 * Reads the line [from, to) of `text` (`to` before its line break), for which `plainLine` said `RowOrText`, into
 * `out`: its cells (when it has pipes), its content span and its comment.
 */
export function scanRow(text: string, from: number, to: number, out: RowScan): RowScan {
  out.count = 0;
  out.end = to;
  out.comment = -1;
  let start = from;
  while (start < to && isBlank(text.charCodeAt(start))) start++;
  out.contentStart = start;
  // One pass: cells between pipes, each from its first to its last non-blank character; an empty cell stands where
  // it ends (at its pipe). The comment starts at the first `//` (no token can hold one: text stops before it).
  let pipes = false;
  let first = -1; // the current cell's first non-blank character
  let last = start; // after the last non-blank character of the line so far
  let cellLast = -1; // after the current cell's last non-blank character
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 0xff5c) {
      pipes = true;
      if (first < 0) out.push(i, i); else out.push(first, cellLast);
      first = -1;
      last = i + 1;
      continue;
    }
    if (c === 47 && i + 1 < to && text.charCodeAt(i + 1) === 47) {
      out.comment = i;
      break;
    }
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xfeff || c === 0xa0) continue;
    if (first < 0) first = i;
    cellLast = last = i + 1;
  }
  out.contentEnd = last;
  if (!pipes) {
    out.count = 0;
    return out;
  }
  // The last cell: empty ones stand at the end of the tokens, or where the comment starts.
  if (first < 0) {
    const at = out.comment >= 0 ? out.comment : last;
    out.push(at, at);
  } else out.push(first, cellLast);
  return out;
}
