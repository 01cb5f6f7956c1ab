/**
 * Relations kept compactly: a target cell and signed term cells as (part, row, cell) numbers into the parts' stores
 * (../model/rows), with the rule, kind, title and rule span as small numbers. A table of 10,000 rows has some 20,000
 * relations (each row's `1栏各行=(2+3)栏各行`, each 类 and 款 against its rows, each 合计): they are judged from the
 * stores' arrays (`printedExactly`), and a `Relation` object is made only for one that does not hold exactly as
 * printed (its finding needs names and figures), or when a feature asks (`relation`, `all`).
 * A relation with a cell outside the stores (a form's field, a narrative claim) is kept as its object.
 */
import { CellFlag, Kind, type StoredPart } from '../model/rows';
import type { Span } from '../syntax/ast';
import type { Relation, RuleId, Term } from './relation';

const RULES: RuleId[] = ['column-formula', 'row-formula', 'cell-formula', 'cross-table', 'code-hierarchy', 'total-row', 'share', 'form', 'narrative'];
const RULE_ID = new Map<RuleId, number>(RULES.map((r, i) => [r, i]));
const KINDS: Relation['kind'][] = ['sum', 'same', 'ratio', 'change'];
const KIND_ID = new Map<Relation['kind'], number>(KINDS.map((k, i) => [k, i]));

function grow<T extends Int32Array | Uint8Array | Int8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** Below 2^53 every sum of scaled figures is exact in a Number. */
const SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export class RelationList {
  count = 0;
  private rule = new Uint8Array(64);
  private kind = new Uint8Array(64);
  private title = new Int32Array(64);
  private span = new Int32Array(64);
  /** Target: part, row, cell. */
  private tp = new Int32Array(64);
  private tr = new Int32Array(64);
  private tc = new Int32Array(64);
  /** Terms of relation i: [termFrom[i], termFrom[i + 1]). */
  private termFrom = new Int32Array(65);
  private termCount = 0;
  private xp = new Int32Array(256);
  private xr = new Int32Array(256);
  private xc = new Int32Array(256);
  private xs = new Int8Array(256);
  /** Relations kept as objects, and those made from the arrays (once each). */
  private readonly objects: (Relation | undefined)[] = [];
  readonly parts: StoredPart[] = [];
  private readonly partIndex = new Map<StoredPart, number>();
  private readonly titles: string[] = [];
  private readonly titleIndex = new Map<string, number>();
  private readonly spans: Span[] = [];
  private readonly spanIndex = new Map<Span, number>();

  part(p: StoredPart): number {
    let i = this.partIndex.get(p);
    if (i === undefined) {
      i = this.parts.length;
      this.parts.push(p);
      this.partIndex.set(p, i);
    }
    return i;
  }

  private titleId(t: string): number {
    let i = this.titleIndex.get(t);
    if (i === undefined) {
      i = this.titles.length;
      this.titles.push(t);
      this.titleIndex.set(t, i);
    }
    return i;
  }

  private spanId(s: Span | undefined): number {
    if (!s) return -1;
    let i = this.spanIndex.get(s);
    if (i === undefined) {
      i = this.spans.length;
      this.spans.push(s);
      this.spanIndex.set(s, i);
    }
    return i;
  }

  private reserve(): number {
    const i = this.count;
    if (i + 1 >= this.rule.length) {
      const n = i + 2;
      this.rule = grow(this.rule, n);
      this.kind = grow(this.kind, n);
      this.title = grow(this.title, n);
      this.span = grow(this.span, n);
      this.tp = grow(this.tp, n);
      this.tr = grow(this.tr, n);
      this.tc = grow(this.tc, n);
    }
    this.termFrom = grow(this.termFrom, i + 2);
    return i;
  }

  /** Starts a relation from the arrays: its terms follow (`term`), then `end`. */
  begin(rule: RuleId, kind: Relation['kind'], title: string, ruleSpan: Span | undefined, part: number, row: number, cell: number): void {
    const i = this.reserve();
    this.rule[i] = RULE_ID.get(rule)!;
    this.kind[i] = KIND_ID.get(kind)!;
    this.title[i] = this.titleId(title);
    this.span[i] = this.spanId(ruleSpan);
    this.tp[i] = part;
    this.tr[i] = row;
    this.tc[i] = cell;
    this.termFrom[i] = this.termCount;
  }

  term(part: number, row: number, cell: number, sign: 1 | -1): void {
    const k = this.termCount;
    if (k >= this.xp.length) {
      this.xp = grow(this.xp, k + 1);
      this.xr = grow(this.xr, k + 1);
      this.xc = grow(this.xc, k + 1);
      this.xs = grow(this.xs, k + 1);
    }
    this.xp[k] = part;
    this.xr[k] = row;
    this.xc[k] = cell;
    this.xs[k] = sign;
    this.termCount = k + 1;
  }

  end(): void {
    this.termFrom[this.count + 1] = this.termCount;
    this.count++;
  }

  /** A relation kept as its object. */
  add(rel: Relation): void {
    const i = this.reserve();
    this.rule[i] = RULE_ID.get(rel.rule)!;
    this.tp[i] = -1;
    this.termFrom[i] = this.termCount;
    this.objects[i] = rel;
    this.end();
  }

  /** Relation i as an object (made once). */
  relation(i: number): Relation {
    const had = this.objects[i];
    if (had) return had;
    const parts = this.parts;
    const terms: Term[] = [];
    for (let k = this.termFrom[i]; k < this.termFrom[i + 1]; k++) terms.push({ sign: this.xs[k] as 1 | -1, cell: parts[this.xp[k]].cellAt(this.xr[k], this.xc[k]) });
    const rel: Relation = {
      rule: RULES[this.rule[i]], kind: KINDS[this.kind[i]], title: this.titles[this.title[i]],
      target: parts[this.tp[i]].cellAt(this.tr[i], this.tc[i]), terms,
    };
    if (this.span[i] >= 0) rel.ruleSpan = this.spans[this.span[i]];
    this.objects[i] = rel;
    return rel;
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
    if (this.tp[i] < 0) return false;
    const kind = KINDS[this.kind[i]];
    if (kind !== 'sum' && kind !== 'same') return false;
    const parts = this.parts;
    const ts = parts[this.tp[i]].store;
    const tcell = this.tc[i];
    const tk = ts.kind[tcell];
    if (tk === Kind.Text || tk === Kind.Broken) return true;
    const tf = tk === Kind.Figure ? ts.cellFlags[tcell] : 0;
    if (tf & CellFlag.Big) return false;
    const tPercent = tf & CellFlag.Percent;
    const tDec = tk === Kind.Figure ? ts.decimals[tcell] : 0;
    let dec = tDec;
    const from = this.termFrom[i];
    const to = this.termFrom[i + 1];
    for (let k = from; k < to; k++) {
      const s = parts[this.xp[k]].store;
      const c = this.xc[k];
      const ck = s.kind[c];
      if (ck === Kind.Text || ck === Kind.Broken) return true;
      if (ck !== Kind.Figure) {
        if (tPercent) return false;
        continue;
      }
      const f = s.cellFlags[c];
      if ((f & CellFlag.Percent) !== tPercent) return false;
      if (f & CellFlag.Big) return false;
      if (s.decimals[c] > dec) dec = s.decimals[c];
    }
    if (dec >= POW10.length) return false;
    const tUnits = tk === Kind.Figure ? ts.units[tcell] : 0;
    if (kind === 'same' && to - from === 1) {
      const s = parts[this.xp[from]].store;
      const c = this.xc[from];
      const isFig = s.kind[c] === Kind.Figure;
      return (isFig ? s.decimals[c] : 0) === tDec && (isFig ? s.units[c] : 0) === tUnits;
    }
    let sum = 0;
    let size = 0;
    for (let k = from; k < to; k++) {
      const s = parts[this.xp[k]].store;
      const c = this.xc[k];
      if (s.kind[c] !== Kind.Figure) continue;
      const u = s.units[c] * POW10[dec - s.decimals[c]];
      size += Math.abs(u);
      sum += this.xs[k] > 0 ? u : -u;
    }
    const stated = tUnits * POW10[dec - tDec];
    if (size > SAFE || Math.abs(stated) > SAFE) return false;
    return sum === stated;
  }
}
