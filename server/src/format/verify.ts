/**
 * The formatter's safety check: a formatted text is accepted only when it provably says the same as the original.
 *
 * Both texts are lexed with the project's lexer and compared token by token: the same token types in the same order,
 * the same images (a column name's token, which takes the blanks after it, and a comment compared without trailing
 * blanks), the same line breaks, and the same blanks between two tokens of one cell, name or rule (the parser slices
 * those texts out of the source). Only the blanks at line starts and ends, around the pipes and before a comment may
 * differ. As the parser reads nothing but these tokens and slices, equal token streams mean equal rows, cells,
 * columns (groups, 栏次), headings, rules, notes and comments. Checked first, for a clear reason: the line count and line
 * endings, the non-whitespace text (and a BOM), and the sequence of figures.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { budgetLexer, ColumnText, Comment, FigureTok, Newline, Pipe, ProseComment } from '../syntax/tokens';

/** Why a formatting was refused (see `formatRefused` and `changed…` in i18n/editor.ts). */
export type FormatRefusal = 'lines' | 'text' | 'figures' | 'cells';

function isNewline(t: IToken): boolean {
  return tokenMatcher(t, Newline);
}

/** A token's image as far as the parser's reading goes. */
function image(t: IToken): string {
  if (t.tokenType === ColumnText) return t.image.trim();
  if (t.tokenType === Comment || t.tokenType === ProseComment) return t.image.trimEnd();
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

/** Blanks as JavaScript's `\s` knows them, line breaks excepted. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
