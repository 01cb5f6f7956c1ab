/**
 * One section's syntax and model, built in one pass over its text: every line read by hand (../syntax/reader)
 * straight into the model builder — rows of tables into their parts' stores, with no syntax object made for them —
 * but `列：` and `规则：` lines, which chevrotain parses (../syntax/parser `parseLine`).
 *
 * The lexer mode at the start of a line is `main` or `prose`, and only a heading changes it (see ./sections): the
 * heading's own text says which mode follows.
 */
import { ModelBuilder } from '../model/build';
import type { BudgetDocument, Header } from '../model/document';
import { TextLines } from '../model/rows';
import type { Line, SyntaxError } from '../syntax/ast';
import { parseLine } from '../syntax/parser';
import {
  blankLine, commentLine, firstNonBlank, headingLine, LineKind, lineKind, noteLine, proseLine, RowScan, scanRow, type LexerMode,
} from '../syntax/reader';

export interface BuiltSection {
  /** The section's lines made as objects, in order: every line but the rows of tables (those are in their stores). */
  lines: Line[];
  errors: SyntaxError[];
  document: BudgetDocument;
  /** The section's text and its document offset (which moves with the section). */
  source: TextLines;
}

const scan = new RowScan();

/** Builds the section `text` (its own copy), which starts at document offset `base`; header fields go to `header`. */
export function buildSectionText(text: string, base: number, header: Header): BuiltSection {
  const source = new TextLines(text, base);
  let lineCount = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCount++;
  const b = new ModelBuilder(header, source, lineCount);
  const lines: Line[] = [];
  const errors: SyntaxError[] = [];
  const add = (l: Line | undefined) => {
    if (l && !b.line(l)) lines.push(l);
  };
  let mode: LexerMode = 'main';
  const n = text.length;
  // Only `\n` ends lines when there is no `\r`: then indexOf finds them (much faster than a loop).
  const cr = text.includes('\r');
  let i = 0;
  while (i < n) {
    let e = i;
    if (!cr) {
      e = text.indexOf('\n', i);
      if (e < 0) e = n;
    } else for (let c = text.charCodeAt(e); e < n && c !== 10 && c !== 13; c = text.charCodeAt(++e));
    const next = e < n ? (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1) : e;
    switch (lineKind(text, i, e, mode)) {
      case LineKind.Row: {
        const l = b.row(i, scanRow(text, i, e, scan));
        if (l) lines.push(l);
        break;
      }
      case LineKind.Blank:
        add(blankLine(base, e, next));
        break;
      case LineKind.Heading: {
        const h = headingLine(text, base, mode === 'prose' ? i : firstNonBlank(text, i, e), e, mode);
        mode = h.prose ? 'prose' : 'main';
        add(h);
        break;
      }
      case LineKind.Comment:
        add(commentLine(text, base, mode === 'prose' ? i : firstNonBlank(text, i, e), e));
        break;
      case LineKind.Note:
        add(noteLine(text, base, firstNonBlank(text, i, e), e));
        break;
      case LineKind.Prose:
        add(proseLine(text, base, i, e));
        break;
      case LineKind.Parser: {
        const tree = parseLine(text, i, next, base);
        for (const l of tree.lines) add(l);
        for (const x of tree.errors) errors.push(x);
        break;
      }
    }
    i = next;
  }
  return { lines, errors, document: b.finish(), source };
}
