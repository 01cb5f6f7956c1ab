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

// --- Matchers that stay linear over a whole line -------------------------------------------------------------------
// The lexer tries every token at every offset where the previous one ended. A pattern that scans to the end of the
// line before it fails (an unclosed quote, a name that never reaches its 表) costs the rest of the line at each
// offset: quadratic in the line (20,000 characters of a rule line took 1.5 s). These two remember how far the last
// scan went, so a line is scanned once. The memo is keyed by the text (the same string while a text is lexed).

/** Each quote and what closes it. */
const QUOTES: Record<string, string> = { '「': '」', '“': '”', '"': '"', '『': '』', '【': '】' };

const image = (text: string, start: number, end: number) => [text.slice(start, end)] as [string];

/** A quoted name (`「合计」`), on one line: as `/「[^」\r\n]*」|“[^”\r\n]*”|…/`. */
function quoted(): CustomPatternMatcherFunc {
  let memoText = '';
  // For each closing quote: scanning from `from`, the first closer or line end was at `at`.
  const memo = new Map<string, { from: number; at: number }>();
  return (text, offset) => {
    const close = QUOTES[text[offset]];
    if (!close) return null;
    if (text !== memoText) memo.clear();
    memoText = text;
    let m = memo.get(close);
    if (!m || offset + 1 < m.from || offset + 1 > m.at) {
      let i = offset + 1;
      while (i < text.length && text[i] !== close && text[i] !== '\n' && text[i] !== '\r') i++;
      m = { from: offset + 1, at: i };
      memo.set(close, m);
    }
    return text[m.at] === close ? image(text, offset, m.at + 1) : null;
  };
}

/** What cannot be part of a table's name in a rule. */
const NOT_NAME = /[\s=＝+＋\-－−()（）「」“”"『』【】；;，,、。…⋯\d行栏各]/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isDash = (c: string | undefined) => c === '-' || c === '－';

/** The end of the digits at `i`, and of `-digits` after them when there are (`12`, `12-3`), or `i` when none. */
function numberEnd(text: string, i: number, withRange: boolean): number {
  let j = i;
  while (isDigit(text[j])) j++;
  if (j === i || !withRange || !isDash(text[j]) || !isDigit(text[j + 1])) return j;
  j++;
  while (isDigit(text[j])) j++;
  return j;
}

/**
 * A table named in a rule (`本表`, `公开05表`, `附表4-5`, `表 3`, `收入支出决算总表`): as
 * `/本表|[^NOT_NAME]*(?:\d+(?:[-－]\d+)?)?表(?:[ \t]?\d+(?:[-－]\d+)?(?![\d]*[ \t]*[行栏]))?/` — the name up to its
 * last 表 (or digits and 表 right after it), then a number unless a 行/栏 follows it (`表1行` is row 1 of 表).
 */
function tableRef(): CustomPatternMatcherFunc {
  // The run of name characters last scanned: [start, end), and the last 表 in it.
  let memo = { text: '', start: -1, end: -1, lastBiao: -1 };
  return (text, offset) => {
    if (text.startsWith('本表', offset)) return image(text, offset, offset + 2);
    if (memo.text !== text || offset < memo.start || offset > memo.end) {
      let end = offset;
      let lastBiao = -1;
      while (end < text.length && !NOT_NAME.test(text[end])) {
        if (text[end] === '表') lastBiao = end;
        end++;
      }
      memo = { text, start: offset, end, lastBiao };
    }
    memo.text = text;
    // Digits (a range) right after the name, then 表; else the name's last 表.
    let biao = -1;
    const n = numberEnd(text, memo.end, true);
    if (n > memo.end) {
      if (text[n] === '表') biao = n;
      else {
        const d = numberEnd(text, memo.end, false);
        if (text[d] === '表') biao = d;
      }
    }
    if (biao < 0 && memo.lastBiao >= offset) biao = memo.lastBiao;
    if (biao < 0) return null;
    // A number after 表 (`表 3`, `表4-5`) belongs to the name, unless 行 or 栏 follows it.
    let end = biao + 1;
    const from = text[end] === ' ' || text[end] === '\t' ? end + 1 : end;
    if (isDigit(text[from])) {
      const rowOrColumnAt = (i: number) => {
        while (text[i] === ' ' || text[i] === '\t') i++;
        return text[i] === '行' || text[i] === '栏';
      };
      const ranged = numberEnd(text, from, true);
      const single = numberEnd(text, from, false);
      if (!rowOrColumnAt(ranged)) end = ranged;
      else if (ranged !== single && !rowOrColumnAt(single)) end = single;
    }
    return image(text, offset, end);
  };
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
export const Quoted = createToken({
  name: 'Quoted',
  pattern: quoted(),
  line_breaks: false,
  start_chars_hint: Object.keys(QUOTES),
});
export const TableRef = createToken({
  name: 'TableRef',
  line_breaks: false,
  start_chars_hint: anyCharExcept(' \t\r\n=+-()"'),
  pattern: tableRef(),
});
// A character outside the BMP is one character here, never half of one (the error message quotes it).
export const Unknown = createToken({ name: 'Unknown', pattern: sticky(/[\ud800-\udbff][\udc00-\udfff]|[^\s]/), line_breaks: false, start_chars_hint: anyCharExcept(' \t\r\n') });

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
