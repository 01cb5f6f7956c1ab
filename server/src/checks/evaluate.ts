/** Decides whether a relation between printed figures holds, with the rounding semantics of rounding.md. */
import { formatExact, formatUnits, intervalOf, meets, pow10, roundUnits, samePrint, scaleTo, ZERO, type Decimal, type Figure } from '../numbers/decimal';
import type { Cell, Part } from '../model/document';
import { CellFlag, Kind, StoredPart } from '../model/rows';
import { isPointsColumn } from '../model/build';
import type { Messages } from '../i18n/messages';
import type { Relation, Term } from '../rules/relation';
import { withRelation, type Finding } from './finding';
import type { Span } from '../syntax/ast';
import { maxOf } from '../util/arrays';
import { headOf } from '../util/text';

/**
 * The figure a cell stands for in a relation: blanks and dashes are exact zeros; text has none. A figure's precision
 * is the finest printed in its column: printers drop trailing zeros, so `17.5` among `10.49` and `28.00` is 17.50
 * (known to ±0.005, not ±0.05), and `3` beside `0.6716` is 3.0000. In a score or weight column (`得分`, `分值`) whose
 * figures are all whole, each is a whole number of points, exact (72 indicators' scores of 1 and 2 are not ±36 points).
 */
export function valueOf(cell: Cell): Figure | undefined {
  if (cell.kind === 'figure') {
    const f = cell.figure!;
    // A figure printed with a unit other than its table's (`150万` in 元) is known to its own last digit, whatever its
    // column prints (`Figure.shift`).
    if (!cell.column || f.shift) return f;
    const precision = columnPrecision(cell.row.part);
    const i = cell.column.index;
    const d = precision.get(f.percent ? `${i}%` : `${i}`) ?? 0;
    // (`p`: the part has a column of points at all — most parts have none, and their whole figures, 元, ask no more.)
    if (d === 0 && !f.exact && !f.percent && precision.has('p') && precision.has(`${i}p`)) return { ...f, exact: true };
    return d > f.decimals ? { ...f, units: f.units * pow10(d - f.decimals), decimals: d } : f;
  }
  if (cell.kind === 'empty' || cell.kind === 'dash') return ZERO;
  return undefined;
}

const finest = new WeakMap<Part, Map<string, number>>();

/**
 * The most decimals printed in each column of a part (percentages and amounts apart, keys `3` and `3%`; a score
 * column's key `3p` marks it, and `p` a part that has one; a figure printed with a unit other than its table's is not
 * counted: `CellFlag.Unit`), computed once per part; a stored part's from its arrays (no views made).
 */
export function columnPrecision(part: Part): ReadonlyMap<string, number> {
  let m = finest.get(part);
  if (m) return m;
  const out = new Map<string, number>();
  const note = (column: number, percent: boolean, decimals: number) => {
    const key = percent ? `${column}%` : `${column}`;
    if ((out.get(key) ?? -1) < decimals) out.set(key, decimals);
  };
  if (part instanceof StoredPart) {
    const s = part.store;
    const columns = part.columns.length;
    for (let r = 0; r < s.count; r++) {
      const first = s.firstCell(r);
      const end = Math.min(s.endCell(r), first + columns);
      for (let c = first; c < end; c++) {
        if (s.kind(c) === Kind.Figure && (s.flags(c) & (CellFlag.FigureRole | CellFlag.Unit)) === CellFlag.FigureRole) note(c - first, (s.flags(c) & CellFlag.Percent) !== 0, s.decimals(c));
      }
    }
  } else {
    for (const r of part.rows) for (const c of r.cells) if (c.kind === 'figure' && c.column && c.figure && !c.figure.shift) note(c.column.index, c.figure.percent, c.figure.decimals);
  }
  // Score and weight columns (`${column}p`): their whole figures are exact points (`valueOf`).
  for (const c of part.columns) if (c.role === 'figure' && isPointsColumn(c.name)) out.set(`${c.index}p`, 1).set('p', 1);
  finest.set(part, (m = out));
  return m;
}

/** A part's rows were retyped in place: its column precision is computed again when next asked. */
export function forgetColumnPrecision(part: Part): void {
  finest.delete(part);
  styles.delete(part);
}

/** How the amounts (not the percentages) of a column, or of a whole part, are printed. */
export interface PrintStyle {
  /** The most decimals printed. */
  decimals: number;
  /** Whether any is printed with thousands separators. */
  grouping: boolean;
}

const styles = new WeakMap<Part, Map<number, PrintStyle | undefined>>();

/**
 * How the amounts of column `column` of a part are printed (`-1`: of every column), or undefined when it prints
 * none; computed once per part and column, a stored part's from its arrays (no views made).
 */
export function printStyle(part: Part, column: number): PrintStyle | undefined {
  let m = styles.get(part);
  if (!m) styles.set(part, (m = new Map()));
  if (m.has(column)) return m.get(column);
  let decimals = -1;
  let grouping = false;
  if (part instanceof StoredPart) {
    const s = part.store;
    for (let r = 0; r < s.count; r++) {
      const first = s.firstCell(r);
      const from = column < 0 ? first : first + column;
      const end = column < 0 ? s.endCell(r) : Math.min(s.endCell(r), from + 1);
      for (let c = from; c < end; c++) {
        if (s.kind(c) !== Kind.Figure || s.flags(c) & (CellFlag.Percent | CellFlag.Unit)) continue;
        decimals = Math.max(decimals, s.decimals(c));
        if (s.flags(c) & CellFlag.Grouping) grouping = true;
      }
    }
  } else {
    for (const r of part.rows) {
      for (const c of r.cells) {
        if (c.kind !== 'figure' || !c.figure || c.figure.percent || c.figure.shift || (column >= 0 && c.column?.index !== column)) continue;
        decimals = Math.max(decimals, c.figure.decimals);
        if (c.text.includes(',')) grouping = true;
      }
    }
  }
  const style = decimals < 0 ? undefined : { decimals, grouping };
  m.set(column, style);
  return style;
}

/**
 * The figure a term stands for in its relation's unit: its cell's figure times 10^shift. A power of ten only moves
 * the decimal point, so the shifted figure keeps its digits and its interval: `decimals − shift` decimals (negative
 * when a 万元 figure is read in 元: 1.23 万元 is 12,300 元 ± 50 元).
 */
export function termValue(t: Term): Figure | undefined {
  const f = valueOf(t.cell);
  if (!f || !t.shift) return f;
  return { ...f, decimals: f.decimals - t.shift };
}

export function cellName(cell: Cell, m: Messages, by: 'row' | 'column' | 'cell' | 'both'): string {
  const row = cell.row;
  const rowName = row.label || row.code || (row.lineNo !== undefined ? m.rowNumber(row.lineNo) : '')
    || headOf(row.cells.find((c) => c.kind === 'text' && c.text)?.text ?? '', 16) || m.rowOrdinal(row.index + 1);
  const colName = cell.column ? (cell.column.name || cell.column.path.join('/') || (cell.column.number !== undefined ? m.columnNumber(cell.column.number) : '')) : '';
  if (by === 'row') return row.lineNo !== undefined && row.label ? m.rowLabelNumber(rowName, row.lineNo) : rowName;
  if (by === 'column') return colName;
  const table = by === 'both' ? row.part.table.number ?? row.part.table.title ?? '' : '';
  return m.cell(table, rowName, colName);
}

function joinNames(names: string[], signs: (1 | -1)[]): string {
  const parts = names.map((n, i) => (i === 0 ? (signs[i] < 0 ? `- ${n}` : n) : `${signs[i] < 0 ? '-' : '+'} ${n}`));
  if (parts.length > 6) return [...parts.slice(0, 2), '…', ...parts.slice(-2)].join(' ');
  return parts.join(' ');
}

export interface Evaluation {
  holds: boolean;
  /** Printed figures agree exactly (no 尾差). */
  exact: boolean;
  /** The value the relation gives, exactly (a sum's or an equality's; a ratio's or a score's at its printed precision). */
  computed: string;
  /** The target as printed; '' for a blank, which prints nothing (a message tells it as `Messages.empty`: `实为 （空）`). */
  stated: string;
  difference: string;
  /**
   * The value a fix writes when it is not `computed`: a sum of figures read from another unit, at the precision of
   * those printed in the relation's own (`computed` 160.0123, the fix 160.01).
   */
  fix?: string;
}

/**
 * A percentage against a ratio of printed figures (rounding.md, case 3): `ratio` is p = a ÷ b;
 * `change` is p = c ÷ (v − s·c) where c is the change, v the current amount, s = +1 for an increase, −1 for a decrease.
 * Every figure is an interval; the relation holds when the ratio's interval meets the percentage's.
 */
function evaluateRatio(rel: Relation): Evaluation | undefined {
  const r = ratioArithmetic(rel);
  if (!r) return undefined;
  const diff = r.p.units - r.computed;
  return {
    holds: r.holds, exact: r.computed === r.p.units,
    computed: formatUnits(r.computed, r.p.decimals, false) + '%',
    stated: r.p.text.replace(/\s+/g, ''),
    difference: formatUnits(diff < 0n ? -diff : diff, r.p.decimals, false) + '%',
  };
}

/** A ratio's verdict, its printed percentage and the ratio of its printed figures in that percentage's last digit. */
function ratioArithmetic(rel: Relation): { holds: boolean; p: Figure; computed: bigint } | undefined {
  if (rel.kind === 'ratio' && rel.terms.length > 2) return partArithmetic(rel);
  const p = valueOf(rel.target);
  const a = termValue(rel.terms[0]);
  const b = rel.terms[1] && termValue(rel.terms[1]);
  if (!p || !a || !b || !p.percent || a.percent || b.percent) return undefined;
  const dec = Math.max(a.decimals, b.decimals, 0);
  const scale = dec + 1;
  const ia = intervalOf(a, scale);
  const ib = intervalOf(b, scale);
  const ip = intervalOf(p, p.decimals + 1); // in units of 10^-(k+1) percent
  const P = pow10(p.decimals + 1) * 100n; // p/100 = units / P
  // Bounds of the ratio as fractions (numerator, denominator) with positive denominators.
  let lo: [bigint, bigint];
  let hi: [bigint, bigint];
  if (rel.kind === 'ratio') {
    if (ia.lo < 0n || ib.lo <= 0n) return undefined;
    lo = [ia.lo, ib.hi];
    hi = [ia.hi, ib.lo];
  } else if (rel.kind === 'growth') {
    // s·(a − b) ÷ b, a this year's amount, b the base, s the direction said (terms[0]'s sign): the difference of two
    // intervals over an interval (a decrease larger than said, or an increase said of a decrease, reaches below 0).
    if (ib.lo <= 0n) return undefined;
    const up = rel.terms[0].sign > 0;
    const nLo = up ? ia.lo - ib.hi : ib.lo - ia.hi;
    const nHi = up ? ia.hi - ib.lo : ib.hi - ia.lo;
    lo = [nLo, nLo >= 0n ? ib.hi : ib.lo];
    hi = [nHi, nHi >= 0n ? ib.lo : ib.hi];
  } else {
    // The base (last year's figure) was printed too: it is v − s·c of the printed figures, known to ±½ unit like any
    // printed figure (rounding.md: 70.42 ÷ 377.66 printed as 18.64% reaches 18.6448%).
    const s = BigInt(rel.terms[1].sign);
    const base = scaleTo(b, scale) - s * scaleTo(a, scale);
    const half = 5n;
    if (ia.lo < 0n || base - half <= 0n) return undefined;
    lo = [ia.lo, base + half];
    hi = [ia.hi, base - half];
  }
  // lo ≤ p_hi and p_lo ≤ hi, with p = units / P.
  const holds = lo[0] * P <= ip.hi * lo[1] && ip.lo * hi[1] <= hi[0] * P;
  // The ratio of the printed figures, in units of the printed percentage's last digit.
  const an = scaleTo(a, dec);
  const bn = scaleTo(b, dec);
  const den = rel.kind === 'ratio' || rel.kind === 'growth' ? bn : bn - BigInt(rel.terms[1].sign) * an;
  if (den <= 0n) return undefined;
  const k = p.decimals;
  const num = (rel.kind === 'growth' ? BigInt(rel.terms[0].sign) * (an - bn) : an) * 100n * pow10(k);
  // Rounded half away from zero (a growth's may be negative).
  const computed = num < 0n ? -((-2n * num + den) / (2n * den)) : (2n * num + den) / (2n * den);
  return { holds, p, computed };
}

/**
 * A ratio whose whole is a sum (`ratio` with more than two terms): p = terms[0] ÷ Σ terms[1…] — a share of a whole the
 * text implies by its parts (`因公出国（境）费 106 万元，占 16.06%；公务用车… 156.6 万元，占 23.72%；公务接待费 397.5 万元，
 * 占 60.22%`: 106 ÷ (106 + 156.6 + 397.5)). When the part is one of the sum's terms (the same cell and shift), it is taken
 * once: a ÷ (a + r) grows with a and falls with r, so its bounds are a_lo ÷ (a_lo + r_hi) and a_hi ÷ (a_hi + r_lo) — the
 * part's rounding counted once, not in the numerator and the denominator apart.
 */
function partArithmetic(rel: Relation): { holds: boolean; p: Figure; computed: bigint } | undefined {
  const p = valueOf(rel.target);
  if (!p || !p.percent) return undefined;
  const values: Figure[] = [];
  for (const t of rel.terms) {
    const v = termValue(t);
    if (!v || v.percent) return undefined;
    values.push(v);
  }
  let dec = 0;
  for (const v of values) if (v.decimals > dec) dec = v.decimals;
  const scale = dec + 1;
  const a = rel.terms[0];
  const ia = intervalOf(values[0], scale);
  if (ia.lo < 0n) return undefined;
  // The part's own term in the sum, if it is one; the rest summed as intervals (a subtracted term swaps its bounds).
  const self = rel.terms.findIndex((t, i) => i > 0 && t.cell === a.cell && (t.shift ?? 0) === (a.shift ?? 0) && t.sign > 0);
  let rLo = 0n;
  let rHi = 0n;
  let den = 0n;
  for (let i = 1; i < rel.terms.length; i++) {
    den += BigInt(rel.terms[i].sign) * scaleTo(values[i], dec);
    if (i === self) continue;
    const iv = intervalOf(values[i], scale);
    if (rel.terms[i].sign > 0) { rLo += iv.lo; rHi += iv.hi; } else { rLo -= iv.hi; rHi -= iv.lo; }
  }
  const lo: [bigint, bigint] = self > 0 ? [ia.lo, ia.lo + rHi] : [ia.lo, rHi];
  const hi: [bigint, bigint] = self > 0 ? [ia.hi, ia.hi + rLo] : [ia.hi, rLo];
  if (lo[1] <= 0n || hi[1] <= 0n || den <= 0n) return undefined;
  const ip = intervalOf(p, p.decimals + 1);
  const P = pow10(p.decimals + 1) * 100n;
  const holds = lo[0] * P <= ip.hi * lo[1] && ip.lo * hi[1] <= hi[0] * P;
  const num = scaleTo(values[0], dec) * 100n * pow10(p.decimals);
  return { holds, p, computed: (2n * num + den) / (2n * den) };
}

/**
 * A ratio relation's numerator and denominator as its message writes them, from its figures as printed: `a ÷ b`, a
 * whole that is a sum `a ÷ (b + c + d)`, a change's `c ÷ (v − c)`, a growth's `(a − b) ÷ b` (terms in the order the
 * relation holds them).
 */
export function ratioTexts(rel: Relation, a: string, b: string, ...rest: string[]): [string, string] {
  // A whole that is a sum: `a ÷ (b + c + d)`.
  if (rel.kind === 'ratio' && rest.length) return [a, `(${[b, ...rest].map((x, i) => (i && rel.terms[i + 1]?.sign < 0 ? `- ${x}` : i ? `+ ${x}` : x)).join(' ')})`];
  if (rel.kind === 'ratio') return [a, b];
  if (rel.kind === 'growth') return [rel.terms[0].sign > 0 ? `(${a} - ${b})` : `(${b} - ${a})`, b];
  return [a, `(${b} ${rel.terms[1].sign > 0 ? '-' : '+'} ${a})`];
}

/** Whether a relation is judged as a ratio (a share, a change, a growth), not as a sum. */
function isRatio(rel: Relation): boolean {
  return rel.kind === 'ratio' || rel.kind === 'change' || rel.kind === 'growth';
}

/**
 * A score's figures as the relation reads them: its points and its rate as a fraction (a percentage's decimals two
 * more: 95.5% is 0.955), each known to its printed precision — a whole score here is a rounded product (20 × 95.5% =
 * 19.1 printed 19), not the exact points of a sum of scores (`valueOf`), and a rate printed 0 may be 0.3%. Undefined
 * when either cell holds no figure, the score is a percentage or the rate is negative.
 */
export function scoreFigures(rel: Relation): { score: Figure; rate: Figure; weight: Decimal } | undefined {
  const weight = rel.factor;
  const t = rel.terms[0];
  if (rel.kind !== 'score' || !weight || !t || rel.target.kind !== 'figure' || t.cell.kind !== 'figure') return undefined;
  const s = valueOf(rel.target);
  const r = termValue(t);
  if (!s || !r || s.percent || r.units < 0n || weight.units <= 0n) return undefined;
  return {
    score: { ...s, exact: false },
    rate: { ...r, decimals: r.decimals + (r.percent ? 2 : 0), percent: false, exact: false },
    weight,
  };
}

/**
 * A score's verdict (rounding.md, case 1 with a product): the weight × min(rate, 1) over the rate's interval meets the
 * score's; the product of the printed figures (the rate capped at 100 %), rounded to the score's last printed digit
 * (`computed`, in units of 10^−dec), and whether it is the score exactly.
 */
function scoreArithmetic(rel: Relation): { holds: boolean; exact: boolean; computed: bigint; stated: bigint; dec: number } | undefined {
  const f = scoreFigures(rel);
  if (!f) return undefined;
  const { score, rate, weight } = f;
  const k = rate.decimals + 1;
  const one = pow10(k);
  const cap = (x: bigint) => (x < one ? x : one);
  // The product's interval at wd + k decimals; the score's at a scale fine enough for both.
  const p = scoreInterval(f);
  const pScale = p.scale;
  const scale = Math.max(pScale, score.decimals + 1);
  const up = pow10(scale - pScale);
  const s = intervalOf(score, scale);
  const holds = p.lo * up <= s.hi && s.lo <= p.hi * up;
  // The product as printed, at the score's decimals (rounded half up: both are non-negative).
  const printedRate = cap(scaleTo(rate, k));
  const dec = score.decimals;
  const product = weight.units * printedRate;
  const computed = roundUnits(product, pScale, dec);
  const L = Math.max(dec, pScale);
  const exact = product * pow10(L - pScale) === score.units * pow10(L - dec);
  return { holds, exact, computed, stated: score.units, dec };
}

/**
 * The scores a rate's rounding interval allows: weight × min(rate, 100 %) at both ends of it, in units of 10^−scale
 * (scale: the weight's decimals and one more than the rate's, as a fraction).
 */
export function scoreInterval(f: { rate: Figure; weight: Decimal }): { lo: bigint; hi: bigint; scale: number } {
  const k = f.rate.decimals + 1;
  const one = pow10(k);
  const r = intervalOf(f.rate, k);
  const cap = (x: bigint) => (x < one ? x : one);
  return { lo: f.weight.units * cap(r.lo), hi: f.weight.units * cap(r.hi), scale: f.weight.decimals + k };
}

/** The arithmetic of a relation; undefined when a cell holds no figure or every cell is blank. */
export function evaluate(rel: Relation): Evaluation | undefined {
  if (isRatio(rel)) return evaluateRatio(rel);
  if (rel.kind === 'score') {
    const a = scoreArithmetic(rel);
    if (!a) return undefined;
    // The score the printed figures give at the printed score's precision (20 × 95.64% = 19.128, printed 19.1 beside
    // a score of 20.0), as a ratio's percentage is said at the printed one's: the message, the hover and the fix
    // (error localisation's value) say the same figure, and the difference is the printed score's against it.
    const diff = a.stated - a.computed;
    return {
      holds: a.holds, exact: a.exact, computed: formatUnits(a.computed, a.dec, false), stated: rel.target.text.trim(),
      difference: formatUnits(diff < 0n ? -diff : diff, a.dec, false),
    };
  }
  const s = sumArithmetic(rel);
  if (!s) return undefined;
  const grouping = s.target.text.includes(',') || s.terms.some((t) => t.f.text.includes(','));
  const pct = s.target.percent ? '%' : '';
  const diff = s.stated - s.expected;
  // Every figure at its own precision: the target as printed (`0`, not the `0.00` of its column's precision; `17.5`),
  // the sum and the difference exactly — with figures read from another unit, every digit they have, no fewer than
  // those printed in the relation's own unit show (`shown`).
  const exactly = (u: bigint) => formatExact(u, s.dec, s.shown ?? s.dec, grouping) + pct;
  // (A `-` too, a zero printed: `实为 -`; a blank prints nothing — '' here, told blank by the message, never as the 0.00
  // of its column: 新洲 2023's blank 项目资金来源 合计.)
  const printed = rel.target.kind === 'figure' || rel.target.kind === 'dash' ? rel.target.text.replace(/\s+/g, '') : rel.target.kind === 'empty' ? '' : undefined;
  return {
    holds: s.holds, exact: s.exact,
    computed: exactly(s.expected),
    stated: printed ?? exactly(s.stated),
    difference: exactly(diff < 0n ? -diff : diff),
    ...(s.shown !== undefined && s.shown < s.dec ? { fix: formatUnits(roundUnits(s.expected, s.dec, s.shown), s.shown, grouping) + pct } : {}),
  };
}

/**
 * Whether a relation holds as printed: `evaluate`'s verdict without its text (error localisation asks it of every
 * relation its search takes); undefined when the relation is not judged.
 */
export function holdsAsPrinted(rel: Relation): boolean | undefined {
  return (isRatio(rel) ? ratioArithmetic(rel) : rel.kind === 'score' ? scoreArithmetic(rel) : sumArithmetic(rel))?.holds;
}

/**
 * A sum's or equality's verdict, and what its text is made of: the expected and stated values at `dec` decimals, and
 * its figures.
 */
function sumArithmetic(rel: Relation): { holds: boolean; exact: boolean; expected: bigint; stated: bigint; dec: number; shown?: number; target: Figure; terms: { sign: 1 | -1; f: Figure }[] } | undefined {
  const target = valueOf(rel.target);
  if (!target) return undefined;
  const terms: { sign: 1 | -1; f: Figure }[] = [];
  for (const t of rel.terms) {
    const f = termValue(t);
    if (!f) return undefined;
    terms.push({ sign: t.sign, f });
  }
  if (rel.target.kind !== 'figure' && rel.terms.every((t) => t.cell.kind !== 'figure')) return undefined;
  if (terms.some((t) => t.f.percent !== target.percent && !t.f.exact) && !target.exact) return undefined;
  const dec = Math.max(target.decimals, maxOf(terms.map((t) => t.f.decimals)));
  let printed = 0n;
  for (const t of terms) printed += BigInt(t.sign) * roundUnits(t.f.units, t.f.decimals, dec);
  const stated = roundUnits(target.units, target.decimals, dec);
  let holds: boolean;
  let exact: boolean;
  let expectedUnits = printed;
  if (rel.kind === 'same' && terms.length === 1) {
    holds = samePrint(target, terms[0].f);
    exact = holds;
    expectedUnits = printed;
  } else {
    const scale = dec + 1;
    let lo = 0n;
    let hi = 0n;
    for (const t of terms) {
      const iv = intervalOf(t.f, scale);
      if (t.sign > 0) { lo += iv.lo; hi += iv.hi; } else { lo -= iv.hi; hi -= iv.lo; }
    }
    holds = meets({ lo, hi }, intervalOf(target, scale));
    exact = printed === stated;
  }
  // Figures read from another unit (a 元 column in a 万元 relation: 110000.00 元 = 11.000000 万元) are said with no more
  // trailing zeros than those printed in the relation's own unit show (`应为 11.00`, not `11.000000`), every other digit
  // kept (`应为 11.0012`, not a rounded `11.00` — `evaluate`); a fix writes that precision.
  if (!rel.terms.some((t) => t.shift)) return { holds, exact, expected: expectedUnits, stated, dec, target, terms };
  const shown = Math.max(target.decimals, maxOf(terms.filter((_, i) => !rel.terms[i].shift).map((t) => t.f.decimals)));
  return { holds, exact, expected: expectedUnits, stated, dec, shown, target, terms };
}

/** True when the printed figures of a sum or equality agree exactly (the common case; nothing to report). */
function printedExactly(rel: Relation): boolean {
  if (rel.kind !== 'sum' && rel.kind !== 'same') return false;
  const t = valueOf(rel.target);
  if (!t) return true;
  let dec = t.decimals;
  for (const term of rel.terms) {
    const f = termValue(term);
    if (!f) return true; // not a figure: the relation is not judged
    if (f.percent !== t.percent) return false;
    if (f.decimals > dec) dec = f.decimals;
  }
  if (rel.kind === 'same' && rel.terms.length === 1) {
    const f = termValue(rel.terms[0])!;
    return f.decimals === t.decimals && f.units === t.units;
  }
  let sum = 0n;
  for (const term of rel.terms) {
    const f = termValue(term)!;
    const u = f.decimals === dec ? f.units : f.units * pow10(dec - f.decimals);
    sum += term.sign > 0 ? u : -u;
  }
  return sum === (t.decimals === dec ? t.units : t.units * pow10(dec - t.decimals));
}

/** The most terms a finding points at as related information (its message names them all, the middle ones as …). */
const RELATED = 8;

/**
 * A term of a failing relation, as related information: its place, and its name and figure, made into text when
 * first read (`message` is a getter of the class, so a walk over the finding's own properties does not make it).
 */
class TermNote {
  readonly #cell: Cell;
  readonly #by: 'row' | 'column' | 'cell' | 'both';
  readonly #m: Messages;
  #message?: string;

  /** `by`: how the finding's message names its cells (the related information names its term the same way). */
  constructor(readonly span: Span, cell: Cell, by: 'row' | 'column' | 'cell' | 'both', m: Messages) {
    this.#cell = cell;
    this.#by = by;
    this.#m = m;
  }

  get message(): string {
    return (this.#message ??= this.#m.termRelated(cellName(this.#cell, this.#m, this.#by), this.#cell.text || this.#m.empty));
  }

  toJSON(): { span: Span; message: string } {
    return { span: this.span, message: this.message };
  }
}

/** A copy of a span: a finding's spans are its own, never those of the model it points at (see ../analysis). */
export function own(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** A finding for a relation that fails (error) or holds only within rounding (information, 尾差). */
export function judge(rel: Relation, m: Messages): Finding | undefined {
  if (printedExactly(rel)) return undefined;
  const ev = evaluate(rel);
  if (!ev || (ev.holds && ev.exact)) return undefined;
  if ((isRatio(rel) || rel.kind === 'score') && ev.holds) return undefined;
  const cells = [rel.target, ...rel.terms.map((t) => t.cell)];
  const sameRow = cells.every((c) => c.row === rel.target.row);
  const sameColumn = cells.every((c) => c.column === rel.target.column);
  const sameTable = cells.every((c) => c.row.part.table === rel.target.row.part.table);
  const by = sameRow ? 'column' : sameColumn ? 'row' : sameTable ? 'cell' : 'both';
  const lhs = cellName(rel.target, m, by);
  const rhs = joinNames(rel.terms.map((t) => cellName(t.cell, m, by)), rel.terms.map((t) => t.sign));
  const colName = cellName(rel.target, m, 'column');
  const where = by === 'column' ? m.row(cellName(rel.target, m, 'row')) : by === 'row' && colName ? m.column(colName) : '';
  const ctx = m.context(where, rel.title);
  // At most RELATED terms, their text made when first read (a finding many terms long is mostly read as its message).
  const related: Finding['related'] = rel.terms.slice(0, RELATED).map((t) => new TermNote(own(t.cell.span), t.cell, by, m));
  if (rel.ruleSpan) related.push({ span: own(rel.ruleSpan), message: rel.title });
  if (!ev.holds && isRatio(rel)) {
    const [a, b, ...rest] = rel.terms.map((t) => t.cell.text || m.empty);
    const [num, den] = ratioTexts(rel, a, b, ...rest);
    return withRelation({
      rule: rel.rule, severity: 'error', span: own(rel.target.span), related,
      message: m.ratioMismatch(ev.stated, num, den, ev.computed, ev.difference, m.context('', rel.title)),
    }, rel);
  }
  if (rel.kind === 'score') {
    const f = scoreFigures(rel)!;
    const t = rel.terms[0].cell;
    const rate = t.figure!.percent || !rel.terms[0].shift ? t.text.trim() : `${t.text.trim()}%`;
    const capped = f.rate.units > pow10(f.rate.decimals);
    return withRelation({
      rule: rel.rule, severity: 'error', span: own(rel.target.span), related,
      message: m.scoreMismatch(ev.stated, formatUnits(f.weight.units, f.weight.decimals, false), capped ? m.scoreCapped(rate) : rate, ev.computed, ev.difference, m.context(where, rel.title)),
    }, rel);
  }
  if (!ev.holds) {
    const template = rel.kind === 'same' ? m.sameMismatch : m.sumMismatch;
    return withRelation({
      rule: rel.rule, severity: 'error', span: own(rel.target.span), related,
      message: template(lhs, rhs, ev.computed, ev.stated || m.empty, ev.difference, ctx),
      expected: ev.fix ?? ev.computed,
    }, rel);
  }
  return {
    rule: rel.rule, severity: 'information', span: own(rel.target.span), related, roundingTail: true,
    message: m.sumTail(lhs, rhs, ev.computed, ev.stated || m.empty, ev.difference, ctx),
  };
}
