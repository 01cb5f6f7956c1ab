/**
 * Tokens of the `.budget` language, in four lexer modes:
 * - `main`: headings, keyword lines, rows (pipes, figures, text) and comments;
 * - `columns`: the list after `列：` (names, `[栏次]`, `{…}` groups);
 * - `rule`: the formulas after `规则：`;
 * - `prose`: 情况说明 / 名词解释 sections, where every line is kept verbatim.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';

/** True when only blanks stand between the start of the line and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

/** A pattern that only matches at the start of a line (after blanks). */
function lineStart(re: RegExp): CustomPatternMatcherFunc {
  const sticky = new RegExp(re.source, 'y');
  return (text, offset) => {
    if (!atLineStart(text, offset)) return null;
    sticky.lastIndex = offset;
    return sticky.exec(text);
  };
}

/** A pattern that matches only at `offset` (a sticky copy of `re`). */
function sticky(re: RegExp): CustomPatternMatcherFunc {
  const y = new RegExp(re.source, 'y');
  return (text, offset) => {
    y.lastIndex = offset;
    return y.exec(text);
  };
}

/**
 * First-character hints for a pattern that starts with almost any character. Chevrotain optimises by first character,
 * in buckets of 255 above 255; one character per bucket stands for the bucket, and the pattern itself decides.
 */
function anyCharExcept(excluded: string): string[] {
  const out: string[] = [];
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (!excluded.includes(ch)) out.push(ch);
  }
  for (let k = 1; k <= 257; k++) {
    const c = Math.max(256, k * 255);
    if (c <= 0xffff) out.push(String.fromCharCode(c));
  }
  return out;
}

const PROSE_TITLES = '(?:名词解释|情况说明|概况|说明|第[一二三四五六七八九十]+部分)';

// The line-start patterns, shared with the hand reader of lines (./reader), which must read lines as these do.
/** A heading that enters prose (名词解释, 情况说明 …), from main mode. */
export const PROSE_ENTER = new RegExp(`#{1,2}[ \\t\\u3000]*${PROSE_TITLES}[^\\r\\n]*`);
/** A heading that stays in prose (another prose title, or `###` and deeper). */
export const PROSE_STAY = new RegExp(`(?:#{1,2}[ \\t\\u3000]*${PROSE_TITLES}|#{3,6})[^\\r\\n]*`);
export const COLUMNS_KW = /列[ \t\u3000]*[：:]/;
export const RULE_KW = /规则[ \t\u3000]*[：:]/;
export const NOTE_LINE = /(?:备注|注)[ \t\u3000]*[0-9.]*[：:][^\r\n]*/;

// Categories the parser consumes.
export const Newline = createToken({ name: 'Newline', pattern: Lexer.NA });
export const Heading = createToken({ name: 'Heading', pattern: Lexer.NA });

export const NewlineMain = createToken({ name: 'NewlineMain', pattern: /\r\n|\r|\n/, line_breaks: true, categories: [Newline] });
export const NewlinePop = createToken({ name: 'NewlinePop', pattern: /\r\n|\r|\n/, line_breaks: true, categories: [Newline], pop_mode: true });
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\u3000\ufeff\u00a0]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\r\n]*/ });

export const ProseHeadingEnter = createToken({
  name: 'ProseHeadingEnter',
  pattern: lineStart(PROSE_ENTER),
  line_breaks: false,
  start_chars_hint: ['#'],
  categories: [Heading],
  push_mode: 'prose',
});
export const HeadingMain = createToken({
  name: 'HeadingMain',
  pattern: lineStart(/#{1,6}[^\r\n]*/),
  line_breaks: false,
  start_chars_hint: ['#'],
  categories: [Heading],
});
export const ColumnsKw = createToken({
  name: 'ColumnsKw',
  pattern: lineStart(COLUMNS_KW),
  line_breaks: false,
  start_chars_hint: ['列'],
  push_mode: 'columns',
});
export const RuleKw = createToken({
  name: 'RuleKw',
  pattern: lineStart(RULE_KW),
  line_breaks: false,
  start_chars_hint: ['规'],
  push_mode: 'rule',
});
export const NoteLine = createToken({
  name: 'NoteLine',
  pattern: lineStart(NOTE_LINE),
  line_breaks: false,
  start_chars_hint: ['注', '备'],
});
export const Pipe = createToken({ name: 'Pipe', pattern: /[|｜]/ });
export const FigureTok = createToken({ name: 'Figure', pattern: /[-−－]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)%?/ });
export const Text = createToken({
  name: 'Text',
  pattern: sticky(/(?:[^ \t\u3000\ufeff\u00a0\r\n|｜0-9\-−－./%]|\/(?!\/)|[.%\-−－])+/),
  line_breaks: false,
  start_chars_hint: anyCharExcept(' \t\r\n|0123456789\u00a0'),
});

// `列：` mode
export const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/ });
export const ColumnNumber = createToken({ name: 'ColumnNumber', pattern: /[[［][ \t]*\d+[ \t]*[\]］]/ });
export const ColumnText = createToken({
  name: 'ColumnText',
  pattern: sticky(/(?:[^\r\n|｜{}｛｝[\]［］/]|\/(?!\/))+/),
  line_breaks: false,
  start_chars_hint: anyCharExcept('\r\n|{}[]'),
});

// `规则：` mode
export const Num = createToken({ name: 'Num', pattern: /\d+/ });
export const EachRow = createToken({ name: 'EachRow', pattern: /各行/ });
export const RowUnit = createToken({ name: 'RowUnit', pattern: /行/ });
export const ColUnit = createToken({ name: 'ColUnit', pattern: /栏/ });
export const Equals = createToken({ name: 'Equals', pattern: /[=＝]/ });
export const Plus = createToken({ name: 'Plus', pattern: /[+＋]/ });
export const Minus = createToken({ name: 'Minus', pattern: /[-－−]/ });
export const LParen = createToken({ name: 'LParen', pattern: /[(（]/ });
export const RParen = createToken({ name: 'RParen', pattern: /[)）]/ });
export const Ellipsis = createToken({ name: 'Ellipsis', pattern: /…+|⋯+|\.{2,}|·{2,}/ });
export const Separator = createToken({ name: 'Separator', pattern: /[；;，,、。]/ });
/** `当` before a condition (`规则：A=B 当 C=D`): only before a blank, a quote or a bracket, so a table named `当年…表` stays a table. */
export const When = createToken({ name: 'When', pattern: /当(?=[ \t\u3000「“"『【(（])/ });
export const Quoted = createToken({ name: 'Quoted', pattern: /「[^」\r\n]*」|“[^”\r\n]*”|"[^"\r\n]*"|『[^』\r\n]*』|【[^】\r\n]*】/ });
export const TableRef = createToken({
  name: 'TableRef',
  line_breaks: false,
  start_chars_hint: anyCharExcept(' \t\r\n=+-()"'),
  pattern: sticky(/本表|[^\s=＝+＋\-－−()（）「」“”"『』【】；;，,、。…⋯\d行栏各]*(?:\d+(?:[-－]\d+)?)?表(?:[ \t]?\d+(?:[-－]\d+)?(?![\d]*[ \t]*[行栏]))?/),
});
export const Unknown = createToken({ name: 'Unknown', pattern: sticky(/[^\s]/), line_breaks: false, start_chars_hint: anyCharExcept(' \t\r\n') });

// prose mode
export const NewlineProse = createToken({ name: 'NewlineProse', pattern: /\r\n|\r|\n/, line_breaks: true, categories: [Newline] });
export const ProseComment = createToken({ name: 'ProseComment', pattern: lineStart(/\/\/[^\r\n]*/), line_breaks: false, start_chars_hint: ['/'], categories: [Comment] });
export const ProseHeadingStay = createToken({
  name: 'ProseHeadingStay',
  pattern: lineStart(PROSE_STAY),
  line_breaks: false,
  start_chars_hint: ['#'],
  categories: [Heading],
});
export const ProseHeadingLeave = createToken({
  name: 'ProseHeadingLeave',
  pattern: lineStart(/#{1,2}[^\r\n]*/),
  line_breaks: false,
  start_chars_hint: ['#'],
  categories: [Heading],
  pop_mode: true,
});
export const ProseText = createToken({ name: 'ProseText', pattern: sticky(/[^\r\n]+/), line_breaks: false, start_chars_hint: anyCharExcept('\r\n') });

export const allTokens: TokenType[] = [
  Newline, Heading, NewlineMain, NewlinePop, NewlineProse, Blank, Comment, ProseComment,
  ProseHeadingEnter, ProseHeadingStay, ProseHeadingLeave, HeadingMain, ColumnsKw, RuleKw, NoteLine,
  Pipe, FigureTok, Text, LBrace, RBrace, ColumnNumber, ColumnText,
  Num, EachRow, RowUnit, ColUnit, Equals, Plus, Minus, LParen, RParen, Ellipsis, Separator, When, Quoted, TableRef, Unknown,
  ProseText,
];

export const budgetLexer = new Lexer(
  {
    defaultMode: 'main',
    modes: {
      main: [NewlineMain, Blank, Comment, ProseHeadingEnter, HeadingMain, ColumnsKw, RuleKw, NoteLine, Pipe, FigureTok, Text],
      columns: [NewlinePop, Blank, Comment, Pipe, LBrace, RBrace, ColumnNumber, ColumnText],
      rule: [NewlinePop, Blank, Comment, When, Quoted, TableRef, Num, EachRow, RowUnit, ColUnit, Equals, Plus, Minus, LParen, RParen, Ellipsis, Separator, Unknown],
      prose: [NewlineProse, ProseComment, ProseHeadingStay, ProseHeadingLeave, ProseText],
    },
  },
  { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: false },
);
