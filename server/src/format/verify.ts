/**
 * The formatter's safety checks: formatted text is accepted only when it provably says the same as the original.
 *
 * `checkFormatting(before, after)`, for any two texts (the formatter uses it on `列：` lines): both are lexed with the
 * project's lexer and compared token by token: the same token types in the same order, the same images (a column
 * name's token, which takes the blanks after it, and a comment compared without trailing blanks), the same line
 * breaks, and the same blanks between two tokens of one cell, name or rule (the parser slices those texts out of the
 * source). Only the blanks at line starts and ends, around the pipes and before a comment may differ. As the parser
 * reads nothing but these tokens and slices, equal token streams mean equal rows, cells, columns (groups, 栏次),
 * headings, rules, notes and comments. Checked first, for a clear reason: the line count and line endings, the
 * non-whitespace text (and a BOM), and the sequence of figures.
 *
 * `checkRowLines(changes)`, for changed row lines: the new lines are lexed (once, together) and compared with the
 * parse of the original that the analysis already holds, which halves the lexing of a large document.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import type { RowLine } from '../syntax/ast';
import { budgetLexer, ColumnText, Comment, FigureTok, Newline, Pipe, ProseComment, Text } from '../syntax/tokens';
import { trimChars, trimEndChars } from '../util/text';
import { OWNED_BLANKS } from './layout';

/** Why a formatting was refused (see `formatRefused` and `changed…` in i18n/editor.ts). */
export type FormatRefusal = 'lines' | 'text' | 'figures' | 'cells';

function isNewline(t: IToken): boolean {
  return tokenMatcher(t, Newline);
}

/** A token's image as far as the parser's reading goes. */
function image(t: IToken): string {
  if (t.tokenType === ColumnText) return trimChars(t.image, OWNED_BLANKS);
  if (t.tokenType === Comment || t.tokenType === ProseComment) return trimEndChars(t.image, OWNED_BLANKS);
  return t.image;
}

/** The blanks between two tokens, where the parser would see them (inside a cell, a name, a rule, a text line). */
function gap(text: string, prev: IToken | undefined, t: IToken): string | undefined {
  if (!prev || isNewline(prev) || isNewline(t) || prev.tokenType === Pipe || t.tokenType === Pipe) return undefined;
  if (t.tokenType === Comment || t.tokenType === ProseComment) return undefined;
  return text.slice(prev.startOffset + prev.image.length, t.startOffset);
}

/** The figures of a text, in order, as the lexer reads them. */
export function figureTokens(text: string): string[] {
  return budgetLexer.tokenize(text).tokens.filter((t) => t.tokenType === FigureTok).map((t) => t.image);
}

/** The blanks a formatting may add or remove (./layout OWNED_BLANKS); every other character must stay. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

/** Compares the non-blank characters and the line breaks of two texts in one pass. */
function sameTextAndLines(a: string, b: string): FormatRefusal | undefined {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isBlank(a.charCodeAt(i))) i++;
    while (j < b.length && isBlank(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) {
      if (i >= a.length && j >= b.length) return undefined;
      const rest = i < a.length ? a.slice(i) : b.slice(j);
      return /[\r\n]/.test(rest) ? 'lines' : 'text';
    }
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca !== cb) return ca === 10 || ca === 13 || cb === 10 || cb === 13 ? 'lines' : 'text';
    i++;
    j++;
  }
}

/** Compares what the lexer reads in two texts, token by token (see above). */
function sameTokens(a: string, b: string): FormatRefusal | undefined {
  const la = budgetLexer.tokenize(a);
  const lb = budgetLexer.tokenize(b);
  const differ = (): FormatRefusal => {
    const fa = la.tokens.filter((t) => t.tokenType === FigureTok);
    const fb = lb.tokens.filter((t) => t.tokenType === FigureTok);
    return fa.length !== fb.length || fa.some((t, k) => t.image !== fb[k].image) ? 'figures' : 'cells';
  };
  if (la.errors.length !== lb.errors.length) return differ();
  for (let k = 0; k < la.errors.length; k++) {
    const ea = la.errors[k];
    const eb = lb.errors[k];
    if (a.substr(ea.offset, ea.length) !== b.substr(eb.offset, eb.length)) return differ();
  }
  const ta = la.tokens;
  const tb = lb.tokens;
  if (ta.length !== tb.length) return differ();
  for (let k = 0; k < ta.length; k++) {
    const x = ta[k];
    const y = tb[k];
    if (x.tokenType !== y.tokenType || (x.image !== y.image && image(x) !== image(y))) return differ();
    if (gap(a, ta[k - 1], x) !== gap(b, tb[k - 1], y)) return differ();
  }
  return undefined;
}

/** Undefined when `after` is a safe reformatting of `before`, else the first kind of difference found. */
export function checkFormatting(before: string, after: string): FormatRefusal | undefined {
  if (before === after) return undefined;
  if (before.startsWith('\ufeff') !== after.startsWith('\ufeff')) return 'text';
  return sameTextAndLines(before, after) ?? sameTokens(before, after);
}

/** A row line before and after formatting: the original line's text and what the parser read in it. */
export interface RowChange {
  before: string;
  parsed: Pick<RowLine, 'cells' | 'comment'>;
  after: string;
}

/**
 * The check of formatted row lines, against the parse of the original document (which the analysis already did):
 * each new line, lexed with the project's lexer, must hold only row tokens (pipes, figures, text, a comment: so it
 * is a row line again, and leaves the lexer in its main mode), and its cells, split at the pipes as the parser
 * splits them, must have the original cells' texts, in order, and the same comment, as written. Equal cell texts mean
 * equal figures. Each line also keeps its non-blank text.
 */
export function checkRowLines(changes: readonly RowChange[]): FormatRefusal | undefined {
  // In chunks of lines: each row line starts and ends in the lexer's main mode, so lines lex the same alone or
  // together, and a chunk's tokens can go before the next is lexed (all of a large document's at once would cost
  // more in memory than in lexing).
  for (let i = 0; i < changes.length; i += ROW_CHUNK) {
    const why = checkRowChunk(changes.slice(i, i + ROW_CHUNK));
    if (why) return why;
  }
  return undefined;
}

const ROW_CHUNK = 256;

function checkRowChunk(changes: readonly RowChange[]): FormatRefusal | undefined {
  for (const c of changes) {
    const why = sameTextAndLines(c.before, c.after);
    if (why) return why;
  }
  const joined = changes.map((c) => c.after).join('\n');
  const lexed = budgetLexer.tokenize(joined);
  if (lexed.errors.length) return 'cells';
  const tokens = lexed.tokens;
  let k = 0;
  for (const c of changes) {
    const expected = c.parsed.cells;
    let n = 0; // cells read so far
    let same = true;
    let comment: string | undefined;
    let start = -1;
    let end = -1;
    // A cell read from the new line must be the parser's cell of the old line with the same index, letter for letter.
    const flush = () => {
      const want = n < expected.length ? expected[n].text : undefined;
      if (want === undefined) same = false;
      else if (start < 0) same &&= want === '';
      else same &&= end - start === want.length && joined.startsWith(want, start);
      n++;
      start = end = -1;
    };
    for (; k < tokens.length && !isNewline(tokens[k]); k++) {
      const t = tokens[k];
      if (t.tokenType === Pipe) flush();
      else if (t.tokenType === Comment) comment = trimEndChars(t.image, OWNED_BLANKS);
      else if (t.tokenType === FigureTok || t.tokenType === Text) {
        if (comment !== undefined) return 'cells';
        if (start < 0) start = t.startOffset;
        end = t.startOffset + t.image.length;
      } else return 'cells';
    }
    k++; // the line break
    flush();
    // The comment as written: a row's first `//` starts it (no cell text holds `//`).
    const wrote = c.parsed.comment === undefined ? undefined : trimEndChars(c.before.slice(c.before.indexOf('//')), OWNED_BLANKS);
    if (!same || n !== expected.length || comment !== wrote) {
      return sameArray(figureTokens(c.before), figureTokens(c.after)) ? 'cells' : 'figures';
    }
  }
  return undefined;
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
