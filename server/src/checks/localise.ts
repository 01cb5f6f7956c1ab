/**
 * Which figure is wrong: error localisation as statistics offices do it (Fellegi & Holt 1976; Statistics Netherlands'
 * `errorlocate` is the reference implementation). One wrong figure breaks every relation it takes part in; the
 * explanation is the set of figures whose change lets every relation hold — the failing ones and the ones that hold,
 * which a change must not break — of least total weight (errorlocate's objective), then fewest: a percentage is
 * likelier wrong than an amount, a figure typed again in the narrative or a form than a table's (the weights are the
 * caller's). When explanations still tie, all are named and each offers its fix.
 *
 * The search is exact over each connected group of failing relations, within budgets (figures, sets tried,
 * elimination size) that keep it from hanging on a pathological document: candidate sets are the hitting sets of the
 * failing relations (a set that misses one cannot mend it), grown by a figure of any relation they would break, up
 * to four figures; a set is feasible when the linear relations (sums, equalities, each fixed figure its rounding
 * interval, every changed figure non-negative) admit values for its figures — decided by Fourier–Motzkin elimination
 * in exact integers — and each ratio with one free amount bounds it. No solver dependency: the groups are small, and
 * exact integer elimination over one to four unknowns is a few dozen lines (a MIP solver such as HiGHS compiled to
 * WebAssembly would add megabytes to the server for no case these groups need). */
import type { Cell } from '../model/document';
import { formatUnits, intervalOf, pow10, roundUnits, type Figure } from '../numbers/decimal';
import type { Relation } from '../rules/relation';
import { evaluate, printStyle, termValue, valueOf, type PrintStyle } from './evaluate';
import type { Finding } from './finding';

export interface LocaliseOptions {
  /** How a figure is named in a message (a table cell by table, row and column; a narrative claim by its subject);
   * without its table's name when `near` is in the same table. */
  name(cell: Cell, near?: Cell): string;
  /** How reliable a figure is: lower is likelier to be the wrong one. */
  weight(cell: Cell): number;
  /** `；可能有误的是 X`, `；无法确定哪一个数有误：…`, the fix's title. */
  culprit(name: string): string;
  tie(names: string[]): string;
  fixTitle(name: string, value: string): string;
}

/** The most figures a wrong explanation may change; the most candidate sets tried per group. */
const MAX_SIZE = 4;
const MAX_TRIES = 1500;
const MAX_NODES = 40000;
const MAX_CELLS = 80;

/** c + Σ coef·x ≥ 0 over free cells (x at the group's scale, in each cell's own unit). */
interface Ineq { coef: Map<Cell, bigint>; c: bigint }

interface Linear {
  rel: Relation;
  /** Integer coefficients of target − Σ sign·10^shift·term = 0, scaled so every shift is an integer factor. */
  coef: Map<Cell, bigint>;
}

const cellLists = new WeakMap<Relation, readonly Cell[]>();

/** A relation's figures: its target, then its terms' (one list per relation, made once). */
export function cellsOf(rel: Relation): readonly Cell[] {
  let l = cellLists.get(rel);
  if (!l) cellLists.set(rel, (l = [rel.target, ...rel.terms.map((t) => t.cell)]));
  return l;
}

function linearOf(rel: Relation): Linear | undefined {
  if (rel.kind !== 'sum' && rel.kind !== 'same') return undefined;
  const m = Math.max(0, ...rel.terms.map((t) => -(t.shift ?? 0)));
  const coef = new Map<Cell, bigint>();
  const add = (c: Cell, k: bigint) => coef.set(c, (coef.get(c) ?? 0n) + k);
  add(rel.target, pow10(m));
  for (const t of rel.terms) add(t.cell, -BigInt(t.sign) * pow10(m + (t.shift ?? 0)));
  return { rel, coef };
}

/** Floor and ceiling of a ÷ b for bigints (b ≠ 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/**
 * Whether the inequalities admit a solution: the one-variable ones reduced to the tightest bound each way, the rest by
 * Fourier–Motzkin elimination, exact in integers. Undefined when the elimination would grow past its budget.
 */
function feasible(ineqs: Ineq[], vars: Cell[]): boolean | undefined {
  // c + a·v ≥ 0: a lower bound −c/a when a > 0, an upper bound c/|a| when a < 0; only the tightest of each matters.
  const lower = new Map<Cell, Ineq>();
  const upper = new Map<Cell, Ineq>();
  let rows: Ineq[] = [];
  for (const r of ineqs) {
    if (r.coef.size !== 1) { rows.push(r); continue; }
    const [[v, a]] = r.coef;
    if (a === 0n) { if (r.c < 0n) return false; continue; }
    const side = a > 0n ? lower : upper;
    const was = side.get(v);
    // Tighter: a larger lower bound (−c/a), a smaller upper bound (c/|a|); compare c/|a| as fractions.
    const abs = (x: bigint) => (x < 0n ? -x : x);
    if (!was) side.set(v, r);
    else {
      const [wa, ra] = [abs(was.coef.get(v)!), abs(a)];
      // Either way the tighter bound has the smaller c/|a|.
      if (r.c * wa < was.c * ra) side.set(v, r);
    }
  }
  rows = rows.concat([...lower.values()], [...upper.values()]);
  for (const v of vars) {
    const pos: Ineq[] = [];
    const neg: Ineq[] = [];
    const rest: Ineq[] = [];
    for (const r of rows) {
      const a = r.coef.get(v) ?? 0n;
      (a > 0n ? pos : a < 0n ? neg : rest).push(r);
    }
    if (pos.length * neg.length > 4000) return undefined;
    for (const p of pos) for (const n of neg) {
      const ap = p.coef.get(v)!;
      const an = -n.coef.get(v)!;
      const coef = new Map<Cell, bigint>();
      for (const [k, x] of p.coef) if (k !== v) coef.set(k, x * an);
      for (const [k, x] of n.coef) if (k !== v) coef.set(k, (coef.get(k) ?? 0n) + x * ap);
      for (const [k, x] of coef) if (x === 0n) coef.delete(k);
      rest.push({ coef, c: p.c * an + n.c * ap });
    }
    if (rest.length > 3000) return undefined;
    rows = rest;
  }
  return rows.every((r) => r.coef.size > 0 || r.c >= 0n);
}

interface Group {
  failing: Relation[];
  cells: Set<Cell>;
}

/** The groups of failing relations that share a figure. */
function groupsOf(failing: Relation[]): Group[] {
  const parent = new Map<Relation, Relation>();
  const find = (r: Relation): Relation => {
    let x = r;
    while (parent.get(x) !== x) x = parent.get(x)!;
    parent.set(r, x);
    return x;
  };
  const byCell = new Map<Cell, Relation>();
  for (const r of failing) {
    parent.set(r, r);
    for (const c of cellsOf(r)) {
      const other = byCell.get(c);
      if (other) parent.set(find(r), find(other));
      else byCell.set(c, r);
    }
  }
  const groups = new Map<Relation, Group>();
  for (const r of failing) {
    const root = find(r);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { failing: [], cells: new Set() }));
    g.failing.push(r);
    for (const c of cellsOf(r)) g.cells.add(c);
  }
  return [...groups.values()];
}

/** A figure that may be changed: a figure, or a blank or dash (a cell left blank may be the one at fault). */
function changeable(c: Cell): boolean {
  return c.kind === 'figure' || c.kind === 'empty' || c.kind === 'dash';
}

export interface Explanation {
  /** The sets of figures that explain the group, smallest and least reliable first; several when they tie. */
  sets: Cell[][];
  /** For a one-figure explanation: the value (as it would be printed) that makes every relation hold. */
  values: Map<Cell, string>;
}

/** Explains each group of failing relations; a relation whose group could not be explained is absent. */
export function explain(failing: Relation[], src: RelationSource, weight: (cell: Cell) => number, cache?: ExplanationCache): Map<Relation, Explanation> {
  const out = new Map<Relation, Explanation>();
  // What this analysis used, which alone is kept for the next one (nothing of an older version stays alive).
  const kept: ExplanationCache['entries'] = new Map();
  for (const g of groupsOf(failing)) {
    if (g.cells.size > MAX_CELLS) continue;
    const e = (cache && cached(g, src, cache.entries, kept)) ?? remember(g, src, weight, kept);
    if (e) for (const r of g.failing) out.set(r, e);
  }
  if (cache) cache.entries = kept;
  return out;
}

/** Where the relations of a figure come from, and what tells that they or the figures are as in an earlier version. */
export interface RelationSource {
  relationsOf(cell: Cell): readonly Relation[];
  /**
   * What a figure's value and its relations within its section depend on: an object that stays the same while they
   * do (its section's version, kept while an edit does not touch it).
   */
  stamp(cell: Cell): unknown;
  /** Whether a stamp of an earlier version still stands (its section was not edited since). */
  current(stamp: unknown): boolean;
  /**
   * The figures whose relations spanning sections (rules naming other tables, the standard identities between tables,
   * the narrative's) are not those of the version localised before — a relation added or gone — by `place`. Asked only
   * when an explanation kept from that version may stand (every figure it read unchanged), and at most once.
   */
  spanningChanged(): ReadonlySet<string>;
  /** Where a figure is, as `spanningChanged()` names it. */
  place(cell: Cell): string;
}

/**
 * Explanations kept from one analysis of a document to the next (the caller's cache), by their failing relations, with
 * what their search read: the stamps of every figure looked at, and the places of those whose relations it took. An
 * explanation is reused while no section it read was edited and no relation spanning sections was added to or taken
 * from a figure whose relations it took — so a reused explanation is exactly what a fresh search would find
 * (incremental equals fresh), and a keystroke searches again only the groups it touched.
 */
interface Kept {
  stamps: Set<unknown>;
  places: string[];
  explanation: Explanation | undefined;
}

export interface ExplanationCache { entries: Map<string, Kept> }

export function explanationCache(): ExplanationCache {
  return { entries: new Map() };
}

/** How many groups have been searched rather than taken from the cache (tests count them). */
export const searches = { count: 0 };

let nextId = 1;
const cellIds = new WeakMap<Cell, number>();
function idOf(c: Cell): number {
  let id = cellIds.get(c);
  if (id === undefined) cellIds.set(c, (id = nextId++));
  return id;
}
const relationKeys = new WeakMap<Relation, string>();
/** A relation by content: its kind, its figures (each by identity) with their signs and shifts. */
export function relationKey(r: Relation): string {
  let k = relationKeys.get(r);
  if (k === undefined) relationKeys.set(r, (k = `${r.kind}:${idOf(r.target)}=${r.terms.map((t) => `${t.sign}${idOf(t.cell)}e${t.shift ?? 0}`).join(',')}`));
  return k;
}
const keysOf = (rels: readonly Relation[]) => rels.map(relationKey).join(';');

function cached(g: Group, src: RelationSource, explanations: ExplanationCache['entries'], kept: ExplanationCache['entries']): Explanation | undefined {
  const key = keysOf(g.failing);
  const c = explanations.get(key);
  if (!c) return undefined;
  for (const s of c.stamps) if (!src.current(s)) return undefined;
  if (c.places.length) {
    const changed = src.spanningChanged();
    if (changed.size) for (const p of c.places) if (changed.has(p)) return undefined;
  }
  kept.set(key, c);
  return c.explanation ?? NONE;
}

/** An explanation that could not be found, cached as such. */
const NONE: Explanation = { sets: [], values: new Map() };

function remember(g: Group, src: RelationSource, weight: (cell: Cell) => number, kept: ExplanationCache['entries']): Explanation | undefined {
  searches.count++;
  const stamps = new Set<unknown>();
  const places: string[] = [];
  const took = new Set<Cell>();
  const watched = (cell: Cell) => {
    if (!took.has(cell)) {
      took.add(cell);
      stamps.add(src.stamp(cell));
      places.push(src.place(cell));
    }
    return src.relationsOf(cell);
  };
  // A figure whose value the search read (a figure of a relation it took).
  const read = (cell: Cell) => { stamps.add(src.stamp(cell)); };
  let explanation: Explanation | undefined;
  try {
    explanation = explainGroup(g, watched, weight, read);
  } catch {
    // A defect of the search must not cost the document its findings: they stay as judged, unexplained.
    explanation = undefined;
  }
  kept.set(keysOf(g.failing), { stamps, places, explanation });
  return explanation;
}

function explainGroup(g: Group, relationsOf: (cell: Cell) => readonly Relation[], weight: (cell: Cell) => number, read: (cell: Cell) => void): Explanation | undefined {
  // Every relation a candidate takes part in constrains it: the failing ones and those that hold.
  // The relations that constrain a figure that may change: the failing ones and those that hold, which the change
  // must not break. A figure joins the search with all of its relations (`include`).
  const all: Relation[] = [];
  const rels = new Set<Relation>();
  const values = new Map<Cell, Figure>();
  const iv = new Map<Cell, { lo: bigint; hi: bigint }>();
  const linear = new Map<Relation, Linear>();
  const included = new Set<Cell>();
  /** The relations judged (all of `all`), and those that do not hold as printed. */
  const active = new Set<Relation>();
  const broken: Relation[] = [];
  // One scale for all: one more decimal than the finest figure, so every half unit is an integer.
  let scale = 1;
  let usable = true;
  const addRelation = (r: Relation) => {
    if (rels.has(r)) return;
    rels.add(r);
    // Its figures' values are read (or found blank): an explanation stands while they do.
    for (const c of cellsOf(r)) read(c);
    // A relation over a cell that holds no figure is never judged; it constrains nothing.
    if (cellsOf(r).some((c) => !valueOf(c))) {
      if (g.failing.includes(r)) usable = false;
      return;
    }
    all.push(r);
    active.add(r);
    for (const c of cellsOf(r)) {
      if (values.has(c)) continue;
      const f = valueOf(c)!;
      values.set(c, f);
      if (f.decimals + 1 > scale) {
        scale = f.decimals + 1;
        for (const [x, fx] of values) iv.set(x, intervalOf(fx, scale));
      } else iv.set(c, intervalOf(f, scale));
    }
    if (g.failing.includes(r) || !(evaluate(r)?.holds ?? true)) broken.push(r);
    const l = linearOf(r);
    if (l) linear.set(r, l);
  };
  const include = (c: Cell) => {
    if (included.has(c)) return;
    included.add(c);
    for (const r of relationsOf(c)) addRelation(r);
  };
  for (const r of g.failing) addRelation(r);
  for (const c of g.cells) include(c);
  if (!usable) return undefined;

  const candidates = [...g.cells].filter(changeable);
  /** The inequalities (c − Σ coef·x ≥ 0) the free figures must meet; false when a relation without them fails. */
  const constraints = (free: Set<Cell>): Ineq[] | false => {
    const ineqs: Ineq[] = [];
    // The relations the free figures take part in; every other relation stays as it is, so it must hold.
    const touched = new Set<Relation>();
    for (const c of free) for (const r of relationsOf(c)) if (active.has(r)) touched.add(r);
    for (const r of broken) if (!touched.has(r)) return false;
    for (const r of touched) {
      const l = linear.get(r);
      if (!l) {
        const b = ratioBound(r, free, values, scale);
        if (b === false) return false;
        if (b) ineqs.push(...b);
        continue;
      }
      const coef = new Map<Cell, bigint>();
      let lo = 0n;
      let hi = 0n;
      for (const [c, a] of l.coef) {
        if (free.has(c)) { if (a !== 0n) coef.set(c, (coef.get(c) ?? 0n) + a); continue; }
        const { lo: x, hi: y } = iv.get(c)!;
        const p = a * x;
        const q = a * y;
        lo -= p > q ? p : q;
        hi -= p < q ? p : q;
      }
      // Σ coef·x ∈ [lo, hi]: two inequalities of the form Σ·x ≤ c, written as c − Σ ≥ 0.
      const neg = new Map<Cell, bigint>();
      for (const [c, a] of coef) neg.set(c, -a);
      ineqs.push({ coef: neg, c: hi }, { coef, c: -lo });
    }
    // A figure printed as an amount of money or a share stays one: not below zero (errorlocate's domain rules).
    for (const c of free) if (values.get(c)!.units >= 0n) ineqs.push({ coef: new Map([[c, 1n]]), c: 0n });
    return ineqs;
  };
  const test = (free: Set<Cell>): boolean | undefined => {
    const ineqs = constraints(free);
    return ineqs && feasible(ineqs, [...free]);
  };

  // Hitting sets of the failing relations (a set must hold a figure of every failing relation), smallest first (each
  // size a bounded depth-first search), up to MAX_SIZE figures; of the feasible ones, the least total weight wins
  // (errorlocate's objective), then the fewest figures. A hitting set that breaks a relation that held grows by a
  // figure of that relation.
  let tries = 0;
  let nodes = 0;
  const found: Cell[][] = [];
  const tested = new Map<string, boolean>();
  const ids = new Map<Cell, number>();
  candidates.forEach((c, i) => ids.set(c, i));
  const w = (set: Cell[]) => set.reduce((x, c) => x + weight(c), 0);
  const keyOf = (set: Cell[]) => set.map((c) => ids.get(c)!).sort((x, y) => x - y).join(',');
  let bestWeight = Infinity;
  const grow = (set: Cell[], size: number, visited: Set<string>): boolean => {
    if (++nodes > MAX_NODES || tries > MAX_TRIES) return false;
    // A set already heavier than the best explanation cannot win.
    if (w(set) > bestWeight) return true;
    const key = keyOf(set);
    if (visited.has(key)) return true;
    visited.add(key);
    const missed = g.failing.find((r) => !cellsOf(r).some((c) => set.includes(c)));
    let next: readonly Cell[];
    if (!missed) {
      let ok = tested.get(key);
      if (ok === undefined) {
        tries++;
        ok = test(new Set(set)) === true;
        tested.set(key, ok);
        if (ok) {
          found.push([...set]);
          bestWeight = Math.min(bestWeight, w(set));
        }
      }
      if (ok) return true;
      const more: Cell[] = [];
      for (const c of set) for (const r of relationsOf(c)) for (const x of cellsOf(r)) if (!set.includes(x) && changeable(x)) more.push(x);
      next = more;
    } else next = cellsOf(missed);
    if (set.length >= size) return true;
    for (const c of new Set(next)) {
      if (!changeable(c) || set.includes(c)) continue;
      if (!ids.has(c)) ids.set(c, ids.size);
      include(c);
      if (!usable) return false;
      if (!grow([...set, c], size, visited)) return false;
    }
    return true;
  };
  const lightest = Math.min(...candidates.map(weight));
  for (let size = 1; size <= MAX_SIZE; size++) {
    // No set of this size can be lighter than the best explanation found.
    if (size * lightest > bestWeight) break;
    if (!grow([], size, new Set())) return undefined;
  }
  if (!found.length) return undefined;
  const light = found.filter((s) => w(s) === bestWeight);
  const fewest = Math.min(...light.map((s) => s.length));
  const sets = light.filter((s) => s.length === fewest);
  const fixes = new Map<Cell, string>();
  for (const s of sets) if (s.length === 1) {
    const domain = constraints(new Set(s));
    const v = domain ? valueFor(s[0], all, linear, values, scale, domain) : undefined;
    if (v !== undefined) fixes.set(s[0], v);
  }
  return { sets, values: fixes };
}

/**
 * A ratio with free figures: with one free amount, the bounds the ratio sets on it (x ≥ lo, x ≤ hi, as inequalities);
 * with a free percentage or several free figures, no bound (a percentage can take the value the ratio gives).
 */
function ratioBound(r: Relation, free: Set<Cell>, values: Map<Cell, Figure>, scale: number): Ineq[] | false | undefined {
  if (r.kind !== 'ratio' || free.has(r.target) || r.terms.length < 2) return undefined;
  const [ta, tb] = r.terms;
  const freeA = free.has(ta.cell);
  const freeB = free.has(tb.cell);
  if (freeA === freeB) return undefined;
  const fixedT = freeA ? tb : ta;
  const fixed = termValue(fixedT);
  const pct = values.get(r.target)!;
  if (!fixed) return undefined;
  // A working scale fine enough for both prints (a term read in another unit has more decimals).
  const w = Math.max(scale, pct.decimals + 1, fixed.decimals + 1);
  const p = intervalOf(pct, w); // percent × 10^w
  const f = intervalOf(fixed, w); // in the relation's unit × 10^w
  const hundred = 100n * pow10(w);
  const freeT = freeA ? ta : tb;
  const shift = freeT.shift ?? 0;
  // x (own unit × 10^scale) × 10^shift = the free term in the relation's unit.
  const toOwn = (num: bigint, den: bigint, up: boolean) => {
    let n = num;
    let d = den * pow10(w - scale);
    if (shift > 0) d *= pow10(shift); else n *= pow10(-shift);
    return up ? ceilDiv(n, d) : floorDiv(n, d);
  };
  const v = freeT.cell;
  const out: Ineq[] = [];
  if (freeA) {
    // a = p · b / 100: between p_lo·b_lo and p_hi·b_hi (b ≥ 0, p ≥ 0).
    if (f.lo < 0n || p.lo < 0n) return undefined;
    const lo = toOwn(p.lo * f.lo, hundred, true);
    const hi = toOwn(p.hi * f.hi, hundred, false);
    out.push({ coef: new Map([[v, 1n]]), c: -lo }, { coef: new Map([[v, -1n]]), c: hi });
  } else {
    // b = a · 100 / p: between a_lo·100/p_hi and a_hi·100/p_lo.
    if (f.lo < 0n || p.hi <= 0n) return undefined;
    const lo = toOwn(f.lo * hundred, p.hi, true);
    out.push({ coef: new Map([[v, 1n]]), c: -lo });
    if (p.lo > 0n) out.push({ coef: new Map([[v, -1n]]), c: toOwn(f.hi * hundred, p.lo, false) });
  }
  return out;
}

/**
 * The value a lone culprit should print: the one that makes a relation it takes part in hold exactly as printed
 * (the failing relations first), at the culprit's precision, when it lets every relation hold (`domain`: the
 * constraints on the culprit alone).
 */
function valueFor(cell: Cell, all: Relation[], linear: Map<Relation, Linear>, values: Map<Cell, Figure>, scale: number, domain: Ineq[]): string | undefined {
  const own = values.get(cell)!;
  const decimals = Math.min(scale - 1, cell.kind === 'figure' ? own.decimals : neighbours(cell).decimals);
  const grouping = cell.text.includes(',') || (cell.kind !== 'figure' && neighbours(cell).grouping);
  // As the figure is printed: `62` rather than `62.00` where the text wrote whole numbers and the value is one.
  const printedDecimals = cell.kind === 'figure' ? (/\.(\d+)/.exec(cell.text)?.[1].length ?? 0) : decimals;
  const show = (u: bigint) => {
    const d = printedDecimals < decimals && u % pow10(decimals - printedDecimals) === 0n ? printedDecimals : decimals;
    return formatUnits(d === decimals ? u : u / pow10(decimals - d), d, grouping);
  };
  // The relations with the fewest terms first (their exact value carries the least rounding: 197.25 + 109.99 before
  // a sum of four 类), the failing ones before those that hold.
  const ordered = all.filter((r) => cellsOf(r).includes(cell)).sort((a, b) => a.terms.length - b.terms.length);
  for (const r of ordered) {
    const l = linear.get(r);
    if (!l) {
      // A percentage: the ratio its relation gives.
      if (r.target !== cell) continue;
      const ev = evaluate(r);
      if (ev && !ev.holds) return ev.computed;
      continue;
    }
    // a·x + Σ others = 0, the others as printed.
    const a = l.coef.get(cell)!;
    if (!a) continue;
    let rest = 0n;
    for (const [c, k] of l.coef) if (c !== cell) rest += k * roundUnits(values.get(c)!.units, values.get(c)!.decimals, scale);
    const printed = roundUnits(roundHalf(-rest, a), scale, decimals);
    // Its rounding interval must meet the culprit's domain.
    const f: Figure = { units: printed, decimals, percent: own.percent, exact: false, text: '' };
    const { lo, hi } = intervalOf(f, scale);
    const bounds: Ineq[] = [{ coef: new Map([[cell, 1n]]), c: -lo }, { coef: new Map([[cell, -1n]]), c: hi }];
    if (feasible([...domain, ...bounds], [cell])) return show(printed);
  }
  return undefined;
}

/** x / a rounded half away from zero (x and the result at the same scale). */
function roundHalf(x: bigint, a: bigint): bigint {
  const neg = (x < 0n) !== (a < 0n);
  const ax = x < 0n ? -x : x;
  const aa = a < 0n ? -a : a;
  const q = (2n * ax + aa) / (2n * aa);
  return neg ? -q : q;
}

/**
 * How a blank cell would print a figure: like the figures of its column, else of its row, else of its part (the
 * column's and the part's style read once per part, from its arrays: a document of many failures in a long table
 * made every row's view and spread every cell of the part for each culprit).
 */
function neighbours(cell: Cell): PrintStyle {
  const part = cell.row.part;
  const inColumn = cell.column ? printStyle(part, cell.column.index) : undefined;
  if (inColumn) return inColumn;
  let decimals = -1;
  let grouping = false;
  for (const c of cell.row.cells) {
    if (c.kind !== 'figure' || !c.figure || c.figure.percent) continue;
    decimals = Math.max(decimals, c.figure.decimals);
    if (c.text.includes(',')) grouping = true;
  }
  if (decimals >= 0) return { decimals, grouping };
  return printStyle(part, -1) ?? { decimals: 2, grouping: false };
}

/** The localised finding made for a judged one (kept with its section while an edit does not touch it). */
const localised = new WeakMap<Finding, { e: Explanation; at: number[]; g: Finding }>();

/** Where a localised finding's copied spans stand: the finding's and its culprits'. */
function placesOf(f: Finding, e: Explanation): number[] {
  const at = [f.span.start, f.span.end];
  for (const set of e.sets) for (const c of set) at.push(c.span.start, c.span.end);
  return at;
}

/**
 * The findings, each failing relation's finding naming the figure at fault and offering the fix only there (a new
 * finding object: findings of sections an edit did not touch are shared with the previous analysis).
 */
export function localise(findings: Finding[], src: RelationSource, o: LocaliseOptions, cache?: ExplanationCache): Finding[] {
  const failing = findings.filter((f) => f.relation && f.severity === 'error' && !f.roundingTail).map((f) => f.relation!);
  if (!failing.length) { cache?.entries.clear(); return findings; }
  const explained = explain(failing, src, o.weight, cache);
  return findings.map((f) => {
    const e = f.relation && explained.get(f.relation);
    if (!e || !e.sets.length || f.severity !== 'error' || f.roundingTail) return f;
    // The same finding explained the same way, nothing it names moved: the same localised finding (the editor
    // converts again only the findings that are new objects).
    const at = placesOf(f, e);
    const had = localised.get(f);
    if (had && had.e === e && had.at.length === at.length && had.at.every((x, i) => x === at[i])) return had.g;
    const g: Finding = { ...f, related: [...f.related] };
    localised.set(f, { e, at, g });
    delete g.expected;
    const fixes = (cells: Cell[]) => cells.flatMap((c) => {
      const v = e.values.get(c);
      if (v === undefined) return [];
      const span = { start: c.span.start, end: c.span.end };
      return sameSpan(c.span, f.span) ? [{ span, text: v }] : [{ span, text: v, title: o.fixTitle(o.name(c), v) }];
    });
    const note = (c: Cell) => {
      if (!g.related.some((r) => sameSpan(r.span, c.span))) g.related.push({ span: { start: c.span.start, end: c.span.end }, message: o.culprit(o.name(c)).replace(/^[；;]\s*/, '') });
    };
    const target = f.relation!.target;
    const name = (c: Cell) => o.name(c, target);
    if (e.sets.length === 1) {
      // One explanation. With one figure, its fix; with several, their values depend on each other: no fix.
      const set = e.sets[0];
      if (!(set.length === 1 && set[0] === target && sameSpan(set[0].span, f.span))) g.message += o.culprit(set.map(name).join('、'));
      for (const c of set) note(c);
      g.fixes = set.length === 1 ? fixes(set) : [];
    } else {
      // Explanations that tie: each named, each lone figure's fix offered.
      const lone = e.sets.filter((s) => s.length === 1).map((s) => s[0]);
      g.message += o.tie(e.sets.map((s) => s.map(name).join('、')));
      for (const c of lone) note(c);
      g.fixes = fixes(lone);
    }
    return g;
  });
}

function sameSpan(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}
