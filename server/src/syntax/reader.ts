/**
 * Lines read by hand: the fast path of the parser, for the lines that are most of every document.
 *
 * At the start of a line the lexer (./tokens) is in its `main` mode or in `prose` (名词解释, 情况说明), and every line
 * but a `列：` or `规则：` line reads the same whatever its neighbours: a row (a flat run of pipes, figures and text,
 * maybe a comment at its end), a text line, a heading, a comment, a note, a prose line, a blank line. Those are read
 * here, character by character, with the same result as the lexer and the parser (test/parser.test.ts compares them
 * on every line of the seeds and on random lines). A row's cells are written as offsets into a caller's buffer:
 * nothing is allocated per token or per cell. `列：` and `规则：` lines have a grammar: chevrotain reads them
 * (./parser `parseLine`).
 */
import type { BlankLine, CommentLine, HeadingLine, NoteLine, ProseLine } from './ast';
import { NOTE_LINE, PROSE_ENTER, PROSE_STAY, COLUMNS_KW, RULE_KW } from './tokens';

/** The lexer's mode at the start of a line: `prose` inside 名词解释 / 情况说明 sections, else `main`. */
export type LexerMode = 'main' | 'prose';

/** The blanks the lexer skips in main mode (`Blank`). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xfeff || c === 0xa0;
}

export const enum LineKind {
  /** Nothing but blanks: a `blank` line when it ends with a line break, else no line at all. */
  Blank,
  /** A row (with pipes) or a text line (without): `scanRow`. */
  Row,
  Heading,
  Comment,
  Note,
  Prose,
  /** A `列：` or `规则：` line: the parser reads it. */
  Parser,
}

const sticky = (re: RegExp) => new RegExp(re.source, 'y');
const ENTER = sticky(PROSE_ENTER);
const STAY = sticky(PROSE_STAY);
const COLUMNS = sticky(COLUMNS_KW);
const RULES = sticky(RULE_KW);
const NOTE = sticky(NOTE_LINE);

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** Where the line [from, to)'s first non-blank character is (`to` when there is none). */
export function firstNonBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** What the line [from, to) of `text` (`to` before its line break) is, in lexer mode `mode`. */
export function lineKind(text: string, from: number, to: number, mode: LexerMode): LineKind {
  if (mode === 'prose') {
    // No blank is skipped in prose: a comment or heading starts the line, anything else is prose.
    if (from === to) return LineKind.Blank;
    const c = text.charCodeAt(from);
    if (c === 47 && from + 1 < to && text.charCodeAt(from + 1) === 47) return LineKind.Comment;
    return c === 35 ? LineKind.Heading : LineKind.Prose;
  }
  // Keywords and headings start a line, blanks before them allowed, but not a no-break space (../tokens atLineStart).
  let i = from;
  let lineStart = true;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isBlank(c)) break;
    if (c === 0xa0) lineStart = false;
  }
  if (i === to) return LineKind.Blank;
  const c = text.charCodeAt(i);
  if (c === 47 && i + 1 < to && text.charCodeAt(i + 1) === 47) return LineKind.Comment;
  if (!lineStart) return LineKind.Row;
  switch (c) {
    case 35: return LineKind.Heading; // #
    case 0x5217: return at(COLUMNS, text, i) ? LineKind.Parser : LineKind.Row; // 列
    case 0x89c4: return at(RULES, text, i) ? LineKind.Parser : LineKind.Row; // 规
    case 0x6ce8: case 0x5907: return at(NOTE, text, i) ? LineKind.Note : LineKind.Row; // 注 备
    default: return LineKind.Row;
  }
}

/** The blank line [to, next) (its line break), or undefined when there is none. */
export function blankLine(base: number, to: number, next: number): BlankLine | undefined {
  return next > to ? { kind: 'blank', span: { start: base + to, end: base + next } } : undefined;
}

/** A heading line (`#` at `first`, the line ending at `to`); `prose`: whether the lexer is in prose after it. */
export function headingLine(text: string, base: number, first: number, to: number, mode: LexerMode): HeadingLine {
  const image = text.slice(first, to);
  const prose = mode === 'main' ? !!at(ENTER, text, first) : !!at(STAY, text, first);
  const m = /^(#+)[ \t\u3000]*/.exec(image)!;
  const raw = image.slice(m[0].length);
  const t = raw.trimEnd();
  const start = base + first + m[0].length;
  return { kind: 'heading', level: m[1].length, text: t, textSpan: { start, end: start + t.length }, span: { start: base + first, end: base + to }, prose };
}

/** A comment line (`//` at `first`). */
export function commentLine(text: string, base: number, first: number, to: number): CommentLine {
  return { kind: 'comment', text: text.slice(first + 2, to).trim(), span: { start: base + first, end: base + to } };
}

/** A note line (`注：` at `first`). */
export function noteLine(text: string, base: number, first: number, to: number): NoteLine {
  return { kind: 'note', text: text.slice(first, to).trim(), span: { start: base + first, end: base + to } };
}

/** A line of prose, verbatim. */
export function proseLine(text: string, base: number, from: number, to: number): ProseLine {
  return { kind: 'prose', text: text.slice(from, to), span: { start: base + from, end: base + to } };
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
 * Reads the line [from, to) of `text` (`to` before its line break), for which `lineKind` said `Row`, into
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
