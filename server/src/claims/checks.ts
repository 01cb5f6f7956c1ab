/**
 * What the narrative's claims (./extract) must satisfy, as relations between printed figures (judged with the interval
 * semantics of rounding.md, like every table relation) and as direct findings for what is not a relation between
 * figures (a comparison word, a direction word, 持平):
 * - an amount is the table quantity it restates (./link), after unit conversion (`Term.shift`);
 * - a change is this year minus the base (when both are stated); its rate is change ÷ base, the base being this year ∓
 *   the change, with this year's amount taken from the sentence, else the sentence before;
 * - the direction words agree with the figures (增加 with a larger figure, and the rate's word with the change's);
 * - `持平` means the two figures are equal at the printed precision;
 * - `决算数大于/小于/等于预算数` agrees with the 年初预算 and 决算 stated before it;
 * - a share is part ÷ whole (the whole named in the text, linked to a table, or the total the list is a breakdown of),
 *   and the shares of one whole add up to no more than 100%;
 * - a 完成率 is 决算 ÷ 预算;
 * - a total followed by `其中：` (in its line, or as a list of lines below it) is the sum of its parts; a count of
 *   things is at least the sum of its parts.
 * Changes above the configured thresholds need a stated reason (./reasons).
 */
import { withRelation, type Finding } from '../checks/finding';
import { isJustification } from '../checks/justifications';
import { cellName, evaluate, holdsAsPrinted, own, ratioTexts, termValue } from '../checks/evaluate';
import { claimMessages, type ClaimMessages } from '../i18n/claims';
import type { Locale, Messages } from '../i18n/messages';
import type { BudgetDocument, Cell, Column, Part, Table } from '../model/document';
import { eachRowHead } from '../model/rows';
import { syntheticCell } from '../model/synthetic';
import { isBlank } from '../syntax/reader';
import { pushTo } from '../util/arrays';
import { formatExact, formatUnits, intervalOf, pow10, roundUnits, samePrint, scaleTo, type Figure } from '../numbers/decimal';
import type { Relation, Term } from '../rules/relation';
import { bracketDepth, bracketedBefore, extractStatements, isCompletionBudget, isTrailingTotal, partsHead, sameBasis, type Claim, type SourceLine, type Statement } from './extract';
import { amountKind, labelKey, looseKey, QuantityIndex, roleIn, type AmountKind, type Quantity } from './link';
import { CLAUSE_MARKS, INTRODUCER, LIST_OPENER, OTHER_BASIS, SCALE_UNIT } from './lexicon';
import { reasonFindings, type Thresholds } from './reasons';

interface ClaimOptions {
  locale?: Locale;
  /** Changes above both need a stated reason (budget-tables.json `thresholds`; default 10% and 10 万元). */
  thresholds?: Thresholds;
  /** The cells of a quantity the standard table sets name (`收入支出总计`, `公务接待费预算数` …). */
  quantity?: (name: string) => readonly Cell[];
}

export interface ClaimResult {
  /** Every relation the claims take part in, holding or not (hover, navigation and error localisation read them). */
  relations: Relation[];
  /** The relations that fail, judged, and the direct findings. */
  findings: Finding[];
}

/** The tables the claims' cells belong to (one per analysis; never one of the document's tables). */
const claimTables = new WeakSet<Table>();

/** Whether a cell is a claim of the narrative or of a form's text (rather than a table's or a form's field). */
export function isClaimCell(cell: Cell): boolean {
  return claimTables.has(cell.row.part.table);
}

/** The synthetic part the claims' cells belong to: a form named 情况说明 that is not one of the document's tables. */
function syntheticPart(doc: BudgetDocument): { part: Part; column: Column } {
  const table: Table = {
    kind: 'form', title: '情况说明', heading: '情况说明', headingSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 },
    parts: [], rules: [], notes: [], fields: [], texts: [], unit: doc.header.unit,
  };
  claimTables.add(table);
  const column: Column = { name: '', path: [], role: 'figure', index: 0, span: { start: 0, end: 0 } };
  const part: Part = { columns: [column], rows: [], table, fields: [] };
  return { part, column };
}

/**
 * A form's field whose value is prose with figures in it (`预期目标：本项目共申请预算资金2026400元，其中村级组织运转400000元，…`,
 * the national 绩效自评表's 年度总体目标 cells): its `其中` lists are summed against their totals — only that. Its amounts are
 * the project's, not the department's: `资金构成：…其他资金10万元` is not the 收支总表's 其他支出, `公务接待费0万元` not the
 * 三公 table's; and a field listing years (`项目前两年预算及当年预算变动情况：2021年90万元，2022年59万元，2023年100万元，比上年增加41万元`)
 * states its changes against a base the sentence reader does not pick (review21's cases: false errors every one). A field
 * of one figure (`项目总预算：21`) is a row of the form, not prose, and one without an amount or a rate
 * (`存在问题：结合自评情况，分析存在的问题及原因。(200字以内)`, the form's own instructions) claims nothing.
 */
const AMOUNT = /\d\s*(?:亿元|万元|元|%)/;
const CLAUSE = /[。；;，,]/;
function proseFields(t: Table): SourceLine[] {
  const out: SourceLine[] = [];
  for (const f of [...t.fields, ...t.parts.flatMap((p) => p.fields)]) {
    if (AMOUNT.test(f.value) && CLAUSE.test(f.value) && !isJustification(`${f.key}：${f.value}`)) out.push({ text: f.value, span: f.valueSpan, section: t.heading });
  }
  return out;
}

/** Lines read together; `sumsOnly`: a form's prose field, whose 其中 lists alone are checked (`proseFields`). */
interface Source { lines: SourceLine[]; sumsOnly?: true }

/** The lines whose claims are read: the narrative, each form's free text, and each prose field of a form on its own. */
function sources(doc: BudgetDocument): Source[] {
  // A justification (`说明：95.22%：原文如此`) quotes figures; it claims none.
  const out: Source[] = [{ lines: doc.narrative.filter((l) => !isJustification(l.text)) }];
  for (const t of doc.tables) {
    if (t.kind !== 'form') continue;
    if (t.texts.length) out.push({ lines: t.texts.map((x) => ({ text: x.text, span: x.span, section: t.heading })) });
    for (const line of proseFields(t)) out.push({ lines: [line], sumsOnly: true });
  }
  return out;
}

/** This year's amount, exact enough to compute with (an approximate one is only compared with its table figure). */
const isThisYear = (c: Claim) => c.kind === 'amount' && !c.bound && !c.approx && (c.role === 'current' || c.role === 'final' || c.role === 'budget');

/**
 * A line's claims indexed once (invariant 10 of docs/architecture.md): the pairings of the narrative checks — a change
 * with its rate and this year's amount, a share with its part and the whole named before it — walk back from a claim
 * through these lists to the nearest that fits, stepping over a bracket closed before it at once, instead of filtering
 * the line's claims for each (a line of thousands of changes took minutes). Made on first use, once the claims' roles
 * are settled (`claimChecks`); a line's claims are in the order of its text.
 */
class ClaimIndex {
  /** Each claim's place in the line's claims. */
  readonly place = new Map<Claim, number>();
  /** The places of this year's amounts (`isThisYear`), in order. */
  readonly thisYear: number[] = [];
  /**
   * Per claim, the offset in the line of the bracket that closes first among those its end stands in (the first one
   * that closes and leaves fewer open than at its end: `bracketDepth`'s `least` < 0), Infinity when none does; and where
   * that bracket opened (−1: a closing bracket with no opening one in the line).
   */
  readonly closes: number[];
  readonly opens: number[];
  /**
   * Per place, the place of the last claim before it (−1) that is a change; a base amount; an amount, not a bound; this
   * year's amount or a count, not a completion's budget (a `其中`'s total: `qizhongTotal`).
   */
  readonly lastChange: Int32Array;
  readonly lastBase: Int32Array;
  readonly lastAmount: Int32Array;
  readonly lastTotal: Int32Array;
  /** The first place that holds an amount or a change, and an amount (the claims' count when none does). */
  readonly firstAmountOrChange: number;
  readonly firstAmount: number;
  /** How many claims before each place (and the count) are not percentages; are amounts (`kind`). */
  readonly amounts: Int32Array;
  private readonly amountKinds: Int32Array;
  /** The shares that name no whole as read (`占 12.5%`), in order. */
  private readonly bare: number[] = [];
  private readonly bareMade = new Map<string, 'short' | 'whole' | 'over'>();
  /** The shares that name a whole as read, in order. */
  private readonly namedShares: number[] = [];
  /** The offsets of the line's `其中`. */
  private readonly qizhong: number[] = [];
  /** The claims said respectively, by their run (`respective.at`/`of`), in order. */
  readonly respective = new Map<string, number[]>();
  /** This year's amounts by their subject's key (`labelKey`), in order. */
  readonly bySubject = new Map<string, number[]>();
  /** The offsets of the line's full stops (`FULL_STOPS`). */
  readonly stops: number[] = [];

  constructor(readonly st: Statement) {
    const claims = st.claims;
    const n = claims.length;
    this.lastChange = new Int32Array(n + 1);
    this.lastBase = new Int32Array(n + 1);
    this.lastAmount = new Int32Array(n + 1);
    this.lastTotal = new Int32Array(n + 1);
    this.amounts = new Int32Array(n + 1);
    this.amountKinds = new Int32Array(n + 1);
    let change = -1;
    let base = -1;
    let amount = -1;
    let total = -1;
    let firstAmountOrChange = n;
    let firstAmount = n;
    for (let i = 0; i < n; i++) {
      const c = claims[i];
      this.place.set(c, i);
      this.lastChange[i] = change;
      this.lastBase[i] = base;
      this.lastAmount[i] = amount;
      this.lastTotal[i] = total;
      this.amounts[i + 1] = this.amounts[i] + (c.unit !== '%' ? 1 : 0);
      this.amountKinds[i + 1] = this.amountKinds[i] + (c.kind === 'amount' ? 1 : 0);
      if (c.kind === 'share' && c.whole === '') this.bare.push(i);
      else if (c.kind === 'share' && c.whole) this.namedShares.push(i);
      if (c.kind === 'change') change = i;
      if (c.kind === 'amount' && c.role === 'base') base = i;
      if (c.kind === 'amount' && !c.bound) amount = i;
      if ((isThisYear(c) || c.kind === 'count') && !isCompletionBudget(c)) total = i;
      if ((c.kind === 'amount' || c.kind === 'change') && firstAmountOrChange === n) firstAmountOrChange = i;
      if (c.kind === 'amount' && firstAmount === n) firstAmount = i;
      if (isThisYear(c)) {
        this.thisYear.push(i);
        if (c.subject.length >= 2) push(this.bySubject, labelKey(c.subject), i);
      }
      if (c.respective) push(this.respective, `${c.respective.at}:${c.respective.of}`, i);
    }
    this.lastChange[n] = change;
    this.lastBase[n] = base;
    this.lastAmount[n] = amount;
    this.lastTotal[n] = total;
    this.firstAmountOrChange = firstAmountOrChange;
    this.firstAmount = firstAmount;
    const text = st.text;
    for (let i = 0; i < text.length; i++) if (FULL_STOPS.includes(text[i])) this.stops.push(i);
    for (let i = text.indexOf('其中'); i >= 0; i = text.indexOf('其中', i + 1)) this.qizhong.push(i);
    // The brackets: the depth before each character; where each closing bracket's opening one stands. From the right,
    // the nearest place past a claim's end whose depth is one less than there is the first bracket closed under it.
    const depth = new Int32Array(text.length + 1);
    const opened = new Int32Array(text.length).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      depth[i + 1] = depth[i];
      if (ch === '（' || ch === '(') { depth[i + 1]++; open.push(i); }
      else if (ch === '）' || ch === ')') { depth[i + 1]--; opened[i] = open.pop() ?? -1; }
    }
    this.closes = new Array<number>(n).fill(Infinity);
    this.opens = new Array<number>(n).fill(-1);
    const ends = new Map<number, number[]>();
    for (let i = 0; i < n; i++) push(ends, Math.max(0, Math.min(text.length, claims[i].span.end - st.span.start)), i);
    const seen = new Map<number, number>();
    for (let j = text.length; j >= 0; j--) {
      const here = ends.get(j);
      if (here) {
        const k = seen.get(depth[j] - 1);
        if (k !== undefined) for (const i of here) { this.closes[i] = k - 1; this.opens[i] = opened[k - 1]; }
      }
      seen.set(depth[j], j);
    }
  }

  /** This year's amounts whose subject is named like `key` (the same, or one in the other: `wholeOf`), in order. */
  namedLike(key: string): number[] {
    let list = this.named.get(key);
    if (!list) {
      list = [];
      for (const i of this.thisYear) {
        const x = this.st.claims[i];
        if (x.subject.length < 2) continue;
        const k = labelKey(x.subject);
        if (k === key || k.includes(key) || key.includes(k)) list.push(i);
      }
      this.named.set(key, list);
    }
    return list;
  }
  private readonly named = new Map<string, number[]>();

  /** The line's list markers (`listMarkers`), read once. */
  markers(): number[] {
    return (this.listed ??= listMarkers(this.st));
  }
  private listed?: number[];

  /** The last of this year's amounts that starts before line offset `at`. */
  thisYearBeforeOffset(at: number): Claim | undefined {
    const k = lastBefore(this.thisYear.length, (j) => this.st.claims[this.thisYear[j]].span.start - this.st.span.start, at);
    return k < 0 ? undefined : this.st.claims[this.thisYear[k]];
  }

  /** `qizhongEnd` of the line's text, once per `其中` and total. */
  qizhongEnd(qi: number, totalAt: number): number {
    const key = `${qi}:${totalAt}`;
    let end = this.ends.get(key);
    if (end === undefined) this.ends.set(key, (end = qizhongEnd(this.st.text, qi, totalAt)));
    return end;
  }
  private readonly ends = new Map<string, number>();

  /** How many of the places [from, to) hold amounts. */
  amountsIn(from: number, to: number): number {
    return to <= from ? 0 : this.amountKinds[to] - this.amountKinds[from];
  }

  /** Whether a `其中` stands within line offsets [from, to). */
  qizhongIn(from: number, to: number): boolean {
    const k = lastBefore(this.qizhong.length, (j) => this.qizhong[j], from) + 1;
    return k < this.qizhong.length && this.qizhong[k] + 2 <= to;
  }

  /** The last `其中` that ends at or before line offset `at` (−1). */
  qizhongBefore(at: number): number {
    const k = lastBefore(this.qizhong.length, (j) => this.qizhong[j], at - 1) ;
    return k < 0 ? -1 : this.qizhong[k];
  }

  /**
   * `breakdownOf` the shares that name no whole as read, past line offset `from` and before `to`, up to the first share
   * past it that names one as read (once per span asked: the runs after two offsets end at the named shares after each).
   */
  bareRunAfter(from: number, to: number): 'short' | 'whole' | 'over' {
    const memo = `${from}:${to}`;
    let made = this.bareMade.get(memo);
    if (made) return made;
    const claims = this.st.claims;
    const base = this.st.span.start;
    const k0 = lastBefore(this.namedShares.length, (j) => claims[this.namedShares[j]].span.start - base, from + 1) + 1;
    const stop = Math.min(to, k0 < this.namedShares.length ? claims[this.namedShares[k0]].span.start - base : Infinity);
    const list: Claim[] = [];
    for (let k = lastBefore(this.bare.length, (j) => claims[this.bare[j]].span.start - base, from + 1) + 1; k < this.bare.length; k++) {
      const x = claims[this.bare[k]];
      if (x.span.start - base >= stop) break;
      list.push(x);
    }
    this.bareMade.set(memo, (made = breakdownOf(list)));
    return made;
  }

  /** Whether claim i stands inside brackets that close before line offset `at` (`bracketedBefore`). */
  bracketed(i: number, at: number): boolean {
    return this.closes[i] < at;
  }

  /**
   * This year's amounts before document offset `at` not inside brackets closed before it, from the nearest back, until
   * `visit` says stop (true); a bracket closed before `at` is stepped over at once (every claim in it is inside it).
   */
  thisYearBefore(at: number, visit: (x: Claim, i: number) => boolean | void): void {
    const list = this.thisYear;
    const claims = this.st.claims;
    const rel = at - this.st.span.start;
    let k = lastBefore(list.length, (j) => claims[list[j]].span.start, at);
    while (k >= 0) {
      const i = list[k];
      if (this.bracketed(i, rel)) {
        // The claims of this year inside that bracket: all before its opening one are outside it.
        const o = this.opens[i];
        if (o < 0) return;
        const next = lastBefore(k, (j) => claims[list[j]].span.end - this.st.span.start, o + 1);
        k = next < k ? next : k - 1;
        continue;
      }
      if (visit(claims[i], i)) return;
      k--;
    }
  }

  /** The last claim before place `before` said respectively in claim c's run for which `ok` holds. */
  counterpartBefore(c: Claim, before: number, ok: (x: Claim, i: number) => boolean): Claim | undefined {
    const r = c.respective;
    const list = r && this.respective.get(`${r.at}:${r.of}`);
    if (!list) return undefined;
    for (let k = lastBefore(list.length, (j) => list[j], before); k >= 0; k--) if (ok(this.st.claims[list[k]], list[k])) return this.st.claims[list[k]];
    return undefined;
  }

  /** Where the sentence (to a full stop) holding line offset `at` starts, and where the next full stop stands (`startAfter`, `stopAt`). */
  fullStopBefore(at: number): number {
    const k = lastBefore(this.stops.length, (j) => this.stops[j], at);
    return k < 0 ? 0 : this.stops[k] + 1;
  }
  fullStopFrom(at: number): number {
    const k = lastBefore(this.stops.length, (j) => this.stops[j], at) + 1;
    return k < this.stops.length ? this.stops[k] : this.st.text.length;
  }
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

/** The last j < n with key(j) < at (−1 when none has), key ascending. */
function lastBefore(n: number, key: (j: number) => number, at: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) < at) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

const claimIndexes = new WeakMap<Statement, ClaimIndex>();

/** A line's claims indexed (`ClaimIndex`), made once per line. */
function indexOf(st: Statement): ClaimIndex {
  let ix = claimIndexes.get(st);
  if (!ix) claimIndexes.set(st, (ix = new ClaimIndex(st)));
  return ix;
}

export function claimChecks(doc: BudgetDocument, m: Messages, options: ClaimOptions = {}): ClaimResult {
  const cm = claimMessages(options.locale);
  const result: ClaimResult = { relations: [], findings: [] };
  const all = sources(doc);
  if (!all.some((x) => x.lines.length)) return result;
  const { part, column } = syntheticPart(doc);
  const index = new QuantityIndex(doc, options.quantity);
  const kind = doc.header.kind;

  for (const { lines, sumsOnly } of all) {
    // Figures inside a stated reason explain; they are not claims to check.
    const statements = extractStatements(lines).map((st) => (st.claims.some((c) => c.inReason) ? { ...st, claims: st.claims.filter((c) => !c.inReason) } : st));
    // The year an amount is of, against the document's: another year's amount is a base, this year's is current.
    const year = doc.header.year;
    if (year !== undefined) for (const st of statements) for (const c of st.claims) {
      if (c.kind !== 'amount' || c.roleYear === undefined) continue;
      if (c.role === 'base' && c.roleYear === year) c.role = 'current';
      else if (c.role !== 'base' && c.roleYear !== year) c.role = 'base';
    }
    // The parts of another year's total are of that year (`2021年度“三公”经费合计支出20.12万元,其中:…公务接待12.39万元,
    // 公务用车运行费用7.73万元` in a 2022 预算: not this year's amounts a change below could be of).
    if (year !== undefined) for (const st of statements) baseYearParts(st, year);
    // Printers drop trailing zeros: `11 万元` among amounts printed to the 分 is 11.00 (the finest precision printed
    // for that unit in this text, like a column's). An amount under one of its unit is printed finer to have a digit
    // at all (`上年结余0.82亿元` beside `税收收入30.3亿元…占比78.2%`, 生态城): it tells nothing of the others' precision.
    const finest = new Map<string, number>();
    for (const st of statements) for (const c of st.claims) {
      if (c.kind === 'percent' || c.kind === 'count' || c.approx || c.bound) continue;
      if (c.unit !== '%' && c.figure.units !== 0n && c.figure.units < pow10(c.figure.decimals) && c.figure.units > -pow10(c.figure.decimals)) continue;
      if (c.unit !== '%') finest.set(c.unit, Math.max(finest.get(c.unit) ?? 0, c.figure.decimals));
    }
    const cells = new Map<Claim, Cell>();
    const cellOf = (c: Claim): Cell => {
      let cell = cells.get(c);
      if (cell) return cell;
      let figure: Figure = c.figure;
      const d = finest.get(c.unit);
      if (c.unit !== '%' && !c.approx && d !== undefined && d > figure.decimals) {
        figure = { ...figure, units: figure.units * pow10(d - figure.decimals), decimals: d };
      }
      // A zero amount is nothing spent (exact), a rate of 0% a rounded one (`减少 11 万元，负增长 0.00%` of 42.44 亿元).
      if (c.unit === '%' && figure.exact) figure = { ...figure, exact: false };
      // A row of the claims' part and a column of its own, numbered apart (a figure's precision is its column's,
      // checks/evaluate.ts `valueOf`, by the column's index): a claim's precision is its own (padded above), not the
      // finest of the claims made before it was first judged (`增长 3.4%` after `增长 10.87%` is 3.4 %, known to ±0.05 %).
      cell = syntheticCell(part, column, { label: c.purpose ?? c.subject, labelSpan: { start: c.span.start, end: c.span.start }, span: c.span },
        { text: c.figure.text, span: c.unit === '%' ? c.span : c.numberSpan, figure });
      cells.set(c, cell);
      return cell;
    };
    // The text of a claim's span, from its line (the document's text is not joined for it).
    const slice = (span: { start: number; end: number }): string => {
      const st = statements.find((x) => x.span.start <= span.start && span.end <= x.span.end);
      return st ? st.text.slice(span.start - st.span.start, span.end - st.span.start) : '';
    };
    // Every claim in document order and each one's place, made when a list's changes are first summed (`changeAfter`).
    let order: ClaimOrder | undefined;
    const claimOrder = (): ClaimOrder => {
      if (order) return order;
      const all = statements.flatMap((x) => x.claims);
      return (order = { all, at: new Map(all.map((c, i) => [c, i])) });
    };
    const ctx: Ctx = { doc, m, cm, index, kind, cellOf, slice, claimOrder, out: result, shares: new Map(), unresolved: new Map(), siblings: new Map() };
    let prev: Statement | undefined;
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i];
      if (sumsOnly) {
        sumChecks(ctx, statements, i);
        continue;
      }
      if (prev && (prev.heading !== st.heading || prev.section !== st.section)) prev = undefined;
      amountChecks(ctx, st);
      changeChecks(ctx, st, prev);
      completionChecks(ctx, st, prev);
      differenceChecks(ctx, st);
      savingChecks(ctx, st);
      shareChecks(ctx, statements, i);
      sumChecks(ctx, statements, i);
      prev = st;
    }
    for (const [whole, byList] of ctx.shares) for (const shares of byList.values()) sharesTotal(ctx, shares, whole);
    for (const shares of ctx.unresolved.values()) {
      sharesTotal(ctx, shares);
      // Each breakdown of the whole apart (`…占50%；…占50%。从收入分类来看，…占40%；…占60%`: two lists of 100%).
      for (const run of breakdowns([...new Set(shares)])) {
        impliedShares(ctx, run);
        commonWhole(ctx, run);
      }
    }
    if (!sumsOnly) result.findings.push(...reasonFindings(statements, doc, cm, options.thresholds));
  }
  return result;
}

/**
 * The amounts after a `其中` that follows an amount of another year (its year named) in its sentence, naming no year of
 * their own: that year's too.
 */
function baseYearParts(st: Statement, year: number): void {
  // One pass over the claims (in the order of the text) with the next `其中` and the next sentence mark kept ahead of
  // them: a line of thousands of amounts of another year is read once.
  const text = st.text;
  const claims = st.claims;
  const marks = '。；;！？!?';
  let qi = -2;
  let mark = -2;
  let doneQi = -1;
  let thisYearIn = -1;
  for (let t = 0; t < claims.length; t++) {
    const total = claims[t];
    const earlier = thisYearIn === total.sentence;
    if (isThisYear(total)) thisYearIn = total.sentence;
    if (total.kind !== 'amount' || total.role !== 'base' || total.roleYear === undefined || total.roleYear === year) continue;
    // (Not a base this year's amount before it is compared with: `…1000万元，较2021年的807.95万元有所增加，其中：…`.)
    if (earlier) continue;
    const from = total.span.end - st.span.start;
    if (qi !== -1 && qi < from) qi = text.indexOf('其中', from);
    if (qi < 0) return;
    if (mark !== -1 && mark < from) {
      mark = -1;
      for (let k = from; k < text.length; k++) if (marks.includes(text[k])) { mark = k; break; }
    }
    // (The amounts after one `其中` are taken by the first total before it: another's finds them taken.)
    if ((mark >= 0 && mark < qi) || qi === doneQi) continue;
    doneQi = qi;
    const end = stopAt(text, marks, qi);
    for (let c = t + 1; c < claims.length; c++) {
      const x = claims[c];
      const at = x.span.start - st.span.start;
      if (at >= end) break;
      if (at > qi && x.kind === 'amount' && x.role === 'current' && x.roleYear === undefined) {
        x.role = 'base';
        x.roleYear = total.roleYear;
      }
    }
  }
}

/** The claims of the lines read, in document order, and each one's place in that order. */
interface ClaimOrder { all: readonly Claim[]; at: ReadonlyMap<Claim, number> }

interface Ctx {
  doc: BudgetDocument;
  m: Messages;
  cm: ClaimMessages;
  index: QuantityIndex;
  kind: '预算' | '决算' | undefined;
  cellOf(c: Claim): Cell;
  /** The text of a span of the lines read. */
  slice(span: { start: number; end: number }): string;
  /** Every claim of the lines read, in document order, and each one's place in it. */
  claimOrder(): ClaimOrder;
  out: ClaimResult;
  /**
   * The shares checked against each whole, in order, by the list they are stated in — a line, or the items of an
   * intro line (`…主要用于以下方面：` / `1. …，占 12.5%`) — their sum must not pass 100%. Each list breaks the whole down
   * one way: `基本支出 … 占 53.18%；项目支出 … 占 46.82%` and, in another line, `财政拨款支出 … 占本年支出合计的 100%` are
   * two breakdowns of 本年支出合计, not one (each share is checked against its part and whole on its own anyway).
   */
  shares: Map<Cell, Map<Statement, Claim[]>>;
  /** The shares of a whole the text names but neither states nor a table prints, by line and name (`占“三公”经费的`). */
  unresolved: Map<string, Claim[]>;
  /**
   * The parts of the shares said of each whole named (by its key) that are less than all of it: none of them is that
   * whole (`基本支出 a 万元，占支出的 p%；项目支出 b 万元，占支出的 q%`: 基本支出 names 支出 but is the other part).
   */
  siblings: Map<string, Set<Claim>>;
}

/**
 * Adds a relation; when it fails, the finding `say` words (undefined: the generic wording of the evaluation), an error
 * unless said otherwise (a `warning` offers no figure to write: what fails may be the wording, not a figure).
 */
function relate(ctx: Ctx, rel: Relation, say?: (ev: NonNullable<ReturnType<typeof evaluate>>) => string, severity: 'error' | 'warning' = 'error'): void {
  ctx.out.relations.push(rel);
  const ev = evaluate(rel);
  if (!ev || (ev.holds && (ev.exact || rel.kind !== 'sum'))) return;
  const related = rel.terms.map((t) => ({ span: own(t.cell.span), message: ctx.m.termRelated(nameOf(ctx, t.cell), t.cell.text || ctx.m.empty) }));
  if (ev.holds) {
    // A sum that holds only within rounding: a 尾差, like the tables'.
    const rhs = rel.terms.map((t, i) => `${i ? (t.sign < 0 ? '- ' : '+ ') : t.sign < 0 ? '- ' : ''}${nameOf(ctx, t.cell)}`).join(' ');
    ctx.out.findings.push(withRelation({ rule: 'narrative', severity: 'information', roundingTail: true, span: own(rel.target.span), related, message: ctx.m.sumTail(nameOf(ctx, rel.target), rhs, ev.computed, ev.stated || ctx.m.empty, ev.difference, ctx.m.context('', rel.title)) }, rel));
    return;
  }
  let message: string;
  if (say) message = say(ev);
  else if (rel.kind === 'ratio' || rel.kind === 'change' || rel.kind === 'growth') {
    const [a, b, ...rest] = rel.terms.map((t) => printed(t, ctx.m.empty));
    const [num, den] = ratioTexts(rel, a, b, ...rest);
    message = ctx.m.ratioMismatch(ev.stated, num, den, ev.computed, ev.difference, ctx.m.context('', rel.title));
  } else {
    message = ctx.m.sumMismatch(nameOf(ctx, rel.target), rel.terms.map((t, i) => `${i ? (t.sign < 0 ? '- ' : '+ ') : t.sign < 0 ? '- ' : ''}${nameOf(ctx, t.cell)}`).join(' '), ev.computed, ev.stated || ctx.m.empty, ev.difference, ctx.m.context('', rel.title));
  }
  const f: Finding = withRelation({ rule: 'narrative', severity, span: own(rel.target.span), related, message }, rel);
  if (severity === 'error' && (rel.kind === 'sum' || rel.kind === 'same')) f.expected = (ev.fix ?? ev.computed).replace(/,/g, '');
  ctx.out.findings.push(f);
}

/** A term's figure as printed in the unit the relation compares in; a blank as `empty` (it prints no 0). */
function printed(t: Term, empty: string): string {
  const f = termValue(t);
  if (!f || !t.shift || t.cell.kind === 'empty') return t.cell.text || empty;
  return formatUnits(f.units, f.decimals, false);
}

function nameOf(ctx: Ctx, cell: Cell): string {
  return isClaimCell(cell) ? ctx.cm.claim(cell.row.label) : cellName(cell, ctx.m, 'both');
}

function title(ctx: Ctx, key: keyof ClaimMessages['titles']): string {
  return ctx.cm.rule(ctx.cm.titles[key]);
}

/** An amount is the table quantity it restates: any print of it that agrees will do; else the first. */
function amountChecks(ctx: Ctx, st: Statement): void {
  for (const c of st.claims) {
    if (c.kind === 'amount' && c.approx && !c.bound) { approxCheck(ctx, c); continue; }
    if (c.kind !== 'amount' || c.bound) continue;
    let qs = ctx.index.resolve(c);
    // An amount said of a project: its form's (link.ts `resolveProject`).
    if (!qs.length) qs = ctx.index.resolveProject(c, st.topic?.subject);
    if (!qs.length) continue;
    const cell = ctx.cellOf(c);
    const agrees = (q: Quantity) => {
      const f = termValue({ sign: 1, cell: q.cell, shift: q.shift });
      return !!f && samePrint(f, cell.figure!);
    };
    const q = qs.find(agrees) ?? qs.find((x) => x.cell.kind === 'figure') ?? qs[0];
    const rel: Relation = { rule: 'narrative', kind: 'same', title: title(ctx, 'amount'), target: cell, terms: [{ sign: 1, cell: q.cell, ...(q.shift ? { shift: q.shift } : {}) }] };
    relate(ctx, rel, () => {
      const where = cellName(q.cell, ctx.m, 'both');
      const t = title(ctx, 'amount');
      const claim = ctx.cm.claim(q.subject ?? c.subject);
      // (A `-` is a zero printed, told as printed below; a blank or a text, blank.)
      if (q.cell.kind !== 'figure' && q.cell.kind !== 'dash' && c.figure.units !== 0n) return ctx.cm.amountBlank(claim, `${c.figure.text} ${c.unit}`, where, t);
      // Each as printed, whatever precision they were compared at (the coarser one's: 1.53 against 0 is 2 against 0),
      // and the difference exactly (1.53).
      const other = termValue(rel.terms[0])!;
      const grouping = c.figure.text.includes(',') || q.cell.text.includes(',');
      const d = Math.max(c.figure.decimals, other.decimals);
      const a = roundUnits(c.figure.units, c.figure.decimals, d);
      const b = roundUnits(other.units, other.decimals, d);
      const diff = formatExact(a > b ? a - b : b - a, d, Math.max(c.figure.decimals, q.shift ? 0 : figureDecimals(q.cell)), grouping);
      const table = tableFigure(ctx, q, c, other);
      if (c.figure.units === 0n) return ctx.cm.amountZero(claim, where, table, t);
      return ctx.cm.amountMismatch(claim, c.figure.text, where, table, q.shift && c.scale !== undefined ? `${diff} ${SCALE_UNIT[c.scale] ?? c.unit}` : diff, t);
    });
  }
}

/** The decimals a cell's figure is printed with (its text's, not its column's precision). */
function figureDecimals(cell: Cell): number {
  return cell.figure ? cell.figure.decimals + (cell.figure.shift ?? 0) : 0;
}

/**
 * A table's figure as a message tells it beside a narrative amount: as printed; when the comparison read it in the
 * claim's unit (a column `预算数（元）` beside an amount in 万元), in its own unit with the value compared, exactly
 * (`1,600,000.00 元（合 160.00 万元）`). `value`: the figure in the claim's unit.
 */
function tableFigure(ctx: Ctx, q: Quantity, c: Claim, value: Figure): string {
  const printed = q.cell.text.trim();
  // (A figure printed with the claim's unit, `150万` in a table of 元, says it already.)
  if (q.cell.kind !== 'figure' || !q.shift || c.scale === undefined || q.cell.figure?.unitPower === c.scale) return printed;
  const own = SCALE_UNIT[c.scale + q.shift];
  const grouping = printed.includes(',') || c.figure.text.includes(',');
  const converted = formatExact(value.units, value.decimals, c.figure.decimals, grouping);
  // A figure printed with another unit of its own (`1.5亿`) says it already.
  return ctx.cm.inUnit(printed, q.cell.figure?.unitPower !== undefined || !own ? '' : own, converted, SCALE_UNIT[c.scale] ?? c.unit);
}

/**
 * `约 1.2 亿元`, `500 余万元`, `近 30 万元`: the claim speaks of its last significant digit, so it holds when the table's
 * figure is within one unit of that digit of it (`余`/`多`: at or above it, less than one unit more).
 */
function approxCheck(ctx: Ctx, c: Claim): void {
  const qs = ctx.index.resolve(c);
  const q = qs.find((x) => x.cell.kind === 'figure');
  const f = q && termValue({ sign: 1, cell: q.cell, shift: q.shift });
  if (!q || !f) return;
  // The unit of the last significant digit, at the claim's scale: 1.2 → 0.1, 900 → 100, 30 → 10.
  let digit = 1n;
  let units = c.figure.units < 0n ? -c.figure.units : c.figure.units;
  while (units > 0n && units % 10n === 0n) { units /= 10n; digit *= 10n; }
  const d = Math.max(c.figure.decimals, f.decimals);
  const claimed = roundUnits(c.figure.units, c.figure.decimals, d);
  const step = roundUnits(digit, c.figure.decimals, d);
  const actual = roundUnits(f.units, f.decimals, d);
  const above = /^[多余]/.test(ctx.slice({ start: c.numberSpan.end, end: c.span.end }).trim());
  const ok = above ? actual >= claimed && actual < claimed + step : actual >= claimed - step && actual <= claimed + step;
  if (ok) return;
  const cell = ctx.cellOf(c);
  ctx.out.relations.push({ rule: 'narrative', kind: 'same', title: title(ctx, 'amount'), target: cell, terms: [{ sign: 1, cell: q.cell, ...(q.shift ? { shift: q.shift } : {}) }] });
  ctx.out.findings.push({
    rule: 'narrative', severity: 'warning', span: cell.span,
    related: [{ span: own(q.cell.span), message: ctx.m.termRelated(cellName(q.cell, ctx.m, 'both'), q.cell.text) }],
    // The table's figure as printed, and in the claim's unit when it is another (`12,345.67 万元（合 1.2345670 亿元）`).
    message: ctx.cm.approxMismatch(ctx.cm.claim(c.subject), ctx.slice(c.span), cellName(q.cell, ctx.m, 'both'), tableFigure(ctx, q, c, f), title(ctx, 'amount')),
  });
}

/**
 * The two amounts of one subject, each of a year it names, said right before a change (`公务接待费2016年预算8万元,
 * 2015年预算12.5万元;对比减少4.35万元`, 英德 2016): the change is between those two — this year the later year printed,
 * the base the earlier — whatever the document's year, never an amount of another subject said before them.
 */
function datedPair(st: Statement, change: Claim): { cur: Claim; base: Claim } | undefined {
  const i = indexOf(st).place.get(change);
  if (i === undefined || i < 2) return undefined;
  const a = st.claims[i - 2];
  const b = st.claims[i - 1];
  const dated = (x: Claim) => x.kind === 'amount' && !x.bound && !x.approx && x.roleYear !== undefined;
  if (!dated(a) || !dated(b) || a.roleYear === b.roleYear || a.sentence < change.sentence - 1 || !sameSubject(a, b)) return undefined;
  if (change.subject && !change.inherited && !sameSubject(change, a)) return undefined;
  return a.roleYear! > b.roleYear! ? { cur: a, base: b } : { cur: b, base: a };
}

function sameSubject(a: Claim, b: Claim): boolean {
  if (!a.subject || !b.subject) return true;
  const ka = labelKey(a.subject);
  const kb = labelKey(b.subject);
  return ka === kb || (ka.length >= 2 && kb.length >= 2 && (ka.includes(kb) || kb.includes(ka)));
}

/** A change's subject that names both totals (`收支`, `收、支总计`). */
const BOTH_TOTALS = /^收[、，,]?支(?:总计|合计)?$/;

/**
 * This year's amount a change speaks of: before it in its sentence, else in the sentences before, else the line before
 * — the nearest before it that fits, found by walking back through the line's amounts of this year (`ClaimIndex`).
 */
function currentFor(st: Statement, change: Claim, prev: Statement | undefined, kind: '预算' | '决算' | undefined): Claim | undefined {
  const ix = indexOf(st);
  const at = change.span.start;
  const rel = at - st.span.start;
  // A change said respectively is of the amount at its place in a run of as many amounts before it.
  const paired = change.respective && ix.counterpartBefore(change, Infinity, (x, i) => isThisYear(x) && x.span.start < at && !ix.bracketed(i, rel));
  if (paired) return paired;
  const own = !change.inherited && change.subject;
  // `收入总计A万元,支出总计A万元。收支较上年决算数增加X万元` (渝中): the change of both totals, when they print alike.
  if (own && BOTH_TOTALS.test(labelKey(own))) {
    const totals: Claim[] = [];
    ix.thisYearBefore(at, (x) => { if (x.subject && /^(?:本年)?(?:收入|支出)(?:总计|合计)$/.test(labelKey(x.subject))) totals.unshift(x); });
    if (totals.length === 2 && labelKey(totals[0].subject) !== labelKey(totals[1].subject) && samePrint(totals[0].figure, totals[1].figure)) return totals[1];
  }
  // In a 决算, this year's amount is the final one, not the 年初预算: the nearest that fits, in its sentence, else before.
  // Never the budget a completion rate names (`累计完成61646万元,占年初预算数109466万元的56.3%,同比增长10.7%,增收5939万元`,
  // 屯溪: the change is 61646's).
  const fits = (x: Claim) => (x.role !== 'budget' || kind !== '决算') && !isCompletionBudget(x) && (!own || sameSubject(x, change));
  let found: Claim | undefined;
  ix.thisYearBefore(at, (x) => fits(x) && !!(found = x));
  // A part of a `含`/`包括` list that a sentence before closed: a change of no subject of its own is its head's (宁夏 2013).
  const head = found && change.inherited && found.sentence < change.sentence ? partsHead(st, found) : undefined;
  if (head && fits(head)) return head;
  if (found) return found;
  if (prev && !(ix.thisYear.length && st.claims[ix.thisYear[0]].span.start < at)) {
    const p = indexOf(prev);
    for (let k = p.thisYear.length - 1; k >= 0; k--) if (fits(prev.claims[p.thisYear[k]])) return prev.claims[p.thisYear[k]];
    // The line before names it with other words of its kind (`财政拨款“三公”经费预算总额为2.7万元…` / `“三公”经费预算数比2017年
    // 预算数减少0.06万元`, 临沧 2018): the same subject without them (looseKey).
    // Only one amount of the line so named (`其中：一般公共预算财政拨款100万元，政府性基金预算财政拨款20万元` / `财政拨款支出
    // 预算比上年增加10万元`: either is 财政拨款 but for its words, neither the whole — not paired).
    let loose: Claim | undefined;
    if (own) for (let k = p.thisYear.length - 1; k >= 0; k--) {
      const x = prev.claims[p.thisYear[k]];
      if (!x.subject || (x.role === 'budget' && kind === '决算') || isCompletionBudget(x) || !looselySame(x.subject, own)) continue;
      if (loose && !samePrint(loose.figure, x.figure)) return undefined;
      loose ??= x;
    }
    if (loose) return loose;
  }
  return undefined;
}

/**
 * Two subjects the same once the words that say only what kind of amount each is are gone (`财政拨款三公经费预算总额` and
 * `三公经费预算数`: `财政拨款三公经费`, `三公经费`): equal, or the longer ends with the shorter of four characters or more.
 */
function looselySame(a: string, b: string): boolean {
  const ka = looseKey(a);
  const kb = looseKey(b);
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return short === long || (short.length >= 4 && long.endsWith(short));
}

/** The offset of the innermost bracket opened between `from` and `to` and still open at `to` (−1 when none is). */
function openBracketBefore(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = to - 1; i >= from; i--) {
    const ch = text[i];
    if (ch === '）' || ch === ')') depth++;
    else if ((ch === '（' || ch === '(') && --depth < 0) return i;
  }
  return -1;
}

/** The offset of the bracket that closes the one opened at `open` (−1 when none does). */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '（' || text[i] === '(') depth++;
    else if ((text[i] === '）' || text[i] === ')') && --depth === 0) return i;
  }
  return -1;
}

/** Changes, their rates, bases, direction words and 持平. */
function changeChecks(ctx: Ctx, st: Statement, prev: Statement | undefined): void {
  const claims = st.claims;
  const ix = indexOf(st);
  for (let i = 0; i < claims.length; i++) {
    const r = claims[i];
    if (r.kind !== 'rate' || r.bound || r.approx) continue;
    // A rate on another basis (`增收404.5亿元,扣除留抵退税(196.6亿元)因素后,比上年同口径增长52.4%`, 山西 2022) is of no
    // change stated — unless it repeats the basis of the change right before it (`公务接待费同口径比2018年减少38万元,同口径比2018年
    // 下降7.4 %`, a 市本级 2019 “三公”: the change's rate, on the change's own basis).
    if (OTHER_BASIS.test(r.lead) && !sameBasis(claims[i - 1], r)) continue;
    // The change this rate is the rate of: the change before it in its sentence, else the sentence before — not past an
    // amount of this year in the rate's sentence (`…增收913万元。全县地方财政支出21405万元,同比增长44.53%`, 柞水: the
    // rate is that amount's; `民生支出1702.7亿元,…增长7.6%,增支120.4亿元`: its change is after it).
    // A rate said respectively is of the change at its place in a run of as many changes before it.
    let change: Claim | undefined = r.respective && ix.counterpartBefore(r, i, (x) => x.kind === 'change' && !x.bound);
    // (Back to the last rate before it at most: each claim is passed by one rate.)
    for (let j = i - 1; j >= 0 && !change; j--) {
      const x = claims[j];
      if (x.kind === 'change' && !x.bound) change = x;
      else if (x.kind === 'rate' || (x.kind === 'amount' && x.sentence === r.sentence && isThisYear(x) && !x.bound)) break;
    }
    // Or the rate first, its change right after it in its sentence (`较上年同期增长 15.35%，增收 25457 万元`) — when no
    // change of its own stands before it.
    // Not a part's change after `其中` (`与上年相比增长 16.75%，其中因公出国(境)费增加 0 万元`: the rate is the total's).
    const next = claims[i + 1];
    const changeBefore = ix.lastChange[i];
    if (!change && next?.kind === 'change' && !next.bound && next.sentence === r.sentence && !(changeBefore >= 0 && claims[changeBefore].sentence === r.sentence)
      && !st.text.slice(r.span.end - st.span.start, next.span.start - st.span.start).includes('其中')) change = next;
    if (!change && prev && ix.firstAmountOrChange >= i) {
      const last = lastSentenceOf(prev);
      change = last.filter((x) => x.kind === 'change' && !x.bound).at(-1);
      if (change && last.some((x) => x.kind === 'rate' && x.span.start > change!.span.start)) change = undefined;
      if (change) {
        const cur = currentFor(prev, change, undefined, ctx.kind);
        if (cur) rateRelation(ctx, r, change, cur);
        else tableRate(ctx, r, change);
        continue;
      }
    }
    if (!change) {
      growthCheck(ctx, st, r, prev);
      continue;
    }
    if (change.direction !== r.direction) {
      const words = ctx.cm.changeWords;
      ctx.out.findings.push({
        rule: 'narrative', severity: 'error', span: r.span, related: [{ span: change.span, message: ctx.m.termRelated(ctx.cm.claim(change.subject), change.figure.text) }],
        message: ctx.cm.rateDirection(change.direction! > 0 ? words.up : words.down, r.direction! > 0 ? words.up : words.down, title(ctx, 'direction')),
      });
      continue;
    }
    // A change between two amounts of the years printed (`公务用车运行费2016年预算20万元,2015年预算25万元;对比减少6万元;
    // 减少率20%`): its rate is of those two, (20 − 25) ÷ 25 the printed base's — not the printed change over this year and
    // the change (6 ÷ 26), which repeats a wrong change's mistake in its rate.
    const pair = datedPair(st, change);
    if (pair) {
      relate(ctx, { rule: 'narrative', kind: 'growth', title: title(ctx, 'rate'), target: ctx.cellOf(r), terms: [{ sign: r.direction! > 0 ? 1 : -1, cell: ctx.cellOf(pair.cur) }, claimTerm(ctx, 1, pair.base, pair.cur.scale)] });
      continue;
    }
    const cur = currentFor(st, change, prev, ctx.kind);
    if (cur) rateRelation(ctx, r, change, changeOfListTotal(ctx, st, r, change, cur) ?? cur);
    else tableRate(ctx, r, change);
  }
  // A change against a stated base: this year − base; the direction word against the figures; 持平.
  const bases: Claim[] = [];
  for (let i = 0; i < claims.length; i++) if (claims[i].kind === 'amount' && claims[i].role === 'base') bases.push(claims[i]);
  for (const c of claims) {
    if (c.kind !== 'change' || c.bound || c.approx) continue;
    // Right after two amounts of one subject of the years it names: between those two.
    const pair = datedPair(st, c);
    let cur = pair ? pair.cur : currentFor(st, c, prev, ctx.kind);
    // The first base amount of its subject in its sentence or before (the base amounts alone are looked through).
    let base: Claim | undefined = pair?.base;
    if (!pair) for (const x of bases) {
      if (x.sentence > c.sentence) break;
      if (sameSubject(x, c)) { base = x; break; }
    }
    base ??= baseAbove(st, c, prev);
    // No base stated: the base year's figure the tables print beside this year's (`tableChange`).
    if (cur && !base && !pair) { tableChange(ctx, st, c, cur); continue; }
    if (!cur || !base) continue;
    // A change against a base amount it names (`…合计31.23万元,其中:…因公出国(境)费0万元。较2014年度…“三公”经费合计16.08万元
    // 增加15.15万元`, 甘南 2015): of this year's amount of the base's subject, not of the last part listed before.
    if (!pair && c.inherited && base.subject.length >= 2 && base.span.start < c.span.start && !(cur.subject && sameSubject(cur, base))) {
      const list = ix.bySubject.get(labelKey(base.subject));
      const k = list ? lastBefore(list.length, (j) => claims[list[j]].span.start, base.span.start) : -1;
      if (k >= 0) cur = claims[list![k]];
    }
    const fc = termValue(claimTerm(ctx, 1, cur, c.scale))!;
    const fb = termValue(claimTerm(ctx, 1, base, c.scale))!;
    const diff = scaled(fc) - scaled(fb);
    if (diff !== 0n && (diff > 0n ? 1 : -1) !== c.direction && !overlapZero(fc, fb)) {
      ctx.out.findings.push({
        rule: 'narrative', severity: 'error', span: c.numberSpan,
        related: [cur, base].map((x) => ({ span: x.span, message: ctx.m.termRelated(ctx.cm.claim(x.subject), x.figure.text) })),
        message: ctx.cm.directionMismatch(c.direction! > 0 ? ctx.cm.changeWords.up : ctx.cm.changeWords.down, cur.figure.text, base.figure.text, title(ctx, 'direction')),
      });
      continue;
    }
    const d = c.direction!;
    relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, 'change'), target: ctx.cellOf(c), terms: [claimTerm(ctx, d, cur, c.scale), claimTerm(ctx, d > 0 ? -1 : 1, base, c.scale)] }, (ev) =>
      ctx.cm.changeMismatch(d > 0 ? ctx.cm.changeWords.up : ctx.cm.changeWords.down, ev.stated, cur.figure.text, base.figure.text, ev.computed, ev.difference, title(ctx, 'change')));
  }
  for (const f of st.flats) {
    if (f.roughly) continue;
    // The claims of its sentence and the one before, up to the end of its clause: the last base amount there, and the
    // last amount of this year of its subject (walked back from there). A base of a later clause is another item's
    // (`…决算支出数为0万元,与上年持平公务接待费预算数为310.37万元,…较2022年决算数247.21万元…`, 云县 2023, a page that lost
    // its `；`). One of the sentence before, when the 持平's own sentence states amounts before it, only if that sentence
    // states none of this year (`上年公务接待费6万元。本年公务接待费5万元,与上年持平。`): one compared there already
    // (`决算支出数为820.33万元,…较2022年决算数688.84万元…。其中:…0万元,与上年持平`) is not the 持平's.
    let mark = f.span.end - st.span.start;
    while (mark < st.text.length && !CLAUSE_MARKS.includes(st.text[mark])) mark++;
    const end = Math.min(lastBefore(claims.length, (j) => claims[j].sentence, f.sentence + 1) + 1, lastBefore(claims.length, (j) => claims[j].span.start, st.span.start + mark) + 1);
    const first = lastBefore(claims.length, (j) => claims[j].sentence, f.sentence) + 1;
    const own = first < claims.length && claims[first].sentence === f.sentence && claims[first].span.start < f.span.start;
    const t = lastBefore(ix.thisYear.length, (j) => claims[ix.thisYear[j]].sentence, f.sentence);
    const compared = own && t >= 0 && claims[ix.thisYear[t]].sentence === f.sentence - 1;
    const b = ix.lastBase[end];
    const base = b >= 0 && claims[b].sentence >= (compared ? f.sentence : f.sentence - 1) ? claims[b] : undefined;
    let cur: Claim | undefined;
    if (base) {
      for (let k = lastBefore(ix.thisYear.length, (j) => ix.thisYear[j], end); k >= 0 && claims[ix.thisYear[k]].sentence >= f.sentence - 1; k--) {
        if (sameSubject(claims[ix.thisYear[k]], base)) { cur = claims[ix.thisYear[k]]; break; }
      }
    }
    if (!base || !cur) continue;
    if (samePrint(ctx.cellOf(cur).figure!, ctx.cellOf(base).figure!)) continue;
    ctx.out.findings.push({
      rule: 'narrative', severity: 'error', span: f.span,
      related: [cur, base].map((x) => ({ span: x.span, message: ctx.m.termRelated(ctx.cm.claim(x.subject), x.figure.text) })),
      message: ctx.cm.flatMismatch(ctx.slice(f.span), cur.figure.text, base.figure.text, title(ctx, 'flat')),
    });
  }
}

/**
 * A comparison with last year (`比上年`, `较2023年度`, `与上年预算数相比`, `同比`) and the kind of amount it names
 * (`预算执行数` is what was spent, `预计执行数` an estimate of it: link.ts `amountKind`).
 */
const LAST_YEAR_BASIS = /(?:比|较|与|对比)[ \t\u3000]*(?:上年度?|上一年度?|去年|(\d{4})[ \t\u3000]*年度?)(?:同期)?[ \t\u3000]*(?:的)?(?:年初|全年)?(预算执行|预计执行|预计完成|预算|决算|执行|实际)?|同比/g;

/**
 * A change against last year whose base the narrative does not state (`“三公”经费预算数为180.5万元，比上年减少18.5万元，
 * 下降9.8%`), when the tables print both years of its subject: this year − the base year's figure printed in the same
 * row (`上年预算数` or `上年执行数` beside `本年预算数`, link.ts `baseBeside`), each as printed. Only when this year's
 * amount agrees with every print of it found, each row prints one base that agrees, and the sentence compares with last
 * year's amount of the column's kind (`比上年决算数` against a 上年预算数 column, `比年初预算`, `同口径`: not read). The
 * basis is the one said since the change before in the sentence (`比上年预算减少a…，比上年执行数减少b…`: each its own);
 * a change after another that states none (`…，比年初预算减少b`, `分别减少a和b`), or one of no kind after one of a kind
 * (`比上年预算减少a，比上年减少b`), is not read — the words do not say which.
 */
function tableChange(ctx: Ctx, st: Statement, c: Claim, cur: Claim): void {
  if (c.scale === undefined || cur.scale === undefined || cur.span.end > c.span.start) return;
  // The basis words: from the start of the current amount's sentence to the change.
  const before = ctx.slice({ start: st.span.start, end: c.numberSpan.start });
  const window = before.slice(startAfter(before, `${FULL_STOPS}；;`, cur.span.start - st.span.start));
  if (OTHER_BASIS.test(window)) return;
  // The change's own basis: said after the change before it in the window, when one is (else the window's).
  const from = st.span.start + before.length - window.length;
  let ownFrom = 0;
  for (const x of st.claims) if (x.kind === 'change' && x !== c && x.numberSpan.start >= from && x.numberSpan.end <= c.numberSpan.start) ownFrom = Math.max(ownFrom, x.numberSpan.end - from);
  const kinds = new Set<AmountKind | undefined>();
  let earlierNamed = false;
  let ownNamed = false;
  for (const m of window.matchAll(LAST_YEAR_BASIS)) {
    if (m[1] && ctx.doc.header.year !== undefined && Number(m[1]) !== ctx.doc.header.year - 1) return;
    if (m.index < ownFrom) { earlierNamed ||= !!m[2]; continue; }
    kinds.add(amountKind(m[2], ctx.kind));
    ownNamed ||= !!m[2];
  }
  // After a change in its window, a change states its own basis: none (`比上年减少a万元，比年初预算减少b万元`, `比上年预算、
  // 上年执行数分别减少a和b`), or one of no kind after one of a kind, does not say which base it is of.
  if (ownFrom > 0 && earlierNamed && !ownNamed) return;
  if (kinds.size !== 1) return;
  const said = [...kinds][0];
  if (!said) return;
  const agrees = (q: Quantity) => {
    const f = termValue({ sign: 1, cell: q.cell, shift: q.shift });
    return !!f && samePrint(f, ctx.cellOf(cur).figure!);
  };
  const qs = ctx.index.resolve(cur).filter(agrees);
  let base: Quantity | undefined;
  for (const q of qs) {
    const b = ctx.index.baseBeside(q, c.scale, said);
    if (!b) return;
    const fb = termValue({ sign: 1, cell: b.cell, shift: b.shift });
    if (!fb || (base && !samePrint(fb, termValue({ sign: 1, cell: base.cell, shift: base.shift })!))) return;
    base ??= b;
  }
  if (!base) return;
  const bt: Term = { sign: 1, cell: base.cell, ...(base.shift ? { shift: base.shift } : {}) };
  const fc = termValue(claimTerm(ctx, 1, cur, c.scale))!;
  const fb = termValue(bt)!;
  const baseText = ctx.cm.printedAt(base.cell.text.trim(), cellName(base.cell, ctx.m, 'both'));
  const d = c.direction!;
  const diff = scaled(fc) - scaled(fb);
  if (diff !== 0n && (diff > 0n ? 1 : -1) !== d && !overlapZero(fc, fb)) {
    ctx.out.findings.push({
      rule: 'narrative', severity: 'error', span: c.numberSpan,
      related: [{ span: cur.span, message: ctx.m.termRelated(ctx.cm.claim(cur.subject), cur.figure.text) }, { span: own(base.cell.span), message: ctx.m.termRelated(cellName(base.cell, ctx.m, 'both'), base.cell.text) }],
      message: ctx.cm.directionMismatch(d > 0 ? ctx.cm.changeWords.up : ctx.cm.changeWords.down, cur.figure.text, baseText, title(ctx, 'direction')),
    });
    return;
  }
  relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, 'change'), target: ctx.cellOf(c), terms: [claimTerm(ctx, d, cur, c.scale), { ...bt, sign: d > 0 ? -1 : 1 }] }, (ev) =>
    ctx.cm.changeMismatch(d > 0 ? ctx.cm.changeWords.up : ctx.cm.changeWords.down, ev.stated, cur.figure.text, baseText, ev.computed, ev.difference, title(ctx, 'change')));
}

/**
 * The base of a change said in a line of its own, no amount before it there, when the line before states this year's
 * amount and the base year's of its subject (`鄂城区2022年的“三公"经费决算数合计为1000.86万,…。2021年的三公经费决算数合计为
 * 807.95万,…` / `2022年“三公"经费决算数相较于上年增加275.76万元`): that line's only base amount of the subject.
 */
function baseAbove(st: Statement, c: Claim, prev: Statement | undefined): Claim | undefined {
  const first = indexOf(st).firstAmount;
  if (!prev || !c.subject || (first < st.claims.length && st.claims[first].span.start < c.span.start)) return undefined;
  const bases = prev.claims.filter((x) => x.kind === 'amount' && x.role === 'base' && !x.bound && !x.approx && sameSubject(x, c));
  return bases.length === 1 && prev.claims.some((x) => isThisYear(x) && sameSubject(x, c)) ? bases[0] : undefined;
}

/** The claims of a line's last sentence (asked by each rate that opens the line after it). */
function lastSentenceOf(st: Statement): Claim[] {
  let list = lastSentences.get(st);
  if (!list) {
    const last = st.claims[st.claims.length - 1]?.sentence;
    lastSentences.set(st, (list = st.claims.filter((x) => x.sentence === last)));
  }
  return list;
}
const lastSentences = new WeakMap<Statement, Claim[]>();

/**
 * A rate said of this year's amount and a base's, the change between them not stated (`一般公共预算支出 1,234 万元，比上年的
 * 1,100 万元增长 12.18%`): s·(this year − base) ÷ base. The base is an amount of a base year in the rate's sentence before
 * it; this year's, as a change's would be (`currentFor`).
 */
function growthCheck(ctx: Ctx, st: Statement, r: Claim, prev: Statement | undefined): void {
  const ix = indexOf(st);
  const b = ix.lastBase[ix.place.get(r)!];
  const base = b >= 0 && st.claims[b].sentence === r.sentence ? st.claims[b] : undefined;
  if (!base || base.bound || base.approx || !sameSubject(base, r)) return;
  const cur = currentFor(st, r, prev, ctx.kind);
  if (!cur || cur.scale === undefined) return;
  relate(ctx, {
    rule: 'narrative', kind: 'growth', title: title(ctx, 'rate'), target: ctx.cellOf(r),
    terms: [{ sign: r.direction! > 0 ? 1 : -1, cell: ctx.cellOf(cur) }, claimTerm(ctx, 1, base, cur.scale)],
  });
}

/** A figure's value at a common scale for comparing signs (12 decimals is finer than anything printed). */
function scaled(f: Figure): bigint {
  return roundUnits(f.units, f.decimals, 12);
}

/** Two figures whose rounding intervals overlap: their difference's sign is not known. */
function overlapZero(a: Figure, b: Figure): boolean {
  const s = Math.max(a.decimals, b.decimals) + 1;
  const ia = intervalOf(a, s);
  const ib = intervalOf(b, s);
  return ia.lo <= ib.hi && ib.lo <= ia.hi;
}

function rateRelation(ctx: Ctx, r: Claim, change: Claim, cur: Claim): void {
  relate(ctx, rateOf(ctx, r, change, cur));
}

function rateOf(ctx: Ctx, r: Claim, change: Claim, cur: Claim): Relation {
  return {
    rule: 'narrative', kind: 'change', title: title(ctx, 'rate'), target: ctx.cellOf(r),
    terms: [{ sign: 1, cell: ctx.cellOf(change) }, claimTerm(ctx, change.direction! > 0 ? 1 : -1, cur, change.scale)],
  };
}

/**
 * A change naming no subject after the last part of a `其中` list (`事业运行经费总预算安排 T 元，其中：基本支出预算 a 元，
 * 项目支出预算 b 元，同比增加 c 元，增长 p%`, 梧州 2025) may be the list's total's as well as its last part's: the
 * total before the `其中` in its sentence when the rate holds with it and not with the part, or the part cannot be its
 * base (the arithmetic decides, as for a nested 其中); else undefined (the part, as read).
 */
function changeOfListTotal(ctx: Ctx, st: Statement, r: Claim, change: Claim, cur: Claim): Claim | undefined {
  if ((change.subject && !change.inherited) || cur.sentence !== change.sentence) return undefined;
  // The first amount of this year in its sentence before a `其中` that stands before this year's amount.
  const ix = indexOf(st);
  const q = ix.qizhongBefore(cur.span.start - st.span.start);
  let total: Claim | undefined;
  if (q >= 0) {
    const from = lastBefore(ix.thisYear.length, (j) => st.claims[ix.thisYear[j]].sentence, cur.sentence) + 1;
    for (let k = from; k < ix.thisYear.length; k++) {
      const x = st.claims[ix.thisYear[k]];
      if (x.sentence !== cur.sentence || x.span.end - st.span.start > q) break;
      if (x.unit === cur.unit) { total = x; break; }
    }
  }
  if (!total) return undefined;
  const part = holdsAsPrinted(rateOf(ctx, r, change, cur));
  if (part === true) return undefined;
  const whole = holdsAsPrinted(rateOf(ctx, r, change, total));
  // The total when the rate holds with it; also when the part cannot have been last year's amount less the change (a
  // change larger than the part: its base is not positive) and the total can.
  return whole === true || (part === undefined && whole === false) ? total : undefined;
}

/**
 * A claim as a term of a relation whose amounts are in the unit of power `scale` (`MONEY_SCALE`): a claim in another
 * unit is shifted to it (`上划省级收入完成 8.09 亿元，减少 766 万元，负增长 0.94%`: the 亿元 read as 80,900 万元).
 */
function claimTerm(ctx: Ctx, sign: 1 | -1, c: Claim, scale: number | undefined): Term {
  const cell = ctx.cellOf(c);
  const shift = c.scale !== undefined && scale !== undefined ? c.scale - scale : 0;
  return shift ? { sign, cell, shift } : { sign, cell };
}

/**
 * A rate of a change whose amount this year the narrative does not state (`项目支出比上年减少 1,000 万元，下降 0.95%`):
 * against the tables' figure of the change's subject, found as an amount of that subject would be — only when the
 * change names its subject in its own clause and every print of it found is a figure and agrees.
 */
function tableRate(ctx: Ctx, r: Claim, change: Claim): void {
  if (change.inherited || !change.subject || change.scale === undefined || change.approx) return;
  const q = agreedQuantity(ctx, { ...change, kind: 'amount', role: 'current' });
  if (!q) return;
  relate(ctx, {
    rule: 'narrative', kind: 'change', title: title(ctx, 'rate'), target: ctx.cellOf(r),
    terms: [{ sign: 1, cell: ctx.cellOf(change) }, { sign: change.direction! > 0 ? 1 : -1, cell: q.cell, ...(q.shift ? { shift: q.shift } : {}) }],
  });
}

/** The 年初预算 and 决算 a completion rate or a comparison speaks of: in its sentence, else before it in the line, else the line before. */
function budgetPair(st: Statement, sentence: number, at: number, prev: Statement | undefined): { budget: Claim; final: Claim } | undefined {
  const find = (list: Claim[]) => {
    const budget = list.filter((x) => x.kind === 'amount' && x.role === 'budget' && !x.bound).at(-1);
    const final = list.filter((x) => x.kind === 'amount' && x.role === 'final' && !x.bound).at(-1);
    return budget && final ? { budget, final } : undefined;
  };
  const before = st.claims.filter((x) => x.span.start < at);
  return find(before.filter((x) => x.sentence === sentence)) ?? find(before) ?? (prev && !before.length ? find(prev.claims) : undefined);
}

/**
 * The pair of a rate that follows its budget (`一般公共预算收入累计完成 24627 万元，完成年初预算数 60999 万元的 40.4%`):
 * the budget right before the rate, and this year's amount before the budget in the sentence.
 */
function inlinePair(st: Statement, p: Claim): { budget: Claim; final: Claim } | undefined {
  const at = st.claims.indexOf(p);
  const budget = st.claims[at - 1];
  if (budget?.kind !== 'amount' || budget.role !== 'budget' || budget.bound || budget.sentence !== p.sentence) return undefined;
  const final = st.claims.slice(0, at - 1).filter((x) => x.kind === 'amount' && (x.role === 'current' || x.role === 'final') && !x.bound && x.sentence === p.sentence).at(-1);
  return final && { budget, final };
}

/**
 * The pair of a rate that names its budget (`完成调整预算的95.36%`) when that budget is stated in an earlier sentence of the
 * line (`…陕西省支出调整预算为6218.84亿元。陕西省一般公共预算支出5930.32亿元,比上年增长3.7%,完成调整预算的95.36%`, 陕西
 * 2020 决算): the last amount before it whose words name the same budget (`调整预算`, `年初预算`, `全年预算`), of the same
 * side (收入 or 支出), and this year's amount of the rate's sentence before it — in a 决算, where this year's is the final.
 */
function namedBudgetPair(ctx: Ctx, st: Statement, p: Claim): { budget: Claim; final: Claim } | undefined {
  const which = /(年初|全年|调整)预算/.exec(p.lead)?.[1];
  if (!which || ctx.kind !== '决算') return undefined;
  const before = st.claims.filter((x) => x.kind === 'amount' && !x.bound && !x.approx && x.span.start < p.span.start);
  const final = before.filter((x) => x.sentence === p.sentence && (x.role === 'current' || x.role === 'final')).at(-1);
  const budget = before.filter((x) => x.sentence < p.sentence && x.role === 'budget' && x.lead.includes(`${which}预算`)).at(-1);
  if (!final || !budget || final.unit !== budget.unit) return undefined;
  const side = (x: Claim) => /收入/.test(x.subject) ? 'in' : /支出/.test(x.subject) ? 'out' : undefined;
  return side(final) && side(final) === side(budget) ? { budget, final } : undefined;
}

function completionChecks(ctx: Ctx, st: Statement, prev: Statement | undefined): void {
  for (const p of st.claims) {
    if (p.kind !== 'completion' || p.bound || p.approx) continue;
    const near = budgetPair(st, p.sentence, p.span.start, prev);
    // The nearest budget and final amount before the rate, of two subjects: an item's amount after the whole's budget.
    if (near && !near.final.inherited && near.final.subject && near.budget.subject && !sameSubject(near.final, near.budget) && itemAfterWhole(st, near.budget, near.final)) {
      ownBudgetRate(ctx, p, near.final);
      continue;
    }
    const pair = near ?? inlinePair(st, p) ?? namedBudgetPair(ctx, st, p);
    if (!pair) continue;
    relate(ctx, { rule: 'narrative', kind: 'ratio', title: title(ctx, 'completion'), target: ctx.cellOf(p), terms: [{ sign: 1, cell: ctx.cellOf(pair.final) }, claimTerm(ctx, 1, pair.budget, pair.final.scale)] });
  }
  for (const cmp of st.comparisons) {
    const at = cmp.span.start;
    const pair = budgetPair(st, cmp.sentence, at, prev);
    if (!pair) continue;
    const f = ctx.cellOf(pair.final).figure!;
    const b = ctx.cellOf(pair.budget).figure!;
    // An equality is one amount printed twice (rounding.md: compared at the coarser precision); an order is of two
    // amounts as printed, the coarser read with its trailing zeros (`预算为1万元,支出决算为0.53万元。决算数小于预算数`:
    // 0.53 rounded to the units is 1, which made `小于` wrong; 寿县 2023 when no finer amount pads its 1).
    const dec = cmp.relation === 'eq' ? Math.min(f.decimals, b.decimals) : Math.max(f.decimals, b.decimals);
    const d = roundUnits(f.units, f.decimals, dec) - roundUnits(b.units, b.decimals, dec);
    const ok = cmp.relation === 'gt' ? d > 0n : cmp.relation === 'lt' ? d < 0n : d === 0n;
    if (ok) continue;
    ctx.out.findings.push({
      rule: 'narrative', severity: 'error', span: cmp.span,
      related: [pair.final, pair.budget].map((x) => ({ span: x.span, message: ctx.m.termRelated(ctx.cm.claim(x.subject), x.figure.text) })),
      message: ctx.cm.compareMismatch(ctx.slice(cmp.span), pair.final.figure.text, pair.budget.figure.text, title(ctx, 'compare')),
    });
  }
}

/**
 * Whether a final amount after a budget of another subject is an item's after the whole's (`…年初预算为 53.93 万元，支出决算为
 * 37.35 万元，完成预算的 69.26%，其中：…公务用车购置及运行维护费支出决算为 37.35 万元`): a `其中` or another final amount
 * stands between them. Else the two are one subject in two wordings (`“三公”经费财政拨款支出预算为44.52万元,2019年实际支出
 * “三公经费”决算为22.62万元`, 桃江 2019), the rate the whole's.
 */
function itemAfterWhole(st: Statement, budget: Claim, final: Claim): boolean {
  if (final.span.start < budget.span.end || !st.claims.includes(budget) || !st.claims.includes(final)) return false;
  if (st.text.slice(budget.span.end - st.span.start, final.span.start - st.span.start).includes('其中')) return true;
  return st.claims.some((x) => x !== final && x.kind === 'amount' && x.role === 'final' && x.span.start > budget.span.end && x.span.start < final.span.start);
}

/**
 * The tables' quantity a claim names (`QuantityIndex.resolve`), only when every print of it found is a figure and all
 * print one value (else none: the narrative's figure is not compared with a quantity the tables disagree on).
 */
function agreedQuantity(ctx: Ctx, c: Claim): Quantity | undefined {
  const qs = ctx.index.resolve(c);
  const first = qs[0] && termValue({ sign: 1, cell: qs[0].cell, shift: qs[0].shift });
  if (!first) return undefined;
  for (const q of qs) {
    const f = q.cell.kind === 'figure' ? termValue({ sign: 1, cell: q.cell, shift: q.shift }) : undefined;
    if (!f || !samePrint(f, first)) return undefined;
  }
  return qs[0];
}

/**
 * The completion rate of an item whose own budget its line does not print (`“三公”经费…年初预算为 53.93 万元，支出决算为 37.35
 * 万元，完成预算的 69.26%，其中：…公务用车购置及运行维护费支出决算为 37.35 万元，完成预算的 71.28%`, 上海普陀石泉路街道 2025):
 * the budget before it is the whole's, not the item's. Against the tables' 预算数 of the item (71.28% = 37.35 ÷ 52.40, the
 * 三公 table's), found as a budget of its subject would be — only when every print of it found is a figure and agrees;
 * else not read.
 */
function ownBudgetRate(ctx: Ctx, p: Claim, final: Claim): void {
  if (final.scale === undefined || final.approx) return;
  const q = agreedQuantity(ctx, { ...final, role: 'budget' });
  if (!q) return;
  relate(ctx, { rule: 'narrative', kind: 'ratio', title: title(ctx, 'completion'), target: ctx.cellOf(p), terms: [{ sign: 1, cell: ctx.cellOf(final) }, { sign: 1, cell: q.cell, ...(q.shift ? { shift: q.shift } : {}) }] });
}

/**
 * `支出2.05万元,年初预算为2.95万元,差值为0.9万元` (a “三公” 对比 paragraph, hlx 2018): the 差值 (差额) is how far apart the
 * budget and this year's amount before it in its sentence are, unsigned (`公务接待费支出2.05万元,年初预算为2万元,差值为
 * 0.05万元` is 0.05 over budget): the larger less the smaller.
 */
function differenceChecks(ctx: Ctx, st: Statement): void {
  for (const d of st.claims) {
    if (d.kind !== 'amount' || d.bound || d.approx || !/^(?:差值|差额)(?:为|是)?$/.test(d.lead)) continue;
    const before = st.claims.filter((x) => x.kind === 'amount' && x.sentence === d.sentence && x.span.start < d.span.start && !x.bound && !x.approx && x.unit === d.unit);
    const budget = before.filter((x) => x.role === 'budget').at(-1);
    const final = before.filter((x) => (x.role === 'current' || x.role === 'final') && x.subject !== d.subject).at(-1);
    if (!budget || !final) continue;
    const over = scaled(ctx.cellOf(final).figure!) > scaled(ctx.cellOf(budget).figure!);
    const [a, b] = over ? [final, budget] : [budget, final];
    relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, 'difference'), target: ctx.cellOf(d), terms: [{ sign: 1, cell: ctx.cellOf(a) }, { sign: -1, cell: ctx.cellOf(b) }] });
  }
}

/**
 * A saving's words (`共节约资金`, `节约资金`, `节约金额`, `节约财政资金`) and its rate's (`节约率为16%`, `节约率达8.2%`, `平均节支率为
 * 10.97%`); a review's reduction (财政投资评审: `审减金额18906万元`, `审减金额为382万元`) and its rate (`审减率16.39%`, `平均审减率
 * 12.05%`).
 */
const SAVING = /节约(?:财政)?(?:资金|金额)?(?:共计|合计)?(?:为|是)?$/;
const SAVING_RATE = /(?:节约|节支)率(?:为|是|达到|达)?$/;
const REDUCTION = /审减(?:金额|资金)?(?:共计|合计)?(?:为|是)?$/;
const REDUCTION_RATE = /审减率(?:为|是|达到|达)?$/;
/** What was spent of a budget, whatever else its words name (`政府采购预算执行金额`, `实际完成采购计划金额`): no budget. */
const SPENT = /执行|实际|完成|决算/;
/**
 * Each kind: the words of the amount saved (reduced) and of its rate; those of the base it is saved from — a
 * procurement's budget or plan (`采购计划金额共计`, `采购预算`, `纳入政府集中采购的预算规模为`, `采购申报金额`; not what was spent of it,
 * `SPENT`), a review's amount submitted (`送审金额`, `报审金额`, `共评审金额`; `工程决算送审金额` too) —, and the titles
 * of its relations.
 */
const SAVINGS = [
  { amount: SAVING, rate: SAVING_RATE, base: /预算|计划|申报/, spent: SPENT, budgetRole: true, sum: 'saving', ratio: 'savingRate', ofRest: 'savingRateOfSpent' },
  { amount: REDUCTION, rate: REDUCTION_RATE, base: /送审|报审|评审金额/, spent: undefined, budgetRole: false, sum: 'reduction', ratio: 'reductionRate', ofRest: undefined },
] as const;
/** The words opening a list of parts of the amount before them (`其中：货物类…`, `包括…`). */
const PARTS_OPENER = /其中|包括/g;
/** How many claims before a saving its budget and the amount spent are looked for in. */
const SAVING_LOOK = 24;

/** Whether an amount is a saving (`共节约资金9017.78万元`). */
function isSaving(c: Claim): boolean {
  return c.kind === 'amount' && SAVING.test(c.lead.replace(/[ \t\u3000]/g, ''));
}

/**
 * A procurement's saving and its rate (`采购计划金额共计48962.44万元,实际采购金额共计39944.66万元,共节约资金9017.78万元,节约率
 * 为18%`, 大埔 2019; `…预算规模为227957.45万元,…实际采购规模为205460.49万元,…节约资金22496.96万元,节约率为9.87%`, a city
 * 2017): the saving is the budget (or plan) less the amount spent, its rate the saving ÷ the budget. Read in one sentence:
 * the saving the nearest before its rate, the budget the nearest before the saving whose words name a 预算 or 计划 (not
 * what was spent of it, `预算执行金额`), the amount spent the nearest other amount of this year before the saving on the
 * budget's side of a `其中`/`包括` opened between them (the items after it are parts, of what was spent or not). A
 * review's reduction reads alike (`送审金额115991万元,审定金额97219万元,审减金额18906万元,审减率16.39%`, 凌云 2018; 九江
 * 2022, 凉城 2017): the amount submitted less the amount approved, its rate ÷ the amount submitted. A saving whose budget
 * is not printed (`全市政府采购规模为32.72亿元,较采购计划节约资金5.51亿元,资金节约率达14.41%`, 九江 2024; 临西 2010, 凉城
 * 2016) still has its rate: the saving ÷ (the amount spent + the saving) — only when the amount spent is the one amount
 * before it in its sentence (a part of a list there would be no sound denominator) and no budget is named earlier in its
 * line (the rate is then of that budget, not read).
 */
function savingChecks(ctx: Ctx, st: Statement): void {
  const words = (c: Claim) => c.lead.replace(/[ \t\u3000]/g, '');
  const isBase = (k: (typeof SAVINGS)[number], x: Claim) => x.kind === 'amount' && !x.bound && !x.approx && x.role !== 'base'
    && !k.amount.test(words(x)) && ((k.budgetRole && x.role === 'budget') || k.base.test(x.subject) || k.base.test(words(x))) // `较采购计划节约资金` is a saving
    && !(k.spent && k.spent.test(x.subject));
  // Where each kind's base is first named in the line: a saving after it has its budget stated (maybe sentences before).
  const firstBase = SAVINGS.map((k) => st.claims.findIndex((x) => isBase(k, x)));
  for (let i = 0; i < st.claims.length; i++) {
    const c = st.claims[i];
    if (c.kind !== 'amount' || c.bound || c.approx || c.role === 'base') continue;
    const kind = SAVINGS.find((k) => k.amount.test(words(c)));
    if (!kind) continue;
    // The amounts before it in its sentence, nearest first (at most SAVING_LOOK claims back: linear in the line), and
    // whether the walk reached the sentence's start.
    const near: Claim[] = [];
    let j = i - 1;
    for (; j >= 0 && j >= i - SAVING_LOOK && st.claims[j].sentence === c.sentence; j--) {
      const x = st.claims[j];
      if (x.kind === 'amount' && x.unit === c.unit && !x.bound && !x.approx && x.role !== 'base') near.push(x);
    }
    const whole = j < 0 || st.claims[j].sentence !== c.sentence;
    if (!near.length) continue;
    const budget = near.find((x) => isBase(kind, x));
    // The amount spent: the nearest other, on the budget's side of the last list opened before the saving — a budget
    // stated before a `其中` is the whole's, the amounts listed after it parts of what the whole spent (`实际采购金额7500
    // 万元，其中授予中小企业合同金额6000万元，节约资金500万元`: 500 = 8000 − 7500, not 8000 − 6000).
    const from = near[near.length - 1].span.start;
    let opener = -1;
    for (const m of ctx.slice({ start: from, end: c.span.start }).matchAll(PARTS_OPENER)) opener = from + m.index;
    // A saving after the whole's own, in a list opened after it (`审减金额100万元，审减率10%，其中：工程类项目审减60万元`), is
    // a part's: the whole's budget and amount spent are not its own (a part's own budget after the opener is nearer).
    const prior = near.find((x) => kind.amount.test(words(x)));
    if (budget && prior && prior.span.start > budget.span.start && opener > prior.span.start) continue;
    const spent = near.find((x) => x !== budget && !isBase(kind, x) && !kind.amount.test(words(x))
      && (!budget || (x.span.start > opener) === (budget.span.start > opener)));
    const r = st.claims[i + 1];
    const rate = r && r.kind === 'percent' && r.sentence === c.sentence && !r.bound && !r.approx && kind.rate.test(words(r)) ? r : undefined;
    if (!budget) {
      const named = firstBase[SAVINGS.indexOf(kind)];
      if (rate && spent && whole && near.length === 1 && kind.ofRest && !(named >= 0 && named < i)) {
        relate(ctx, { rule: 'narrative', kind: 'change', title: title(ctx, kind.ofRest), target: ctx.cellOf(rate), terms: [{ sign: 1, cell: ctx.cellOf(c) }, { sign: -1, cell: ctx.cellOf(spent) }] });
      }
      continue;
    }
    if (spent) relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, kind.sum), target: ctx.cellOf(c), terms: [{ sign: 1, cell: ctx.cellOf(budget) }, { sign: -1, cell: ctx.cellOf(spent) }] });
    if (rate) relate(ctx, { rule: 'narrative', kind: 'ratio', title: title(ctx, kind.ratio), target: ctx.cellOf(rate), terms: [{ sign: 1, cell: ctx.cellOf(c) }, { sign: 1, cell: ctx.cellOf(budget) }] });
  }
}

/** The statement the i-th one is an item of: the nearest intro line above with a total, its items numbered alike. */
function enumeration(ctx: Ctx, statements: Statement[], i: number): { intro: Statement; total: Claim; items: Statement[] } | undefined {
  for (let j = i - 1; j >= 0 && i - j <= 40; j--) {
    const s = statements[j];
    if (s.heading !== statements[i].heading || s.section !== statements[i].section) return undefined;
    if (!s.intro) continue;
    const total = listTotal(ctx, statements, j);
    if (!total) return undefined;
    const items = itemsOf(statements, j);
    return items.includes(statements[i]) ? { intro: s, total, items } : undefined;
  }
  return undefined;
}

/**
 * The items of the list an intro line opens: the lines below it numbered like the first, until a line numbered like
 * the intro. Lines numbered in another style are an item's own list; a line without a number ends the list, unless
 * the next numbered line goes on with it (`1．财政拨款收入预算总计 a。` / `一般公共预算收入 a，与上年相比…` / `2．财政专户
 * 管理资金收入预算总计 b。`, a 江苏 2017 部门预算: the line between says more of item 1).
 */
function itemsOf(statements: Statement[], j: number): Statement[] {
  const intro = statements[j];
  const first = statements[j + 1];
  if (!first || first.heading !== intro.heading || first.section !== intro.section) return [];
  const style = first.numbering;
  const items: Statement[] = [];
  for (let k = j + 1; k < statements.length; k++) {
    const s = statements[k];
    if (s.heading !== intro.heading || s.section !== intro.section) break;
    if (intro.numbering && s.numbering === intro.numbering) break;
    if (s.numbering === style) {
      if (!style && !s.claims.some(isThisYear)) break;
      items.push(s);
    } else if (!style) break;
    else if (!s.numbering && !goesOn(statements, k, intro, items[items.length - 1])) break;
  }
  return items;
}

/** Whether the next numbered line after the k-th (under the intro's heading) is the item after `last`, in its style. */
function goesOn(statements: Statement[], k: number, intro: Statement, last: Statement | undefined): boolean {
  if (last?.ordinal === undefined) return false;
  for (let n = k + 1; n < statements.length; n++) {
    const s = statements[n];
    if (s.heading !== intro.heading || s.section !== intro.section) return false;
    if (s.numbering) return s.numbering === last.numbering && s.ordinal === last.ordinal + 1;
  }
  return false;
}

/**
 * The first item of the numbered list a line is an item of (the first line before it numbered in its style, under its
 * heading, with no line numbered in another style between them; lines without a number may stand between items): the
 * line itself when it is no numbered item.
 */
function firstItem(statements: Statement[], i: number): number {
  const st = statements[i];
  if (!st.numbering) return i;
  let first = i;
  for (let k = i - 1; k >= 0; k--) {
    const x = statements[k];
    if (x.heading !== st.heading || x.section !== st.section) break;
    if (x.numbering === st.numbering) first = k;
    else if (x.numbering) break;
  }
  return first;
}

/**
 * Where the list a line's shares are stated in starts: the first item of its numbered list (`firstItem`), or the intro
 * line whose items they are — one that states no total (`支出预算情况如下：` / `基本支出 a 万元，占 p%；` / `项目支出 b 万元，
 * 占 q%。`: the shares' whole is printed nowhere, and they are one list) —, else the line itself.
 */
function listStart(statements: Statement[], i: number): number {
  const first = firstItem(statements, i);
  const st = statements[first];
  for (let j = first - 1; j >= 0 && first - j <= 40; j--) {
    const s = statements[j];
    if (s.heading !== st.heading || s.section !== st.section) break;
    if (s.intro) return itemsOf(statements, j).includes(st) ? j : first;
  }
  return first;
}

/** Shares: part ÷ whole, and the shares of one whole together at most 100%. */
function shareChecks(ctx: Ctx, statements: Statement[], i: number): void {
  const st = statements[i];
  const ix = indexOf(st);
  const run = new SharesRun(st);
  for (let k = 0; k < st.claims.length; k++) {
    // The claims before this one, their wholes now settled, kept for `namedWhole`.
    if (k) run.passed(k - 1);
    const s = st.claims[k];
    if (s.kind !== 'share' || s.bound || s.approx) continue;
    // In a 决算, `占预算的101.6%` (蓝山 2023: `税收收入77864万元,占预算的101.6%,非税收入31625万元,占预算的96.3%`) is each
    // amount against its own budget — a completion rate of a budget not printed —, no share of one whole (a 预算's `占预算的
    // 40%` is of the whole budget).
    if (ctx.kind === '决算' && s.whole !== undefined && /^预算数?$/.test(labelKey(s.whole))) continue;
    // Its part: this year's amount before it in its sentence (not inside brackets closed before it) — the nearest, or
    // said respectively, the amount at its place in a run of as many amounts (extract.ts `respectively`).
    const at = s.span.start;
    const rel = at - st.span.start;
    let part: Claim | undefined;
    if (s.respective) part = ix.counterpartBefore(s, Infinity, (x, j) => isThisYear(x) && x.sentence === s.sentence && x.span.start < at && !ix.bracketed(j, rel));
    else ix.thisYearBefore(at, (x) => { if (x.sentence === s.sentence) part = x; return true; });
    if (!part) continue;
    // A share that names its part (`…税收收入77864万元,…非税收入31625万元,…,税收占地方一般公共预算收入的比重为71.1%`, 蓝山
    // 2023) is of the last amount whose subject starts with that name, not of the last amount (`非税收入` holds `税收`).
    if (!s.respective && !s.inherited && s.subject && part.subject && !labelKey(part.subject).startsWith(labelKey(s.subject))) {
      const key = labelKey(s.subject);
      let named: Claim | undefined;
      // The nearest of this year's amounts in its sentence whose subject starts with that name.
      ix.thisYearBefore(at, (x) => {
        if (x.sentence !== s.sentence) return true;
        if (x.subject && labelKey(x.subject).startsWith(key)) { named = x; return true; }
        return false;
      });
      part = named ?? part;
    }
    if (!s.inherited && s.subject && !sameSubject(s, part)) continue;
    partOf.set(s, part);
    if (!withShare.has(part)) run.shared(ix.place.get(part)!);
    withShare.add(part);
    lineOf.set(s, st);
    // (Another amount between the part and its share — `基本支出 300 万元，比上年增长 20 万元，占增长总额的 40%` — and the share
    // may be of that one: `listParts`. A rate between them is no amount a share could be of.)
    if (ix.amounts[k] - ix.amounts[ix.place.get(part)! + 1] > 0) apart.add(s);
    let whole = wholeOf(ctx, statements, i, s, part);
    // A share that names no whole and has none of a `其中` or a list: of the whole the share before it in its line named
    // (`税务部门…占一般公共预算收入的50%；财政部门…占50%。从收入分类来看，税收收入…占40%；…占60%`, review21: the bare ones
    // were one list of no whole, 150%).
    if (!whole && s.whole === '') {
      const named = namedWhole(st, s, part, run);
      if (named) {
        s.whole = named;
        whole = wholeOf(ctx, statements, i, s, part);
      }
    }
    if (s.whole && !mayBeAll(s)) {
      const key = labelKey(s.whole);
      const parts = ctx.siblings.get(key);
      if (parts) parts.add(part); else ctx.siblings.set(key, new Set([part]));
    }
    if (!whole && s.whole !== undefined) {
      // Still, the shares of one whole in a line — one it names, or none (`一般公共服务支出 34,434.27 万元，占 14.57%；
      // 社会保障和就业支出 …，占 15.71%；…` under a heading that names it) — cannot pass 100% together; nor in the
      // numbered items of one list (`1. 基本支出 … 占一般公共预算支出的 84.06%` … `2. 项目支出 … 占一般公共预算支出的 19.62%`).
      // `占同类产品采购规模的90%` … `占同类产品采购规模的88%`: each share's whole is its own kind's, no list of one whole.
      const key = `${listStart(statements, i)}:${labelKey(s.whole)}${/^(?:同类|本类)/.test(labelKey(s.whole)) ? `@${s.span.start}` : ''}`;
      const group = ctx.unresolved.get(key);
      if (!group) ctx.unresolved.set(key, startGroup(s, part, st));
      else joinGroup(group, s, part, st);
    }
    if (!whole || whole.cell === ctx.cellOf(part)) continue;
    const terms: Term[] = [{ sign: 1, cell: ctx.cellOf(part) }, { sign: 1, cell: whole.cell, ...(whole.shift ? { shift: whole.shift } : {}) }];
    relate(ctx, { rule: 'narrative', kind: 'ratio', title: title(ctx, 'share'), target: ctx.cellOf(s), terms });
    let byList = ctx.shares.get(whole.cell);
    if (!byList) ctx.shares.set(whole.cell, (byList = new Map()));
    const list = whole.list ?? st;
    const group = byList.get(list);
    if (!group) byList.set(list, startGroup(s, part, st));
    else joinGroup(group, s, part, st);
  }
}

/**
 * The whole a share that names none goes on with: the one the last share before it in its sentence names (or went on
 * with), when no `其中` stands between that share and this one's part (after `其中` a share is of the total before it). A
 * reviewer reads `…占一般公共预算收入的50%；财政部门500万元，占50%` as a list of 一般公共预算收入; a share that names
 * another whole starts a list of that one.
 */
function namedWhole(st: Statement, s: Claim, part: Claim, run: SharesRun): string | undefined {
  const named = run.lastNamed(part.span.start);
  if (!named) return undefined;
  const ix = indexOf(st);
  if (ix.qizhongIn(named.span.end - st.span.start, part.span.start - st.span.start)) return undefined;
  // Past a full stop, after a whole breakdown (a second one of the same whole, 黄平's), or when no amount of no share
  // of its own stands between: a new total (`…占一般公共预算收入的30%；…占30%。本年支出1000万元，基本支出400万元，占40%；…
  // 占60%。`, review22: 160%) has the bare shares after it.
  // A list past 100% is not gone on with; nor, after one short of it, bare shares that make 100% in their own sentence
  // (`…占本年支出的45%；…占45%。公务接待费20万元，占20%；公务用车运行费80万元，占80%。`: a breakdown of their own).
  const at = (x: number) => x - st.span.start;
  // In one sentence, a list past 100% is closed (its message says its own sum); one that made 100% is closed when the
  // bare shares after it to the sentence's end make 100% or more themselves — a list of their own, right
  // (`…占一般公共预算支出的50%；…占50%；…占40%；…占60%。` was 200%) or wrong (`…40%；…70%。`: its own 110%) —, else they go
  // on with it (`…占30%；…占30%；…占40%；…占10%。`: 110%, a mistake to show). Shares that each name the whole past 100% still
  // are one list.
  if (ix.fullStopFrom(at(named.span.end)) >= at(part.span.start)) {
    const key = labelKey(named.whole!);
    const made = run.lastRun(key, part.span.start);
    if (made !== 'whole') return made === 'short' ? named.whole : undefined;
    return ix.bareRunAfter(at(run.lastOf(key, part.span.start)!.span.end), ix.fullStopFrom(at(part.span.start))) === 'short' ? named.whole : undefined;
  }
  const made = run.breakdown(labelKey(named.whole!), part.span.start);
  if (made !== 'short') return made === 'whole' ? named.whole : undefined;
  // An amount between them that is no share's part (the claims between are counted, those that are parts taken off).
  const from = lastBefore(st.claims.length, (j) => st.claims[j].span.start, named.span.end) + 1;
  const to = lastBefore(st.claims.length, (j) => st.claims[j].span.end, part.span.start + 1) + 1;
  const p = ix.place.get(part)!;
  const amounts = ix.amountsIn(from, to) - (p >= from && p < to ? 1 : 0) - run.sharedIn(from, to) + (p >= from && p < to && withShare.has(part) ? 1 : 0);
  if (amounts > 0) return undefined;
  // The bare shares past the full stop after the list, to the next share that names a whole, in one sentence or several
  // (`…占30%；…占20%。公务接待费…占40%。会议费…占60%。` was 150%): when they make 100% they are a breakdown of their own.
  return ix.bareRunAfter(ix.fullStopFrom(at(named.span.end)), Infinity) === 'whole' ? undefined : named.whole;
}

/**
 * What `namedWhole` asks of the shares passed so far in a line (`shareChecks` goes through its claims in order, and
 * settles a share's whole as it goes): the last that names a whole before a place; what the shares of one whole add up
 * to before a place (kept as they are passed, the sums carried on); how many amounts before a place are shares' parts.
 */
/**
 * The shares of one whole passed in a line (`SharesRun`): their places, how many are summed, their sum, and the sum of the
 * last breakdown among them (begun again as `breakdowns` begins a run) with its length.
 */
interface Whole { places: number[]; at: number; sum: BreakdownSum; run: BreakdownSum; runLength: number }

class SharesRun {
  private readonly named: number[] = [];
  private readonly byWhole = new Map<string, Whole>();
  /** A Fenwick tree of the amounts that are shares' parts, by place. */
  private readonly parts: Int32Array;

  constructor(private readonly st: Statement) {
    this.parts = new Int32Array(st.claims.length + 1);
  }

  /** Claim k was passed: its whole is settled. */
  passed(k: number): void {
    const x = this.st.claims[k];
    if (x.kind !== 'share' || x.whole === undefined) return;
    if (x.whole) this.named.push(k);
    const key = labelKey(x.whole);
    const w = this.byWhole.get(key);
    if (w) w.places.push(k); else this.byWhole.set(key, { places: [k], at: 0, sum: new BreakdownSum(), run: new BreakdownSum(), runLength: 0 });
  }

  /** The last share passed that names a whole and ends at or before document offset `at`. */
  lastNamed(at: number): Claim | undefined {
    const k = lastBefore(this.named.length, (j) => this.st.claims[this.named[j]].span.end, at + 1);
    return k < 0 ? undefined : this.st.claims[this.named[k]];
  }

  /** `breakdownOf` the shares of whole `key` passed that end at or before document offset `at` (asked at places that only grow). */
  breakdown(key: string, at: number): 'short' | 'whole' | 'over' {
    return this.carried(key, at)?.sum.verdict() ?? 'short';
  }

  /**
   * `breakdownOf` the last breakdown of whole `key` among those shares (one that made 100% ends at a full stop, and those
   * after it begin another), asked likewise.
   */
  lastRun(key: string, at: number): 'short' | 'whole' | 'over' {
    return this.carried(key, at)?.run.verdict() ?? 'short';
  }

  /** Whole `key`'s sums carried to its shares that end at or before document offset `at` (undefined: it has none). */
  private carried(key: string, at: number): Whole | undefined {
    const w = this.byWhole.get(key);
    if (!w) return undefined;
    const claims = this.st.claims;
    const n = lastBefore(w.places.length, (j) => claims[w.places[j]].span.end, at + 1) + 1;
    const v = n < w.at ? this.scratch(w, n) : w;
    this.advance(v, n);
    return v;
  }

  /** The last share of whole `key` passed that ends at or before document offset `at`. */
  lastOf(key: string, at: number): Claim | undefined {
    const w = this.byWhole.get(key);
    if (!w) return undefined;
    const n = lastBefore(w.places.length, (j) => this.st.claims[w.places[j]].span.end, at + 1);
    return n < 0 ? undefined : this.st.claims[w.places[n]];
  }

  /** Whole `w`'s first `n` shares, not yet summed (asked at a place before the sums carried on: summed afresh). */
  private scratch(w: Whole, n: number): Whole {
    return { places: w.places.slice(0, n), at: 0, sum: new BreakdownSum(), run: new BreakdownSum(), runLength: 0 };
  }

  /**
   * The sums of whole `w`'s shares carried on to its first `n`; its last breakdown's begun again at a share after a full
   * stop once the run before made a whole number of breakdowns (`breakdowns`' rule, in one line).
   */
  private advance(w: Whole, n: number): void {
    const claims = this.st.claims;
    const ix = indexOf(this.st);
    const base = this.st.span.start;
    for (; w.at < n; w.at++) {
      const x = claims[w.places[w.at]];
      w.sum.add(x);
      if (w.at > 0 && w.runLength > 1 && w.run.closes() && ix.fullStopFrom(claims[w.places[w.at - 1]].span.end - base) < x.span.start - base) {
        w.run = new BreakdownSum();
        w.runLength = 0;
      }
      w.run.add(x);
      w.runLength++;
    }
  }

  /** Place k's amount is a share's part. */
  shared(k: number): void {
    for (let i = k + 1; i < this.parts.length; i += i & -i) this.parts[i]++;
  }

  /** How many of the places [from, to) are amounts that are shares' parts. */
  sharedIn(from: number, to: number): number {
    return to <= from ? 0 : this.prefix(to) - this.prefix(from);
  }

  private prefix(n: number): number {
    let s = 0;
    for (let i = n; i > 0; i -= i & -i) s += this.parts[i];
    return s;
  }
}

/** Shares added up as `breakdownOf` does, one at a time: their intervals' sums at the finest precision so far. */
class BreakdownSum {
  private lo = 0n;
  private hi = 0n;
  private d = 0;
  private count = 0;

  add(x: Claim): void {
    if (x.bound || x.approx) return;
    const d = x.figure.decimals + 1;
    if (d > this.d) {
      const up = pow10(d - this.d);
      this.lo *= up;
      this.hi *= up;
      this.d = d;
    }
    const iv = intervalOf(x.figure.exact ? { ...x.figure, exact: false } : x.figure, this.d);
    this.lo += iv.lo;
    this.hi += iv.hi;
    this.count++;
  }

  verdict(): 'short' | 'whole' | 'over' {
    return verdictOf(this.lo, this.hi, this.d, this.count);
  }

  /** Whether the shares make a whole number of breakdowns (100%, 200% …) within their rounding. */
  closes(): boolean {
    return wholeMultiple(this.lo, this.hi, 100n * pow10(this.d));
  }
}

/** Shares' sums `lo`…`hi` at `d` decimals, `count` of them: whole breakdowns (100%, 200% …), less than one, or more. */
function verdictOf(lo: bigint, hi: bigint, d: number, count: number): 'short' | 'whole' | 'over' {
  const hundred = 100n * pow10(d);
  if (hi < hundred) return 'short';
  if (wholeMultiple(lo, hi, hundred) && count >= 2) return 'whole';
  return lo > hundred ? 'over' : 'short';
}

/** Whether a whole number of breakdowns (100%, 200% …: the first at or past `lo`, one at least) lies within `lo`…`hi`. */
function wholeMultiple(lo: bigint, hi: bigint, hundred: bigint): boolean {
  if (hi < hundred) return false;
  const k = lo <= hundred ? 1n : (lo + hundred - 1n) / hundred;
  return k * hundred <= hi;
}

/** What shares make together within their rounding: whole breakdowns (100%, or 200% …), less than a whole one, or more. */
function breakdownOf(list: readonly Claim[]): 'short' | 'whole' | 'over' {
  const sum = new BreakdownSum();
  for (const x of list) sum.add(x);
  return sum.verdict();
}

/** Whether a share may be 100% (its part may be all of its whole). */
function mayBeAll(s: Claim): boolean {
  const { hi } = intervalOf(s.figure.exact ? { ...s.figure, exact: false } : s.figure, s.figure.decimals + 1);
  return hi >= 100n * pow10(s.figure.decimals + 1);
}

/**
 * Whether a share's part is one of the parts of a share before it in its line — a `其中` stands between them (`授予中小
 * 企业合同金额 400 万元，占 80%，其中：授予小微企业合同金额 300 万元，占 60%`): it is not added to the whole's shares.
 */
function nested(st: Statement, group: Claim[], part: Claim): boolean {
  // (The group's first share in this line is the one ending first: a `其中` after any of them is after it — one look.)
  const first = groupIndexes.get(group)?.firstIn.get(st);
  return !!first && first.span.end <= part.span.start && indexOf(st).qizhongIn(first.span.end - st.span.start, part.span.start - st.span.start);
}

/**
 * A whole's shares (`ctx.shares`, `ctx.unresolved`) indexed as they join (invariant 10: `restated` and `nested` compared
 * each share with every one before it, a list of thousands of one whole was quadratic): by the whole units of their
 * part's figure and their own (`printKeys`), and the first of them in each line.
 */
interface GroupIndex {
  byPrint: Map<string, number[]>;
  firstIn: Map<Statement, Claim>;
}
const groupIndexes = new WeakMap<Claim[], GroupIndex>();
/**
 * How many of the shares of one whole printed alike (`byPrint`'s bucket) `restated` compares a share with, the latest
 * first: more than this many items of one list printing the same amount and share is no real list.
 */
const RESTATED_LOOK = 64;

/** A new group of one share (`GroupIndex`). */
function startGroup(s: Claim, part: Claim, st: Statement): Claim[] {
  const group: Claim[] = [];
  groupIndexes.set(group, { byPrint: new Map(), firstIn: new Map() });
  addToGroup(group, s, part, st);
  return group;
}

/** A share joins its whole's group unless it says again what one of them said or is a part of one's part. */
function joinGroup(group: Claim[], s: Claim, part: Claim, st: Statement): void {
  if (!restated(group, s, part, st) && !nested(st, group, part)) addToGroup(group, s, part, st);
}

function addToGroup(group: Claim[], s: Claim, part: Claim, st: Statement): void {
  group.push(s);
  const ix = groupIndexes.get(group);
  if (!ix) return;
  push(ix.byPrint, printKey(part.figure, s.figure), group.length - 1);
  if (!ix.firstIn.has(st)) ix.firstIn.set(st, s);
}

/** A figure's whole units (truncated): two figures of the same print (`samePrint`) are less than 1 apart. */
function wholeUnits(f: Figure): bigint {
  return f.units / pow10(f.decimals);
}
function printKey(part: Figure, share: Figure, dp = 0n, ds = 0n): string {
  return `${wholeUnits(part) + dp}|${wholeUnits(share) + ds}`;
}

/** The part each share was checked with (its amount tells a share restated in another section from another part's). */
const partOf = new WeakMap<Claim, Claim>();
/** The amounts a share was checked with (`partOf`'s parts). */
const withShare = new WeakSet<Claim>();
/** The shares with another amount between them and their part (`partOf`): perhaps shares of that amount (`listParts`). */
const apart = new WeakSet<Claim>();
/** The line each share checked with a part is stated in (`breakdowns`). */
const lineOf = new WeakMap<Claim, Statement>();

/**
 * The breakdowns of one whole a list of its shares holds: once the shares so far make 100% within their rounding, a
 * share in a later sentence of its line (after a full stop) breaks the whole down again (黄平: `从征收部门来看:
 * 税务部门…占一般公共预算收入的48.51%;财政部门…占…51.49%。从收入分类来看,税收收入…占…38.96%;非税收入…占…61.04%`).
 * A share after a complete breakdown in a sentence of its own is thus not added to it: a list that goes past 100% in
 * one sentence still is.
 */
function breakdowns(shares: readonly Claim[]): Claim[][] {
  // (A full stop in one line: `；` parts are one sentence's, one list — `…占46.82%；…占本年支出合计的100%` passes 100% —, and
  // the numbered items of a list are one list, whatever their lines.)
  const newSentence = (a: Claim, b: Claim) => {
    const st = lineOf.get(a);
    return !!st && st === lineOf.get(b) && /[。！？!?]/.test(st.text.slice(a.span.end - st.span.start, b.span.start - st.span.start));
  };
  const runs: Claim[][] = [];
  let run: Claim[] = [];
  for (const s of shares) {
    const last = run.at(-1);
    if (last && run.length > 1 && newSentence(last, s)) {
      const { lo, hi, hundred } = sharesSum(run.map((x) => x.figure));
      // A run said respectively is a breakdown by itself (`货物、工程、服务…分别为…,占…比例为54.54%、1.51%和44.69%。从组织形式看,
      // …占…的40.91%、3.03%和56.06%`, 新余 2025: its own 100.74%, not 200.74% with the next).
      const said = !!last.respective && last.respective.at === last.respective.of - 1 && s.respective?.at === 0;
      if ((lo <= hundred && hundred <= hi) || said) { runs.push(run); run = []; }
    }
    run.push(s);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Whether a share says again what one of a whole's shares said (`财政拨款支出 13,297.11 万元，占本年支出合计的 99.4%` in
 * two sections): the same share of the same amount of the same subject (`sameSubject`: one unnamed is taken as the
 * same; in one line, one starting as the other). Two items of a list that happen to print the same amount and share are two
 * parts (`公务接待费 10 万元，占 25%；会议费 10 万元，占 25%`; in one line, `会议费` and `国际会议费` too). Else the share joins
 * the whole's.
 */
function restated(group: Claim[], share: Claim, part: Claim, st: Statement): boolean {
  const same = (x: Claim) => {
    const p = partOf.get(x);
    if (!p || !samePrint(p.figure, part.figure) || !samePrint(x.figure, share.figure) || !sameSubject(p, part)) return false;
    // In one line, an item said again starts as it did (`公务接待费` again as `公务接待费支出`); one qualified before it is
    // another item: `会议费 10 万元，占 25%；国际会议费 10 万元，占 25%` are two parts, though one subject holds the other.
    if (lineOf.get(x) !== st || !p.subject || !part.subject) return true;
    const [a, b] = [labelKey(p.subject), labelKey(part.subject)];
    return a.startsWith(b) || b.startsWith(a);
  };
  const ix = groupIndexes.get(group);
  if (!ix) return group.some(same);
  // Only shares printed alike can be the same: those whose figures' whole units are within one of this one's.
  for (const dp of [-1n, 0n, 1n]) {
    for (const ds of [-1n, 0n, 1n]) {
      const places = ix.byPrint.get(printKey(part.figure, share.figure, dp, ds));
      if (!places) continue;
      for (let k = places.length - 1; k >= Math.max(0, places.length - RESTATED_LOOK); k--) if (same(group[places[k]])) return true;
    }
  }
  return false;
}

/**
 * Shares as their prints allow them (rounding.md), at one decimal finer than the finest printed: each one's interval,
 * their sum's ends, and 100% at that scale — what the checks of a list's shares together compare.
 */
function sharesSum(figures: readonly Figure[]): { each: { lo: bigint; hi: bigint }[]; lo: bigint; hi: bigint; scale: number; hundred: bigint } {
  const scale = Math.max(...figures.map((f) => f.decimals)) + 1;
  const each = figures.map((f) => intervalOf(f, scale));
  let lo = 0n;
  let hi = 0n;
  for (const x of each) { lo += x.lo; hi += x.hi; }
  return { each, lo, hi, scale, hundred: 100n * pow10(scale) };
}

/**
 * The shares of one whole cannot add up to more than 100%: the smallest values their prints allow must not pass it.
 * (Less than 100% is a list that names only some parts; each share is checked against its part on its own.)
 */
function sharesTotal(ctx: Ctx, shares: Claim[], whole?: Cell): void {
  for (const run of breakdowns([...new Set(shares)])) sharesOver(ctx, run, whole);
}

/** The shares of one breakdown of a whole (`breakdowns`) past 100%: an error at the last. */
function sharesOver(ctx: Ctx, distinct: Claim[], whole?: Cell): void {
  if (distinct.length < 2) return;
  const { lo, scale, hundred } = sharesSum(distinct.map((s) => s.figure));
  if (lo <= hundred) return;
  let printedSum = 0n;
  for (const s of distinct) printedSum += roundUnits(s.figure.units, s.figure.decimals, scale - 1);
  const last = distinct[distinct.length - 1];
  ctx.out.findings.push({
    rule: 'narrative', severity: 'error', span: last.span,
    related: [
      ...distinct.slice(0, -1).map((s) => ({ span: s.span, message: ctx.m.termRelated(ctx.cm.claim(s.subject), s.figure.text) })),
      ...(whole ? [{ span: own(whole.span), message: ctx.m.termRelated(nameOf(ctx, whole), whole.text || ctx.m.empty) }] : []),
    ],
    message: ctx.cm.sharesOver(formatUnits(printedSum, scale - 1, false) + '%', title(ctx, 'shares')),
  });
}

/**
 * The shares of a whole no table prints and the text does not state (`ctx.unresolved`: `“三公”经费预算支出中，因公出国（境）
 * 费支出 106 万元，占“三公”经费的 16.06%；公务用车购置及运行维护费支出 156.6 万元，占“三公”经费的 23.72%；公务接待费支出
 * 397.5 万元，占“三公”经费的 60.22%`, or `其中：基本支出 X 万元，占 a%；项目支出 Y 万元，占 b%` under no total): when they
 * add up to 100% within their rounding (n shares may miss it by n·½ of their last digit), the parts listed are the whole,
 * and each share is its part ÷ the sum of the parts (evaluate.ts `partArithmetic`, judged like any ratio). Less than
 * 100% is a list of some parts only (not checked); more is `sharesTotal`'s. A mistake breaks several of these relations
 * at once (a part typed again wrongly is in every sum): error localisation names the figure likeliest wrong and keeps
 * one finding per mistake (culprits.ts `together`).
 */
function impliedShares(ctx: Ctx, shares: Claim[]): void {
  const list = listParts(shares);
  if (!list || list.shares.length < 2) return;
  const { parts } = list;
  const cells = list.shares.map((s) => ctx.cellOf(s));
  const { lo, hi, hundred } = sharesSum(cells.map((c) => c.figure!));
  if (lo > hundred || hi < hundred) return;
  // Every part in the first's unit (`106 万元` beside `1,566,000 元`).
  const whole = parts.map((p) => claimTerm(ctx, 1, p, parts[0].scale));
  const key = {};
  cells.forEach((target, i) => {
    const rel: Relation = { rule: 'narrative', kind: 'ratio', title: title(ctx, 'impliedShare'), target, terms: [whole[i], ...whole] };
    impliedLists.set(rel, key);
    relate(ctx, rel);
  });
}

/** A whole that is a change: `增长总额`, `增加额`, `减少部分`, `增量`. */
const CHANGE_WHOLE = /增长|增加|减少|下降|增减|变动|增量|增幅|减幅/;

/** The shares of a list (each once) and their parts, all distinct amounts of money; undefined when not so. */
function listParts(shares: Claim[]): { shares: Claim[]; parts: Claim[] } | undefined {
  const distinct = [...new Set(shares)];
  const parts: Claim[] = [];
  // A list whose every share has another amount before it (`比上年增长 20 万元，占 40%`), or whose whole is a change
  // (`占增长总额的 40%`), may be of the changes: left to the sum check.
  if (distinct.every((s) => apart.has(s)) || distinct.some((s) => s.whole && CHANGE_WHOLE.test(s.whole))) return undefined;
  for (const s of distinct) {
    const p = partOf.get(s);
    if (!p || p.scale === undefined || parts.includes(p)) return undefined;
    parts.push(p);
  }
  return { shares: distinct, parts };
}

/** A fraction n ÷ d of bigints (d > 0). */
type Fraction = [bigint, bigint];
const below = (a: Fraction, b: Fraction) => a[0] * b[1] < b[0] * a[1];

/**
 * The shares of a whole printed nowhere that add up to less than 100% (some parts listed): each still says what the
 * whole is (its part ÷ its share), and one whole must fit them all, at least the parts listed. When none does, but one
 * does once a single share is left out, that share (or its part) is wrong: `A 100 万元，占 10%；B 200 万元，占 20%；C 300
 * 万元，占 60%` — A and B make the whole 1,000, C 500. (At 100% the whole is the sum of the parts: `impliedShares`; past it,
 * `sharesTotal`.) A direct finding at the share, with the whole the others give, the share it gives and the difference.
 */
function commonWhole(ctx: Ctx, shares: Claim[]): void {
  const list = listParts(shares);
  if (!list || list.shares.length < 3) return;
  const cells = list.shares.map((s) => ctx.cellOf(s));
  const { each: ip, hi, hundred } = sharesSum(cells.map((c) => c.figure!));
  if (hi >= hundred) return;
  // The parts in the first's unit, at one scale.
  const amounts = list.parts.map((p) => termValue(claimTerm(ctx, 1, p, list.parts[0].scale))!);
  const ad = Math.max(0, ...amounts.map((f) => f.decimals)) + 1;
  const ia = amounts.map((f) => intervalOf(f, ad));
  // The wholes every share but `skip` allows (in units of 10^-ad), at least the sum of their parts: [lo, hi].
  const fit = (skip: number): { lo: Fraction; hi?: Fraction } | undefined => {
    let sum = 0n;
    ia.forEach((x, i) => { if (i !== skip) sum += x.lo; });
    let lo: Fraction = [sum, 1n];
    let top: Fraction | undefined;
    for (let i = 0; i < ip.length; i++) {
      if (i === skip || ip[i].lo <= 0n) continue;
      const l: Fraction = [ia[i].lo * hundred, ip[i].hi];
      const h: Fraction = [ia[i].hi * hundred, ip[i].lo];
      if (below(lo, l)) lo = l;
      if (!top || below(h, top)) top = h;
    }
    return top && below(top, lo) ? undefined : { lo, ...(top ? { hi: top } : {}) };
  };
  if (fit(-1)) return;
  const apart = list.shares.map((_, i) => fit(i));
  const only = apart.filter((x) => x && x.hi).length === 1 ? apart.findIndex((x) => x && x.hi) : -1;
  if (only < 0 || apart.some((x, i) => x && i !== only)) return;
  const w = apart[only]!;
  // The whole the others give (the middle of what they allow, in units of 10^-ad), and the share it makes.
  const mid: Fraction = [w.lo[0] * w.hi![1] + w.hi![0] * w.lo[1], 2n * w.lo[1] * w.hi![1]];
  if (mid[0] <= 0n) return;
  const share = cells[only].figure!;
  const a = scaleTo(amounts[only], ad);
  const expected = (2n * a * 100n * pow10(share.decimals) * mid[1] + mid[0]) / (2n * mid[0]);
  // Printed to the digit the others pin it to: a power of ten no more than half the width of what they allow, at
  // least the parts' last digit (`about 660.2`, not `6,600,416` 元 when the shares fix it to some thousand 元).
  const width = (w.hi![0] * w.lo[1] - w.lo[0] * w.hi![1]) / (w.lo[1] * w.hi![1]);
  let k = 1;
  while (pow10(k + 1) * 2n <= width) k++;
  const step = pow10(k);
  const whole = (2n * mid[0] + step * mid[1]) / (2n * step * mid[1]);
  const stated = roundUnits(share.units, share.decimals, share.decimals);
  const diff = stated > expected ? stated - expected : expected - stated;
  const pct = (u: bigint) => formatUnits(u, share.decimals, false) + '%';
  const grouping = list.parts.some((p) => p.figure.text.includes(','));
  ctx.out.findings.push({
    rule: 'narrative', severity: 'error', span: own(cells[only].span),
    related: list.shares.flatMap((s, i) => (i === only ? [] : [{ span: own(cells[i].span), message: ctx.m.termRelated(ctx.cm.claim(s.subject), s.figure.text) }]))
      .concat([{ span: own(ctx.cellOf(list.parts[only]).span), message: ctx.m.termRelated(ctx.cm.claim(list.parts[only].subject), list.parts[only].figure.text) }]),
    message: ctx.cm.sharesApart(pct(stated), printedAmount(amounts[only], ad - 1, grouping), formatUnits(whole, ad - k, grouping), pct(expected), pct(diff), title(ctx, 'sharesWhole')),
  });
}

/** An amount as printed, at `d` decimals when it has more (a 元 amount read in 万元). */
function printedAmount(f: Figure, d: number, grouping: boolean): string {
  return f.decimals <= d ? formatUnits(f.units, f.decimals, grouping) : formatUnits(roundUnits(f.units, f.decimals, d), d, grouping);
}

/** The list each implied share's relation belongs to (`impliedShares`): error localisation finds its mistake once. */
const impliedLists = new WeakMap<Relation, object>();

/** The list of shares a relation of `impliedShares` belongs to (culprits.ts `together`), else undefined. */
export function impliedList(rel: Relation): object | undefined {
  return impliedLists.get(rel);
}

/** A share's whole: its cell, and (`list`) the intro line whose items the share is one of, when it is the intro's total. */
function wholeOf(ctx: Ctx, statements: Statement[], i: number, share: Claim, part: Claim): { cell: Cell; shift?: number; list?: Statement } | undefined {
  const st = statements[i];
  const key = share.whole ? labelKey(share.whole) : '';
  // A whole stated in the text, in the part's unit.
  const stated = (c: Claim) => {
    const t = claimTerm(ctx, 1, c, part.scale);
    return t.shift ? { cell: t.cell, shift: t.shift } : { cell: t.cell };
  };
  if (key) {
    // An amount stated before, named like the whole (`政府采购支出总额 177.08 万元 … 占政府采购支出总额的 66%`): the last
    // of this year's amounts of a line named so (`ClaimIndex.namedLike`), walked back past the part and its siblings.
    for (let j = i; j >= 0 && i - j <= 8; j--) {
      const s = statements[j];
      const siblings = ctx.siblings.get(key);
      const list = indexOf(s).namedLike(key);
      let named: Claim | undefined;
      for (let k = lastBefore(list.length, (x) => s.claims[list[x]].span.start, share.span.start); k >= 0 && !named; k--) {
        const x = s.claims[list[k]];
        if (x !== part && !siblings?.has(x)) named = x;
      }
      if (named) return stated(named);
    }
    const q = ctx.index.resolve({ ...part, subject: share.whole!, path: undefined, levels: undefined, role: 'current' });
    const agree = q.find((x) => x.cell.kind === 'figure');
    return agree ? { cell: agree.cell, shift: agree.shift } : undefined;
  }
  // `其中基本支出 348.21 万元，占 16.6%`: the total before 其中 in the line, when the part is within its reach.
  const rel = part.span.start - st.span.start;
  const ix = indexOf(st);
  for (const qi of ix.markers()) {
    if (qi >= rel) break;
    const total = ix.thisYearBeforeOffset(qi);
    if (total && rel < ix.qizhongEnd(qi, total.span.start - st.span.start)) return stated(total);
  }
  // An item of a list: the intro's total (`…支出 2,098.74 万元，主要用于以下方面：` / `1. 一般公共服务（类）支出 261.74 万元，占 12.5%`).
  const en = enumeration(ctx, statements, i);
  if (en) return { ...stated(en.total), list: en.intro };
  return undefined;
}

/**
 * Where the parts of a `其中` at `qi` (an offset in the line) run: to the end of its `；` segment when the total stands
 * in that segment (`基本支出 X 万元，其中人员经费 a、公用经费 b；项目支出 Y 万元`), else to the end of the sentence
 * (`总金额为 X 万元。其中拟采购货物 a；拟采购工程 b；拟采购服务 c。`).
 */
function qizhongEnd(text: string, qi: number, totalAt: number, nestedOut?: [number, number][]): number {
  // (Not a `其中` inside another's list in its sentence: `其中：基本支出600万元，占60%，其中人员经费400万元，占66.67%；项目
  // 支出400万元，占40%` — the next `；` segment is the outer list's.)
  const sentenceStart = Math.max(...'。！？'.split('').map((d) => text.lastIndexOf(d, totalAt)));
  const inner = text.slice(sentenceStart + 1, totalAt).includes('其中');
  const sameSegment = !/[。；;！？]/.test(text.slice(totalAt, qi)) && (inner || !shareList(text, qi, stopAt(text, '。！？', qi)));
  let end = stopAt(text, sameSegment ? '。；;！？' : '。！？', qi);
  // A `包括` list opened after a `；` (`本年收入合计…;包括…`) ends at the next `包括`: its segments run to the full stop, not
  // over the lists the next ones open (each taken as a part's own list, a line of many was cubic).
  if (!sameSegment && text.startsWith('包括', qi)) {
    const next = text.indexOf('包括', qi + 2);
    if (next >= 0 && next < end) end = next;
  }
  // A `其中` opened in brackets after its total ends with them (`上级补助收入113566万元(其中:抗疫特别国债7691万元),债务转贷
  // 收入39000万元,收入合计192496万元`, a 福州仓山 决算; `财政拨款收入4352.47万元(其中,一般公共预算4352.47万元,…),占收入合计
  // 100%;上级补助收入0万元,…`, a 杭州钱塘 部门决算): what follows the bracket is not its part.
  const open = openBracketBefore(text, totalAt, qi);
  if (open >= 0) {
    const close = closingBracket(text, open);
    if (close >= 0 && close < end) end = close;
  }
  if (!nestedOut) {
    const next = text.indexOf('其中', qi + 2);
    return next >= 0 && next < end ? next : end;
  }
  innerLists(text, qi, end, nestedOut);
  return end;
}

/**
 * The lists inside the list of the `其中` at `qi` (to `end`), pushed to `nestedOut`: also of a line that starts with `其中`
 * and breaks down the line before's total (`其中,因公出国(境)费0.61亿元。…;公务用车购置及运行费1.41亿元,包括公务用车购置费0.14
 * 亿元和公务用车运行费1.27亿元,…;公务接待费0.27亿元,…`, 福建省级 2016 “三公”: the `包括`'s items were summed as the
 * “三公”'s parts, 3.70 for 2.29).
 */
function innerLists(text: string, qi: number, end: number, nestedOut: [number, number][]): void {
  // The parts of a `其中` inside are not its own: left out, to the end of its first `；` segment (sumChecks moves the
  // end to where `nestedEnd` finds it).
  for (let n = text.indexOf('其中', qi + 2); n >= 0 && n < end; n = text.indexOf('其中', n + 2)) nestedOut.push([n, stopAt(text, '。；;！？', n)]);
  // So are the items a part's own list introduces (`其中：人员经费 a 万元，主要包括基本工资 a1 万元、津贴补贴 a2 万元；
  // 公用经费 b 万元`), left out of this one's parts: `主要…` may name only some of them; one opened by `包括` right after
  // its amount is summed as a list of its own (`listMarkers`).
  INTRODUCER.lastIndex = qi + 2;
  for (let m = INTRODUCER.exec(text); m && m.index < end; m = INTRODUCER.exec(text)) {
    // After a part (`其中包括 A a 万元、B b 万元` introduces the 其中's own parts).
    if (/\d/.test(text.slice(qi, m.index))) nestedOut.push([m.index, stopAt(text, '。；;！？', m.index)]);
  }
  nestedOut.sort((a, b) => a[0] - b[0]);
}

/** The marks that end a sentence (a `；` only ends a clause of it). */
const FULL_STOPS = '。！？!?';

/** Where the text before `at` starts after the last of `chars` (0: none before it): `stopAt` backwards. */
function startAfter(text: string, chars: string, at: number): number {
  let from = at;
  while (from > 0 && !chars.includes(text[from - 1])) from--;
  return from;
}

/** Where the first of `chars` stands in `text` from `from` on (the text's end when none does). */
function stopAt(text: string, chars: string, from: number): number {
  let end = text.length;
  for (const d of chars) { const k = text.indexOf(d, from); if (k >= 0 && k < end) end = k; }
  return end;
}

/**
 * Whether the `其中` at `qi` opens a list of shares to `end` (`…236,298.69 万元，其中：一般公共预算拨款收入 236,298.69 万元，
 * 占 100%；政府性基金预算拨款收入 0 万元，占 0%；…。`): every `；` segment from it holds a share. Its parts are those of
 * every segment, not of the first alone (as in `基本支出 X 万元，其中人员经费 a、公用经费 b；项目支出 Y 万元`).
 */
function shareList(text: string, qi: number, end: number): boolean {
  const segments = text.slice(qi, end).split(/[；;]/);
  return segments.length > 1 && segments.every((x) => SHARE.test(x));
}

const SHARE = /占[^；;。]{0,16}?\d+(?:\.\d+)?[ \t\u3000]*[%％]/;

/**
 * A claim's role as the document's kind reads it (link.ts `roleIn`: a 预算's budget and a 决算's final figure are this
 * year's — `收入预算 X 万元，其中：…收入 a 万元` states parts of one role), else as written.
 */
function yearRole(ctx: Ctx, c: Claim): Claim['role'] {
  return (c.role && roleIn(c.role, ctx.kind)) ?? c.role;
}

/** The amounts a list's total and items are compared by: this year's, in a 决算 the final ones. */
function listAmount(ctx: Ctx, c: Claim): boolean {
  return isThisYear(c) && !(ctx.kind === '决算' && c.role === 'budget');
}

/** The total an intro line's list breaks down: its only amount of this year outside a `其中`, if it has one. */
function introTotal(ctx: Ctx, st: Statement): Claim | undefined {
  const qi = st.text.indexOf('其中');
  const outside = st.claims.filter((x) => listAmount(ctx, x) && (qi < 0 || x.span.start - st.span.start < qi));
  return outside.length === 1 && !outside[0].bound && !outside[0].approx ? outside[0] : undefined;
}

/**
 * The total the list an intro line opens breaks down: its own (`introTotal`), or — a line that is only `其中：` — the
 * one of the line before it, under the same heading (`2025 年本年一般公共预算支出 1085203.63 元，…。其中：基本支出 …；项目
 * 支出 …。` / `其中：` / `(一)文化旅游体育与传媒支出类科目 850088.3 元，…`, a 梧州 2025 部门预算).
 */
function listTotal(ctx: Ctx, statements: Statement[], i: number): Claim | undefined {
  const st = statements[i];
  const own = introTotal(ctx, st);
  if (own || i === 0 || !/^[ \t\u3000]*其中[:：]?[ \t\u3000]*$/.test(st.text)) return own;
  const total = totalAbove(ctx, statements, i);
  if (!total) return undefined;
  const prev = statements[i - 1];
  // A total that is itself a share of the whole the items' shares name (`项目支出预算 48100 元,占支出总预算的 4.43%,…。` /
  // `其中:` / `(一)文化旅游体育与传媒支出类科目 850088.3 元,占支出总预算 78.33%,…`, a 梧州 2025 部门预算 whose line
  // before states the parts of 支出总预算): the items are its siblings, not its parts.
  const whole = prev.claims.find((x) => x.kind === 'share' && x.whole && x.sentence === total.sentence)?.whole;
  if (whole && itemsOf(statements, i).some((it) => it.claims.some((x) => x.kind === 'share' && x.whole === whole))) return undefined;
  return total;
}

/** `其中`: a total and its parts in one line, or an intro line and the items below it. */
function sumChecks(ctx: Ctx, statements: Statement[], i: number): void {
  const st = statements[i];
  const text = st.text;
  // In the line: each `其中` after a total, its parts (see qizhongEnd), leaving out changes, shares, amounts in
  // brackets and amounts of another role, and the parts of a `其中` inside it (to where `nestedEnd` says it ends).
  const ends = new Map<number, number>();
  for (const qi of listMarkers(st)) {
    const above = lineStartTotal(ctx, statements, i, qi);
    const total = above ?? qizhongTotal(ctx, st, qi);
    if (!total) continue;
    const nested: [number, number][] = [];
    const end = above ? text.length : ends.get(qi) ?? qizhongEnd(text, qi, total.span.start - st.span.start, nested);
    if (above) innerLists(text, qi, end, nested);
    // `包括 A a、B b 等` (or after `中，`, `具体如下：`): some of the parts only.
    if (!text.startsWith('其中', qi) && text.slice(qi, end).includes('等')) continue;
    for (const [k, range] of nested.entries()) {
      if (k < NESTED_SEARCHED) range[1] = nestedEnd(ctx, st, qi, end, range[0], nested);
      ends.set(range[0], range[1]);
    }
    const list = qizhongParts(ctx, st, qi, total, end, nested);
    if (!above && measureLists(ctx, st, qi, total, list.parts)) continue;
    // A saving is no part of what was spent or budgeted, nor they of a saving (`实际采购金额7500万元，其中授予中小企业合同金额
    // 6000万元，节约资金500万元`: 7500 is not 6000 + 500).
    let parts = list.parts.filter((x) => isSaving(x) === isSaving(total));
    if (parts.length === 1 && !ends.has(qi) && nested.length && /^[；;]/.test(text.slice(end, end + 1))) {
      // The one part's own list goes on past its `；` (`…其中：基本支出60万元，其中：人员经费40万元；公用经费20万元；项目支出
      // 40万元。`, review24: 公用经费 was taken for the outer list's): where it ends, the arithmetic says, over the sentence.
      const sentence = stopAt(text, FULL_STOPS, end);
      if (!text.slice(end, sentence).includes('其中')) {
        const wide = nested.map(([a]): [number, number] => [a, stopAt(text, '。；;！？', a)]);
        for (const range of wide.slice(0, NESTED_SEARCHED)) range[1] = nestedEnd(ctx, st, qi, sentence, range[0], wide);
        const w = qizhongParts(ctx, st, qi, total, sentence, wide);
        if (w.parts.length >= 2) {
          parts = w.parts;
          for (const [a, b] of wide) ends.set(a, b);
        }
      }
    }
    if (parts.length === 1 && !ends.has(qi)) parts = semicolonList(ctx, text, st, total, parts[0], end, list.candidate, list.inBrackets) ?? parts;
    if (parts.length === 1 && total.kind === 'amount' && !total.bound && !total.approx) partOver(ctx, total, parts[0]);
    if (parts.length < 2 || total.bound || total.approx) continue;
    // Items that each say the total's own measure again (`支出2.05万元,年初预算为2.95万元,差值为0.9万元。其中:因公出国(境)
    // 支出0万元,年初预算为0万元,差值为0万元;…`, a “三公” 对比 paragraph): the list states several measures of each item,
    // not parts of the one before `其中`.
    if (parts.filter((p) => !p.inherited && p.subject !== '' && p.subject === total.subject).length >= 2) continue;
    if (above && !addsUp(ctx, total, parts) && partialList(ctx, total, parts)) continue;
    if (total.kind === 'count') countCheck(ctx, total, parts);
    else sumRelation(ctx, total, parts);
  }
  bracketParts(ctx, st);
  ordinalList(ctx, st);
  changeList(ctx, st);
  balanceSum(ctx, st);
  balanceLeft(ctx, statements, i);
  trailingTotal(ctx, st);
  sidesOfTotal(ctx, st);
  // A list: the intro line's total and its items' amounts of the same role, when every item states one.
  if (!st.intro) return;
  const total = listTotal(ctx, statements, i);
  if (!total) return;
  const items = itemsOf(statements, i);
  const itemAmount = (it: Statement) => {
    const a = it.claims.find((x) => listAmount(ctx, x) && yearRole(ctx, x) === yearRole(ctx, total) && !x.bound);
    return a && a.unit === total.unit && !a.approx ? a : undefined;
  };
  let amounts: Claim[] = [];
  for (const it of items) {
    const a = itemAmount(it);
    if (!a) return;
    amounts.push(a);
  }
  // Numbered heads with lines under them unnumbered (`1.“一般公共服务（类）统计信息事务（款）…（项）”20.04 万元…` / `“一般公共
  // 服务（类）…统计管理（项）”3.39 万元…` / … / `2. “公共安全支出（类）…`, 上海普陀石泉路街道 2025): each numbered item is a group,
  // its lines its siblings, when they name their subjects as the head does (a path of the same levels, in the head's 类);
  // else the lines say more of their item (江苏 2017: `1．财政拨款收入预算总计 a。` / `一般公共预算收入 a，…`), and the groups
  // are the list only when the heads alone do not add up to the total and the groups do.
  const groups = groupedAmounts(statements, i, items, amounts, itemAmount);
  // The lines after the last group that are not alike (`tail`) are the list's only when with them it adds up and without
  // them it does not (an item of an earlier group's 类 printed last) — or, when neither adds up, when each of them names a
  // path of the levels of the heads in an earlier group's 类 (`late`): misordered and wrong, the list is still all of them,
  // and the sum it should make says so (review26's case g3: was the groups' without the late line, an untrue 应为).
  if (groups) {
    const tailed = groups.all.concat(groups.tail);
    const whole = addsUp(ctx, total, groups.all);
    const tail = groups.tail.length && !whole && (addsUp(ctx, total, tailed) || (groups.alike && groups.late));
    if (groups.alike) amounts = tail ? tailed : groups.all;
    else if (!addsUp(ctx, total, amounts)) amounts = addsUp(ctx, total, groups.all) ? groups.all : tail ? tailed : amounts;
  }
  // Two views of one total (`其中：（一）收入预算总计 X。（二）支出预算总计 X。`) are not its parts.
  if (amounts.length < 2 || amounts.filter((a) => a.figure.units !== 0n && samePrint(a.figure, total.figure)).length >= 2) return;
  // (Asked only of a list whose items do not add up to its total: most do.)
  if (!addsUp(ctx, total, amounts) && partialList(ctx, total, amounts)) return;
  // A lead that says the items are the main ones (`主要税收收入项目情况如下:`, 天津 2024 上半年; `主要安排为：`, 忻州 2023) or
  // ends a list with `等` may list some items only: short of the total, a warning that says so — the national 部门决算
  // template's `主要用于以下方面：` opens the complete 类 list, and a mistyped item (忻州's 10.49 typed 10.40) is short
  // too. Past the total, an error as any list.
  const last = st.sentences[st.sentences.length - 1];
  if (MAIN_ITEMS.test(text.slice(last.start, last.end)) && !addsUp(ctx, total, amounts)) {
    const sum = sumFigure(ctx, amounts);
    const whole = ctx.cellOf(total).figure!;
    // The items of another amount of the lead (`其中:地方税收收入865.4亿元,…;非税收入279亿元,…。主要税收收入项目情况如下:`,
    // 天津: 393.9 + 181.4 + 47.9 + 242.2 = 865.4): that amount's list, which they make.
    const of = st.claims.find((x) => x !== total && isThisYear(x) && x.unit === total.unit && addsUp(ctx, x, amounts));
    if (of) return sumRelation(ctx, of, amounts);
    if (!exceeds(sum, whole)) return mainItemsShort(ctx, total, amounts);
  }
  sumRelation(ctx, total, amounts);
}

/**
 * The amounts of a numbered list read as groups (`sumChecks`): each item's, then those of the unnumbered lines under it
 * (between it and the next item, and after the last while they are alike), in order; `alike` when every line under a
 * head names its subject as the head does — a 类/款/项 path of the same levels whose 类 is the head's, and no path of its
 * group already named (a line naming it again says more of that item: review of session 26); `tail`, the
 * amounts of the lines after the last item that are not alike, up to the first that states none; `late`, when each of
 * those names a path of the heads' levels in an earlier group's 类, none named before. Undefined when no item
 * has a line under it, or a line between two items states no amount of the list (the groups cannot be added up).
 */
function groupedAmounts(statements: Statement[], i: number, items: Statement[], heads: Claim[], amountOf: (s: Statement) => Claim | undefined): { all: Claim[]; alike: boolean; tail: Claim[]; late: boolean } | undefined {
  const intro = statements[i];
  const all: Claim[] = [];
  const tail: Claim[] = [];
  let alike = true;
  let group: Claim[] = [];
  let h = 0;
  for (let k = i + 1; k < statements.length; k++) {
    const s = statements[k];
    if (h < items.length && s === items[h]) { all.push(heads[h]); group = [heads[h++]]; continue; }
    if (!h || s.numbering || s.heading !== intro.heading || s.section !== intro.section) break;
    const a = amountOf(s);
    if (h === items.length && (tail.length || !a || !sameGroup(heads[h - 1], a))) {
      if (!a) break;
      tail.push(a);
      continue;
    }
    if (!a) return undefined;
    // A line that names its head's path again (or a sibling's) says more of that item: no sibling of it.
    alike &&= sameGroup(heads[h - 1], a) && !group.some((x) => pathKey(x) === pathKey(a));
    group.push(a);
    all.push(a);
  }
  if (!(all.length > heads.length || tail.length)) return undefined;
  // Every line of the tail in one of the groups' 类 at the heads' levels, naming no path the list has named (a path named
  // again says more of its item).
  const named = new Set(all.map(pathKey));
  const late = tail.every((a) => !!a.path && !named.has(pathKey(a)) && heads.some((x) => sameGroup(x, a)) && named.add(pathKey(a)));
  return { all, alike: alike && all.length > heads.length, tail, late };
}

/** A claim's 类/款/项 path as one key ('' when it names none). */
function pathKey(c: Claim): string {
  return c.path?.map(labelKey).join() ?? '';
}

/** Whether an amount names its subject as a group's head does: a 类/款/项 path of the same levels, in the head's 类. */
function sameGroup(head: Claim, a: Claim): boolean {
  return !!head.path && !!a.path && head.levels?.join() === a.levels?.join() && labelKey(head.path[0]) === labelKey(a.path[0]);
}

/** A lead naming its items the main ones (`主要`), or a list ending in `等` (`A、B等`; not `等于`, `平等`, `等级`). */
const MAIN_ITEMS = /主要|(?:、|和|及)[^、。；;：:，,]{0,20}?(?<![平相对均同优初高中上下特])等(?![于级同额值次])/;

/**
 * The items of a `主要`/`等` list that fall short of its total: a warning that says their sum and the gap, no figure to
 * write (the rest may be unlisted); within their rounding a 尾差, as any sum's (`relate`).
 */
function mainItemsShort(ctx: Ctx, total: Claim, amounts: readonly Claim[]): void {
  const rel: Relation = { rule: 'narrative', kind: 'sum', title: title(ctx, 'sum'), target: ctx.cellOf(total), terms: amounts.map((p) => ({ sign: 1 as const, cell: ctx.cellOf(p) })) };
  relate(ctx, rel, (ev) => ctx.cm.mainItemsShort(ev.computed, total.figure.text, ev.difference, rel.title), 'warning');
}

/**
 * A change broken down by a `其中` of changes alone (`…合计16.08万元增加15.15万元。其中:公务接待费减少0.26万元,公务用车运行
 * 维护费增加14.79万元。`, 甘南 2015): the total's change is the sum of its parts', each signed by its direction — when
 * the `其中` follows the change with nothing but punctuation between, and every figure to its sentence's end is a change
 * of the same unit naming no other kind of base.
 */
function changeList(ctx: Ctx, st: Statement): void {
  const text = st.text;
  let k = 0;
  // Where the sentence of the last `其中` ends: a `其中` before it is inside that one's list (nested).
  let sentenceEnd = -1;
  for (let qi = text.indexOf('其中'); qi >= 0; qi = text.indexOf('其中', qi + 2)) {
    const nested = qi < sentenceEnd;
    if (!nested) sentenceEnd = stopAt(text, '。！？!?', qi);
    while (k < st.claims.length && st.claims[k].span.end - st.span.start <= qi) k++;
    const total = st.claims[k - 1];
    if (!total || total.kind !== 'change' || !total.direction || total.bound || total.approx) continue;
    if (!/^[ \t\u3000]*(?:[。，,；;][ \t\u3000]*)?$/.test(text.slice(total.span.end - st.span.start, qi))) continue;
    // (To the sentence's end or the next `其中` — a list with another inside is not read —: the line stays linear. A
    // `其中` inside another's list ends at its `；`: `…其中：基本支出增加6万元，其中人员经费增加4万元，公用经费增加2万元；项目
    // 支出增加4万元。` — 项目支出 is the outer list's.)
    const stop = nested ? Math.min(sentenceEnd, stopAt(text, '；;', qi)) : sentenceEnd;
    const next = text.indexOf('其中', qi + 2);
    if (next >= 0 && next < stop) continue;
    const parts: Claim[] = [];
    for (let n = k; n < st.claims.length && st.claims[n].span.start < st.span.start + stop; n++) parts.push(st.claims[n]);
    if (parts.length < 2 || parts.some((c) => c.kind !== 'change' || !c.direction || c.unit !== total.unit || c.bound || c.approx
      || (baseWord(c) && baseWord(c) !== baseWord(total)))) continue;
    relate(ctx, {
      rule: 'narrative', kind: 'sum', title: title(ctx, 'changeSum'), target: ctx.cellOf(total),
      terms: parts.map((c) => ({ sign: c.direction === total.direction ? 1 as const : -1 as const, cell: ctx.cellOf(c) })),
    });
  }
}

/** What a 平衡 paragraph names its sum (`收入总计`, `支出合计`, `收入总量为`, `一般公共预算总收入`, `可用财力合计`). */
const BALANCE_TOTAL = /(?:收入|支出|财力)(?:总计|合计|总量|总额)|总(?:收入|支出)/;

/**
 * A government's 平衡 paragraph: this level's revenue (or expenditure) `加上` what else came in (went out), `收入总计`
 * (`支出合计` …) — `2018年市级一般公共预算收入决算数129748万元,加上级补助收入428905万元,下级上解收入4409万元,…,收入总计
 * 968113万元` (汕尾 2018), `…64000万元,…。加上转移性收入486923万元,收入总计550923万元` (沙洋 2022): the total is the sum,
 * an amount after `减去` counted off (`…一般债务收入16.1亿元,减去债务还本支出0.2亿元,一般公共预算总收入64.3亿元`, 生态城).
 * The first term: after `，`/`；` the last of this year's amounts before `加` in its sentence, after a full stop the
 * line's first — naming the total's side (收入, 支出). Read only when every figure from `加` to the total is an amount of
 * this year in the total's unit, outside brackets (`(其中:抗疫特别国债7691万元)`, 福州仓山, is not added), at least one
 * of them: a `加…等` group is one amount; items named without amounts (`加上…等,陕西省支出调整预算为…`), another unit
 * among them (`调入资金1884万元` among 亿元) or a rate leave the paragraph unread.
 */
function balanceSum(ctx: Ctx, st: Statement): void {
  const text = st.text;
  const claims = st.claims;
  const base = st.span.start;
  const ix = indexOf(st);
  let from = 0;
  for (let k = text.indexOf('加上'); k >= 0; k = text.indexOf('加上', Math.max(k + 1, from))) {
    // (`加上`, not `加强`/`加大`/`加快`/`加之`, review24: `…10万元，加强管理后，公务接待费4万元，…，支出合计10万元` is no sum.)
    let b = k;
    while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--;
    const sep = b > 0 ? text[b - 1] : '';
    if (!sep || !'，,；;。'.includes(sep)) continue;
    const end = ix.fullStopFrom(k);
    // (The next `加` looked at is past this sentence: each sentence's claims are walked once.)
    from = end;
    const terms: { sign: 1 | -1; claim: Claim }[] = [];
    let total: Claim | undefined;
    let depth = 0;
    let pos = k;
    let ok = true;
    let prevEnd = k;
    let lastEnd = k;
    for (let j = lastBefore(claims.length, (x) => claims[x].span.start, base + k) + 1; j < claims.length && claims[j].span.start < base + end; j++) {
      const c = claims[j];
      const at = c.span.start - base;
      for (; pos < at; pos++) {
        const ch = text[pos];
        if (ch === '（' || ch === '(') depth++;
        else if (ch === '）' || ch === ')') depth--;
      }
      // (Its words: back to a mark, not past the claim before — each stretch of the sentence read once.)
      let w = at;
      while (w > lastEnd && !'，,；;、：:'.includes(text[w - 1])) w--;
      lastEnd = c.span.end - base;
      if (depth > 0) continue;
      if (!isThisYear(c) || c.approx || c.bound) { ok = false; break; }
      // The first item's amount stands in `加上`'s own clause (`加上转移性收入486923万元`): one after a mark is no item it adds.
      if (!terms.length && !total && /[，,；;：:]/.test(text.slice(k, at))) { ok = false; break; }
      const words = text.slice(w, at);
      if (BALANCE_TOTAL.test(words)) { total = c; break; }
      const gap = text.slice(prevEnd, at);
      // `减去` / `扣除` / a clause opening with `减` (`，减结转下年10万元`, review24) counts it off.
      terms.push({ sign: /减去|扣除|(?:^|[，,；;、])[ \t\u3000]*减(?![少免税收支])/.test(gap) ? -1 : 1, claim: c });
      prevEnd = c.span.end - base;
    }
    if (!ok || !total || !terms.length) continue;
    const side = /支出/.test(total.subject + text.slice(startAfter(text, '，,；;、：:', total.span.start - base), total.span.start - base)) ? '支出' : '收入';
    // The first term: the amount `加` adds to.
    let first: Claim | undefined;
    if (sep === '。') {
      const f = ix.firstAmount < claims.length ? claims[ix.firstAmount] : undefined;
      if (f && f.span.start < base + k && isThisYear(f)) first = f;
    } else {
      const sentence = ix.fullStopBefore(k);
      ix.thisYearBefore(base + k, (x) => { if (x.span.start >= base + sentence) first = x; return true; });
    }
    if (!first || !first.subject.includes(side) || first.unit !== total.unit || terms.some((t) => t.claim.unit !== total!.unit)) continue;
    relate(ctx, {
      rule: 'narrative', kind: 'sum', title: title(ctx, 'balance'), target: ctx.cellOf(total),
      terms: [{ sign: 1, cell: ctx.cellOf(first) }, ...terms.map((t) => ({ sign: t.sign, cell: ctx.cellOf(t.claim) }))],
    });
  }
}

/** The side words name: revenue (收入, 财力) 1, expenditure (支出) −1, neither or both undefined. */
function side(words: string): 1 | -1 | undefined {
  const out = /支出/.test(words);
  return out === /收入|财力/.test(words) ? undefined : out ? -1 : 1;
}

/** The offset of each line's last `收支相抵` (−1: none), found once a line (`balanceLeft`). */
const lastBalances = new WeakMap<Statement, number>();

/** What a 平衡 paragraph's balance is named (`年终结余`, `结转下年`, `累计滚存结余`, `一般公共预算结余`). */
const BALANCE_LEFT = /结余|结转|滚存|结存/;
/** A balance of all years so far (`年末累计结余`, `累计滚存结余`), and a revenue total counting them (`累计可用财力合计`, `收入总计`). */
const ALL_YEARS = /累计|滚存/;
const ALL_YEARS_REVENUE = /累计|滚存|总计|上年/;
/** How far back a balance's totals are looked for: lines (under its heading) and claims. */
const BALANCE_LINES = 3;
const BALANCE_CLAIMS = 80;

/**
 * The side a 平衡 paragraph's total is of (`收入合计`, `一般公共预算总收入`, `收入总量`, `可用财力合计`: revenue; `支出合计`,
 * `总支出`, `支出总量`: expenditure), or a bare `合计`/`总计` after amounts of one side in its sentence (`全区当年一般公共预算支出
 * 191.30亿元,转移性支出0.84亿元,合计192.14亿元`, 杭州西湖 2024); undefined for any other amount.
 */
function balanceSide(st: Statement, k: number): 1 | -1 | undefined {
  const c = st.claims[k];
  const words = c.lead.replace(/[ \t\u3000]/g, '');
  if (BALANCE_TOTAL.test(words) && !/收支/.test(words)) return side(words);
  if (!/^(?:合计|总计|共计)(?:为|是)?$/.test(words)) return undefined;
  let found: 1 | -1 | undefined;
  for (let j = k - 1; j >= 0 && st.claims[j].sentence === c.sentence; j--) {
    const x = st.claims[j];
    if (x.kind !== 'amount') continue;
    const s = side(x.subject);
    if (!s || (found && s !== found)) return undefined;
    found = s;
  }
  return found;
}

/**
 * A 平衡 paragraph's balance: `收支相抵，结转下年F` / `上述收支相抵，年终结余F` / `收支相抵，全区累计滚存结余F` — the revenue total
 * less the expenditure total stated before it (滨州 2023 ×2, 福州仓山 2020 ×2, 西藏 2021, 杭州西湖 2024, 中新天津生态城 2024).
 * F is the first amount after `收支相抵` in its sentence, named a 结余 or 结转; each total the nearest before it, in its
 * line or the lines above under its heading (up to `BALANCE_LINES`), named a total of its side (`balanceSide`) — or, in
 * `收支相抵`'s own sentence, the amount right before it naming one side only (`一般公共预算支出64.1亿元,全年收支相抵,…结余
 * 0.24亿元`, 生态城). The totals are looked for after the balance before (`上述收支相抵` of 仓山's 国有资本 paragraph, whose
 * revenue and expenditure name no total, is not read with the 政府性基金 paragraph's totals above it).
 */
function balanceLeft(ctx: Ctx, statements: Statement[], i: number): void {
  const st = statements[i];
  for (let p = st.text.indexOf('收支相抵'); p >= 0; p = st.text.indexOf('收支相抵', p + 4)) {
    const after = lastBefore(st.claims.length, (k) => st.claims[k].span.start, st.span.start + p) + 1;
    const left = st.claims[after];
    if (!left || !isThisYear(left) || left.span.start >= st.span.start + indexOf(st).fullStopFrom(p) || !BALANCE_LEFT.test(left.lead)) continue;
    let revenue: Claim | undefined;
    let spent: Claim | undefined;
    let seen = 0;
    let stop = false;
    for (let j = i; j >= 0 && i - j <= BALANCE_LINES && !stop && !(revenue && spent); j--) {
      const s = statements[j];
      if (s.heading !== st.heading || s.section !== st.section) break;
      // (An earlier balance ends the search at it: its totals are its own.)
      let earlier: number;
      if (j === i) earlier = p > 0 ? s.text.lastIndexOf('收支相抵', p - 1) : -1;
      else {
        let known = lastBalances.get(s);
        if (known === undefined) lastBalances.set(s, (known = s.text.lastIndexOf('收支相抵')));
        earlier = known;
      }
      const from = earlier >= 0 ? s.span.start + earlier : -1;
      if (earlier >= 0) stop = true;
      const last = j === i ? after - 1 : s.claims.length - 1;
      for (let k = last; k >= 0 && seen < BALANCE_CLAIMS && s.claims[k].span.start > from; k--, seen++) {
        const x = s.claims[k];
        if (!isThisYear(x) || x.unit !== left.unit) continue;
        let named = balanceSide(s, k);
        if (!named && j === i && k === after - 1 && x.sentence === left.sentence) named = side(x.subject);
        if (named === 1) revenue ??= x;
        else if (named === -1) spent ??= x;
        if (revenue && spent) break;
      }
    }
    if (!revenue || !spent) continue;
    // A balance of all years (`年末累计结余`, `累计滚存结余`) is this year's revenue less its expenditure only when the
    // revenue counts the years before too (`累计可用财力合计`, `收入总计`): a fund's `收入合计` is the year's alone.
    if (ALL_YEARS.test(left.lead) && !ALL_YEARS_REVENUE.test(revenue.lead)) continue;
    relate(ctx, {
      rule: 'narrative', kind: 'sum', title: title(ctx, 'balanceLeft'), target: ctx.cellOf(left),
      terms: [{ sign: 1, cell: ctx.cellOf(revenue) }, { sign: -1, cell: ctx.cellOf(spent) }],
    });
  }
}

/** The ordinals of an enumeration's items (`一是`, `二是` …), in order. */
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/**
 * What opens an enumeration of a total's parts, between the total and its `一是` (`，主要用于：`, `。主要包括两方面的
 * 支出：`, `，具体包括：`): group 1 `主要` (the main parts only), group 2 how many the parts are (`两方面`).
 */
const ORDINAL_OPENER = /^[，,：:。]?[ \t\u3000]*(主要|具体)?(?:用于|包括|安排|构成为|组成为|分为)(?:以下|如下)?([两二三四五六七八九十])?(?:个|项)?(?:方面)?(?:的?(?:支出|内容|用途|资金|项目))?[ \t\u3000]*(?:[：:，,][ \t\u3000]*)?$/;

/**
 * A total whose parts an enumeration lists (`项目支出500万元，主要用于：一是设备购置200万元；二是房屋维修150万元；三是…`;
 * `…公务用车购置及运行费共为1229.65万元。主要包括两方面的支出:一是车辆购置支出115万元。…二是车辆运行维护支出。…车辆运行
 * 费1114.65万元`, 审计署 2010): each item's first amount of the total's kind, unit and year (not one in brackets), up to
 * the next item (the last: to the line's end). Every item must state one, else the list is not read. The parts add up
 * to the total — or, when the opener says `主要` (and names no number of items that the list has) or an item ends in
 * `等`, they only cannot pass it.
 */
function ordinalList(ctx: Ctx, st: Statement): void {
  const text = st.text;
  const claims = st.claims;
  const at = (x: Claim) => x.span.start - st.span.start;
  // (One pass: each list is looked for up to the next `一是`, its claims walked once — the line stays linear.)
  let c = 0;
  let total: Claim | undefined;
  for (let k = text.indexOf('一是'); k >= 0;) {
    const limit = text.indexOf('一是', k + 2);
    const stop = limit < 0 ? text.length : limit;
    for (; c < claims.length && claims[c].span.end - st.span.start <= k; c++) if (claims[c].kind === 'amount' && !claims[c].bound) total = claims[c];
    read(k, stop, total);
    k = limit;
  }

  function read(k: number, stop: number, total: Claim | undefined): void {
    if (!total || !isThisYear(total) || total.approx) return;
    const between = text.slice(total.span.end - st.span.start, k);
    const opener = ORDINAL_OPENER.exec(between);
    // (`X 万元，包括：一是…` is a `包括` list already: `listMarkers`.)
    if (!opener || /^[ \t\u3000]*[，,：:；;][ \t\u3000]*包括/.test(between)) return;
    // The items: 一是, 二是 … each after the one before, before the next `一是`.
    const starts = [k];
    for (let n = 1; n < ORDINALS.length; n++) {
      const next = text.indexOf(`${ORDINALS[n]}是`, starts[n - 1] + 2);
      if (next < 0 || next >= stop) break;
      starts.push(next);
    }
    if (starts.length < 2) return;
    // Each item's first amount of the total's kind, unit and year, not in brackets opened in the item.
    const parts: Claim[] = [];
    let n = 0;
    let depth = 0;
    let pos = k;
    for (let j = c; j < claims.length && at(claims[j]) < stop && n < starts.length; j++) {
      const x = claims[j];
      while (n < starts.length && at(x) >= (starts[n + 1] ?? stop)) { if (parts.length !== n + 1) return; n++; depth = 0; pos = starts[n] ?? stop; }
      if (n >= starts.length || at(x) <= starts[n] || parts.length === n + 1) continue;
      depth += bracketDepth(text, pos, at(x)).net;
      pos = at(x);
      if (depth <= 0 && partOfTotal(ctx, total, x)) parts.push(x);
    }
    if (parts.length !== starts.length) return;
    const named = opener[2] ? ORDINALS.indexOf(opener[2] === '两' ? '二' : opener[2]) + 1 : 0;
    const some = (!!opener[1] && opener[1] === '主要' && named !== parts.length) || /等/.test(text.slice(k, at(parts.at(-1)!) + parts.at(-1)!.span.end - parts.at(-1)!.span.start + 4));
    if (named && named !== parts.length) return;
    if (some && !addsUp(ctx, total, parts) && !exceeds(sumFigure(ctx, parts), ctx.cellOf(total).figure!)) return;
    sumRelation(ctx, total, parts);
  }
}

/**
 * A total of both sides (`财政拨款收支总预算 T 元。收入包括：A a 元。支出包括：B b 元、C c 元…`, the national 部门预算
 * template's 财政拨款收支 paragraph): each side's list, to the end of its sentence, adds up to it — unless it ends in `等`.
 */
function sidesOfTotal(ctx: Ctx, st: Statement): void {
  if (!st.text.includes('包括')) return;
  const total = st.claims.find((x) => x.kind === 'amount' && isThisYear(x) && !x.bound && !x.approx && BOTH_SIDES.test(x.subject));
  if (!total) return;
  // Each side's list runs to the full stop, or to the other side's `包括` in its sentence (`收入包括:…23,067.24 元;支出包括:…`,
  // a 梧州 2023 部门预算: the two sides in one sentence were one list of twice the total).
  const sides = [...st.text.matchAll(SIDE_LIST)].map((m) => m.index);
  for (const [k, at] of sides.entries()) {
    const from = st.span.start + at;
    if (from < total.span.end) continue;
    const end = st.span.start + Math.min(stopAt(st.text, '。！？', at), sides[k + 1] ?? Infinity);
    if (st.text.slice(at, end - st.span.start).includes('等')) continue;
    const parts = st.claims.filter((x) => x.span.start > from && x.span.start < end && partOfTotal(ctx, total, x) && !bracketedBefore(st, x, end));
    if (parts.length) sumRelation(ctx, total, parts);
  }
}
/** A total of income and spending alike (`收支总预算`, `收支总计`, `收支预算总额`). */
const BOTH_SIDES = /收支(?:总预算|总计|预算总计|预算总额|总额)$/;
/** A side's list after such a total: `收入包括：`, `支出预算包括：`. */
const SIDE_LIST = /(?:收入|支出)(?:预算)?包括[:：]/g;

/**
 * The total a line that starts with `其中` breaks down, when the line before states it (`…三公经费支出合计585.53万元(…),同比
 * 减少144.92万元,…。` / `其中:因公出国(境)经费0万元,同比减少0万元,…。公务用车购置及运行费585.53万元,…`, a 乌鲁木齐天山区
 * 决算): that line's only amount of this year, under the same heading. Its parts run to the end of the line.
 */
function lineStartTotal(ctx: Ctx, statements: Statement[], i: number, qi: number): Claim | undefined {
  const st = statements[i];
  if (i === 0 || st.intro || !st.text.startsWith('其中', qi)) return undefined;
  if (/^[ \t\u3000]*$/.test(st.text.slice(0, qi))) return totalAbove(ctx, statements, i);
  // A `其中` opening a sentence after sentences of no figure that speak of the total above (`…“三公经费”预算合计10.5亿元。` /
  // `今年本市继续严格控制“三公经费”,市本级“三公经费”预算与上年持平。其中,出国出境经费预算2.07亿元、…`, 上海 2013): the
  // sentence before names that total's quantity.
  // (Read back from the `其中` to the sentence before it only: a line of many stays linear.)
  if (st.claims.length && st.claims[0].span.start - st.span.start < qi) return undefined;
  let stop = qi;
  while (stop > 0 && isBlank(st.text.charCodeAt(stop - 1))) stop--;
  if (stop === 0 || !FULL_STOPS.includes(st.text[stop - 1])) return undefined;
  const start = startAfter(st.text, FULL_STOPS, stop - 1);
  const total = totalAbove(ctx, statements, i);
  if (!total) return undefined;
  const words = (x: string) => x.replace(/[“”"‘’'「」『』\s]/g, '');
  const sentence = words(st.text.slice(start, stop - 1));
  // It names the total's quantity whole (`三公经费预算`: not `一般公共预算收入` for `一般公共预算支出`, nor `“三公经费”中公务用车…`
  // for `“三公经费”预算`), and no year but the document's (`2012年“三公经费”预算执行情况良好。其中,…`: that year's parts).
  const quantity = words(total.subject).replace(/^.*的/, '').replace(/^(?:今年|本年|当年|(?:19|20)\d\d年度?)/, '').replace(/(?:合计|总计|总额|共计)$/, '');
  if (quantity.length < 4 || !sentence.includes(quantity)) return undefined;
  for (const y of sentence.matchAll(/((?:19|20)\d\d)年/g)) if (Number(y[1]) !== ctx.doc.header.year) return undefined;
  return total;
}

/** The total the line before line i introduces (`introTotal`), when it stands under the same heading and section. */
function totalAbove(ctx: Ctx, statements: Statement[], i: number): Claim | undefined {
  const prev = statements[i - 1];
  const st = statements[i];
  return prev.heading === st.heading && prev.section === st.section ? introTotal(ctx, prev) : undefined;
}

/** A total is the sum of its parts: the relation, judged (`relate`); and so are their changes, when each states one. */
function sumRelation(ctx: Ctx, total: Claim, parts: readonly Claim[]): void {
  relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, 'sum'), target: ctx.cellOf(total), terms: parts.map((p) => ({ sign: 1 as const, cell: ctx.cellOf(p) })) });
  changeSum(ctx, total, parts);
}

/**
 * The parts of a total that add up to it, each with its change against the same base as the total's (`“三公”经费决算数为
 * 2.63 亿元，比年初预算数减少 0.36 亿元。其中，因公出国(境)费 0.88 亿元，比年初预算数减少 0.03 亿元；…`, a 山东省本级
 * 决算): the total's change is the sum of theirs, each signed by its direction. Only when the amounts add up exactly (a
 * list of some parts says nothing of the rest's change) and every part states its change (`较上年持平` is not read as 0).
 */
function changeSum(ctx: Ctx, total: Claim, parts: readonly Claim[]): void {
  if (total.kind !== 'amount' || parts.length < 2) return;
  const tc = changeAfter(ctx, total);
  // (printed alike at the coarser of the two precisions: they add up, as `addsUp` would say, and exactly)
  if (!tc || !samePrint(sumFigure(ctx, parts), ctx.cellOf(total).figure!)) return;
  const terms: Term[] = [];
  // A part after the first whose change names no base goes on with the base the parts before named (`因公出国(境)经费17.44亿元,
  // 比预算数减少1.94亿元;公务用车购置及运行费30.87亿元,减少3.72亿元;…`, 中央 2015).
  let named = false;
  for (const p of parts) {
    const c = changeAfter(ctx, p, named);
    if (!c || (c.baseNamed && (c.baseYear !== tc.baseYear || baseWord(c) !== baseWord(tc))) || c.unit !== tc.unit) return;
    named ||= c.baseNamed;
    terms.push({ sign: c.direction === tc.direction ? 1 : -1, cell: ctx.cellOf(c) });
  }
  relate(ctx, { rule: 'narrative', kind: 'sum', title: title(ctx, 'changeSum'), target: ctx.cellOf(tc), terms });
}

/** The kind of base a change's words name: a budget (`比预算数`), last year (`比上年`, `同比`), else undefined. */
function baseWord(c: Claim): 'budget' | 'last' | undefined {
  return /预算/.test(c.lead) ? 'budget' : /上年|去年|上一年|同比/.test(c.lead) ? 'last' : undefined;
}

/** The sum of amounts of one unit, exactly as printed (the finest of their decimals). */
function sumFigure(ctx: Ctx, parts: readonly Claim[]): Figure {
  const cells = parts.map((p) => ctx.cellOf(p).figure!);
  const d = Math.max(...cells.map((f) => f.decimals));
  const units = cells.reduce((a, f) => a + f.units * pow10(d - f.decimals), 0n);
  return { ...cells[0], units, decimals: d };
}

/**
 * An amount's change: the change claim right after it in its clause run (nothing but shares, rates and words between,
 * no `。`, `；`, `其中`), against a base the sentence names (`baseSaid`: or one said before, of the parts of its list).
 */
function changeAfter(ctx: Ctx, c: Claim, baseSaid = false): Claim | undefined {
  const { all, at } = ctx.claimOrder();
  const k = at.get(c);
  if (k === undefined) return undefined;
  for (let j = k + 1; j < all.length; j++) {
    const x = all[j];
    const between = ctx.slice({ start: c.span.end, end: x.span.start });
    if (!between || /[。；;]|其中/.test(between)) return undefined;
    if (x.kind === 'change') return x.bound || x.approx || x.inReason || !(x.baseNamed || baseSaid) || x.direction === undefined ? undefined : x;
    if (x.kind !== 'share' && x.kind !== 'rate') return undefined;
  }
  return undefined;
}

/**
 * Whether a claim can be a part of a total: of its kind, unit and role (as the document's kind reads it), exact. A part
 * that names no role of its own takes its total's (`“三公经费”财政拨款预算 79.69 亿元中，因公出国(境)费 21.36 亿元，…` in a
 * 决算: the parts of a 预算 are its own).
 */
function partOfTotal(ctx: Ctx, total: Claim, x: Claim): boolean {
  if (x.kind !== total.kind || x.unit !== total.unit || x.bound || x.approx) return false;
  return yearRole(ctx, x) === yearRole(ctx, total) || (x.role === 'current' && x.roleYear === undefined && total.role !== 'base');
}

/**
 * The total a `其中` at `qi` (an offset in the line) breaks down: the last amount of this year (or count) before it —
 * none when another year's amount stands right before it in its sentence: that one is broken down, in another year's
 * items (`2021年的三公经费决算数合计为807.95万,其中:因公出国(境)费0万元、…` after 2022's list, 鄂城区).
 */
function qizhongTotal(ctx: Ctx, st: Statement, qi: number): Claim | undefined {
  const at = st.span.start + qi;
  const ix = indexOf(st);
  const upTo = lastBefore(st.claims.length, (j) => st.claims[j].span.start, at) + 1;
  const l = ix.lastAmount[upTo];
  const last = l >= 0 ? st.claims[l] : undefined;
  // Another year's total just stated (`2021年的…合计为807.95万,其中:…`, 鄂城) owns its list; a base this year's amount is
  // compared with (`…1000万元，较2021年的807.95万元有所增加，其中：…`, review21) does not.
  const lastAt = last ? last.span.start - st.span.start : 0;
  if (last?.role === 'base' && !/[。；;！？!?]/.test(st.text.slice(last.span.end - st.span.start, qi))
    && !/较|比(?![重例])/.test(st.text.slice(Math.max(0, lastAt - 8), lastAt))) return undefined;
  const t = ix.lastTotal[upTo];
  return t >= 0 ? st.claims[t] : undefined;
}

/** How many claims after a `其中` the items of a list of measures are looked for in (`measureLists`). */
const MEASURE_CLAIMS = 120;

/** Differences said unsigned (`差值为0.9万元`, `差额`): items' differences of both signs do not add up to the total's. */
const UNSIGNED_DIFFERENCE = /差值|差额/;

/**
 * A `其中` whose items each say again the measures stated before it (`…采购计划金额共计97156.16万元,实际采购金额共计81298.42
 * 万元,共节约资金15857.74万元,节约率为16%,其中货物类采购项目231个,采购计划金额共计48962.44万元,实际采购金额共计39944.66万元,
 * 共节约资金9017.78万元,…;工程类…。服务类…`, 大埔 2019 政府采购; `完成政府采购24617.99万元,…,节约资金821.5万元。其中,完成
 * 货物采购5144.04万元,节约资金536.8万元;…`, 醴陵 2020): not parts of the one amount before it, but one list per measure —
 * each measure stated before it in its sentence is the sum of the items' amounts of the same name to the line's end,
 * or to the sentence of the next `其中` (the items may run past a full stop, 大埔's 服务类). Read when the first items
 * name two of the measures, or two name the total's own (`parts`: the list's parts to its usual end). A measure said unsigned (`差值`) is not summed (hlx 2018:
 * 0.95 under and 0.05 over budget make 0.9). True when the list is such (nothing else is read of it).
 */
function measureLists(ctx: Ctx, st: Statement, qi: number, total: Claim, parts: readonly Claim[]): boolean {
  const key = (c: Claim) => (c.inherited || !c.subject ? '' : labelKey(c.subject));
  const claims = st.claims;
  // (The total's sentence walked back from it, the items from the `其中` on up to `MEASURE_CLAIMS` claims: a line of
  // many such lists stays linear, invariant 10.)
  const t = lastBefore(claims.length, (k) => claims[k].span.start, total.span.start + 1);
  const measures = new Map<string, Claim>();
  for (let j = t; j >= 0 && claims[j].sentence === total.sentence; j--) {
    const c = claims[j];
    if (c.kind === total.kind && c.unit === total.unit && key(c) !== '' && !measures.has(key(c))) measures.set(key(c), c);
  }
  const restated = new Set(parts.map(key).filter((k) => measures.has(k)));
  const own = parts.filter((p) => key(p) !== '' && key(p) === key(total)).length;
  if (restated.size < 2 && own < 2) return false;
  // The items end with the line, or where the sentence of the next `其中` starts (the next list's total is stated there).
  const next = st.text.indexOf('其中', qi + 2);
  const sentenceOfNext = next >= 0 ? startAfter(st.text, FULL_STOPS, next) : -1;
  const end = next < 0 ? st.text.length : sentenceOfNext > qi ? sentenceOfNext : next;
  const groups = new Map<string, Claim[]>();
  // Items naming their kind in a measure's words (`kindOf`), by the measure, and the kinds they name.
  const byKind = new Map<string, Claim[]>();
  const kinds = new Map<string, Set<string>>();
  const from = lastBefore(claims.length, (k) => claims[k].span.start, st.span.start + qi + 1) + 1;
  for (let j = from; j < claims.length && j < from + MEASURE_CLAIMS && claims[j].span.start < st.span.start + end; j++) {
    const c = claims[j];
    const m = measures.get(key(c));
    if (m && partOfTotal(ctx, m, c)) pushTo(groups, key(c), c);
    else if (!m && key(c) !== '' && c.kind === total.kind && c.unit === total.unit) {
      const kind = kindOf(measures, key(c));
      if (kind && partOfTotal(ctx, measures.get(kind[0])!, c)) {
        pushTo(byKind, kind[0], c);
        const said = kinds.get(kind[0]) ?? new Set<string>();
        kinds.set(kind[0], said.add(kind[1]));
      }
    }
  }
  for (const [k, group] of groups) {
    const m = measures.get(k)!;
    if (group.length >= 2 && !m.bound && !m.approx && !UNSIGNED_DIFFERENCE.test(k)) sumRelation(ctx, m, group);
  }
  // (Each item of its own kind: `完成货物采购`, `完成工程采购`, `完成服务采购`; none where the measure's own name is listed.)
  for (const [k, group] of byKind) {
    const m = measures.get(k)!;
    if (group.length >= 2 && kinds.get(k)!.size === group.length && !groups.has(k) && !m.bound && !m.approx && !UNSIGNED_DIFFERENCE.test(k)) sumRelation(ctx, m, group);
  }
  return true;
}

/**
 * The measure an item of a measures' `其中` names by its kind in the measure's own words (`完成政府采购24617.99万元,…。其中,
 * 完成货物采购5144.04万元,…;完成工程采购9515.11万元,…;完成服务采购9958.84万元,…`, 醴陵 2020): the two keys alike at both
 * ends (3 characters or more in all, one at least at each end) and different inside (the kind, at most 4 characters each).
 * The measure's key and the item's kind; undefined when no measure, or more than one, is named so.
 */
function kindOf(measures: ReadonlyMap<string, Claim>, k: string): [string, string] | undefined {
  let found: [string, string] | undefined;
  for (const m of measures.keys()) {
    let p = 0;
    while (p < k.length && p < m.length && k[p] === m[p]) p++;
    let e = 0;
    while (e < k.length - p && e < m.length - p && k[k.length - 1 - e] === m[m.length - 1 - e]) e++;
    const inItem = k.length - p - e;
    const inMeasure = m.length - p - e;
    if (p < 1 || e < 1 || p + e < 3 || inItem < 1 || inMeasure < 1 || inItem > 4 || inMeasure > 4) continue;
    if (found) return undefined;
    found = [m, k.slice(p, k.length - e)];
  }
  return found;
}

/**
 * The parts of the `其中` at `qi` to `end` (offsets in the line): its total's kind, unit and role, neither bounds nor
 * approximations, not in brackets, not inside the ranges `out` (the lists of `其中`s inside it).
 */
function qizhongParts(ctx: Ctx, st: Statement, qi: number, total: Claim, end: number, out: readonly [number, number][]) {
  const text = st.text;
  const base = st.span.start;
  const inBrackets = (c: Claim) => bracketDepth(text, qi, c.span.start - base).net > 0;
  const candidate = (x: Claim) => partOfTotal(ctx, total, x) && !inBrackets(x);
  // (One walk over the claims from the `其中` to `end` — found by their place, not by filtering the line —, the brackets'
  // depth and the lists inside carried along: a line of hundreds of lists stays linear, invariant 10.)
  const ranges = [...out].sort((a, b) => a[0] - b[0]);
  let r = 0;
  let coveredTo = -Infinity;
  let depth = 0;
  let pos = qi;
  const all: Claim[] = [];
  const claims = st.claims;
  for (let j = lastBefore(claims.length, (k) => claims[k].span.start, base + qi + 1) + 1; j < claims.length && claims[j].span.start < base + end; j++) {
    const x = claims[j];
    const at = x.span.start - base;
    for (; pos < at && pos < text.length; pos++) {
      const ch = text[pos];
      if (ch === '（' || ch === '(') depth++;
      else if (ch === '）' || ch === ')') depth--;
    }
    // Inside a list `out` holds: one opened at or before it that ends after it.
    for (; r < ranges.length && ranges[r][0] <= at; r++) coveredTo = Math.max(coveredTo, ranges[r][1]);
    if (partOfTotal(ctx, total, x) && depth <= 0 && coveredTo <= at) all.push(x);
  }
  // A total after some parts (`其中人员经费 a、公用经费 b，合计 c；项目支出 d`) stands for them.
  const parts: Claim[] = [];
  for (const x of all) {
    if (isTrailingTotal(x)) while (parts.length && parts[parts.length - 1].sentence === x.sentence && !isTrailingTotal(parts[parts.length - 1])) parts.pop();
    parts.push(x);
  }
  return { parts, candidate, inBrackets };
}

/**
 * Where the list of a `其中` at `n` inside the list of the `其中` at `qi` (to `end`) ends: after as many `；` segments
 * from it as make its parts add up to its total, and the outer list's what is left of theirs
 * (`“三公”经费 62.07 万元。其中：因公出国（境）费 12.02 万元；公务用车购置及运行维护费 27.46 万元；其中：公务用车购置支出 0
 * 万元；公务用车运行维护费支出 27.46 万元；公务接待费 22.59 万元。` — the text alone does not say whether 公务接待费 is
 * a part of 公务用车… or of the “三公”经费: the arithmetic does). Else as many as make its own add up, else as make the
 * outer's, else its first segment. So too for a part's own list (`INTRODUCER`). `lists` holds the ranges of every list
 * inside, this one's among them.
 */
/**
 * How many lists inside one `nestedEnd` looks for the end of by the arithmetic, and how many `；` segments of each it
 * tries (invariant 10: each try sums both lists — a line of hundreds of `其中` lists, each inside the first's list, took
 * minutes). Real lists hold one or two lists inside, of a few segments; the ones past these end at their first `；`.
 */
const NESTED_SEARCHED = 8;
const NESTED_STOPS = 24;

function nestedEnd(ctx: Ctx, st: Statement, qi: number, end: number, n: number, lists: [number, number][]): number {
  const text = st.text;
  // A list in brackets ends with them (`包括财政拨款收入4352.47万元(其中,一般公共预算4352.47万元,…),占收入合计100%;上级补助
  // 收入0万元,…`, 杭州钱塘): what follows the bracket is the outer list's.
  const open = openBracketBefore(text, qi, n);
  const close = open >= 0 ? closingBracket(text, open) : -1;
  if (close >= 0 && close < end) return close;
  const outer = qizhongTotal(ctx, st, qi);
  const inner = qizhongTotal(ctx, st, n);
  // (Its first `NESTED_STOPS` segments and the outer list's end: each asks the sums of both lists.)
  const stops: number[] = [];
  for (let k = n; k < end && stops.length < NESTED_STOPS; k++) if (text[k] === '；' || text[k] === ';') stops.push(k);
  stops.push(end);
  const first = stops[0];
  if (!outer || !inner || inner === outer || stops.length < 2) return first;
  const holds = (total: Claim, parts: Claim[]) => parts.length >= 2 && !total.bound && !total.approx && total.kind === 'amount' &&
    sumHolds(ctx.cellOf(total), parts.map((p) => ({ sign: 1, cell: ctx.cellOf(p) })));
  const others = lists.filter(([a]) => a !== n);
  const verdicts = stops.map((stop) => {
    return {
      stop,
      inner: holds(inner, qizhongParts(ctx, st, n, inner, stop, []).parts),
      outer: holds(outer, qizhongParts(ctx, st, qi, outer, end, [...others, [n, stop]]).parts),
    };
  });
  return (verdicts.find((v) => v.inner && v.outer) ?? verdicts.find((v) => v.inner) ?? verdicts.find((v) => v.outer))?.stop ?? first;
}

/**
 * Where a line's lists of parts open (offsets in it): each `其中`, and each `包括` right after an amount (`基本支出 150.7 万元，
 * 包括人员经费 120.5 万元、公用经费 30.2 万元`) — not `主要包括` (some of them) nor one after a part (a part's own list,
 * `INTRODUCER`, inside a `其中`'s).
 */
/** How far before `中，` the name of a total stated in the sentence before may start (`“三公”经费中，`). */
const NAMED_TOTAL_MAX = 16;

function listMarkers(st: Statement): number[] {
  const text = st.text;
  const out: number[] = [];
  for (let qi = text.indexOf('其中'); qi >= 0; qi = text.indexOf('其中', qi + 2)) out.push(qi);
  for (let qi = text.indexOf('包括'); qi >= 0; qi = text.indexOf('包括', qi + 2)) {
    if (text.slice(Math.max(0, qi - 2), qi) === '主要' || text.slice(Math.max(0, qi - 2), qi) === '其中') continue;
    // Right after an amount's clause: `X 万元，包括…` (nothing but a comma, colon or `；` between: `本年收入合计4352.47万元;
    // 包括财政拨款收入4352.47万元(…),占收入合计100%;上级补助收入0万元,…`, 杭州钱塘 — its parts then run to the full stop).
    const last = st.claims[lastBefore(st.claims.length, (j) => st.claims[j].span.end - st.span.start, qi + 1)];
    if (last?.kind === 'amount' && /^[ \t\u3000]*[，,：:；;][ \t\u3000]*$/.test(text.slice(last.span.end - st.span.start, qi))) out.push(qi);
  }
  // `X 万元中，A a，B b`: the amount right before `中` is the total (`“三公经费”财政拨款预算 79.69 亿元中，因公出国(境)费
  // 21.36 亿元，…`).
  for (const c of st.claims) {
    const after = c.span.end - st.span.start;
    if (c.kind === 'amount' && text[after] === '中' && /[，,：:]/.test(text[after + 1] ?? '')) out.push(after);
  }
  // `“三公”经费中，A a 亿元，…` opening a sentence after the one that states the total of that name (中央 2015: `…“三公”
  // 经费支出合计53.73亿元,比预算数减少9.43亿元。“三公”经费中,因公出国(境)经费17.44亿元,…`).
  // The name is short: the sentence end is looked for a few characters back only, so that a line of many `中，` stays
  // linear. The total is this year's (`…合计53.73亿元，预算数为63.16亿元。“三公”经费中，…` sums to 53.73, not to the budget
  // after it: with the budget last, the list is not read).
  // (The last amount before each sentence is carried forward: the sentences' starts only grow.)
  let k = 0;
  let total: Claim | undefined;
  for (let n = text.indexOf('中'); n > 0; n = text.indexOf('中', n + 1)) {
    if (!/[，,：:]/.test(text[n + 1] ?? '')) continue;
    const from = Math.max(0, n - NAMED_TOTAL_MAX);
    const window = text.slice(from, n);
    const end = Math.max(...[...'。！？!?'].map((ch) => window.lastIndexOf(ch)));
    if (end < 0) continue;
    const start = from + end + 1;
    const named = labelKey(text.slice(start, n).trim());
    if (named.length < 2 || /\d/.test(named)) continue;
    for (; k < st.claims.length && st.claims[k].span.end - st.span.start <= start; k++) if (st.claims[k].kind === 'amount') total = st.claims[k];
    if (total && (total.role === 'current' || total.role === 'final') && total.subject && labelKey(total.subject).includes(named)) out.push(n);
  }
  // `分项情况是：`, `具体如下：` after a total (`LIST_OPENER`).
  LIST_OPENER.lastIndex = 0;
  for (let m = LIST_OPENER.exec(text); m; m = LIST_OPENER.exec(text)) out.push(m.index);
  return out.sort((a, b) => a - b);
}

/**
 * A total after its parts (`人员经费 120.5 万元、公用经费 30.2 万元，合计 150.7 万元`): an amount whose words are only
 * `合计`, `共计` or `总计` (`为`), and the amounts of its kind, unit and role before it in its sentence — after a `其中` there
 * if one stands before them, none in brackets —, two or more, none larger than it.
 */
function trailingTotal(ctx: Ctx, st: Statement): void {
  const ix = indexOf(st);
  for (let k = 0; k < st.claims.length; k++) {
    const total = st.claims[k];
    if (!isThisYear(total) || total.bound || total.approx || !isTrailingTotal(total)) continue;
    const startOf = st.sentences[total.sentence].start;
    const rel = total.span.start - st.span.start;
    const q = ix.qizhongBefore(rel);
    const from = st.span.start + Math.max(startOf, q >= 0 ? q : 0);
    // The claims from there to it (found by place).
    const parts: Claim[] = [];
    for (let j = lastBefore(k, (x) => st.claims[x].span.start, from) + 1; j < k; j++) {
      const x = st.claims[j];
      if (partOfTotal(ctx, total, x) && !ix.bracketed(j, rel)) parts.push(x);
    }
    if (parts.length < 2 || parts.some((x) => exceeds(x.figure, total.figure))) continue;
    sumRelation(ctx, total, parts);
  }
}

/**
 * A total broken down in brackets right after it, without `其中` (`公务用车购置及运行维护费 15 万元（公务用车购置费 5 万元，
 * 公务用车运行维护费 10 万元）`, as the seeds print their 三公 items): two or more amounts of its kind, unit and role in
 * the brackets (not in brackets inside them), none larger than it, are its parts — unless the brackets say they list
 * only some (`主要`, `等`) or hold a `其中` of their own (read as any `其中`).
 */
function bracketParts(ctx: Ctx, st: Statement): void {
  const text = st.text;
  for (const total of st.claims) {
    if (!isThisYear(total) || total.bound || total.approx) continue;
    let open = total.span.end - st.span.start;
    while (open < text.length && isBlank(text.charCodeAt(open))) open++;
    if (text[open] !== '（' && text[open] !== '(') continue;
    const close = closingBracket(text, open);
    if (close < 0 || /其中|主要|等/.test(text.slice(open + 1, close))) continue;
    const at = (c: Claim) => c.span.start - st.span.start;
    // The claims in the brackets (found by place, not by a look at every claim of the line).
    const parts: Claim[] = [];
    for (let k = lastBefore(st.claims.length, (j) => at(st.claims[j]), open + 1) + 1; k < st.claims.length && at(st.claims[k]) < close; k++) {
      const x = st.claims[k];
      if (partOfTotal(ctx, total, x) && bracketDepth(text, open + 1, at(x)).net === 0) parts.push(x);
    }
    if (parts.length < 2 || parts.some((x) => exceeds(x.figure, total.figure))) continue;
    sumRelation(ctx, total, parts);
  }
}

/**
 * The parts of a `其中` written one to a `；` segment after its total in one clause (`“三公”经费支出 12 万元，其中：因公出国
 * （境）经费 0 万元；公务用车购置及运行维护费 12 万元；公务接待费 0 万元。`): `first`, the one part of its own segment (which
 * ends at `end`), and one part in each segment after it to the sentence's end. Undefined — the `；` ends the `其中`, as
 * in `基本支出 X 万元，其中人员经费 a、公用经费 b；项目支出 Y 万元` — when a segment after it holds no part or more than
 * one (amounts in brackets detail a part), opens a `其中` of its own, holds an amount larger than the total (no part
 * is), or names what reads as the total's sibling rather than its part: a subject ending as the total's (`…支出`)
 * when the first part's does not (`基本支出 X 万元，其中：人员经费 a；项目支出 Y 万元`).
 */
function semicolonList(ctx: Ctx, text: string, st: Statement, total: Claim, first: Claim, end: number, candidate: (c: Claim) => boolean, inBrackets: (c: Claim) => boolean): Claim[] | undefined {
  if (!/^[；;]/.test(text.slice(end, end + 1))) return undefined;
  const rest = text.slice(end + 1, stopAt(text, '。！？', end));
  if (rest.includes('其中')) return undefined;
  const head = (c: Claim) => c.subject.slice(-2);
  const sibling = (c: Claim) => !!c.subject && head(c) === head(total) && head(first) !== head(total);
  const out = [first];
  let from = end + 1;
  let siblings = false;
  for (const segment of rest.split(/[；;]/)) {
    const to = from + segment.length;
    const inside = st.claims.filter((x) => x.span.start >= st.span.start + from && x.span.start < st.span.start + to);
    const found = inside.filter(candidate);
    if (found.length !== 1 || inside.some((x) => x.kind === 'amount' && x !== found[0] && !x.bound && x.role === found[0].role && !inBrackets(x))) return undefined;
    const c = found[0];
    if (total.kind === 'amount' && exceeds(c.figure, total.figure)) return undefined;
    siblings ||= sibling(c);
    out.push(c);
    from = to + 1;
  }
  // A part named like its total (`公务用车购置及运行费 1618 万元，其中：公务用车购置费 414 万元；公务用车运行费 1204 万元`)
  // is one when the parts add up to it: the arithmetic, not the words, says which.
  if (siblings && !(total.kind === 'amount' && addsUp(ctx, total, out))) return undefined;
  return out;
}

/** Whether amounts add up to a total within the rounding of their prints (rounding.md: a computed relation). */
function addsUp(ctx: Ctx, total: Claim, parts: Claim[]): boolean {
  return sumHolds(ctx.cellOf(total), parts.map((p) => ({ sign: 1, cell: ctx.cellOf(p) })));
}

/** Whether a total and its terms can be one amount: the verdict of the sum relation they make (checks/evaluate.ts). */
function sumHolds(target: Cell, terms: Term[]): boolean {
  return holdsAsPrinted({ rule: 'narrative', kind: 'sum', title: '', target, terms }) === true;
}

/** Whether `a` is larger than `b` beyond what their prints' rounding allows. */
function exceeds(a: Figure, b: Figure): boolean {
  const scale = Math.max(a.decimals, b.decimals) + 1;
  return intervalOf(a, scale).lo > intervalOf(b, scale).hi;
}

/**
 * Whether a list of 类/款/项 items (`1. 一般公共服务支出（类）…（款）…（项）。…支出决算为 X 万元`) names only some of its
 * total's parts, and says so consistently: its items name rows of one table, level and column, the table prints other
 * rows of that level, not zero, within the items' 类 or 款 (or the whole table when they span several 类), and the
 * total is what the table's rows of that level there add up to. Such a list is not a sum of its items (each item is
 * checked against its row on its own); a total the table does not support still is.
 */
function partialList(ctx: Ctx, total: Claim, amounts: Claim[]): boolean {
  if (!amounts.every((a) => a.path && a.path.length > 1)) return false;
  let part: Part | undefined;
  let column = -1;
  let shift = 0;
  let length = -1;
  let prefix: string | undefined;
  const named = new Set<number>();
  for (const a of amounts) {
    const qs = ctx.index.resolve(a);
    const q = part ? qs.find((x) => x.cell.row.part === part && x.cell.column?.index === column) : qs[0];
    const code = q?.cell.row.code;
    if (!q || !code || !q.cell.column || (length >= 0 && code.length !== length)) return false;
    part ??= q.cell.row.part;
    column = q.cell.column.index;
    shift = q.shift;
    length = code.length;
    named.add(q.cell.row.index);
    let k = 0;
    while (prefix !== undefined && k < prefix.length && prefix[k] === code[k]) k++;
    prefix = prefix === undefined ? code : prefix.slice(0, k);
  }
  if (!part || prefix === undefined) return false;
  // The scope: the 款 or 类 the items share (a prefix of 5 or 3 digits shorter than their codes), else the table.
  const scope = prefix.slice(0, [5, 3, 0].find((n) => n <= prefix!.length && n < length) ?? 0);
  let left = false;
  const terms: Term[] = [];
  // Rows read by their heads (no view is made but a figure cell's).
  eachRowHead(part, (h) => {
    const code = h.code;
    if (code?.length !== length || !code.startsWith(scope) || h.kindAt(column) !== 'figure') return;
    const term: Term = shift ? { sign: 1, cell: h.cell(column)!, shift } : { sign: 1, cell: h.cell(column)! };
    const f = termValue(term);
    if (!f) return;
    terms.push(term);
    if (!named.has(h.index) && f.units !== 0n) left = true;
  });
  // The total within the rounding of the rows' figures and its own.
  return left && sumHolds(ctx.cellOf(total), terms);
}

/**
 * An amount is at least the one part named after its `其中` (`公务接待费支出决算为 400 万元。其中：国内公务接待支出 401
 * 万元`): one part may be all of it, never more (beyond what rounding allows).
 */
function partOver(ctx: Ctx, total: Claim, part: Claim): void {
  const t = ctx.cellOf(total).figure!;
  const p = ctx.cellOf(part).figure!;
  if (!exceeds(p, t)) return;
  const d = Math.max(t.decimals, p.decimals);
  const over = formatUnits(roundUnits(p.units, p.decimals, d) - roundUnits(t.units, t.decimals, d), d, p.text.includes(',') || t.text.includes(','));
  ctx.out.findings.push({
    rule: 'narrative', severity: 'error', span: total.numberSpan,
    related: [{ span: part.span, message: ctx.m.termRelated(ctx.cm.claim(part.subject), `${part.figure.text} ${part.unit}`) }],
    message: ctx.cm.partOver(`${part.figure.text} ${part.unit}`, `${total.figure.text} ${total.unit}`, `${over} ${total.unit}`, title(ctx, 'sum')),
  });
}

/**
 * A count of things (车辆, 人员) is at least the sum of the parts listed after its `其中`: a list may be partial — but
 * one that ends with `其他…` (the national template's 车辆 list: 一般公务用车、一般执法执勤用车、特种专业技术用车、其他用车)
 * names every kind, and its parts add up to the count.
 */
function countCheck(ctx: Ctx, total: Claim, parts: Claim[]): void {
  if (parts.some((p) => p.figure.decimals || p.unit !== total.unit) || total.figure.decimals) return;
  const sum = parts.reduce((s, p) => s + p.figure.units, 0n);
  const whole = parts.length > 1 && parts[parts.length - 1].subject.startsWith('其他');
  if (sum === total.figure.units || (sum < total.figure.units && !whole)) return;
  ctx.out.findings.push({
    rule: 'narrative', severity: 'error', span: total.numberSpan,
    related: parts.map((p) => ({ span: p.span, message: ctx.m.termRelated(ctx.cm.claim(p.subject), `${p.figure.text} ${p.unit}`) })),
    message: sum > total.figure.units
      ? ctx.cm.countOver(`${total.figure.text} ${total.unit}`, `${sum} ${total.unit}`, title(ctx, 'count'))
      : ctx.cm.countUnder(`${total.figure.text} ${total.unit}`, `${sum} ${total.unit}`, parts[parts.length - 1].subject, title(ctx, 'countAll')),
  });
}
