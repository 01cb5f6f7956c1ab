/**
 * Relations kept compactly: a target cell and signed term cells as (part, row, cell) numbers into the parts' stores
 * (../model/rows), with the rule, kind, title and rule span as small numbers. A table of 10,000 rows has some 20,000
 * relations (each row's `1栏各行=(2+3)栏各行`, each 类 and 款 against its rows, each 合计): they are judged from the
 * stores' arrays (`printedExactly`), and a `Relation` object is made only for one that does not hold exactly as
 * printed (its finding needs names and figures), or when a feature asks (`relation`, `all`).
 * A relation with a cell outside the stores (a form's field, a narrative claim) is kept as its object.
 */
import type { Cell, Part } from '../model/document';
import { CellFlag, cellNumber, Kind, StoredPart } from '../model/rows';
import type { Span } from '../syntax/ast';
import { RELATION_RULES, type Relation, type RelationRuleId, type Term } from './relation';

const RULES = RELATION_RULES;
const RULE_ID = new Map<RelationRuleId, number>(RULES.map((r, i) => [r, i]));
const KINDS: Relation['kind'][] = ['sum', 'same', 'ratio', 'change', 'growth', 'score'];
const KIND_ID = new Map<Relation['kind'], number>(KINDS.map((k, i) => [k, i]));

const SUM = 0;
const SAME = 1;

const NO_I32: Int32Array = new Int32Array(0);

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  // A small first size: a list kept per identity holds one or two relations, and an array of 64 bytes or less is
  // made in V8's heap (no backing store of its own to allocate and collect).
  const next = new Int32Array(Math.max(need, a.length * 2, 16));
  next.set(a);
  return next;
}

/** Below 2^53 every sum of scaled figures is exact in a Number. */
const SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

// A relation's numbers in `RelationList.rels`, at these places of its stride.
const RULE_KIND = 0; // rule | kind << 8
const TITLE = 1;
const SPAN = 2;
const T_PART = 3;
const T_ROW = 4;
const T_CELL = 5;
const TERM_FROM = 6;
const TERM_TO = 7;
const S = 8;
// A term's in `RelationList.terms`: part, row, cell, sign.
const TS = 4;

/**
 * Numbers for the items of a list (its parts, titles, rule spans): an item's place in it, appended when new. A short
 * list is searched item by item, a longer one through a map made for it (most lists are an identity's few relations:
 * three maps each were most of what a list cost to make).
 */
class Numbering<T> {
  private map?: Map<T, number>;
  /** The item last found or numbered, and its number (a relation's terms are mostly of its target's part). */
  private last?: T;
  private lastAt = -1;

  constructor(private readonly items: T[]) {}

  /** The item's number, or undefined when it has none. */
  get(x: T): number | undefined {
    if (this.lastAt >= 0 && x === this.last) return this.lastAt;
    const items = this.items;
    if (!this.map && items.length > 8) this.map = new Map(items.map((y, k) => [y, k]));
    const i = this.map ? this.map.get(x) ?? -1 : items.indexOf(x);
    if (i < 0) return undefined;
    this.last = x;
    this.lastAt = i;
    return i;
  }

  /** Every item of `items`, numbered as there (the list is empty: its map made when first asked). */
  assign(items: readonly T[]): void {
    for (const x of items) this.items.push(x);
  }

  /** The item's number, given now when it has none. */
  of(x: T): number {
    const had = this.get(x);
    if (had !== undefined) return had;
    const items = this.items;
    items.push(x);
    if (this.map) this.map.set(x, items.length - 1);
    this.last = x;
    this.lastAt = items.length - 1;
    return this.lastAt;
  }

  /** No item any more (the list is emptied). */
  clear(): void {
    if (this.items.length) this.items.length = 0;
    this.map = undefined;
    this.last = undefined;
    this.lastAt = -1;
  }
}

/** The rule and kind last coded, and their code (a list is mostly filled with relations of one rule in a row). */
let lastRule: RelationRuleId | undefined;
let lastKind: Relation['kind'] | undefined;
let lastCode = 0;

/** A relation's rule and kind as one number of a list's arrays. */
export function ruleKindOf(rule: RelationRuleId, kind: Relation['kind']): number {
  if (rule !== lastRule || kind !== lastKind) {
    lastRule = rule;
    lastKind = kind;
    lastCode = RULE_ID.get(rule)! | (KIND_ID.get(kind)! << 8);
  }
  return lastCode;
}

/**
 * Parts renewed since a list was made, each by the part that replaces it (of the same kind, with the same rows and
 * cells: a stored part's by number): a list's relations copied with them swapped are about the new parts.
 */
export type PartSwap = ReadonlyMap<Part, Part>;

/** Cells [from, to) of a part by their numbers in its store (every cell of a part: from −1 to Infinity). */
export interface CellRange { part: Part; from: number; to: number }

/** A cell, or the cell at its place in the part that replaces its own (undefined: no such cell there). */
function swapCell(c: Cell, swap: PartSwap): Cell | undefined {
  const to = swap.get(c.row.part);
  if (!to) return c;
  if (to instanceof StoredPart) return to.cellAt(c.row.index, cellNumber(c));
  return to.rows[c.row.index]?.cells[c.row.cells.indexOf(c)];
}

/** Another list's part and title numbers in a list, each found on first use (unset: not yet); its parts swapped by `swap`. */
class ListMap {
  private readonly parts: number[] = [];
  private readonly titles: number[] = [];

  constructor(
    private readonly into: RelationList, readonly from: RelationList, readonly version: number, readonly intoVersion: number,
    readonly swap: PartSwap | undefined,
  ) {}

  part(p: number): number {
    const had = this.parts[p];
    if (had !== undefined) return had;
    const part = this.from.parts[p];
    // A stored part is swapped for a stored one (`PartSwap`).
    return (this.parts[p] = this.into.part((this.swap?.get(part) as StoredPart | undefined) ?? part));
  }

  title(t: number): number {
    const had = this.titles[t];
    if (had !== undefined) return had;
    return (this.titles[t] = this.into.titleNumber(this.from.titleAt(t)));
  }
}

export class RelationList {
  count = 0;
  private rels: Int32Array = NO_I32;
  private terms: Int32Array = NO_I32;
  private termCount = 0;
  /** Relations kept as objects, and those made from the arrays (once each). */
  private readonly objects: (Relation | undefined)[] = [];
  readonly parts: StoredPart[] = [];
  private readonly partIndex = new Numbering<StoredPart>(this.parts);
  private readonly titles: string[] = [];
  private readonly titleIndex = new Numbering<string>(this.titles);
  private readonly spans: Span[] = [];
  private readonly spanIndex = new Numbering<Span>(this.spans);

  /**
   * `rows`: the rows the relations will be about, to make room for them at once (a guess: 2 relations a row).
   * `old`: a list this one replaces, whose arrays it takes over (it must not be read again).
   */
  constructor(rows = 0, old?: RelationList) {
    if (!rows && !old) return;
    const rels = rows * 2 * S;
    const terms = rows * 6 * TS;
    this.rels = old && old.rels.length >= rels ? old.rels : new Int32Array(rels);
    this.terms = old && old.terms.length >= terms ? old.terms : new Int32Array(terms);
    if (old) {
      old.rels = NO_I32;
      old.terms = NO_I32;
      old.count = 0;
    }
  }

  /**
   * Renewed each time the list is emptied: its parts' and titles' numbers are then given anew (`copy` keeps a list's
   * numbers in another's only for one version of it; what is kept of a list's relations elsewhere is of one version).
   */
  private emptied = 0;

  get version(): number {
    return this.emptied;
  }

  /**
   * Empties the list and lets go of what it held (a list used again and again, for the process: the parts it named,
   * and its arrays when they grew large), so that a document analysed is not kept alive by it.
   */
  release(): void {
    this.clear();
    if (this.rels.length > 4096) this.rels = NO_I32;
    if (this.terms.length > 4096) this.terms = NO_I32;
    this.copied = undefined;
  }

  /** Empties the list to fill it again, keeping its arrays (a scratch list: nothing read from it before stays valid). */
  clear(): void {
    this.emptied++;
    this.count = 0;
    this.termCount = 0;
    if (this.objects.length) this.objects.length = 0;
    this.partIndex.clear();
    this.titleIndex.clear();
    this.spanIndex.clear();
    this.lastTitle = undefined;
    this.lastTitleId = -1;
    this.byCell = undefined;
    this.byObjectCell = undefined;
  }

  part(p: StoredPart): number {
    return this.partIndex.of(p);
  }

  private lastTitle?: string;
  private lastTitleId = -1;

  /** The title numbered `t`. */
  titleAt(t: number): string {
    return this.titles[t];
  }

  /** A title's number in this list (given now when it has none). */
  titleNumber(t: string): number {
    if (t === this.lastTitle) return this.lastTitleId;
    this.lastTitle = t;
    return (this.lastTitleId = this.titleIndex.of(t));
  }

  private spanId(s: Span | undefined): number {
    if (!s) return -1;
    return this.spanIndex.of(s);
  }

  /** Starts a relation from the arrays: its terms follow (`term`), then `end`. */
  begin(rule: RelationRuleId, kind: Relation['kind'], title: string, ruleSpan: Span | undefined, part: number, row: number, cell: number): void {
    this.beginCoded(ruleKindOf(rule, kind), title, ruleSpan, part, row, cell);
  }

  /** `begin`, with the rule and kind as `ruleKindOf` codes them (a template's relations are coded once). */
  beginCoded(ruleKind: number, title: string, ruleSpan: Span | undefined, part: number, row: number, cell: number): void {
    const o = this.count * S;
    if (o + S > this.rels.length) this.rels = grow(this.rels, o + S);
    const R = this.rels;
    R[o + RULE_KIND] = ruleKind;
    R[o + TITLE] = this.titleNumber(title);
    R[o + SPAN] = this.spanId(ruleSpan);
    R[o + T_PART] = part;
    R[o + T_ROW] = row;
    R[o + T_CELL] = cell;
    R[o + TERM_FROM] = this.termCount;
  }

  term(part: number, row: number, cell: number, sign: 1 | -1): void {
    const o = this.termCount * TS;
    if (o + TS > this.terms.length) this.terms = grow(this.terms, o + TS);
    const T = this.terms;
    T[o] = part;
    T[o + 1] = row;
    T[o + 2] = cell;
    T[o + 3] = sign;
    this.termCount++;
  }

  end(): void {
    this.rels[this.count * S + TERM_TO] = this.termCount;
    this.count++;
  }

  /** A relation kept as its object. */
  add(rel: Relation): void {
    this.begin(rel.rule, rel.kind, '', undefined, -1, -1, -1);
    this.setObject(this.count, rel);
    this.end();
  }

  /**
   * Keeps relation i's object. The array is kept without holes: one written far past its end (a form's field relation
   * after 15,000 relations in the arrays) would turn it into a dictionary, each read and write then a lookup.
   */
  private setObject(i: number, rel: Relation): void {
    const objects = this.objects;
    while (objects.length < i) objects.push(undefined);
    objects[i] = rel;
  }

  /**
   * Relation i's target as a part of the list and a cell number of its store, when the relation is kept in the
   * arrays; undefined for one kept as its object (`relation(i).target` then).
   */
  targetAt(i: number): { part: StoredPart; cell: number } | undefined {
    const o = i * S;
    const p = this.rels[o + T_PART];
    return p < 0 ? undefined : { part: this.parts[p], cell: this.rels[o + T_CELL] };
  }

  /** Relation i's target as the list's part number (-1 for one kept as its object) and cell number (no object made). */
  targetPartOf(i: number): number {
    return this.rels[i * S + T_PART];
  }

  targetCellOf(i: number): number {
    return this.rels[i * S + T_CELL];
  }

  targetRowOf(i: number): number {
    return this.rels[i * S + T_ROW];
  }

  /** Relation i's rule and title, when it is kept in the arrays (no object made). */
  ruleOf(i: number): RelationRuleId {
    return RULES[this.rels[i * S + RULE_KIND] & 0xff];
  }

  titleOf(i: number): string {
    return this.titles[this.rels[i * S + TITLE]];
  }

  /** Term k of relation i kept in the arrays: its part number in the list, its cell number, its sign (no object made). */
  termPartOf(i: number, k: number): number {
    return this.terms[(this.rels[i * S + TERM_FROM] + k) * TS];
  }

  termCellOf(i: number, k: number): number {
    return this.terms[(this.rels[i * S + TERM_FROM] + k) * TS + 2];
  }

  termRowOf(i: number, k: number): number {
    return this.terms[(this.rels[i * S + TERM_FROM] + k) * TS + 1];
  }

  termSignOf(i: number, k: number): 1 | -1 {
    return this.terms[(this.rels[i * S + TERM_FROM] + k) * TS + 3] as 1 | -1;
  }

  /** The kind of relation i. */
  kindOf(i: number): Relation['kind'] {
    const o = i * S;
    return this.rels[o + T_PART] < 0 ? this.objects[i]!.kind : KINDS[this.rels[o + RULE_KIND] >> 8];
  }

  /** How many terms relation i has, when it is kept in the arrays (-1 for one kept as its object). */
  termsOf(i: number): number {
    const o = i * S;
    return this.rels[o + T_PART] < 0 ? -1 : this.rels[o + TERM_TO] - this.rels[o + TERM_FROM];
  }

  /** Term k of relation i kept in the arrays: its part, its cell number in that part's store, its sign. */
  termAt(i: number, k: number): { part: StoredPart; cell: number; sign: 1 | -1 } {
    const t = (this.rels[i * S + TERM_FROM] + k) * TS;
    return { part: this.parts[this.terms[t]], cell: this.terms[t + 2], sign: this.terms[t + 3] as 1 | -1 };
  }

  /**
   * Appends relation i of another list, without its rule span; one kept as its object, as it. The other list's part
   * and title numbers are mapped to this one's once per version of it (`version`), not per relation.
   */
  copy(from: RelationList, i: number): void {
    this.copyWith(from, i, this.mapOf(from, undefined));
  }

  /**
   * Appends relations [start, end) of another list, as `copy` does; with `swap`, about the parts that replace those
   * it names (a relation kept as its object too: its stored cells taken from the new parts — the caller knows none of
   * its cells is outside them in a renewed table).
   */
  copyRange(from: RelationList, start: number, end: number, swap?: PartSwap): void {
    if (end <= start) return;
    const map = this.mapOf(from, swap);
    // The arrays copied whole (a document's 15,000 relations between tables are copied at each keystroke), then each
    // relation's and term's numbers made this list's.
    const t0 = from.rels[start * S + TERM_FROM];
    const t1 = from.rels[(end - 1) * S + TERM_TO];
    // An empty list made the head of another (a document's relations between tables at a figure retyped): its parts,
    // titles and terms numbered as there, nothing renumbered.
    const same = !swap && start === 0 && t0 === 0 && !this.count && !this.termCount && !this.parts.length && !this.titles.length;
    if (same) {
      this.partIndex.assign(from.parts);
      this.titleIndex.assign(from.titles);
    }
    this.reserve(end - start, t1 - t0);
    const n0 = this.count;
    const w0 = this.termCount;
    const W = this.rels;
    const X = this.terms;
    W.set(from.rels.subarray(start * S, end * S), n0 * S);
    X.set(from.terms.subarray(t0 * TS, t1 * TS), w0 * TS);
    const shift = w0 - t0;
    for (let i = 0, n = n0 * S; i < end - start; i++, n += S) {
      W[n + SPAN] = -1;
      if (W[n + T_PART] < 0) this.setObject(n0 + i, swap ? swapped(from.relation(start + i), swap) : from.relation(start + i));
      if (same) continue;
      W[n + TITLE] = map.title(W[n + TITLE]);
      W[n + TERM_FROM] += shift;
      W[n + TERM_TO] += shift;
      if (W[n + T_PART] >= 0) W[n + T_PART] = map.part(W[n + T_PART]);
    }
    if (!same) for (let w = w0 * TS, e = (w0 + t1 - t0) * TS; w < e; w += TS) X[w] = map.part(X[w]);
    this.count += end - start;
    this.termCount += t1 - t0;
  }

  /**
   * Drops relations [n, count): the last appended, nothing read from them since. The parts and titles only they
   * numbered stay listed (harmless: a number no relation holds).
   */
  truncate(n: number): void {
    if (n >= this.count) return;
    this.termCount = this.rels[n * S + TERM_FROM];
    this.count = n;
    if (this.objects.length > n) this.objects.length = n;
    this.byCell = undefined;
    this.byObjectCell = undefined;
  }

  /**
   * Moves the cells of part `part` (its number in this list) that relations [from, count) hold in the arrays, from row
   * `r` and cell `c` on, by `dr` rows and `dc` cells: the relations copied from a list about the part's rows before
   * rows were put in or taken out before them (../standard/apply `Applier.moved`).
   */
  moveCells(from: number, part: number, r: number, dr: number, c: number, dc: number): void {
    const R = this.rels;
    const T = this.terms;
    for (let i = from; i < this.count; i++) {
      const o = i * S;
      if (R[o + T_PART] === part) {
        if (R[o + T_ROW] >= r) R[o + T_ROW] += dr;
        if (R[o + T_CELL] >= c) R[o + T_CELL] += dc;
      }
      for (let k = R[o + TERM_FROM]; k < R[o + TERM_TO]; k++) {
        if (T[k * TS] !== part) continue;
        if (T[k * TS + 1] >= r) T[k * TS + 1] += dr;
        if (T[k * TS + 2] >= c) T[k * TS + 2] += dc;
      }
    }
  }

  /** Makes room for `count` more relations of `terms` terms in all (a list about to be filled as the last one was). */
  reserve(count: number, terms: number): void {
    this.rels = grow(this.rels, (this.count + count) * S);
    this.terms = grow(this.terms, (this.termCount + terms) * TS);
  }

  /** How many terms relations [start, end) hold in the arrays. */
  termsIn(start: number, end: number): number {
    return end > start ? this.rels[(end - 1) * S + TERM_TO] - this.rels[start * S + TERM_FROM] : 0;
  }

  private copyWith(from: RelationList, i: number, map: ListMap): void {
    const R = from.rels;
    const o = i * S;
    if (R[o + T_PART] < 0) return this.add(map.swap ? swapped(from.relation(i), map.swap) : from.relation(i));
    const n = this.count * S;
    if (n + S > this.rels.length) this.rels = grow(this.rels, n + S);
    const k0 = R[o + TERM_FROM];
    const k1 = R[o + TERM_TO];
    const t = this.termCount * TS;
    if (t + (k1 - k0) * TS > this.terms.length) this.terms = grow(this.terms, t + (k1 - k0) * TS);
    const W = this.rels;
    W[n + RULE_KIND] = R[o + RULE_KIND];
    W[n + TITLE] = map.title(R[o + TITLE]);
    W[n + SPAN] = -1;
    W[n + T_PART] = map.part(R[o + T_PART]);
    W[n + T_ROW] = R[o + T_ROW];
    W[n + T_CELL] = R[o + T_CELL];
    W[n + TERM_FROM] = this.termCount;
    const T = from.terms;
    const X = this.terms;
    for (let k = k0, w = t; k < k1; k++, w += TS) {
      X[w] = map.part(T[k * TS]);
      X[w + 1] = T[k * TS + 1];
      X[w + 2] = T[k * TS + 2];
      X[w + 3] = T[k * TS + 3];
    }
    this.termCount += k1 - k0;
    W[n + TERM_TO] = this.termCount;
    this.count++;
  }

  /** The numbers of the last list copied from (`copy`), in this one. */
  private copied?: ListMap;

  private mapOf(from: RelationList, swap: PartSwap | undefined): ListMap {
    let m = this.copied;
    if (!m || m.from !== from || m.version !== from.version || m.intoVersion !== this.version || m.swap !== swap) {
      this.copied = m = new ListMap(this, from, from.version, this.version, swap);
    }
    return m;
  }

  /**
   * Whether relations [from, n) of this list and of `other` are the same (`from`: where relations known to be the same
   * end), as `sameAt` compares them; with `swap`, `other`'s parts as swapped.
   */
  samePrefix(other: RelationList, n: number, from = 0, swap?: PartSwap): boolean {
    if (this.count < n || other.count < n) return false;
    for (let i = from; i < n; i++) if (!this.sameAt(other, i, swap)) return false;
    return true;
  }

  /**
   * How many relations this list and `other` begin with alike, as `sameAt` compares them (`from`: where relations known
   * to be the same end).
   */
  commonPrefix(other: RelationList, from = 0): number {
    const n = Math.min(this.count, other.count);
    let i = from;
    while (i < n && this.sameAt(other, i)) i++;
    return i;
  }

  /**
   * Whether relation i of this list and of `other` is the same: the same cells of the same parts (or the same cells,
   * for relations kept as objects), rules, kinds, titles and signs; with `swap`, `other`'s parts as swapped (relations
   * kept as objects are then the same only with no cell in a swapped part).
   */
  private sameAt(other: RelationList, i: number, swap?: PartSwap): boolean {
    const o = i * S;
    const a = this.rels;
    const b = other.rels;
    if ((a[o + T_PART] < 0) !== (b[o + T_PART] < 0)) return false;
    if (a[o + T_PART] < 0) {
      const x = this.objects[i]!;
      const y = other.objects[i]!;
      return x === y || (x.rule === y.rule && x.kind === y.kind && x.title === y.title && x.target === y.target && x.terms.length === y.terms.length
        && x.factor?.units === y.factor?.units && x.factor?.decimals === y.factor?.decimals
        && x.terms.every((t, k) => t.cell === y.terms[k].cell && t.sign === y.terms[k].sign && t.shift === y.terms[k].shift));
    }
    if (a[o + RULE_KIND] !== b[o + RULE_KIND] || this.titles[a[o + TITLE]] !== other.titles[b[o + TITLE]]) return false;
    const target = other.parts[b[o + T_PART]];
    if (this.parts[a[o + T_PART]] !== (swap?.get(target) ?? target) || a[o + T_ROW] !== b[o + T_ROW] || a[o + T_CELL] !== b[o + T_CELL]) return false;
    const ka = a[o + TERM_FROM];
    const kb = b[o + TERM_FROM];
    const len = a[o + TERM_TO] - ka;
    if (b[o + TERM_TO] - kb !== len) return false;
    for (let k = 0; k < len; k++) {
      const p = (ka + k) * TS;
      const q = (kb + k) * TS;
      const term = other.parts[other.terms[q]];
      if (this.parts[this.terms[p]] !== (swap?.get(term) ?? term) || this.terms[p + 1] !== other.terms[q + 1] || this.terms[p + 2] !== other.terms[q + 2] || this.terms[p + 3] !== other.terms[q + 3]) return false;
    }
    return true;
  }

  /** Relation i as an object (made once). */
  relation(i: number): Relation {
    const had = this.objects[i];
    if (had) return had;
    const parts = this.parts;
    const R = this.rels;
    const T = this.terms;
    const o = i * S;
    const terms: Term[] = [];
    for (let k = R[o + TERM_FROM]; k < R[o + TERM_TO]; k++) terms.push({ sign: T[k * TS + 3] as 1 | -1, cell: parts[T[k * TS]].cellAt(T[k * TS + 1], T[k * TS + 2]) });
    const rel: Relation = {
      rule: RULES[R[o + RULE_KIND] & 0xff], kind: KINDS[R[o + RULE_KIND] >> 8], title: this.titles[R[o + TITLE]],
      target: parts[R[o + T_PART]].cellAt(R[o + T_ROW], R[o + T_CELL]), terms,
    };
    if (R[o + SPAN] >= 0) rel.ruleSpan = this.spans[R[o + SPAN]];
    this.setObject(i, rel);
    return rel;
  }

  /**
   * Relations by cell, for every part in three arrays (error localisation asks for the relations of a few cells of
   * lists of many small parts, the forms': three arrays per part were most of what the index cost): the relations
   * cell c of part p takes part in are ids[starts[at[p] + c], starts[at[p] + c + 1]), each once per place it holds
   * (twice when it holds the cell twice), in the order of the list; part p's cells are at[p + 1] − at[p] − 1.
   */
  private byCell?: { at: Int32Array; starts: Int32Array; ids: Int32Array };

  /**
   * The relations that cells [from, to) of a stored part take part in (as target or term), by number: for a figure
   * retyped, the relations to judge again. The index is made on first use and stays valid as long as the list's
   * relations are about the same cells.
   */
  touching(part: StoredPart, from: number, to: number): number[] {
    const p = this.partIndex.get(part);
    // Relations kept as objects (rules naming rows one by one, a form's field against a table) may hold the cells too.
    const objects = (this.byObjectCell ??= this.objectCellIndex()).get(part);
    const index = p === undefined ? undefined : (this.byCell ??= this.cellIndex());
    const base = index ? index.at[p!] : 0;
    const end = index ? Math.min(to, index.at[p! + 1] - base - 1) : from;
    if (to === from + 1 && !objects?.has(from)) {
      // One cell held by no relation kept as an object (error localisation asks cell by cell): its relations are in
      // the list's order already, a relation holding it twice next to itself.
      const out: number[] = [];
      if (end > from) {
        const { starts, ids } = index!;
        for (let k = starts[base + from], last = -1; k < starts[base + from + 1]; k++) if (ids[k] !== last) out.push((last = ids[k]));
      }
      return out;
    }
    const out = new Set<number>();
    if (index) {
      const { starts, ids } = index;
      for (let c = from; c < end; c++) for (let k = starts[base + c]; k < starts[base + c + 1]; k++) out.add(ids[k]);
    }
    if (objects) {
      for (let c = from; c < to; c++) {
        const ids = objects.get(c);
        if (ids) for (const i of ids) out.add(i);
      }
    }
    return [...out].sort((a, b) => a - b);
  }

  /**
   * Which of relations [0, end) hold a cell of `ranges` (cells [from, to) of a part) — or may: a part's ranges are
   * taken as one, from the first to the last —, as a mark per relation. The arrays are read once, no index made (a
   * figure retyped asks it of a document's relations between tables).
   */
  marksTouching(ranges: readonly CellRange[], end: number): Uint8Array {
    const marks = new Uint8Array(end);
    if (!ranges.length) return marks;
    // Each part's cells as one range: by its number in this list (stored), by itself (a relation kept as its object).
    const lo = new Float64Array(this.parts.length).fill(Infinity);
    const hi = new Float64Array(this.parts.length).fill(-Infinity);
    const byPart = new Map<Part, { from: number; to: number }>();
    for (const r of ranges) {
      const had = byPart.get(r.part);
      if (had) { had.from = Math.min(had.from, r.from); had.to = Math.max(had.to, r.to); } else byPart.set(r.part, { from: r.from, to: r.to });
      const p = r.part instanceof StoredPart ? this.partIndex.get(r.part) : undefined;
      if (p === undefined) continue;
      lo[p] = Math.min(lo[p], r.from);
      hi[p] = Math.max(hi[p], r.to);
    }
    const cellInside = (c: Cell) => {
      const r = byPart.get(c.row.part);
      if (!r) return false;
      const n = cellNumber(c);
      return n >= r.from && n < r.to;
    };
    const R = this.rels;
    const T = this.terms;
    for (let i = 0; i < end; i++) {
      const o = i * S;
      const p = R[o + T_PART];
      if (p < 0) {
        const rel = this.objects[i]!;
        if (cellInside(rel.target) || rel.terms.some((t) => cellInside(t.cell))) marks[i] = 1;
        continue;
      }
      if (R[o + T_CELL] >= lo[p] && R[o + T_CELL] < hi[p]) { marks[i] = 1; continue; }
      for (let k = R[o + TERM_FROM]; k < R[o + TERM_TO]; k++) {
        const c = T[k * TS + 2];
        const q = T[k * TS];
        if (c >= lo[q] && c < hi[q]) { marks[i] = 1; break; }
      }
    }
    return marks;
  }

  /** The relations kept as objects by the stored cells they hold: per part, by cell number (made with `byCell`). */
  private byObjectCell?: Map<StoredPart, Map<number, number[]>>;

  private objectCellIndex(): Map<StoredPart, Map<number, number[]>> {
    const index = new Map<StoredPart, Map<number, number[]>>();
    const add = (cell: Cell, i: number) => {
      const part = cell.row.part;
      const c = cellNumber(cell);
      if (c < 0) return;
      let cells = index.get(part as StoredPart);
      if (!cells) index.set(part as StoredPart, (cells = new Map()));
      const ids = cells.get(c);
      if (!ids) cells.set(c, [i]);
      else if (ids[ids.length - 1] !== i) ids.push(i);
    };
    for (let i = 0; i < this.count; i++) {
      const rel = this.rels[i * S + T_PART] < 0 ? this.objects[i] : undefined;
      if (!rel) continue;
      add(rel.target, i);
      for (const t of rel.terms) add(t.cell, i);
    }
    return index;
  }

  private cellIndex(): { at: Int32Array; starts: Int32Array; ids: Int32Array } {
    const R = this.rels;
    const T = this.terms;
    const parts = this.parts;
    // Part p's cells' counts, then starts, at at[p] …: one more place per part (its end).
    const at = new Int32Array(parts.length + 1);
    for (let p = 0; p < parts.length; p++) at[p + 1] = at[p] + parts[p].store.cellCount + 1;
    const starts = new Int32Array(at[parts.length] + 1);
    // (A cell outside its part's store, were there one, is in no part's cells: not counted.)
    const inPart = (p: number, c: number) => c >= 0 && c < at[p + 1] - at[p] - 1;
    const each = (f: (p: number, c: number, i: number) => void) => {
      for (let i = 0; i < this.count; i++) {
        const o = i * S;
        if (R[o + T_PART] < 0) continue;
        if (inPart(R[o + T_PART], R[o + T_CELL])) f(R[o + T_PART], R[o + T_CELL], i);
        for (let k = R[o + TERM_FROM]; k < R[o + TERM_TO]; k++) if (inPart(T[k * TS], T[k * TS + 2])) f(T[k * TS], T[k * TS + 2], i);
      }
    };
    each((p, c) => { starts[at[p] + c + 1]++; });
    for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
    const ids = new Int32Array(starts[starts.length - 1]);
    const fill = starts.slice(0, starts.length - 1);
    each((p, c, i) => { ids[fill[at[p] + c]++] = i; });
    return { at, starts, ids };
  }

  all(): Relation[] {
    const out: Relation[] = new Array<Relation>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.relation(i);
    return out;
  }

  /**
   * Whether relation i holds exactly as printed, or is not judged (a cell holds text): nothing to report. False when it
   * may not, or when the arrays cannot tell (a figure past 2^53 at the common precision): `judge` decides on its object.
   * The arithmetic of `printedExactly` (../checks/evaluate), in Numbers.
   */
  printedExactly(i: number): boolean {
    const R = this.rels;
    const T = this.terms;
    const o = i * S;
    if (R[o + T_PART] < 0) return false;
    const kind = R[o + RULE_KIND] >> 8;
    if (kind !== SUM && kind !== SAME) return false;
    const parts = this.parts;
    const ts = parts[R[o + T_PART]].store;
    const tcell = R[o + T_CELL];
    const tk = ts.kind(tcell);
    if (tk === Kind.Text || tk === Kind.Broken) return true;
    const tf = tk === Kind.Figure ? ts.flags(tcell) : 0;
    if (tf & CellFlag.Big) return false;
    const tPercent = tf & CellFlag.Percent;
    const tDec = tk === Kind.Figure ? ts.decimals(tcell) : 0;
    let dec = tDec;
    const from = R[o + TERM_FROM];
    const to = R[o + TERM_TO];
    for (let k = from; k < to; k++) {
      const s = parts[T[k * TS]].store;
      const c = T[k * TS + 2];
      const ck = s.kind(c);
      if (ck === Kind.Text || ck === Kind.Broken) return true;
      if (ck !== Kind.Figure) {
        if (tPercent) return false;
        continue;
      }
      const f = s.flags(c);
      if ((f & CellFlag.Percent) !== tPercent) return false;
      if (f & CellFlag.Big) return false;
      if (s.decimals(c) > dec) dec = s.decimals(c);
    }
    if (dec >= POW10.length) return false;
    const tUnits = tk === Kind.Figure ? ts.units(tcell) : 0;
    if (kind === SAME && to - from === 1) {
      const s = parts[T[from * TS]].store;
      const c = T[from * TS + 2];
      const isFig = s.kind(c) === Kind.Figure;
      return (isFig ? s.decimals(c) : 0) === tDec && (isFig ? s.units(c) : 0) === tUnits;
    }
    let sum = 0;
    let size = 0;
    for (let k = from; k < to; k++) {
      const s = parts[T[k * TS]].store;
      const c = T[k * TS + 2];
      if (s.kind(c) !== Kind.Figure) continue;
      const u = s.units(c) * POW10[dec - s.decimals(c)];
      size += Math.abs(u);
      sum += T[k * TS + 3] > 0 ? u : -u;
    }
    const stated = tUnits * POW10[dec - tDec];
    if (size > SAFE || Math.abs(stated) > SAFE) return false;
    return sum === stated;
  }

}

/** The relations `swappedRelation` made, per swap (asked first whether a relation can be swapped, then to swap it). */
const swaps = new WeakMap<PartSwap, Map<Relation, Relation | null>>();

/**
 * A relation kept as its object, its cells in swapped parts taken from the parts that replace them; null when a cell
 * is not there (`swapCell`). Made once per swap: the caller asks before it copies a list (a row's view is made for
 * each cell taken from a stored part).
 */
export function swappedRelation(rel: Relation, swap: PartSwap): Relation | null {
  // Most name no swapped part (a form's field against a table that was not read again): the same object.
  if (!swap.has(rel.target.row.part) && !rel.terms.some((t) => swap.has(t.cell.row.part))) return rel;
  let made = swaps.get(swap);
  if (!made) swaps.set(swap, (made = new Map()));
  let had = made.get(rel);
  if (had === undefined) {
    const target = swapCell(rel.target, swap);
    const terms: Relation['terms'] = [];
    for (const t of rel.terms) {
      const cell = swapCell(t.cell, swap);
      if (!cell) break;
      terms.push({ ...t, cell });
    }
    made.set(rel, (had = target && terms.length === rel.terms.length ? { ...rel, target, terms } : null));
  }
  return had;
}

/** `swappedRelation`, for a relation the caller knows can be swapped. */
function swapped(rel: Relation, swap: PartSwap): Relation {
  return swappedRelation(rel, swap)!;
}
