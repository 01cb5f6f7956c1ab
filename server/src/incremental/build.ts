/**
 * One section's syntax and model, built in one pass over its lines (./lines): every line read by hand
 * (../syntax/reader) straight into the model builder — rows of tables into their parts' stores, with no syntax
 * object made for them — but `列：` and `规则：` lines, which chevrotain parses (../syntax/parser `parseLine`).
 *
 * The lexer mode at the start of a line is `main` or `prose`, and only a heading changes it (see ./sections): the
 * heading's own text says which mode follows.
 */
import { fieldOf, ModelBuilder, scanned } from '../model/build';
import type { BudgetDocument, Column, Header, MoneyUnit } from '../model/document';
import { RowStore } from '../model/rows';
import type { Line, Span, SyntaxError } from '../syntax/ast';
import { parseLine } from '../syntax/parser';
import {
  blankLine, commentLine, firstNonBlank, headingLine, LineKind, lineKind, noteLine, proseLine, RowScan, scanRow, type LexerMode,
} from '../syntax/reader';
import { contentEnd, type SectionLines } from './lines';

export interface BuiltSection {
  /** The section's lines made as objects, in order: every line but the rows of tables (those are in their stores). */
  lines: Line[];
  errors: SyntaxError[];
  document: BudgetDocument;
  /** Whether every line is read in the lexer's main mode (no heading enters prose). */
  mainOnly: boolean;
}

const scan = new RowScan();

/** Builds a section from its lines; header fields go to `header`. */
export function buildSection(source: SectionLines, header: Header): BuiltSection {
  const b = new ModelBuilder(header, source, undefined, source.count);
  const lines: Line[] = [];
  const errors: SyntaxError[] = [];
  const add = (l: Line | undefined) => {
    if (l && !b.line(l)) lines.push(l);
  };
  let mode: LexerMode = 'main';
  let mainOnly = true;
  for (let k = 0; k < source.count; k++) {
    const text = source.lines[k];
    const base = source.offsetOf(k);
    const e = contentEnd(text);
    switch (lineKind(text, 0, e, mode)) {
      case LineKind.Row: {
        const l = b.row(k, text, base, 0, scanRow(text, 0, e, scan));
        if (l) lines.push(l);
        break;
      }
      case LineKind.Blank:
        add(blankLine(base, e, text.length));
        break;
      case LineKind.Heading: {
        const h = headingLine(text, base, mode === 'prose' ? 0 : firstNonBlank(text, 0, e), e, mode);
        mode = h.prose ? 'prose' : 'main';
        if (h.prose) mainOnly = false;
        add(h);
        break;
      }
      case LineKind.Comment:
        add(commentLine(text, base, mode === 'prose' ? 0 : firstNonBlank(text, 0, e), e));
        break;
      case LineKind.Note:
        add(noteLine(text, base, firstNonBlank(text, 0, e), e));
        break;
      case LineKind.Prose:
        add(proseLine(text, base, 0, e));
        break;
      case LineKind.Parser: {
        const tree = parseLine(text, 0, text.length, base);
        for (const l of tree.lines) add(l);
        for (const x of tree.errors) errors.push(x);
        break;
      }
    }
  }
  return { lines, errors, document: b.finish(), mainOnly };
}

/** New lines read as lines of a table's part: rows (in a store of their own), blank lines, and plain text. */
export interface TableLines {
  rows: RowStore;
  /** The lines made as objects (blank lines and text), in order. */
  lines: Line[];
  /** The text lines, as the table keeps them. */
  texts: { text: string; span: Span }[];
}

/**
 * Reads `source`'s lines (new lines, keyed as they will be in their section; the first at document offset
 * `source.base`) as the lines of a part with these columns (of a table of `unit`: its store's), in main mode; undefined when one is anything but a row, a
 * blank line or a text that is not a field.
 */
export function readTableLines(source: SectionLines, first: number, columns: Column[], unit?: MoneyUnit): TableLines | undefined {
  const rows = new RowStore(source, source.count, unit);
  const lines: Line[] = [];
  const texts: { text: string; span: Span }[] = [];
  for (let k = 0; k < source.count; k++) {
    const text = source.lines[k];
    const base = source.offsetOf(first + k);
    const e = contentEnd(text);
    const kind = lineKind(text, 0, e, 'main');
    if (kind === LineKind.Blank) {
      const l = blankLine(base, e, text.length);
      if (l) lines.push(l);
      continue;
    }
    if (kind !== LineKind.Row) return undefined;
    scanRow(text, 0, e, scan);
    if (scan.pipes) {
      rows.add(columns, first + k, text, 0, scan);
      continue;
    }
    const l = scanned(text, base, scan);
    if (l.kind !== 'text' || fieldOf(l.text, l.span)) return undefined;
    lines.push(l);
    texts.push({ text: l.text, span: l.span });
  }
  return { rows, lines, texts };
}
