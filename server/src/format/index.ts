/**
 * The formatter: aligns the cells of every table part (its `列：` line and its rows) into columns by display width,
 * figures on the decimal point, and touches nothing else (headings, fields, notes, rules, comments and prose stay
 * verbatim; line breaks, a BOM and trailing `// comments` are kept). The only characters it adds or removes are the
 * blanks it owns (spaces, tabs, ideographic spaces): a line with U+FEFF, a no-break space, NUL or a control character
 * around its cells is left as it is.
 *
 * It never changes what a document says: before returning edits it applies them and checks the result
 * (./verify: same lines and line endings, same non-whitespace text, same figures as lexed, same cells and columns as
 * parsed). If that check fails it refuses: no edits, and the reason. Pure: text and analysis in, `{span,text}` out.
 */
import type { Analysis } from '../analysis';
import { buildDocument } from '../model/build';
import { parse } from '../syntax/parser';
import type { RowLine, Span } from '../syntax/ast';
import { layout, textLines } from './layout';
import { checkFormatting, checkRowLines, type FormatRefusal, type RowChange } from './verify';
import { pushAll } from '../util/arrays';

export { checkFormatting, checkRowLines, type FormatRefusal, type RowChange } from './verify';
export { displayWidth } from './width';

/** Replace one line's content (its line break excluded). */
export interface FormatEdit {
  span: Span;
  text: string;
}

export type FormatResult =
  | { edits: FormatEdit[]; refused?: undefined }
  | { edits: []; refused: FormatRefusal };

export interface FormatOptions {
  /** Format only these lines (0-based, inclusive), with the column widths of their whole parts. */
  lines?: { start: number; end: number };
  /** For tests: alters each formatted line before the checks, as a bug in the layout would (they must refuse). */
  alter?: (line: string) => string;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly FormatEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/**
 * The edits that format a document (or some of its lines), or the reason it refuses to.
 *
 * Before returning them it checks what they do (./verify): every changed row line is lexed again and must hold the
 * cells the parser read in the original, in order (figures included); a changed `列：` line is lexed before and after
 * and must read the same, token by token. Only changed lines need it: the rest of the text is the same by
 * construction, and a row or `列：` line starts and ends in the lexer's main mode, so a line that reads the same
 * leaves everything after it reading the same.
 */
export function formatDocument(analysis: Pick<Analysis, 'tree' | 'document'>, options: FormatOptions = {}): FormatResult {
  const text = analysis.tree.text;
  const lines = textLines(text);
  const range = options.lines;
  const edits: FormatEdit[] = [];
  const rows: { before: string; row: Span; after: string }[] = [];
  for (const part of layout(text, analysis.tree, analysis.document, lines)) {
    const own: FormatEdit[] = [];
    for (const { line, text: laid, row } of part.lines) {
      if (range && (line < range.start || line > range.end)) continue;
      const formatted = options.alter ? options.alter(laid) : laid;
      const span = { start: lines.starts[line], end: lines.ends[line] };
      if (formatted.length === span.end - span.start && text.startsWith(formatted, span.start)) continue;
      own.push({ span, text: formatted });
      const before = text.slice(span.start, span.end);
      if (row) rows.push({ before, row, after: formatted });
      else {
        const refused = checkFormatting(before, formatted);
        if (refused) return { edits: [], refused };
      }
    }
    pushAll(edits, own);
  }
  if (rows.length) {
    // By where they start: the model's rows are views of their own, not the parser's row lines (../model/rows).
    const parsed = new Map<number, RowLine>();
    for (const l of analysis.tree.lines) if (l.kind === 'row') parsed.set(l.span.start, l);
    const changes: RowChange[] = [];
    for (const r of rows) {
      const p = parsed.get(r.row.start);
      if (!p) return { edits: [], refused: 'cells' };
      changes.push({ before: r.before, parsed: p, after: r.after });
    }
    const refused = checkRowLines(changes);
    if (refused) return { edits: [], refused };
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  return { edits };
}

/** Formats a whole text (parsing it first): the formatted text, or the original and the reason it was refused. */
export function formatText(text: string, options: FormatOptions = {}): { text: string; result: FormatResult } {
  const tree = parse(text);
  const result = formatDocument({ tree, document: buildDocument(tree) }, options);
  return { text: result.edits.length ? applyEdits(text, result.edits) : text, result };
}
