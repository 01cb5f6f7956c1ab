/**
 * The `.budget` parser: chevrotain, with error recovery, producing one `Line` node per source line.
 * A broken line becomes a syntax error at its place; the lines after it are parsed as usual.
 */
import { EmbeddedActionsParser, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { lineStartOf } from './positions';
import * as T from './tokens';
import type {
  AtomNode, CellNode, ColumnNode, GroupItem, GroupNode, Line, RefNode, RuleNode, Span, SyntaxError, SyntaxTree, TermNode, Unit,
} from './ast';
import type { LexerMode } from './reader';

function tokSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}
function valid(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}
function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
function spanOf(tokens: (IToken | undefined)[], fallback: Span): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const t of tokens) {
    if (!valid(t)) continue;
    if (t.startOffset < start) start = t.startOffset;
    if (t.startOffset + t.image.length > end) end = t.startOffset + t.image.length;
  }
  return start === Infinity ? fallback : { start, end };
}
/** An empty span at `at`: where a node stands that error recovery left without tokens (a new object each time: spans
 * are shifted in place, ../incremental). Never at offset 0 of the document: a node lies on its own line. */
function emptyAt(at: number): Span {
  return { start: at, end: at };
}

class BudgetParser extends EmbeddedActionsParser {
  /** The source text, for slicing verbatim spans, and the document offset of its first character. */
  source = '';
  base = 0;

  /** The source between two document offsets. */
  private slice(start: number, end: number): string {
    return this.source.slice(start - this.base, end - this.base);
  }

  /** Syntax errors saved so far on the current line (reset by `parseRange` before each line). */
  lineErrors = 0;
  /** Where the current line starts (set by `parseRange` before each line): nodes recovery left empty stand there. */
  lineStart = 0;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3 });
    this.performSelfAnalysis();
    // Every recovery costs a follow-set walk and an exception, and after a recovery inside a repetition chevrotain
    // re-enters the repetition by recursion, one stack level per error: a line of a thousand `(+` took seconds, and
    // a few thousand exhausted the stack. So a line gets a bounded number of errors, more than anything typed by hand
    // makes; at the next one the line is abandoned (parseRange keeps it as text). The hook is chevrotain's own
    // `SAVE_ERROR`, through which every recognition error passes (chevrotain/lib/src/parse/parser/traits/
    // error_handler.js); it is not in the typed API, hence the cast. A test pins the behaviour against upgrades.
    const self = this as unknown as { SAVE_ERROR: (error: Error) => Error };
    const save = self.SAVE_ERROR;
    self.SAVE_ERROR = (error: Error) => {
      if (this.lineErrors++ >= MAX_LINE_ERRORS) throw LINE_ABANDONED;
      return save.call(this, error);
    };
  }

  public document = this.RULE('document', (): Line[] => {
    const lines: Line[] = [];
    this.MANY(() => {
      const l = this.SUBRULE(this.line);
      if (l) lines.push(l);
    });
    return lines;
  });

  private eol = this.RULE('eol', (): { comment?: IToken } => {
    let comment: IToken | undefined;
    this.OPTION(() => { comment = this.CONSUME(T.Comment); });
    this.OPTION2(() => this.CONSUME(T.Newline));
    return { comment };
  });

  private lineAlts?: { ALT: () => Line | undefined }[];

  line = this.RULE('line', (): Line | undefined =>
    this.OR<Line | undefined>(this.lineAlts ??= [
      { ALT: () => { const t = this.CONSUME(T.Newline); return this.ACTION(() => ({ kind: 'blank', span: tokSpan(t) })); } },
      { ALT: () => {
        const t = this.CONSUME(T.Comment);
        this.OPTION(() => this.CONSUME2(T.Newline));
        return this.ACTION(() => ({ kind: 'comment', text: t.image.slice(2).trim(), span: tokSpan(t) }));
      } },
      { ALT: () => this.SUBRULE(this.heading) },
      { ALT: () => {
        const t = this.CONSUME(T.NoteLine);
        this.OPTION2(() => this.CONSUME3(T.Newline));
        return this.ACTION(() => ({ kind: 'note', text: t.image.trim(), span: tokSpan(t) }));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.ProseText);
        this.OPTION3(() => this.CONSUME4(T.Newline));
        return this.ACTION(() => ({ kind: 'prose', text: t.image, span: tokSpan(t) }));
      } },
      { ALT: () => this.SUBRULE(this.columnsLine) },
      { ALT: () => this.SUBRULE(this.rulesLine) },
      { ALT: () => this.SUBRULE(this.rowOrText) },
    ]),
  );

  private heading = this.RULE('heading', (): Line => {
    const t = this.CONSUME(T.Heading);
    this.OPTION(() => this.CONSUME(T.Newline));
    return this.ACTION(() => this.buildHeading(t));
  });

  private buildHeading(t: IToken): Line {
    const m = /^(#+)[ \t\u3000]*/.exec(t.image);
    const level = m ? m[1].length : 1;
    const skip = m ? m[0].length : 0;
    const raw = t.image.slice(skip);
    const text = raw.trimEnd();
    const start = t.startOffset + skip;
    return {
      kind: 'heading', level, text,
      textSpan: { start, end: start + text.length },
      span: tokSpan(t),
      prose: t.tokenType === T.ProseHeadingEnter || t.tokenType === T.ProseHeadingStay,
    };
  }

  // Alternatives are cached: chevrotain would otherwise build these arrays for every token of every row.
  private cellTokenAlts?: { ALT: () => IToken }[];

  private rowOrText = this.RULE('rowOrText', (): Line => {
    const toks: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      toks.push(this.OR(this.cellTokenAlts ??= [
        { ALT: () => this.CONSUME(T.Pipe) },
        { ALT: () => this.CONSUME(T.FigureTok) },
        { ALT: () => this.CONSUME(T.Text) },
      ]));
    });
    const { comment } = this.SUBRULE(this.eol);
    return this.ACTION(() => this.buildRow(toks, comment));
  });

  /** A row line (cells split at pipes) or, without pipes, a text line. Also used by `parseRange`'s fast path. */
  buildRow(toks: IToken[], comment: IToken | undefined): Line {
    return this.buildRowAt(toks, 0, toks.length, comment);
  }

  /** `buildRow` of tokens[from, to): one span per cell, nothing else allocated per token (rows are most lines). */
  buildRowAt(tokens: IToken[], from: number, to: number, comment: IToken | undefined): Line {
    let start = Infinity;
    let end = -Infinity;
    let pipes = 0;
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      if (!valid(t)) continue;
      if (t.startOffset < start) start = t.startOffset;
      const e = t.startOffset + t.image.length;
      if (e > end) end = e;
      if (t.tokenType === T.Pipe) pipes++;
    }
    const span: Span = start === Infinity ? emptyAt(Number.isFinite(tokens[from]?.startOffset) ? tokens[from].startOffset : this.lineStart) : { start, end };
    const commentText = valid(comment) ? comment.image.slice(2).trim() : undefined;
    if (!pipes) return { kind: 'text', text: this.slice(span.start, span.end), span, comment: commentText };
    const cells: CellNode[] = [];
    let cellStart = Infinity;
    let cellEnd = -Infinity;
    let tokensInCell = 0;
    // A cell whose only tokens were inserted by error recovery stands, empty, where the cell began.
    let prevEnd = lineStartOf(this.source, span.start - this.base) + this.base;
    const flush = (endAt: number) => {
      if (cellStart !== Infinity) cells.push({ text: this.slice(cellStart, cellEnd), span: { start: cellStart, end: cellEnd } });
      else if (tokensInCell) cells.push({ text: '', span: { start: prevEnd, end: prevEnd } });
      else cells.push({ text: '', span: { start: endAt, end: endAt } });
      cellStart = Infinity;
      cellEnd = -Infinity;
      tokensInCell = 0;
    };
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      if (t.tokenType === T.Pipe) {
        flush(t.startOffset);
        prevEnd = t.startOffset + 1;
      } else if (tokensInCell++, valid(t)) {
        if (t.startOffset < cellStart) cellStart = t.startOffset;
        const e = t.startOffset + t.image.length;
        if (e > cellEnd) cellEnd = e;
      }
    }
    flush(valid(comment) ? comment.startOffset : span.end);
    const full = valid(comment) ? join(span, tokSpan(comment)) : span;
    return { kind: 'row', cells, span: full, comment: commentText };
  }

  private columnsLine = this.RULE('columnsLine', (): Line => {
    const kw = this.CONSUME(T.ColumnsKw);
    let columns: ColumnNode[] = [];
    this.OPTION(() => { columns = this.SUBRULE(this.columnList); });
    this.SUBRULE(this.eol);
    return this.ACTION(() => {
      columns = (columns ?? []).filter((c) => c !== undefined);
      const last = columns.length ? columns[columns.length - 1].span : tokSpan(kw);
      return { kind: 'columns', columns, span: join(tokSpan(kw), last) };
    });
  });

  private columnList = this.RULE('columnList', (): ColumnNode[] => {
    const cols: ColumnNode[] = [];
    const push = (c: ColumnNode | undefined) => { if (c) cols.push(c); };
    push(this.SUBRULE(this.column));
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      push(this.SUBRULE2(this.column));
    });
    return cols;
  });

  private column = this.RULE('column', (): ColumnNode => {
    let name: IToken | undefined;
    let num: IToken | undefined;
    let open: IToken | undefined;
    let close: IToken | undefined;
    let children: ColumnNode[] | undefined;
    // The token before the column: a column of no token at all stands where that one ends.
    const before = this.LA(0);
    this.OPTION(() => { name = this.CONSUME(T.ColumnText); });
    this.OPTION2(() => { num = this.CONSUME(T.ColumnNumber); });
    this.OPTION3(() => {
      open = this.CONSUME(T.LBrace);
      children = this.SUBRULE(this.columnList);
      close = this.CONSUME(T.RBrace);
    });
    return this.ACTION(() => {
      const raw = valid(name) ? name.image : '';
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      const nameStart = valid(name) ? name.startOffset + lead
        : valid(num) ? num.startOffset : valid(open) ? open.startOffset : valid(before) ? before.startOffset + before.image.length : this.lineStart;
      const nameSpan = { start: nameStart, end: nameStart + text.length };
      children = children?.filter((c) => c !== undefined);
      const childSpans = children?.map((c) => c.span) ?? [];
      let span = spanOf([num, open, close], nameSpan);
      if (text) span = join(span, nameSpan);
      for (const c of childSpans) span = join(span, c);
      const col: ColumnNode = { name: text, nameSpan, span };
      if (valid(num)) {
        col.number = Number(/\d+/.exec(num.image)?.[0]);
        col.numberSpan = tokSpan(num);
      }
      if (children) col.children = children;
      return col;
    });
  });

  private rulesLine = this.RULE('rulesLine', (): Line => {
    const kw = this.CONSUME(T.RuleKw);
    const rules: RuleNode[] = [];
    const push = (r: RuleNode | undefined) => this.ACTION(() => { if (r && r.lhs?.length && r.rhs?.length) rules.push(r); });
    this.OPTION(() => {
      push(this.SUBRULE(this.rule));
      this.MANY(() => {
        this.CONSUME(T.Separator);
        this.OPTION2(() => push(this.SUBRULE2(this.rule)));
      });
    });
    this.SUBRULE(this.eol);
    return this.ACTION(() => {
      const last = rules.length ? rules[rules.length - 1].span : tokSpan(kw);
      return { kind: 'rules', rules, span: join(tokSpan(kw), last) };
    });
  });

  private rule = this.RULE('rule', (): RuleNode => {
    const lhs = this.SUBRULE(this.expr);
    this.CONSUME(T.Equals);
    const rhs = this.SUBRULE2(this.expr);
    let cond: { lhs: TermNode[]; rhs: TermNode[] } | undefined;
    this.OPTION(() => {
      this.CONSUME(T.When);
      const l = this.SUBRULE3(this.expr);
      let r: TermNode[] = [];
      this.OPTION2(() => {
        this.CONSUME2(T.Equals);
        r = this.SUBRULE4(this.expr);
      });
      cond = { lhs: l, rhs: r };
    });
    return this.ACTION(() => {
      const equation = (l: TermNode[] | undefined, r: TermNode[] | undefined) => {
        const lhs = (l ?? []).filter((t) => t?.operand);
        const rhs = (r ?? []).filter((t) => t?.operand);
        const spans = [...lhs, ...rhs].map((t) => t.operand.span).filter((s) => Number.isFinite(s.start));
        const span = spans.length ? spans.reduce(join) : emptyAt(this.lineStart);
        return { lhs, rhs, span, text: this.slice(span.start, span.end) };
      };
      const node: RuleNode = equation(lhs, rhs);
      if (cond) {
        const c = equation(cond.lhs, cond.rhs);
        if (c.lhs.length) node.condition = c;
      }
      return node;
    });
  });

  private expr = this.RULE('expr', (): TermNode[] => {
    const terms: TermNode[] = [];
    let sign: 1 | -1 = 1;
    // A sum of references in brackets is its references (`(「甲」行1栏+「乙」行1栏)` = `「甲」行1栏+「乙」行1栏`).
    const push = (s: 1 | -1, operand: RefNode | GroupNode) => {
      // (A recovered parse may give no operand: kept, as before, for the rule to be dropped.)
      if (!operand || operand.kind !== 'group' || !operand.sum) { terms.push({ sign: s, operand }); return; }
      const sum = operand.sum;
      for (let i = 0; i < sum.length; i++) {
        const r = sum[i];
        // The brackets go with the first and the last reference (the rule's text is read from its terms' spans).
        const atoms = r.atoms.map((a) => a.span).reduce(join);
        const span = { start: i === 0 ? operand.span.start : atoms.start, end: i === sum.length - 1 ? operand.span.end : atoms.end };
        const ref: RefNode = { kind: 'ref', atoms: r.atoms, span };
        if (operand.table) ref.table = operand.table;
        terms.push({ sign: (s * r.sign) as 1 | -1, operand: ref });
      }
    };
    this.OPTION(() => { this.CONSUME(T.Minus); sign = -1; });
    push(sign, this.SUBRULE(this.operand));
    this.MANY(() => {
      const s = this.OR([
        { ALT: () => { this.CONSUME(T.Plus); return 1 as const; } },
        { ALT: () => { this.CONSUME2(T.Minus); return -1 as const; } },
      ]);
      push(s, this.SUBRULE2(this.operand));
    });
    return terms;
  });

  private operand = this.RULE('operand', (): RefNode | GroupNode => {
    let table: IToken | undefined;
    this.OPTION(() => { table = this.CONSUME(T.TableRef); });
    return this.OR([
      { ALT: () => this.SUBRULE(this.group, { ARGS: [table] }) },
      { ALT: () => this.SUBRULE(this.ref, { ARGS: [table] }) },
    ]);
  });

  private group = this.RULE('group', (table: IToken | undefined): GroupNode => {
    const open = this.CONSUME(T.LParen);
    const items: GroupItem[] = [];
    // The references between the signs: atoms written one after the other (`「甲」行1栏`) are one reference.
    const refs: { sign: 1 | -1; atoms: AtomNode[] }[] = [];
    let sign: 1 | -1 = 1;
    let joined = false;
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.Plus); sign = 1; joined = false; } },
        { ALT: () => { this.CONSUME(T.Minus); sign = -1; joined = false; } },
        { ALT: () => { const e = this.CONSUME(T.Ellipsis); items.push({ sign: 1, ellipsis: tokSpan(e) }); joined = false; } },
        { ALT: () => {
          const a = this.SUBRULE(this.atom);
          if (a) {
            items.push({ sign, atom: a });
            if (joined && refs.length) refs[refs.length - 1].atoms.push(a);
            else refs.push({ sign, atoms: [a] });
            joined = true;
          }
          sign = 1;
        } },
      ]);
    });
    const close = this.CONSUME(T.RParen);
    const unit = this.SUBRULE2(this.unit) ?? { tokens: [] };
    return this.ACTION(() => {
      const g: GroupNode = { kind: 'group', items, span: spanOf([table, open, close, ...unit.tokens], emptyAt(this.lineStart)) };
      if (valid(table)) g.table = { text: table.image.trim(), span: tokSpan(table) };
      if (unit.unit) g.unit = unit.unit;
      if (unit.eachRow) g.eachRow = true;
      // No unit after it, no `…`, a reference of two atoms or more: a sum of references (`expr` writes it out).
      if (!unit.unit && !unit.eachRow && items.every((i) => i.atom) && refs.some((r) => r.atoms.length > 1)) g.sum = refs;
      return g;
    });
  });

  private ref = this.RULE('ref', (table: IToken | undefined): RefNode => {
    const atoms: AtomNode[] = [];
    this.AT_LEAST_ONE(() => { const a = this.SUBRULE(this.atom); if (a) atoms.push(a); });
    return this.ACTION(() => {
      let span = atoms.length ? atoms.map((a) => a.span).reduce(join) : emptyAt(this.lineStart);
      if (valid(table)) span = join(span, tokSpan(table));
      const r: RefNode = { kind: 'ref', atoms, span };
      if (valid(table)) r.table = { text: table.image.trim(), span: tokSpan(table) };
      return r;
    });
  });

  private atom = this.RULE('atom', (): AtomNode => {
    const v = this.OR([
      { ALT: () => this.CONSUME(T.Num) },
      { ALT: () => this.CONSUME(T.Quoted) },
    ]);
    const unit = this.SUBRULE(this.unit) ?? { tokens: [] };
    return this.ACTION(() => {
      const quoted = v.tokenType === T.Quoted;
      const a: AtomNode = {
        value: quoted ? v.image.slice(1, -1).trim() : v.image,
        quoted,
        span: spanOf([v, ...unit.tokens], emptyAt(this.lineStart)),
      };
      if (unit.unit) a.unit = unit.unit;
      if (unit.eachRow) a.eachRow = true;
      return a;
    });
  });

  private unit = this.RULE('unit', (): { unit?: Unit; eachRow?: boolean; tokens: IToken[] } => {
    const tokens: IToken[] = [];
    let unit: Unit | undefined;
    let eachRow = false;
    this.OPTION(() => {
      this.OR([
        { ALT: () => { tokens.push(this.CONSUME(T.RowUnit)); unit = 'row'; } },
        { ALT: () => {
          tokens.push(this.CONSUME(T.ColUnit)); unit = 'column';
          this.OPTION2(() => { tokens.push(this.CONSUME(T.EachRow)); eachRow = true; });
        } },
        { ALT: () => { tokens.push(this.CONSUME2(T.EachRow)); eachRow = true; } },
      ]);
    });
    return { unit, eachRow, tokens };
  });
}

let shared: BudgetParser | undefined;

/** The row grammar (`rowOrText`) accepts any run of these tokens, then an optional comment and line end. */
const ROW_TOKENS = new Set<TokenType>([T.Pipe, T.FigureTok, T.Text]);

/**
 * Parses a `.budget` text. Never throws: every problem is a syntax error with a span.
 * Each line is parsed on its own (the lexer's modes carry what one line tells the next), so an error can never spill
 * into the lines after it, and a line the parser gives up on is kept as text: no text is ever lost.
 */
export function parse(text: string): SyntaxTree {
  return parseRange(text, 0, text.length);
}

export type { LexerMode };

/** Parsed keyword lines by their text (with its line break), parsed at offset 0: see `parseLine`. */
const parsedLines = new Map<string, SyntaxTree>();
const MAX_PARSED_LINES = 4096;

/**
 * The main-mode line [from, next) of `text` (its line break included), parsed, its spans document offsets (`base`
 * is the document offset of `text`). Documents print the same `列：` and `规则：` lines table after table: each text
 * is parsed once, then copied to where it stands.
 */
export function parseLine(text: string, from: number, next: number, base = 0): SyntaxTree {
  const own = text.slice(from, next);
  let tree = parsedLines.get(own);
  if (!tree) {
    if (parsedLines.size >= MAX_PARSED_LINES) parsedLines.clear();
    tree = parseRange(own, 0, own.length);
    parsedLines.set(own, tree);
  }
  return { text, ...(base ? { base } : {}), lines: moved(tree.lines, base + from), errors: moved(tree.errors, base + from) };
}

/** A deep copy of parsed lines (or errors) with every span moved by `delta` (shared frozen spans stay as they are). */
function moved<T>(v: T, delta: number): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) return v.map((x) => moved(x, delta)) as T;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = moved(o[k], delta);
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    out.start = (o.start as number) + delta;
    out.end = (o.end as number) + delta;
  }
  return out as T;
}

/**
 * Parses the lines of `text` in [start, end) as if the whole text were parsed, for a range that starts at a line where
 * the lexer is in `mode` (`main` at the start of the text and at a `#`/`##` heading at column 0: see
 * ../incremental/sections; inside a section without headings, the mode its heading set). Spans are offsets in the
 * whole text. The incremental analysis parses only what an edit touched this way. When `text` is only a part of the
 * document, `base` is the document offset of its first character (offsets stay document offsets).
 */
export function parseRange(text: string, start: number, end: number, mode: LexerMode = 'main', base = 0): SyntaxTree {
  const parser = (shared ??= new BudgetParser());
  const whole = start === base && end === base + text.length;
  const lexed = T.budgetLexer.tokenize(whole ? text : text.slice(start - base, end - base), mode);
  const tokens = lexed.tokens;
  if (start !== 0) for (const t of tokens) t.startOffset += start;
  const errors: SyntaxError[] = lexed.errors.map((e) => {
    const at = e.offset + start;
    const ch = text.substr(at - base, e.length);
    return { say: (m) => m.unknownChar(ch), span: { start: at, end: at + e.length } };
  });
  parser.source = text;
  parser.base = base;
  const lines: Line[] = [];
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && !tokenMatcher(tokens[to], T.Newline)) to++;
    const contentEnd = to;
    if (to < tokens.length) to++; // the newline ends the line
    // A row or plain text line (the common case by far): the grammar is a flat run of tokens and cannot fail, so the
    // node is built without running the recognizer.
    if (ROW_TOKENS.has(tokens[from].tokenType)) {
      let last = contentEnd;
      const comment = last > from && tokens[last - 1].tokenType === T.Comment ? tokens[--last] : undefined;
      let flat = true;
      for (let i = from; i < last; i++) if (!ROW_TOKENS.has(tokens[i].tokenType)) { flat = false; break; }
      if (flat) {
        lines.push(parser.buildRowAt(tokens, from, last, comment));
        from = to;
        continue;
      }
    }
    const lineTokens = tokens.slice(from, to);
    // Column groups nest by recursion: a line nesting deeper than any table does is refused before it can exhaust
    // the stack, and kept as text.
    if (lineTokens[0].tokenType === T.ColumnsKw) {
      const deep = tooDeep(lineTokens);
      if (deep) {
        errors.push({ say: (m) => m.tooDeep(MAX_GROUP_DEPTH), span: tokSpan(deep) });
        const content = lineTokens.filter((t) => !tokenMatcher(t, T.Newline));
        const span = spanOf(content, emptyAt(lineTokens[0].startOffset));
        lines.push({ kind: 'text', text: text.slice(span.start - base, span.end - base), span });
        from = to;
        continue;
      }
    }
    parser.input = lineTokens;
    parser.lineErrors = 0;
    parser.lineStart = lineTokens[0].startOffset;
    let line: Line | undefined;
    let abandoned = false;
    try {
      line = parser.line();
    } catch (e) {
      if (e !== LINE_ABANDONED) throw e;
      abandoned = true;
    }
    if (parser.errors.length || !line) {
      for (const e of parser.errors) {
        const t = e.token;
        let span: Span;
        if (valid(t) && t.image.length > 0 && !/^[\r\n]+$/.test(t.image)) span = tokSpan(t);
        else {
          const prev = (e as { previousToken?: IToken }).previousToken;
          const at = valid(prev) ? prev.startOffset + prev.image.length : lineTokens[lineTokens.length - 1].startOffset;
          span = { start: at, end: at };
        }
        errors.push({ say: describeError(e.message, t), span });
      }
      if (abandoned) {
        const content = lineTokens.filter((t) => !tokenMatcher(t, T.Newline));
        const end = spanOf(content, emptyAt(parser.lineStart)).end;
        const at = errors.length ? Math.min(errors[errors.length - 1].span.end, end) : end;
        errors.push({ say: (m) => m.tooManyErrors(MAX_LINE_ERRORS), span: { start: at, end } });
      }
    }
    if (line) lines.push(line);
    else {
      const content = lineTokens.filter((t) => !tokenMatcher(t, T.Newline));
      if (content.length) {
        const span = spanOf(content, emptyAt(parser.lineStart));
        lines.push({ kind: 'text', text: text.slice(span.start - base, span.end - base), span });
      }
    }
    from = to;
  }
  return base ? { text, base, lines, errors } : { text, lines, errors };
}

/** Syntax errors reported on one line before the parser gives the line up: see the parser's constructor. */
export const MAX_LINE_ERRORS = 20;

/** Thrown through chevrotain (which rethrows what is not its own) to abandon a line. */
const LINE_ABANDONED = new Error('line abandoned');

/** Deeper than any printed table nests its column groups (基本支出 → 人员经费 → 工资福利 is three). */
export const MAX_GROUP_DEPTH = 16;

/** The first `{` of a columns line that opens a group beyond the depth limit. */
function tooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LBrace) {
      if (++depth > MAX_GROUP_DEPTH) return t;
    } else if (t.tokenType === T.RBrace && depth > 0) depth--;
  }
  return undefined;
}

function describeError(raw: string, t: IToken | undefined): SyntaxError['say'] {
  const image = t && t.image && !/^[\r\n]+$/.test(t.image) ? `“${t.image}”` : undefined;
  return (m) => {
    const what = image ?? m.lineEnd;
    if (/Equals/.test(raw)) return m.missingEquals(what);
    if (/RParen/.test(raw)) return m.missingParen(what);
    if (/RBrace/.test(raw)) return m.missingBrace(what);
    if (/Num|Quoted/.test(raw)) return m.expectRef(what);
    return m.unexpected(what);
  };
}

export type { TokenType };
