/**
 * One section's syntax and model, built in one pass over its text: rows and plain text lines read by hand
 * (../syntax/rowLine) straight into the model builder, every other line (headings, `列：`, `规则：`, notes,
 * comments, the prose of 名词解释 and 情况说明) parsed by chevrotain in runs (../syntax/parser), in the lexer mode the
 * section is in at that line.
 *
 * The lexer mode at the start of a line is `main` or `prose`, and only a heading changes it (see ./sections): so a
 * run of lines for the parser ends after every line that may be a heading, and the heading tells the mode of what
 * follows. In `main` mode a line that is not a heading, a keyword line or a comment is read by hand.
 */
import { ModelBuilder } from '../model/build';
import type { BudgetDocument, Header } from '../model/document';
import { TextLines } from '../model/rows';
import type { Line, SyntaxError } from '../syntax/ast';
import { parseRange, type LexerMode } from '../syntax/parser';
import { isBlank, plainLine, PlainLine, RowScan, scanRow } from '../syntax/rowLine';

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
  let lines0 = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines0++;
  const b = new ModelBuilder(header, source, lines0);
  const lines: Line[] = [];
  const errors: SyntaxError[] = [];
  let mode: LexerMode = 'main';
  let run = -1; // where the pending run of lines for the parser starts
  const flush = (end: number) => {
    if (run < 0) return;
    const tree = parseRange(text, base + run, base + end, mode, base);
    for (const l of tree.lines) {
      if (!b.line(l)) lines.push(l);
      if (l.kind === 'heading') mode = l.prose ? 'prose' : 'main';
    }
    for (const e of tree.errors) errors.push(e);
    run = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    let e = i;
    for (let c = text.charCodeAt(e); e < n && c !== 10 && c !== 13; c = text.charCodeAt(++e));
    const next = e < n ? (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1) : e;
    if (mode === 'main') {
      const kind = plainLine(text, i, e);
      if (kind === PlainLine.RowOrText) {
        flush(i);
        const l = b.row(i, scanRow(text, i, e, scan));
        if (l) lines.push(l);
        i = next;
        continue;
      }
      if (kind === PlainLine.Blank) {
        flush(i);
        if (next > e) {
          const l: Line = { kind: 'blank', span: { start: base + e, end: base + next } };
          b.line(l);
          lines.push(l);
        }
        i = next;
        continue;
      }
    }
    if (run < 0) run = i;
    // A line that may be a heading ends the run: what follows is lexed in the mode it sets.
    let f = i;
    while (f < e && isBlank(text.charCodeAt(f))) f++;
    if (text.charCodeAt(f) === 35) flush(next);
    i = next;
  }
  flush(n);
  return { lines, errors, document: b.finish(), source };
}
