/**
 * One section's syntax and model, built in one pass over its lines (./lines): every line read by hand
 * (../syntax/reader) straight into the model builder — rows of tables into their parts' stores, with no syntax
 * object made for them — but `列：` and `规则：` lines, which chevrotain parses (../syntax/parser `parseLine`).
 *
 * The lexer mode at the start of a line is `main` or `prose`, and only a heading changes it (see ./sections): the
 * heading's own text says which mode follows.
 */
import { ModelBuilder } from '../model/build';
import type { BudgetDocument, Column, Header } from '../model/document';
import { RowStore } from '../model/rows';
import type { Line, SyntaxError } from '../syntax/ast';
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

/**
 * Reads lines [0, source.count) of `source` (a batch of new lines, keyed as they will be in their section) as rows of
 * a part with these columns, in main mode, into a new store; undefined when one of them is not a row with cells.
 */
export function readRows(source: SectionLines, first: number, columns: Column[]): RowStore | undefined {
  const store = new RowStore(source, source.count);
  for (let k = 0; k < source.count; k++) {
    const text = source.lines[k];
    const e = contentEnd(text);
    if (lineKind(text, 0, e, 'main') !== LineKind.Row) return undefined;
    scanRow(text, 0, e, scan);
    if (!scan.pipes) return undefined;
    store.add(columns, first + k, text, 0, scan);
  }
  return store;
}
