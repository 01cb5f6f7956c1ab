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
 * in exact integers — and each ratio or score with one free figure bounds it; a ratio, growth or change with two (its
 * amounts, its percentage fixed; a ratio's percentage and part, its whole fixed) bounds them together by inequalities
 * linear in the two, so one assignment of the set must hold them all at once; a ratio's free percentage and free whole (a
 * product) by McCormick's envelopes over the bounds the set's other relations put each in, a growth's or change's free
 * percentage of fixed amounts by their corners, a score with its rate free by score = weight × min(rate, 1) taken one
 * way or the other (session 27). A fixed figure is its
 * rounding interval in each relation apart, as the evaluator judges each relation. No solver dependency: the groups are small, and
 * exact integer elimination over one to four unknowns is a few dozen lines (a MIP solver such as HiGHS compiled to
 * WebAssembly would add megabytes to the server for no case these groups need). */
import type { Cell } from '../model/document';
import { printedUnit } from '../model/classify';
import { formatUnits, intervalOf, pow10, roundUnits, type Decimal, type Figure } from '../numbers/decimal';
import { cellsOf, type Relation, type Term } from '../rules/relation';
import { evaluate, holdsAsPrinted, printStyle, scoreFigures, scoreInterval, termValue, valueOf, type PrintStyle } from './evaluate';
import type { Finding } from './finding';
import { Numbering } from '../util/numbering';

export interface LocaliseOptions {
  /** How a figure is named in a message (a table cell by table, row and column; a narrative claim by its subject);
   * without its table's name when `near` is in the same table. */
  name(cell: Cell, near?: Cell): string;
  /** How reliable a figure is: lower is likelier to be the wrong one. */
  weight(cell: Cell): number;
  /**
   * `；可能有误的是 X、Y` (the figures of one explanation), `；无法确定哪一个数有误：X 或 Y、Z…` (explanations that tie, each
   * its figures), the fix's title: the lists joined in the message's language.
   */
  culprit(names: string[]): string;
  tie(sets: string[][]): string;
  fixTitle(name: string, value: string): string;
  /**
   * Failing relations stated together (the same key: the shares of one list) that one explanation accounts for are
   * one mistake, found once (`once`); undefined: a relation stated on its own.
   */
  together?(rel: Relation): unknown;
}

/** The most figures a wrong explanation may change; the most candidate sets tried per group. */
const MAX_SIZE = 4;
const MAX_TRIES = 1500;
const MAX_NODES = 40000;
const MAX_CELLS = 80;
/** The most relations of a candidate set holding in one of two ways (`GroupSearch.splits`) tried in every combination. */
const MAX_SPLITS = 3;

/**
 * c + Σ coef[i]·x_i ≥ 0 over the free figures x_0 … x_{k−1} of a candidate set, in the set's order (each at the group's
 * scale, in its own unit): one coefficient per free figure, 0n for a figure the inequality does not bound.
 */
export interface Ineq { coef: bigint[]; c: bigint }

/** Half a unit of a figure printed with `decimals`, at `scale` (scale > decimals; 0 when not). */
function halfUnit(decimals: number, scale: number): bigint {
  return scale > decimals ? 5n * pow10(scale - decimals - 1) : 0n;
}

/** Floor and ceiling of a ÷ b for bigints (b ≠ 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/** The one figure an inequality bounds (its index), -1 when it bounds none, -2 when it bounds several. */
function single(r: Ineq): number {
  let at = -1;
  for (let i = 0; i < r.coef.length; i++) {
    if (r.coef[i] === 0n) continue;
    if (at >= 0) return -2;
    at = i;
  }
  return at;
}

/**
 * Inequalities over k figures as the elimination takes them in: one that bounds a single figure, c + a·x ≥ 0, is a
 * bound from below (a > 0: x ≥ −c/a) or from above (a < 0: x ≤ c/|a|), of which only the tightest each way is kept (the
 * others are implied; of equal ones, the first); one that bounds none is a constant, only counted (it stays as it is
 * through every step) and checked (c ≥ 0); the others are kept as they come. Built without an array per bound: most
 * inequalities of a candidate set bound one figure (a relation with one free figure, a figure's sign).
 */
class System {
  /** The tightest bound of each figure from below and from above: c + a·x ≥ 0 as a and c (a undefined: none). */
  private readonly lowA: (bigint | undefined)[];
  private readonly lowC: bigint[];
  private readonly upA: (bigint | undefined)[];
  private readonly upC: bigint[];
  /** The inequalities of several figures. */
  private readonly rows: Ineq[] = [];
  private constants = 0;
  /** Whether a constant fails (c < 0). */
  private failed = false;

  constructor(readonly k: number, from?: System) {
    this.lowA = from ? [...from.lowA] : new Array<bigint | undefined>(k);
    this.lowC = from ? [...from.lowC] : new Array<bigint>(k).fill(0n);
    this.upA = from ? [...from.upA] : new Array<bigint | undefined>(k);
    this.upC = from ? [...from.upC] : new Array<bigint>(k).fill(0n);
    if (from) {
      this.rows = [...from.rows];
      this.constants = from.constants;
      this.failed = from.failed;
    }
  }

  add(r: Ineq): void {
    const v = single(r);
    if (v === -1) this.constant(r.c);
    else if (v >= 0) this.bound(v, r.coef[v], r.c);
    else this.rows.push(r);
  }

  /** c ≥ 0. */
  constant(c: bigint): void {
    this.constants++;
    if (c < 0n) this.failed = true;
  }

  /** c + a·x_v ≥ 0, a ≠ 0: tighter than the bound that way so far when c/|a| is smaller. */
  bound(v: number, a: bigint, c: bigint): void {
    if (a > 0n) {
      const was = this.lowA[v];
      if (was === undefined || c * was < this.lowC[v] * a) {
        this.lowA[v] = a;
        this.lowC[v] = c;
      }
    } else {
      const was = this.upA[v];
      if (was === undefined || c * -was < this.upC[v] * -a) {
        this.upA[v] = a;
        this.upC[v] = c;
      }
    }
  }

  /**
   * Whether the inequalities admit a solution (in rationals; exact integer arithmetic): Fourier–Motzkin elimination
   * of figure 0, then 1 …, each step pairing every inequality that bounds the figure from below with every one that
   * bounds it from above and keeping those that do not bound it. Undefined when a step would pair more than 4,000 or
   * leave more than 3,000 inequalities (constants included). The verdict does not depend on the order of the
   * inequalities.
   *
   * The last step needs no pairs made: every inequality left bounds only the last figure, so each pair is a constant,
   * p.c·|a_n| + n.c·a_p ≥ 0, i.e. −p.c/a_p ≤ n.c/|a_n| (dividing by a_p·|a_n| > 0); all pairs hold exactly when the
   * pair of the largest lower bound and the smallest upper one does (the smallest c/|a| each way). One figure
   * (`interval`) is that last step alone.
   */
  eliminate(): boolean | undefined {
    const k = this.k;
    let rows = [...this.rows];
    for (let v = 0; v < k; v++) {
      if (this.lowA[v] !== undefined) rows.push({ coef: unitVector(k, v, this.lowA[v]!), c: this.lowC[v] });
      if (this.upA[v] !== undefined) rows.push({ coef: unitVector(k, v, this.upA[v]!), c: this.upC[v] });
    }
    let constants = this.constants;
    let failed = this.failed;
    for (let v = 0; v < k; v++) {
      const pos: Ineq[] = [];
      const neg: Ineq[] = [];
      const rest: Ineq[] = [];
      for (const r of rows) {
        const a = r.coef[v];
        (a > 0n ? pos : a < 0n ? neg : rest).push(r);
      }
      const pairs = pos.length * neg.length;
      if (pairs > 4000 || constants + rest.length + pairs > 3000) return undefined;
      if (v === k - 1) {
        // (`rest` is empty: a row left bounds the last figure, a constant was counted as it was made.)
        if (failed || !pairs) return !failed;
        const p = tightest(pos, v);
        const n = tightest(neg, v);
        return p.c * -n.coef[v] + n.c * p.coef[v] >= 0n;
      }
      for (const p of pos) for (const n of neg) {
        const ap = p.coef[v];
        const an = -n.coef[v];
        const coef = new Array<bigint>(k);
        let bounds = false;
        for (let i = 0; i < k; i++) {
          coef[i] = i === v ? 0n : p.coef[i] * an + n.coef[i] * ap;
          if (coef[i] !== 0n) bounds = true;
        }
        const c = p.c * an + n.c * ap;
        if (bounds) rest.push({ coef, c });
        else {
          constants++;
          if (c < 0n) failed = true;
        }
      }
      rows = rest;
    }
    return !failed;
  }

  /**
   * The last step of the elimination for one figure (k = 1), without making its rows: every inequality is a bound kept
   * (`bound`) or a constant, and the step pairs the one lower bound with the one upper bound — the verdict of
   * `eliminate`, budgets included (tested against it on random systems: test/localise.feasible.test.ts).
   */
  /** The bounds of a system of one figure (x ≥ lo, x ≤ hi; undefined where none), rounded inwards to integers. */
  range(): { lo?: bigint; hi?: bigint } {
    const lo = this.lowA[0];
    const up = this.upA[0];
    return { ...(lo !== undefined ? { lo: ceilDiv(-this.lowC[0], lo) } : {}), ...(up !== undefined ? { hi: floorDiv(this.upC[0], -up) } : {}) };
  }

  /** The bounds of figure v from the inequalities that bound it alone, rounded outwards to integers (undefined: none). */
  box(v: number): { lo?: bigint; hi?: bigint } {
    const lo = this.lowA[v];
    const up = this.upA[v];
    return { ...(lo !== undefined ? { lo: floorDiv(-this.lowC[v], lo) } : {}), ...(up !== undefined ? { hi: ceilDiv(this.upC[v], -up) } : {}) };
  }

  interval(): boolean | undefined {
    const lo = this.lowA[0];
    const up = this.upA[0];
    const paired = lo !== undefined && up !== undefined;
    if (this.constants + (paired ? 1 : 0) > 3000) return undefined;
    return !this.failed && (!paired || this.lowC[0] * -up + this.upC[0] * lo >= 0n);
  }

  /**
   * Whether the inequalities admit a solution: `interval` for one figure, else false at once when a constant fails or
   * the bounds of one figure cross (no solution: the elimination would say no, or run out of its budget first — never
   * yes), else `eliminate`. Undefined only past the elimination's budget; callers take only `true` for a yes.
   */
  solve(): boolean | undefined {
    if (this.k === 1) return this.interval();
    if (this.failed) return false;
    for (let v = 0; v < this.k; v++) {
      const lo = this.lowA[v];
      const up = this.upA[v];
      if (lo !== undefined && up !== undefined && this.lowC[v] * -up + this.upC[v] * lo < 0n) return false;
    }
    return this.eliminate();
  }
}

/** Of inequalities bounding figure v one way, the tightest: the smallest c/|a|. */
function tightest(rows: Ineq[], v: number): Ineq {
  let best = rows[0];
  for (const r of rows) if (r.c * abs(best.coef[v]) < best.c * abs(r.coef[v])) best = r;
  return best;
}

/** The coefficients over k figures with `a` at figure i. */
function unitVector(k: number, i: number, a: bigint): bigint[] {
  const coef = new Array<bigint>(k).fill(0n);
  coef[i] = a;
  return coef;
}

/** Whether inequalities over k figures admit a solution (`System.solve`). */
export function feasible(ineqs: Ineq[], k: number): boolean | undefined {
  const s = new System(k);
  for (const r of ineqs) s.add(r);
  return s.solve();
}

/** The same by the general elimination, whatever k (`System.eliminate`; what the tests hold the one-figure path to). */
export function eliminate(ineqs: Ineq[], k: number): boolean | undefined {
  const s = new System(k);
  for (const r of ineqs) s.add(r);
  return s.eliminate();
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

export interface Explanation {
  /** The sets of figures that explain the group, smallest and least reliable first; several when they tie. */
  sets: Cell[][];
  /** For a one-figure explanation: the value (as it would be printed) that makes every relation hold. */
  values: Map<Cell, string>;
}

/** The most combinations of the members' tied explanations tried as one joint explanation (`explain`). */
const MAX_UNIONS = 16;

/**
 * Explains each group of failing relations; a relation whose group could not be explained is absent.
 *
 * Each group is searched alone: the failing relations of the other groups are no constraint of its search (each is
 * explained by its own), only noted where the search meets them (`Kept.reached`: through a relation that holds, a
 * form's rate linking its row's 预算数 and 执行数). Groups so linked are then searched together (`joint`), and their
 * joint explanation stands only where it is lighter than every consistent union of their own ones — the Fellegi–Holt
 * objective over the groups together, never a worse one: a row whose 预算数 and 执行数 were both typed wrong (its rate
 * holding) breaks two sums, each explained alone by a figure and a rate of the 合计 row (four each), together by the
 * two amounts (six, for seven); independent mistakes met through the tables' identities (新洲 2023) are explained as
 * well by their own explanations together, and keep them (each with its fix). Before session 27 a failing relation
 * of another group that a search met became one every later candidate set had to mend too: what a group's search
 * named depended on the order its figures were met in.
 */
export function explain(failing: Relation[], src: RelationSource, weight: (cell: Cell) => number, cache?: ExplanationCache): Map<Relation, Explanation> {
  const out = new Map<Relation, Explanation>();
  // What this analysis used, which alone is kept for the next one (nothing of an older version stays alive).
  const kept: ExplanationCache['entries'] = new Map();
  const failingKeys = new Set(failing.map(relationKey));
  const groups = groupsOf(failing);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => { for (const r of g.failing) groupOf.set(relationKey(r), i); });
  const search = (g: Group, key: string, run: (s: GroupSearch) => Explanation | undefined): Kept | undefined => {
    const own = new Set(g.failing.map(relationKey));
    const elsewhere = (r: Relation) => { const k = relationKey(r); return failingKeys.has(k) && !own.has(k); };
    return (cache && cached(key, src, cache.entries, kept, failingKeys)) ?? remember(key, src, weight, kept, elsewhere, run);
  };
  // The groups linked through relations that hold (union–find over what each search met).
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const alone: (Explanation | undefined)[] = [];
  groups.forEach((g, i) => {
    if (g.cells.size > MAX_CELLS) return;
    const k = search(g, keysOf(g.failing), (s) => s.explain(g));
    alone[i] = k && (k.explanation ?? NONE);
    for (const r of k?.reached ?? []) {
      const j = groupOf.get(r);
      if (j !== undefined) parent[root(j)] = root(i);
    }
  });
  const clusters = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const r = root(i);
    const c = clusters.get(r);
    if (c) c.push(i); else clusters.set(r, [i]);
  });
  for (const members of clusters.values()) {
    let joint: Explanation | undefined;
    if (members.length > 1) {
      const merged: Group = { failing: members.flatMap((i) => groups[i].failing), cells: new Set(members.flatMap((i) => [...groups[i].cells])) };
      if (merged.cells.size <= MAX_CELLS) {
        const unions = unionsOf(members.map((i) => alone[i]));
        const key = `${keysOf(merged.failing)}|${unions.map((u) => u.map(idOf).join(',')).join('/')}`;
        const k = search(merged, key, (s) => s.explain(merged, unions));
        if (k?.explanation?.sets.length) joint = k.explanation;
      }
    }
    for (const i of members) {
      const e = joint ?? alone[i];
      if (e) for (const r of groups[i].failing) out.set(r, e);
    }
  }
  if (cache) cache.entries = kept;
  return out;
}

/**
 * The unions of one explanation of each group (its tied sets combined, at most MAX_UNIONS), each figure once; none when
 * a group has none.
 */
function unionsOf(each: (Explanation | undefined)[]): Cell[][] {
  let out: Cell[][] = [[]];
  for (const e of each) {
    if (!e || !e.sets.length) return [];
    const next: Cell[][] = [];
    for (const u of out) for (const s of e.sets) {
      if (next.length >= MAX_UNIONS) break;
      const v = [...u];
      for (const c of s) if (!v.includes(c)) v.push(c);
      next.push(v);
    }
    out = next;
  }
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
  /** The failing relations of other groups its search met (`relationKey`), no constraint of it (`explain` links them). */
  reached: string[];
  /** The relations it met that do not hold as printed and were no group's: each a constraint it had to mend. */
  broken: string[];
}

export interface ExplanationCache { entries: Map<string, Kept> }

export function explanationCache(): ExplanationCache {
  return { entries: new Map() };
}

/** How many groups have been searched rather than taken from the cache (tests count them). */
export const searches = { count: 0 };

const cellIds = new Numbering<Cell>();
function idOf(c: Cell): number {
  return cellIds.of(c);
}
const relationKeys = new WeakMap<Relation, string>();
/** A relation by content: its kind (a score's with its weight), its figures (each by identity) with their signs and shifts. */
export function relationKey(r: Relation): string {
  let k = relationKeys.get(r);
  if (k === undefined) relationKeys.set(r, (k = `${r.kind}${r.factor ? `*${r.factor.units}e${r.factor.decimals}` : ''}:${idOf(r.target)}=${r.terms.map((t) => `${t.sign}${idOf(t.cell)}e${t.shift ?? 0}`).join(',')}`));
  return k;
}
const keysOf = (rels: readonly Relation[]) => rels.map(relationKey).join(';');

function cached(key: string, src: RelationSource, explanations: ExplanationCache['entries'], kept: ExplanationCache['entries'], failing: ReadonlySet<string>): Kept | undefined {
  const c = explanations.get(key);
  if (!c) return undefined;
  // What another group's failing relation was to it (no constraint; a constraint to mend) must be so still.
  for (const r of c.reached) if (!failing.has(r)) return undefined;
  for (const r of c.broken) if (failing.has(r)) return undefined;
  for (const s of c.stamps) if (!src.current(s)) return undefined;
  if (c.places.length) {
    const changed = src.spanningChanged();
    if (changed.size) for (const p of c.places) if (changed.has(p)) return undefined;
  }
  kept.set(key, c);
  return c;
}

/** An explanation that could not be found, cached as such. */
const NONE: Explanation = { sets: [], values: new Map() };

function remember(key: string, src: RelationSource, weight: (cell: Cell) => number, kept: ExplanationCache['entries'], elsewhere: (r: Relation) => boolean,
  run: (s: GroupSearch) => Explanation | undefined): Kept {
  searches.count++;
  const stamps = new Set<unknown>();
  const places: string[] = [];
  const watch: Watch = {
    // A figure whose relations the search took: their stamps and places.
    take(cell) {
      stamps.add(src.stamp(cell));
      places.push(src.place(cell));
      return src.relationsOf(cell);
    },
    // A figure whose value the search read (a figure of a relation it took).
    read(cell) { stamps.add(src.stamp(cell)); },
    weight,
    elsewhere,
  };
  let explanation: Explanation | undefined;
  const search = new GroupSearch(watch);
  try {
    explanation = run(search);
  } catch {
    // A defect of the search must not cost the document its findings: they stay as judged, unexplained.
    explanation = undefined;
  }
  const k: Kept = { stamps, places, explanation, reached: search.met(true), broken: search.met(false) };
  kept.set(key, k);
  return k;
}

/** What a search asks of its figures: each one's relations (once), that its value was read (once), its weight. */
interface Watch {
  take(cell: Cell): readonly Relation[];
  read(cell: Cell): void;
  weight(cell: Cell): number;
  /** Whether a relation is another group's failing one: no constraint of this search. */
  elsewhere(rel: Relation): boolean;
}

/** A relation's state in a search: not taken yet; taken but over a cell that holds no figure (never judged); judged. */
const enum Taken { No, Unjudged, Judged, Elsewhere }

/** A figure of a search, and what the search asked of it (each once). */
class Fig {
  /** The figure it stands for (`valueOf`), or undefined; null until asked. */
  value: Figure | undefined | null = null;
  /** Whether its value was read (its stamp taken). */
  read = false;
  /** Whether it may be changed: a figure, or a blank or dash (a cell left blank may be the one at fault). */
  readonly changeable: boolean;
  weight: number | undefined = undefined;
  /** Its relations (by number), once taken (`include`). */
  rels: number[] | undefined = undefined;
  /** The changeable figures of its relations, each once, first met first (once asked). */
  near: number[] | undefined = undefined;
  /** A figure of a judged relation (errorlocate's values), with its rounding interval at the search's scale. */
  valued = false;
  lo = 0n;
  hi = 0n;
  /** Its place in the candidate set being tested, else -1. */
  freeAt = -1;
  /** The last round of marks it was met in (listing a node's next figures; an equation's figures), and where. */
  seen = 0;
  seenAt = 0;

  constructor(readonly cell: Cell) {
    this.changeable = cell.kind === 'figure' || cell.kind === 'empty' || cell.kind === 'dash';
  }
}

/** A relation of a search (its figures by number: target, then terms) and what the search made of it. */
class Rel {
  taken = Taken.No;
  failing = false;
  /**
   * A sum's or equality's equation target − Σ sign·10^shift·term = 0 (`linearOf`): its figures, each once, and their
   * integer coefficients.
   */
  lin: number[] | undefined = undefined;
  coef: bigint[] = NO_COEFFICIENTS;
  /** −Σ max(a·lo, a·hi) and −Σ min(a·lo, a·hi) over the equation's figures, at `fixedScale` (`fix`). */
  fixedLo = 0n;
  fixedHi = 0n;
  fixedScale = 0;
  /** The last test that took it (`constraints`). */
  touchedIn = 0;
  /** A ratio's bounds on its free amount, term a's and term b's, at a scale (`ratioBound`). */
  boundsA: RatioBounds | undefined = undefined;
  boundsB: RatioBounds | undefined = undefined;
  /** A ratio's bounds on its free percentage, a score's on its free score (a score's on its free rate are `boundsA`). */
  boundsP: RatioBounds | undefined = undefined;

  constructor(readonly rel: Relation, readonly cells: number[]) {}
}

const NO_COEFFICIENTS: bigint[] = [];

/** The bounds a ratio sets on its free amount (x ≥ lo, x ≤ hi; none when undefined), worked out at `scale`. */
interface RatioBounds { scale: number; lo?: bigint; hi?: bigint }

/**
 * The search over one group of failing relations. Every figure and relation it meets is numbered once, in the order
 * met, and what the search asks of it is kept with it (`Fig`, `Rel`): a figure's value and interval, its relations, the
 * changeable figures of those (`near`); a relation's figures, its equation's coefficients (merged by figure), the sum
 * over its figures of their interval times their coefficient (`fixedLo`/`fixedHi`: a candidate set's bounds are that
 * sum less its own figures' share, not a sum over every figure of the relation per set). The order of every step is the
 * order the figures and relations were met in, so the sets, their order, the ties and the fixes do not depend on how
 * they are stored.
 */
class GroupSearch {
  private readonly figs: Fig[] = [];
  private readonly figNumbers = new Map<Cell, number>();
  private readonly rels: Rel[] = [];
  private readonly relNumbers = new Map<Relation, number>();
  /** The figures of judged relations, in the order met (their intervals are made again when the scale grows). */
  private readonly valued: Fig[] = [];
  /** The relations judged, in the order taken, and those that do not hold as printed. */
  private readonly all: number[] = [];
  private readonly broken: number[] = [];
  /** One scale for all: one more decimal than the finest figure, so every half unit is an integer. */
  private scale = 1;
  private usable = true;
  private touchRound = 0;
  private seenRound = 0;
  /**
   * Relations of the set being tested that hold in one of two ways, each a list of inequalities (a score with its rate
   * free: the rate at most 100 % and the score its weight times it, or the rate at least 100 % and the score its weight):
   * `test` tries every combination (`constraintsOfFree` makes them; at most MAX_SPLITS, else their common bounds only).
   */
  private splits: Ineq[][][] = [];
  /** Ratios of the set being tested whose percentage and whole are free, its part fixed (`productBound`). */
  private products: Rel[] = [];
  /** The failing relations of other groups met (`Taken.Elsewhere`), and those failing that are no group's, by key. */
  private readonly reached: string[] = [];
  private readonly brokenMet: string[] = [];

  constructor(private readonly watch: Watch) {}

  /** What the search met: other groups' failing relations (`elsewhere`), else relations failing that are no group's. */
  met(elsewhere: boolean): string[] {
    return elsewhere ? this.reached : this.brokenMet;
  }

  private cellNo(c: Cell): number {
    let n = this.figNumbers.get(c);
    if (n === undefined) {
      this.figNumbers.set(c, (n = this.figs.length));
      this.figs.push(new Fig(c));
    }
    return n;
  }

  private relNo(r: Relation): number {
    let n = this.relNumbers.get(r);
    if (n === undefined) {
      this.relNumbers.set(r, (n = this.rels.length));
      const cells = [this.cellNo(r.target)];
      for (const t of r.terms) cells.push(this.cellNo(t.cell));
      this.rels.push(new Rel(r, cells));
    }
    return n;
  }

  private valueAt(f: Fig): Figure | undefined {
    if (f.value === null) f.value = valueOf(f.cell);
    return f.value;
  }

  private weightAt(c: number): number {
    const f = this.figs[c];
    return (f.weight ??= this.watch.weight(f.cell));
  }

  /** Takes a relation: every relation a candidate takes part in constrains it, the failing ones and those that hold. */
  private addRelation(r: number): void {
    const rel = this.rels[r];
    if (rel.taken !== Taken.No) return;
    rel.taken = Taken.Unjudged;
    // Its figures' values are read (or found blank): an explanation stands while they do.
    for (const c of rel.cells) {
      const f = this.figs[c];
      if (f.read) continue;
      f.read = true;
      this.watch.read(f.cell);
    }
    // A relation over a cell that holds no figure is never judged; it constrains nothing.
    for (const c of rel.cells) {
      if (this.valueAt(this.figs[c])) continue;
      if (rel.failing) this.usable = false;
      return;
    }
    const fails = rel.failing || !(holdsAsPrinted(rel.rel) ?? true);
    if (fails && !rel.failing) {
      // Another group's failing relation is explained by its own search: no constraint here, only noted.
      if (this.watch.elsewhere(rel.rel)) {
        rel.taken = Taken.Elsewhere;
        this.reached.push(relationKey(rel.rel));
        return;
      }
      this.brokenMet.push(relationKey(rel.rel));
    }
    rel.taken = Taken.Judged;
    this.all.push(r);
    for (const c of rel.cells) {
      const f = this.figs[c];
      if (f.valued) continue;
      f.valued = true;
      this.valued.push(f);
      if (f.value!.decimals + 1 > this.scale) {
        this.scale = f.value!.decimals + 1;
        for (const x of this.valued) this.setInterval(x);
      } else this.setInterval(f);
    }
    if (fails) this.broken.push(r);
    if (rel.rel.kind === 'sum' || rel.rel.kind === 'same') this.linearOf(rel);
  }

  private setInterval(f: Fig): void {
    const { lo, hi } = intervalOf(f.value!, this.scale);
    f.lo = lo;
    f.hi = hi;
  }

  /** The integer coefficients of target − Σ sign·10^shift·term = 0 (every shift an integer factor), by figure. */
  private linearOf(rel: Rel): void {
    const terms = rel.rel.terms;
    const m = deepestShift(terms);
    const cells: number[] = [];
    const coef: bigint[] = [];
    const round = ++this.seenRound;
    const add = (c: number, k: bigint) => {
      const f = this.figs[c];
      if (f.seen === round) coef[f.seenAt] += k;
      else {
        f.seen = round;
        f.seenAt = cells.length;
        cells.push(c);
        coef.push(k);
      }
    };
    add(rel.cells[0], pow10(m));
    for (let i = 0; i < terms.length; i++) {
      const p = pow10(m + (terms[i].shift ?? 0));
      add(rel.cells[i + 1], terms[i].sign > 0 ? -p : p);
    }
    rel.lin = cells;
    rel.coef = coef;
  }

  /** Takes a figure's relations (once). */
  private include(c: number): void {
    const f = this.figs[c];
    if (f.rels) return;
    const rels: number[] = [];
    f.rels = rels;
    for (const r of this.watch.take(f.cell)) {
      const n = this.relNo(r);
      rels.push(n);
      this.addRelation(n);
    }
  }

  /** The changeable figures of a figure's relations, each once, first met first. */
  private nearOf(c: number): number[] {
    const f = this.figs[c];
    if (f.near) return f.near;
    const round = ++this.seenRound;
    const out: number[] = [];
    for (const r of f.rels!) {
      // (Another group's failing relation constrains nothing here: changing its figures mends nothing of this group.)
      if (this.rels[r].taken === Taken.Elsewhere) continue;
      for (const x of this.rels[r].cells) {
        const g = this.figs[x];
        if (!g.changeable || g.seen === round) continue;
        g.seen = round;
        out.push(x);
      }
    }
    return (f.near = out);
  }

  /**
   * The group's explanation. With `unions` (groups linked through relations that hold, searched together: the unions of
   * one explanation of each), only a set lighter than the lightest union that is an explanation of them all (every
   * relation holding at once) is one — none found, the groups keep their own (`explain`); no union being one, any.
   */
  explain(g: Group, unions?: readonly Cell[][]): Explanation | undefined {
    const failing = g.failing.map((r) => this.relNo(r));
    for (const r of failing) this.rels[r].failing = true;
    for (const r of failing) this.addRelation(r);
    // Which failing relations (by place in `failing`) each figure is in, and how many figures of the set each holds.
    const failingOf = new Map<number, number[]>();
    failing.forEach((r, i) => {
      for (const c of this.rels[r].cells) {
        const of = failingOf.get(c);
        if (!of) failingOf.set(c, [i]);
        else if (of[of.length - 1] !== i) of.push(i);
      }
    });
    const hits = new Array<number>(failing.length).fill(0);
    const groupCells: number[] = [];
    for (const c of g.cells) groupCells.push(this.cellNo(c));
    for (const c of groupCells) this.include(c);
    if (!this.usable) return undefined;
    // The lightest union that explains the groups together: what a joint explanation must be lighter than.
    let limit = Infinity;
    for (const u of unions ?? []) {
      const set: number[] = [];
      let w = 0;
      for (const cell of u) {
        const c = this.cellNo(cell);
        this.include(c);
        if (!this.usable) return undefined;
        set.push(c);
        w += this.weightAt(c);
      }
      if (w < limit && set.every((c) => this.figs[c].valued) && this.test(set) === true) limit = w;
    }

    // Hitting sets of the failing relations (a set must hold a figure of every failing relation), smallest first (each
    // size a bounded depth-first search), up to MAX_SIZE figures; of the feasible ones, the least total weight wins
    // (errorlocate's objective), then the fewest figures. A hitting set that breaks a relation that held grows by a
    // figure of that relation. A set is grown in place (`set`), its weight summed as it grows (in its order).
    let tries = 0;
    let nodes = 0;
    const found: { set: number[]; weight: number }[] = [];
    const tested = new Map<number | string, boolean>();
    let bestWeight = Infinity;
    const set: number[] = [];
    const grow = (w: number, size: number, visited: Set<number | string>): boolean => {
      if (++nodes > MAX_NODES || tries > MAX_TRIES) return false;
      // A set already heavier than the best explanation cannot win, nor one as heavy as the groups' own together.
      if (w > bestWeight || w >= limit) return true;
      const key = keyOf(set);
      if (visited.has(key)) return true;
      visited.add(key);
      // The first failing relation the set holds no figure of.
      const unhit = hits.indexOf(0);
      let from: readonly number[];
      if (unhit < 0) {
        let ok = tested.get(key);
        if (ok === undefined) {
          tries++;
          ok = this.test(set) === true;
          tested.set(key, ok);
          if (ok) {
            found.push({ set: [...set], weight: w });
            bestWeight = Math.min(bestWeight, w);
          }
        }
        if (ok) return true;
        if (set.length >= size) return true;
        // The changeable figures of the relations the set's figures take part in.
        from = set.length === 1 ? this.nearOf(set[0]) : set.flatMap((c) => this.nearOf(c));
      } else {
        if (set.length >= size) return true;
        from = this.rels[failing[unhit]].cells;
      }
      // Each once, first met first, changeable and not in the set.
      const round = ++this.seenRound;
      const next: number[] = [];
      for (const x of from) {
        const f = this.figs[x];
        if (f.seen === round || !f.changeable || set.includes(x)) continue;
        f.seen = round;
        next.push(x);
      }
      for (const c of next) {
        this.include(c);
        if (!this.usable) return false;
        // A figure of no relation judged (each reads a text cell) constrains nothing: changing it mends nothing.
        if (!this.figs[c].valued) continue;
        const of = failingOf.get(c);
        set.push(c);
        if (of) for (const i of of) hits[i]++;
        const more = grow(w + this.weightAt(c), size, visited);
        set.pop();
        if (of) for (const i of of) hits[i]--;
        if (!more) return false;
      }
      return true;
    };
    const lightest = Math.min(...groupCells.filter((c) => this.figs[c].changeable).map((c) => this.weightAt(c)));
    for (let size = 1; size <= MAX_SIZE; size++) {
      // No set of this size can be lighter than the best explanation found.
      if (size * lightest > bestWeight || size * lightest >= limit) break;
      if (!grow(0, size, new Set())) return undefined;
    }
    if (!found.length) return undefined;
    const light = found.filter((s) => s.weight === bestWeight);
    const fewest = Math.min(...light.map((s) => s.set.length));
    const sets = light.filter((s) => s.set.length === fewest).map((s) => s.set);
    const fixes = new Map<Cell, string>();
    for (const s of sets) if (s.length === 1) {
      const domain = this.constraints(s);
      const v = domain ? this.valueFor(s[0], domain) : undefined;
      if (v !== undefined) fixes.set(this.figs[s[0]].cell, v);
    }
    return { sets: sets.map((s) => s.map((c) => this.figs[c].cell)), values: fixes };
  }

  private test(free: number[]): boolean | undefined {
    const system = this.constraints(free);
    if (!system) return false;
    const splits = this.splits;
    if (!splits.length || splits.length > MAX_SPLITS) return system.solve();
    // One of each relation's alternatives, every combination: feasible when one is.
    let undecided = false;
    for (let mask = 0; mask < 1 << splits.length; mask++) {
      const s = new System(system.k, system);
      splits.forEach((alternatives, i) => { for (const r of alternatives[(mask >> i) & 1]) s.add(r); });
      const ok = s.solve();
      if (ok === true) return true;
      if (ok === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  }

  /** The inequalities (c + Σ coef·x ≥ 0) the free figures must meet; false when a relation without them fails. */
  private constraints(free: number[]): System | false {
    free.forEach((c, i) => (this.figs[c].freeAt = i));
    try {
      return this.constraintsOfFree(free);
    } finally {
      for (const c of free) this.figs[c].freeAt = -1;
    }
  }

  private constraintsOfFree(free: number[]): System | false {
    const k = free.length;
    const system = new System(k);
    this.splits = [];
    this.products = [];
    // The relations the free figures take part in; every other relation stays as it is, so it must hold.
    const round = ++this.touchRound;
    const touched: Rel[] = [];
    for (const c of free) for (const r of this.figs[c].rels!) {
      const rel = this.rels[r];
      if (rel.taken === Taken.Judged && rel.touchedIn !== round) {
        rel.touchedIn = round;
        touched.push(rel);
      }
    }
    for (const r of this.broken) if (this.rels[r].touchedIn !== round) return false;
    for (const rel of touched) {
      const cells = rel.lin;
      if (!cells) {
        this.ratioBound(rel, system);
        continue;
      }
      // Σ coef·x ∈ [lo, hi]: the fixed figures' interval sum, the free ones' share taken out.
      this.fix(rel);
      const a = rel.coef;
      let coef: bigint[] | undefined;
      // The free figure of a relation with one (the most common), else -1 (none) or -2 (several).
      let one = -1;
      let oneA = 0n;
      let lo = rel.fixedLo;
      let hi = rel.fixedHi;
      for (let j = 0; j < cells.length; j++) {
        const f = this.figs[cells[j]];
        const at = f.freeAt;
        if (at < 0) continue;
        if (a[j] !== 0n) {
          if (one === -1) { one = at; oneA = a[j]; } else {
            if (!coef) { coef = new Array<bigint>(k).fill(0n); coef[one] = oneA; }
            one = -2;
            coef[at] = a[j];
          }
        }
        const p = a[j] * f.lo;
        const q = a[j] * f.hi;
        lo += p > q ? p : q;
        hi += p < q ? p : q;
      }
      // Two inequalities of the form Σ·x ≤ c, written as c − Σ ≥ 0.
      if (one === -1) { system.constant(hi); system.constant(-lo); } else if (one >= 0) { system.bound(one, -oneA, hi); system.bound(one, oneA, -lo); } else {
        system.add({ coef: coef!.map((x) => -x), c: hi });
        system.add({ coef: coef!, c: -lo });
      }
    }
    // A figure printed as an amount of money or a share stays one: not below zero (errorlocate's domain rules).
    free.forEach((c, i) => {
      const f = this.figs[c];
      if (f.value!.units >= 0n) system.bound(i, 1n, 0n);
    });
    // A ratio whose percentage and whole are free: bounded within the bounds the other relations set on each.
    for (const rel of this.products) this.productBound(rel, system);
    return system;
  }

  /** The interval sum of a relation's figures at the current scale (made again when the scale grew). */
  private fix(rel: Rel): void {
    if (rel.fixedScale === this.scale) return;
    const cells = rel.lin!;
    const a = rel.coef;
    let lo = 0n;
    let hi = 0n;
    for (let j = 0; j < cells.length; j++) {
      const f = this.figs[cells[j]];
      const p = a[j] * f.lo;
      const q = a[j] * f.hi;
      lo -= p > q ? p : q;
      hi -= p < q ? p : q;
    }
    rel.fixedLo = lo;
    rel.fixedHi = hi;
    rel.fixedScale = this.scale;
  }

  /**
   * A ratio with free figures: with one free amount, the bounds the ratio sets on it (x ≥ lo, x ≤ hi); with a free
   * percentage of fixed amounts, the ratio's interval; with several free figures, no bound. A score (`scoreBound`)
   * likewise. Worked out once per relation, free term and scale.
   */
  private ratioBound(rel: Rel, system: System): void {
    const r = rel.rel;
    const target = this.figs[rel.cells[0]];
    if (r.kind === 'score') {
      this.scoreBound(rel, system);
      return;
    }
    if ((r.kind !== 'ratio' && r.kind !== 'growth' && r.kind !== 'change') || r.terms.length < 2) return;
    // A whole that is a sum: its amounts bounded while its percentage is fixed (a free share of it, none).
    if (r.kind === 'ratio' && r.terms.length > 2) {
      if (target.freeAt < 0) this.partBound(rel, system);
      return;
    }
    const a = this.figs[rel.cells[1]];
    const b = this.figs[rel.cells[2]];
    if (target.freeAt >= 0) {
      // A free percentage of two fixed amounts can take only the value they give (a score of the rate bounds it too),
      // a ratio's, a growth's or a change's (`changePercentBoundsOf`, session 27).
      if (r.kind === 'ratio' && a.freeAt >= 0 && b.freeAt < 0) this.percentPartBound(rel, system);
      // Its whole free, its part fixed: p·b = 100·a, bounded once every other relation has bounded p and b.
      if (r.kind === 'ratio' && a.freeAt < 0 && b.freeAt >= 0) this.products.push(rel);
      if (a.freeAt >= 0 || b.freeAt >= 0) return;
      if (!rel.boundsP || rel.boundsP.scale !== this.scale) rel.boundsP = { scale: this.scale, ...(r.kind === 'ratio' ? this.percentBoundsOf(r) : this.changePercentBoundsOf(r)) };
      if (rel.boundsP.lo !== undefined) system.bound(target.freeAt, 1n, -rel.boundsP.lo);
      if (rel.boundsP.hi !== undefined) system.bound(target.freeAt, -1n, rel.boundsP.hi);
      return;
    }
    const freeA = a.freeAt >= 0;
    if (freeA && b.freeAt >= 0) {
      // Both amounts free, the percentage fixed: linear in the two (a ratio's as a whole that is a sum's).
      if (r.kind === 'ratio') this.partBound(rel, system); else this.changeBound(rel, system);
      return;
    }
    if (!freeA && b.freeAt < 0) return;
    let bounds = freeA ? rel.boundsA : rel.boundsB;
    if (!bounds || bounds.scale !== this.scale) {
      bounds = { scale: this.scale, ...this.ratioBoundsOf(r, target.value!, freeA) };
      if (freeA) rel.boundsA = bounds; else rel.boundsB = bounds;
    }
    const v = (freeA ? a : b).freeAt;
    if (bounds.lo !== undefined) system.bound(v, 1n, -bounds.lo);
    if (bounds.hi !== undefined) system.bound(v, -1n, bounds.hi);
  }

  /**
   * A ratio whose whole is a sum (p = a ÷ Σ terms[1…], evaluate.ts `partArithmetic`) with its percentage fixed and any
   * free amounts: p_lo·D ≤ 100·N ≤ p_hi·D, two inequalities linear in its figures (N the part, D the sum), each fixed
   * figure taken at the end of its interval that favours it.
   */
  private partBound(rel: Rel, system: System): void {
    const r = rel.rel;
    const pct = this.figs[rel.cells[0]].value!;
    const k = system.k;
    const m = deepestShift(r.terms);
    const w = pct.decimals + 1;
    const p = intervalOf(pct, w);
    const hundred = 100n * pow10(w);
    // 100·N − p_lo·D ≥ 0 and p_hi·D − 100·N ≥ 0, with every figure at the search's scale in its own unit × 10^(m + shift).
    for (const [pn, pd] of [[hundred, -p.lo], [-hundred, p.hi]] as const) {
      const coef = new Array<bigint>(k).fill(0n);
      const fixed = new Map<number, bigint>();
      r.terms.forEach((t, i) => {
        const u = pow10(m + (t.shift ?? 0));
        const a = (i === 0 ? pn : 0n) + (i > 0 ? pd * BigInt(t.sign) : 0n);
        const c = rel.cells[i + 1];
        const f = this.figs[c];
        if (f.freeAt >= 0) coef[f.freeAt] += a * u;
        else fixed.set(c, (fixed.get(c) ?? 0n) + a * u);
      });
      let c = 0n;
      for (const [x, a] of fixed) {
        const f = this.figs[x];
        c += a * f.lo > a * f.hi ? a * f.lo : a * f.hi;
      }
      system.add({ coef, c });
    }
  }

  /**
   * A ratio p = a ÷ b with its percentage and its part free, its whole fixed (b in [b_lo, b_hi], above 0):
   * p·b_lo ≤ 100·a ≤ p·b_hi, two inequalities linear in p and a (p ≥ 0, as a percentage printed so stays). Without them
   * the two were left unbounded, though the percentage may be pinned elsewhere (a restatement, a score) and the part
   * too (a sum): a set that could not hold both was named (test/localise.joint.test.ts). Its whole free too (the
   * product p·b), no bound: the one relaxation left.
   */
  private percentPartBound(rel: Rel, system: System): void {
    const r = rel.rel;
    const pct = this.figs[rel.cells[0]].value!;
    const whole = termValue(r.terms[1]);
    if (!pct.percent || pct.units < 0n || !whole || whole.percent) return;
    const wb = Math.max(this.scale, whole.decimals + 1);
    const b = intervalOf(whole, wb); // in the relation's unit × 10^wb
    if (b.lo <= 0n) return;
    // x_p: percent × 10^scale; x_a: its own unit × 10^scale, 10^shift of it the relation's unit. Times 10^(scale + wb):
    // x_p·b_lo ≤ 100·10^wb·x_a·10^shift ≤ x_p·b_hi, both sides × 10^m (m ≥ −shift) to stay integers.
    const m = Math.max(0, -(r.terms[0].shift ?? 0));
    const ua = 100n * pow10(wb) * pow10(m + (r.terms[0].shift ?? 0));
    const um = pow10(m);
    const ip = this.figs[rel.cells[0]].freeAt;
    const ia = this.figs[rel.cells[1]].freeAt;
    const row = (cp: bigint, ca: bigint) => {
      const coef = new Array<bigint>(system.k).fill(0n);
      coef[ip] += cp;
      coef[ia] += ca;
      system.add({ coef, c: 0n });
    };
    row(-b.lo * um, ua);
    row(b.hi * um, -ua);
  }

  /**
   * A ratio p = 100·a ÷ b with its percentage and its whole free, its part fixed (a in [a_lo, a_hi]): p·b between
   * 100·a_lo and 100·a_hi, a product of two free figures — bounded by McCormick's envelopes over the box the set's other
   * relations put each in (p in [pL, pU], b in [bL, bU], as the system bounds each alone so far, rounded outwards):
   * p·b ≥ pL·b + bL·p − pL·bL and ≥ pU·b + bU·p − pU·bU; p·b ≤ pU·b + bL·p − pU·bL and ≤ pL·b + bU·p − pL·bU. Sound (every
   * p and b of the box with p·b in range meets them) and exact at a corner: a percentage pinned by its score and a whole
   * pinned by its sum leave p·b one value. Without a box either way, no bound (as before session 27: a set changing a
   * form's 执行率 and its 全年预算数 was named although its score kept the one and its sum the other).
   */
  private productBound(rel: Rel, system: System): void {
    const r = rel.rel;
    if (r.terms[1].shift) return;
    const pct = this.figs[rel.cells[0]];
    const whole = this.figs[rel.cells[2]];
    if (!pct.value?.percent) return;
    const part = termValue(r.terms[0]);
    if (!part || part.percent) return;
    const ip = pct.freeAt;
    const ib = whole.freeAt;
    const p = system.box(ip);
    const b = system.box(ib);
    if (p.lo === undefined || p.hi === undefined || b.lo === undefined || b.hi === undefined) return;
    // x_p = percent × 10^S, x_b = the whole × 10^S: x_p·x_b = 100·a·10^(2S); a at scale w (a × 10^w), so × 10^w throughout.
    const S = this.scale;
    const w = Math.max(S, part.decimals + 1);
    const a = intervalOf(part, w);
    const k = pow10(w);
    const zLo = 100n * a.lo * pow10(2 * S);
    const zHi = 100n * a.hi * pow10(2 * S);
    // c + cp·x_p + cb·x_b ≥ 0, each envelope times 10^w.
    const row = (cp: bigint, cb: bigint, c: bigint) => {
      const coef = new Array<bigint>(system.k).fill(0n);
      coef[ip] += cp;
      coef[ib] += cb;
      system.add({ coef, c });
    };
    // Z_lo ≤ p·b ≤ pU·b + bL·p − pU·bL, and ≤ pL·b + bU·p − pL·bU.
    row(b.lo * k, p.hi * k, -p.hi * b.lo * k - zLo);
    row(b.hi * k, p.lo * k, -p.lo * b.hi * k - zLo);
    // pL·b + bL·p − pL·bL ≤ p·b ≤ Z_hi, and pU·b + bU·p − pU·bU ≤ Z_hi.
    row(-b.lo * k, -p.lo * k, zHi + p.lo * b.lo * k);
    row(-b.hi * k, -p.hi * k, zHi + p.hi * b.hi * k);
  }

  /**
   * A growth or a change with its percentage fixed and both amounts free (`partBound` of a ratio): the percentage's
   * interval [p_lo, p_hi] bounds their quotient, two inequalities linear in the two, with its base (the denominator)
   * not below zero:
   * - a growth, p = s·(a − b) ÷ b: p_lo·b ≤ 100·s·(a − b) ≤ p_hi·b, and b ≥ 0;
   * - a change, p = c ÷ (v − s·c): p_lo·(v − s·c) ≤ 100·c ≤ p_hi·(v − s·c), and v − s·c ≥ 0.
   * Without them the two amounts were each pinned by their other relations and the rate between the values so found
   * was never checked: a set that mends two sums and breaks the rate was named (test/localise.joint.test.ts). A base of
   * 0 or below, where the evaluator judges no rate, is not among the values allowed (no year's amount is).
   */
  private changeBound(rel: Rel, system: System): void {
    const r = rel.rel;
    const pct = this.figs[rel.cells[0]].value!;
    if (!pct.percent) return;
    const k = system.k;
    const m = deepestShift(r.terms);
    const w = pct.decimals + 1;
    const p = intervalOf(pct, w);
    const h = 100n * pow10(w);
    // Each amount's coefficient per unit of its variable (own unit × 10^scale, in the relation's unit × 10^(m + shift)).
    const ua = pow10(m + (r.terms[0].shift ?? 0));
    const ub = pow10(m + (r.terms[1].shift ?? 0));
    const ia = this.figs[rel.cells[1]].freeAt;
    const ib = this.figs[rel.cells[2]].freeAt;
    const row = (ca: bigint, cb: bigint) => {
      const coef = new Array<bigint>(k).fill(0n);
      coef[ia] += ca * ua;
      coef[ib] += cb * ub;
      system.add({ coef, c: 0n });
    };
    if (r.kind === 'growth') {
      const s = BigInt(r.terms[0].sign);
      // 100·s·a − (100·s + p_lo)·b ≥ 0, (100·s + p_hi)·b − 100·s·a ≥ 0, b ≥ 0.
      row(s * h, -(s * h + p.lo));
      row(-s * h, s * h + p.hi);
      row(0n, 1n);
    } else {
      const s = BigInt(r.terms[1].sign);
      // (100 + s·p_lo)·c − p_lo·v ≥ 0, p_hi·v − (100 + s·p_hi)·c ≥ 0, v − s·c ≥ 0.
      row(h + s * p.lo, -p.lo);
      row(-(h + s * p.hi), p.hi);
      row(-s, 1n);
    }
  }

  /**
   * 100·N − p·D = 0 of a ratio whose whole is a sum (`partBound`), every figure as printed but the amount `c`: its
   * coefficient and the rest, at the search's scale (undefined: not such a ratio, or `c` drops out of it).
   */
  private partEquation(rel: Rel, c: number): { a: bigint; rest: bigint } | undefined {
    const r = rel.rel;
    if (r.kind !== 'ratio' || r.terms.length <= 2) return undefined;
    const pct = this.figs[rel.cells[0]].value;
    if (!pct) return undefined;
    const m = deepestShift(r.terms);
    const w = pct.decimals + 1;
    const p = roundUnits(pct.units, pct.decimals, w);
    const hundred = 100n * pow10(w);
    let a = 0n;
    let rest = 0n;
    r.terms.forEach((t, i) => {
      const k = ((i === 0 ? hundred : 0n) - (i > 0 ? p * BigInt(t.sign) : 0n)) * pow10(m + (t.shift ?? 0));
      const x = rel.cells[i + 1];
      if (x === c) { a += k; return; }
      const v = this.figs[x].value!;
      rest += k * roundUnits(v.units, v.decimals, this.scale);
    });
    return a ? { a, rest } : undefined;
  }

  /**
   * The bounds a growth or a change of two fixed amounts sets on its free percentage, at the current scale: the rate at
   * the corners of the amounts' intervals (monotone in each where no interval crosses 0 and the base stays above 0:
   * a growth p = s·(a − b) ÷ b, a change p = c ÷ (v − s·c)), rounded outwards; none otherwise. Before session 27 such a
   * percentage was left unbounded: a restated rate's mismatch was mended at the rate its amounts fix (22.00% → 25.00%
   * beside 120 over 100) as readily as at the restatement.
   */
  private changePercentBoundsOf(rel: Relation): { lo?: bigint; hi?: bigint } {
    const a = termValue(rel.terms[0]);
    const b = termValue(rel.terms[1]);
    if (!a || !b || a.percent || b.percent || !valueOf(rel.target)?.percent) return {};
    const w = Math.max(this.scale, a.decimals + 1, b.decimals + 1);
    const ia = intervalOf(a, w);
    const ib = intervalOf(b, w);
    if ((ia.lo < 0n && ia.hi > 0n) || ib.lo <= 0n) return {};
    const k = 100n * pow10(this.scale);
    // p × 10^scale at each corner, as numerator and positive denominator.
    const corners: [bigint, bigint][] = [];
    for (const x of [ia.lo, ia.hi]) for (const y of [ib.lo, ib.hi]) {
      if (rel.kind === 'growth') corners.push([k * BigInt(rel.terms[0].sign) * (x - y), y]);
      else {
        const d = y - BigInt(rel.terms[1].sign) * x;
        if (d <= 0n) return {};
        corners.push([k * x, d]);
      }
    }
    let lo = floorDiv(corners[0][0], corners[0][1]);
    let hi = ceilDiv(corners[0][0], corners[0][1]);
    for (const [n, d] of corners) {
      const l = floorDiv(n, d);
      const h = ceilDiv(n, d);
      if (l < lo) lo = l;
      if (h > hi) hi = h;
    }
    return { lo, hi };
  }

  /** The bounds a ratio of two fixed amounts sets on its free percentage, at the current scale. */
  private percentBoundsOf(rel: Relation): { lo?: bigint; hi?: bigint } {
    const a = termValue(rel.terms[0]);
    const b = termValue(rel.terms[1]);
    if (!a || !b || a.percent || b.percent) return {};
    const w = Math.max(this.scale, a.decimals + 1, b.decimals + 1);
    const ia = intervalOf(a, w);
    const ib = intervalOf(b, w);
    if (ia.lo < 0n || ib.lo <= 0n) return {};
    // x (percent × 10^scale) between 100·a_lo/b_hi and 100·a_hi/b_lo, each rounded outwards to the scale (the ratio's
    // interval may be narrower than one step of it: 21,940.96 ÷ 21,955.35 lies within 0.00003% of 99.93439%).
    const k = 100n * pow10(this.scale);
    return { lo: floorDiv(ia.lo * k, ib.hi), hi: ceilDiv(ia.hi * k, ib.lo) };
  }

  /**
   * A score (`得分 (20分*执行率)`: score = weight × min(rate, 1)) with one free figure: the free score between the weight
   * times the fixed rate's bounds (each capped at 1); the free rate between the fixed score's bounds over the weight,
   * with no upper bound when the score may be the full weight, none at all when the score exceeds it.
   */
  private scoreBound(rel: Rel, system: System): void {
    const score = this.figs[rel.cells[0]];
    const rate = this.figs[rel.cells[1]];
    if (score.freeAt >= 0 && rate.freeAt >= 0) {
      // Both free: whatever the rate, the score is between 0 and the weight (a rate above 100 % scores the weight), and
      // a rate is not negative — a score over its weight is no explanation, with any rate.
      const w = rel.rel.factor;
      system.bound(score.freeAt, 1n, 0n);
      if (w) system.bound(score.freeAt, -1n, ceilDiv(w.units * pow10(this.scale), pow10(w.decimals)));
      system.bound(rate.freeAt, 1n, 0n);
      if (w) this.scoreSplit(rel, w, system);
      return;
    }
    if (score.freeAt < 0 && rate.freeAt < 0) return;
    const freeScore = score.freeAt >= 0;
    let bounds = freeScore ? rel.boundsP : rel.boundsA;
    if (!bounds || bounds.scale !== this.scale) {
      bounds = { scale: this.scale, ...this.scoreBoundsOf(rel.rel, freeScore) };
      if (freeScore) rel.boundsP = bounds; else rel.boundsA = bounds;
    }
    const v = (freeScore ? score : rate).freeAt;
    if (bounds.lo !== undefined) system.bound(v, 1n, -bounds.lo);
    if (bounds.hi !== undefined) system.bound(v, -1n, bounds.hi);
  }

  /**
   * A score and its rate both free (score = w × min(rate, 1)): the score at most w times the rate, always, and one of
   * two ways — the rate at most 100 % and the score w times it, or the rate at least 100 % and the score w (`splits`).
   * Before session 27 the two were left unbounded together: a set holding a score and its rate was an explanation
   * whatever other relations pinned each to (a score kept by its form's 总分, its rate by its amounts' ratio).
   * Each at the search's scale in its own unit: the rate a percentage's (× 100) or a fraction's read with its shift,
   * fraction = x_r · 10^shift ÷ (c · 10^scale); the score x_s ÷ 10^scale. So score = w · fraction is A·x_s = B·x_r.
   */
  private scoreSplit(rel: Rel, w: Decimal, system: System): void {
    const is = this.figs[rel.cells[0]].freeAt;
    const ir = this.figs[rel.cells[1]].freeAt;
    const t = rel.rel.terms[0];
    const shift = t.shift ?? 0;
    const c = t.cell.figure?.percent ? 100n : 1n;
    const up = shift > 0 ? pow10(shift) : 1n;
    const down = shift < 0 ? pow10(-shift) : 1n;
    const a = c * pow10(w.decimals) * down;
    const b = w.units * up;
    // The rate at 100 %: D·x_r = E.
    const d = up;
    const e = c * pow10(this.scale) * down;
    const row = (cs: bigint, cr: bigint, k: bigint): Ineq => {
      const coef = new Array<bigint>(system.k).fill(0n);
      coef[is] += cs;
      coef[ir] += cr;
      return { coef, c: k };
    };
    // Each within half a unit of the score as it will be printed (a printed score is judged so, `scoreArithmetic`).
    const h = halfUnit(this.figs[rel.cells[0]].value!.decimals, this.scale);
    // score ≤ w × rate (+ h), and score ≥ w × rate − h in the first way.
    system.add(row(-a, b, a * h));
    const full = w.units * pow10(this.scale);
    const wd = pow10(w.decimals);
    this.splits.push([
      [row(a, -b, a * h), row(0n, -d, e)],
      [row(wd, 0n, -full + wd * h), row(-wd, 0n, full + wd * h), row(0n, d, -e)],
    ]);
  }

  private scoreBoundsOf(rel: Relation, freeScore: boolean): { lo?: bigint; hi?: bigint } {
    const f = scoreFigures(rel);
    if (!f) return {};
    const { weight, score } = f;
    const scale = this.scale;
    if (freeScore) {
      // The score as it will be printed, at its precision, meeting what the rate allows (as a printed score is judged,
      // `scoreArithmetic`): 10 × 99% = 9.9 is a score of 10. Before session 27 the value itself had to lie within
      // [9.85, 9.95], so a score that its form's 总分 (whole points, exact) holds at 10 was no explanation (稷山 2020).
      const p = scoreInterval(f);
      const den = pow10(p.scale);
      const h = halfUnit(score.decimals, scale);
      return { lo: floorDiv(p.lo * pow10(scale), den) - h, hi: ceilDiv(p.hi * pow10(scale), den) + h };
    }
    const ks = score.decimals + 1;
    const s = intervalOf(score, ks);
    // Over the full weight: no rate gives it.
    const full = weight.units * pow10(ks);
    if (s.lo * pow10(weight.decimals) > full) return { lo: 1n, hi: 0n };
    // The rate in its own unit (a percentage's, or a fraction's read with its shift): own = fraction · c · 10^−shift.
    const t = rel.terms[0];
    const shift = t.shift ?? 0;
    let num = pow10(weight.decimals) * pow10(scale) * (t.cell.figure?.percent ? 100n : 1n);
    let den = weight.units * pow10(ks);
    if (shift < 0) num *= pow10(-shift); else den *= pow10(shift);
    // (Rounded outwards to the scale, as a ratio's percentage.)
    const lo = floorDiv(s.lo * num, den);
    return s.hi * pow10(weight.decimals) >= full ? { lo } : { lo, hi: ceilDiv(s.hi * num, den) };
  }

  /** The bounds a ratio sets on its free amount (term a when `freeA`, else b), at the current scale. */
  private ratioBoundsOf(rel: Relation, pct: Figure, freeA: boolean): { lo?: bigint; hi?: bigint } {
    const [ta, tb] = rel.terms;
    const fixed = termValue(freeA ? tb : ta);
    if (!fixed) return {};
    // A working scale fine enough for both prints (a term read in another unit has more decimals).
    const scale = this.scale;
    const w = Math.max(scale, pct.decimals + 1, fixed.decimals + 1);
    const p = intervalOf(pct, w); // percent × 10^w
    const f = intervalOf(fixed, w); // in the relation's unit × 10^w
    const hundred = 100n * pow10(w);
    const shift = (freeA ? ta : tb).shift ?? 0;
    // x (own unit × 10^scale) × 10^shift = the free term in the relation's unit.
    const toOwn = (num: bigint, den: bigint, up: boolean) => {
      let n = num;
      let d = den * pow10(w - scale);
      if (shift > 0) d *= pow10(shift); else n *= pow10(-shift);
      return up ? ceilDiv(n, d) : floorDiv(n, d);
    };
    if (rel.kind !== 'ratio') return pct.percent && !fixed.percent ? changeBounds(rel, p, f, hundred, freeA, toOwn) : {};
    if (freeA) {
      // a = p · b / 100: between p_lo·b_lo and p_hi·b_hi (b ≥ 0, p ≥ 0).
      if (f.lo < 0n || p.lo < 0n) return {};
      return { lo: toOwn(p.lo * f.lo, hundred, true), hi: toOwn(p.hi * f.hi, hundred, false) };
    }
    // b = a · 100 / p: between a_lo·100/p_hi and a_hi·100/p_lo.
    if (f.lo < 0n || p.hi <= 0n) return {};
    return { lo: toOwn(f.lo * hundred, p.hi, true), ...(p.lo > 0n ? { hi: toOwn(f.hi * hundred, p.lo, false) } : {}) };
  }

  /**
   * The value a lone culprit should print: the one that makes a relation it takes part in hold exactly as printed
   * (the failing relations first), at the culprit's precision, when it lets every relation hold (`domain`: the
   * constraints on the culprit alone).
   */
  private valueFor(c: number, domain: System): string | undefined {
    const cell = this.figs[c].cell;
    const scale = this.scale;
    const own = this.figs[c].value!;
    const decimals = Math.min(scale - 1, cell.kind === 'figure' ? own.decimals : neighbours(cell).decimals);
    const grouping = cell.text.includes(',') || (cell.kind !== 'figure' && neighbours(cell).grouping);
    // As the figure is printed: `62` rather than `62.00` where the text wrote whole numbers and the value is one.
    const printedDecimals = cell.kind === 'figure' ? (/\.(\d+)/.exec(cell.text)?.[1].length ?? 0) : decimals;
    // A figure printed with its own unit is written in it (`149万` for `150万`, in a table of 元 or of 万元), with what
    // stood between figure and unit (`11.00 万元`); one moved to its table's unit (`150万` in 元: ±5,000) only where the
    // value is exact at the precision printed — `0万` for 3,000, or `150万` for 1,503,000, says what is not so.
    const printedWith = cell.kind === 'figure' ? cell.figure : undefined;
    const moved = printedWith?.shift ?? 0;
    const unit = printedWith?.unitPower !== undefined ? unitSuffix(cell.text, printedWith.text) : '';
    const show = (u: bigint) => {
      if (moved) return formatUnits(u, decimals + moved, grouping) + unit;
      if (unit) return formatUnits(u, decimals, grouping) + unit;
      const d = printedDecimals < decimals && u % pow10(decimals - printedDecimals) === 0n ? printedDecimals : decimals;
      return formatUnits(d === decimals ? u : u / pow10(decimals - d), d, grouping);
    };
    // The relations with the fewest terms first (their exact value carries the least rounding: 197.25 + 109.99 before
    // a sum of four 类), the failing ones before those that hold.
    const ordered = this.all.map((r) => this.rels[r]).filter((r) => r.cells.includes(c)).sort((a, b) => a.rel.terms.length - b.rel.terms.length);
    // A value at the culprit's precision whose rounding interval meets the culprit's domain.
    const fits = (printed: bigint) => {
      const f: Figure = { units: printed, decimals, percent: own.percent, exact: false, text: '' };
      const { lo, hi } = intervalOf(f, scale);
      const within = new System(1, domain);
      within.bound(0, 1n, -lo);
      within.bound(0, -1n, hi);
      return within.solve();
    };
    for (const r of ordered) {
      const cells = r.lin;
      let a: bigint;
      let rest = 0n;
      if (!cells) {
        // A percentage: the ratio its relation gives; a score: its weight × its rate, at its precision.
        if (r.rel.target === cell) {
          const ev = evaluate(r.rel);
          if (ev && !ev.holds) return ev.computed;
          continue;
        }
        // An amount of a whole that is a sum: the value that makes its share hold exactly as printed.
        const eq = this.partEquation(r, c);
        if (!eq) continue;
        ({ a, rest } = eq);
      } else {
        // a·x + Σ others = 0, the others as printed.
        const coef = r.coef;
        a = coef[cells.indexOf(c)];
        if (!a) continue;
        cells.forEach((x, j) => {
          const v = this.figs[x].value!;
          if (x !== c) rest += coef[j] * roundUnits(v.units, v.decimals, scale);
        });
      }
      const printed = roundUnits(roundHalf(-rest, a), scale, decimals);
      if (moved && (-rest % a !== 0n || roundUnits(printed, decimals, scale) !== -rest / a)) continue;
      if (fits(printed)) return show(printed);
    }
    // A part of a whole that is a sum, whose shares are printed more coarsely than it: the value no one share makes
    // exact may still be pinned by all of them together — the middle of what they allow.
    if (!moved && ordered.some((r) => !r.lin && r.rel.kind === 'ratio' && r.rel.terms.length > 2 && r.rel.target !== cell)) {
      const { lo, hi } = domain.range();
      if (lo !== undefined && hi !== undefined && lo <= hi) {
        const printed = roundUnits((lo + hi) / 2n, scale, decimals);
        if (fits(printed)) return show(printed);
      }
    }
    return undefined;
  }
}

/**
 * The bounds a growth or a change (evaluate.ts `ratioArithmetic`) with its percentage fixed sets on its one free amount
 * (term a when `freeA`, else b), from the fixed amount's interval `f` and the percentage's `p` (percent × 10^w; `hundred`
 * is 100 × 10^w). The free amount is a function of the fixed one and the percentage monotone in each, so its bounds are
 * at the corners of the two intervals:
 * - a growth, p = s·(a − b) ÷ b (a this year, s its sign, b the base): a = b·(100 + s·p) ÷ 100, b = a·100 ÷ (100 + s·p);
 * - a change, p = c ÷ (v − s·c) (c the change, v this year, s its sign): c = p·v ÷ (100 + s·p), v = c·(100 + s·p) ÷ p.
 * Without them a growth or a change bounded nothing, and a figure that mends a change but not its rate was named as if
 * it mended both (英德 2016: 8 → 8.15 mends 12.5 − 8 = 4.35, not (12.5 − 8.15) ÷ 12.5 = 35.22%; only 12.5 → 12.35 does).
 */
function changeBounds(rel: Relation, p: { lo: bigint; hi: bigint }, f: { lo: bigint; hi: bigint }, hundred: bigint, freeA: boolean,
  toOwn: (num: bigint, den: bigint, up: boolean) => bigint): { lo?: bigint; hi?: bigint } {
  // A negative amount bounds nothing here.
  if (f.lo < 0n) return {};
  const corners: [bigint, bigint][] = [];
  const s = BigInt(rel.kind === 'growth' ? rel.terms[0].sign : rel.terms[1].sign);
  for (const q of [p.lo, p.hi]) {
    const k = hundred + s * q;
    for (const x of [f.lo, f.hi]) {
      if (rel.kind === 'growth') {
        if (freeA) corners.push([x * k, hundred]);
        else if (k > 0n) corners.push([x * hundred, k]);
        else return {};
      } else if (freeA) {
        if (k <= 0n) return {};
        corners.push([q * x, k]);
      } else {
        if (q <= 0n) return {};
        corners.push([x * k, q]);
      }
    }
  }
  // The least of the lower ends rounded up, the greatest of the upper rounded down (as a ratio's, `ratioBoundsOf`).
  let lo = toOwn(corners[0][0], corners[0][1], true);
  let hi = toOwn(corners[0][0], corners[0][1], false);
  for (const [n, d] of corners) {
    const l = toOwn(n, d, true);
    const h = toOwn(n, d, false);
    if (l < lo) lo = l;
    if (h > hi) hi = h;
  }
  return { lo, hi };
}

/** What follows a figure printed with its unit in its cell (`万`, ` 万元`): the text after the figure's own. */
function unitSuffix(text: string, figure: string): string {
  return text.startsWith(figure) ? text.slice(figure.length) : printedUnit(text) ?? '';
}

/** Figure numbers below this make a set's key a number (four of 13 bits); a larger one, a string. */
const KEY_BASE = 8192;

/** A set's key, whatever its order: its figures' numbers, sorted. */
function keyOf(set: number[]): number | string {
  const s = set.length > 1 ? sorted(set) : set;
  let key = 0;
  for (const x of s) {
    if (x >= KEY_BASE - 1) return s.join(',');
    key = key * KEY_BASE + x + 1;
  }
  return key;
}

/** A few numbers sorted (insertion: a set holds at most MAX_SIZE). */
function sorted(set: number[]): number[] {
  const s = [set[0]];
  for (let i = 1; i < set.length; i++) {
    const x = set[i];
    let j = i;
    while (j > 0 && s[j - 1] > x) { s[j] = s[j - 1]; j--; }
    s[j] = x;
  }
  return s;
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
  const out = findings.map((f) => {
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
      if (!g.related.some((r) => sameSpan(r.span, c.span))) g.related.push({ span: { start: c.span.start, end: c.span.end }, message: o.culprit([o.name(c)]).replace(/^[；;]\s*/, '') });
    };
    const target = f.relation!.target;
    const name = (c: Cell) => o.name(c, target);
    if (e.sets.length === 1) {
      // One explanation. With one figure, its fix; with several, their values depend on each other: no fix.
      const set = e.sets[0];
      if (!(set.length === 1 && set[0] === target && sameSpan(set[0].span, f.span))) g.message += o.culprit(set.map(name));
      for (const c of set) note(c);
      g.fixes = set.length === 1 ? fixes(set) : [];
    } else {
      // Explanations that tie: each named, each lone figure's fix offered.
      const lone = e.sets.filter((s) => s.length === 1).map((s) => s[0]);
      g.message += o.tie(e.sets.map((s) => s.map(name)));
      for (const c of lone) note(c);
      g.fixes = fixes(lone);
    }
    return g;
  });
  return o.together ? once(out, findings, explained, o.together) : out;
}

/**
 * Of the findings of failing relations stated together and explained alike (one mistake: a part of a list of shares
 * typed again wrongly breaks every share of the list), those at a figure the explanation names stand, else the first
 * alone — `localised` the findings as `localise` made them, `judged` as they came, in the same order.
 */
function once(localised: Finding[], judged: Finding[], explained: Map<Relation, Explanation>, together: (rel: Relation) => unknown): Finding[] {
  const lists = new Map<unknown, Map<Explanation, number[]>>();
  judged.forEach((f, i) => {
    if (!f.relation || f.severity !== 'error' || f.roundingTail) return;
    const key = together(f.relation);
    const e = key === undefined ? undefined : explained.get(f.relation);
    if (!e || !e.sets.length) return;
    let byE = lists.get(key);
    if (!byE) lists.set(key, (byE = new Map()));
    const at = byE.get(e);
    if (at) at.push(i); else byE.set(e, [i]);
  });
  const drop = new Set<number>();
  for (const byE of lists.values()) for (const [e, at] of byE) {
    if (at.length < 2) continue;
    const named = new Set(e.sets.flat());
    const on = at.filter((i) => named.has(judged[i].relation!.target));
    const keep = new Set(on.length ? on : [at[0]]);
    for (const i of at) if (!keep.has(i)) drop.add(i);
  }
  return drop.size ? localised.filter((_, i) => !drop.has(i)) : localised;
}

/** The most decimal places a relation's terms are shifted down (a 元 figure beside 万元 ones): what puts them on one integer scale. */
function deepestShift(terms: readonly Term[]): number {
  let m = 0;
  for (const t of terms) if (-(t.shift ?? 0) > m) m = -(t.shift ?? 0);
  return m;
}

function sameSpan(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}
