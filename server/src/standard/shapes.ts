/**
 * Identities applied once per table shape. A 部门预算 prints hundreds or thousands of forms of one kind (3,000
 * 项目申报表), each with the same parts, rows, columns and kinds of cells and other figures: binding an identity to each
 * (./bind) and expanding it (../rules/declared) reads the same names and finds the same places every time. A
 * `ShapeTemplates` (one per analyzer: a fresh analysis starts empty) keeps, per identity and table shape, what the
 * first table of that shape gave — its relations as places: a part of the table, or of another table it read, by
 * number, then a row and a column — and makes the same relations for every other table of that shape, without binding.
 *
 * What differs between two forms of one shape is the row of their project in another table (`「项目支出表」「{项目名称}」行`):
 * found for each form (bind.ts `fieldRowsOf`) and put in place of the first form's. A template is taken again only
 * while the other tables it read are the same objects with the same parts and the roles it asked for are played by
 * the same tables; a shape is everything the binding and the expansion read of a table but its figures' values (the
 * parts' names and columns, the rows' labels, codes and 行次, the kinds of their cells, the table's kind and unit),
 * known by a 64-bit hash of it (`ShapeHash`).
 */
import type { Cell, Part, Table } from '../model/document';
import { eachRowHead, KIND_OF, storeOf, type RowHead, type StoredPart } from '../model/rows';
import type { RelationList } from '../rules/compact';
import type { Expansion, RowAt } from '../rules/declared';
import type { Relation } from '../rules/relation';
import { sameItems } from '../util/arrays';
import type { Identity, StandardTable } from './set';

/**
 * A cell's place: `slot` 0 is the table the identity is applied for, k the k-th other table it read; `part` the part's
 * number in that table; `row` its row (−1 − j: the row of the j-th field, `fieldRowsOf`); `col` its column's index.
 */
interface Place { slot: number; part: number; row: number; col: number }

interface MadeRelation {
  rule: Relation['rule'];
  kind: Relation['kind'];
  title: string;
  /** The target's place, then the terms'. */
  places: Place[];
  /** Each term's sign, and its unit shift when it is read in another unit (the relation is then made as an object). */
  terms: { sign: 1 | -1; shift?: number }[];
}

/** What an identity gave for the first table of a shape. */
interface Template {
  outcome: Expansion | 'missing';
  missing?: string;
  relations: MadeRelation[];
  /** The other tables it read, and their parts then. */
  others: Table[];
  parts: Part[][];
  /** The roles it asked who plays, and who played them then. */
  consulted: StandardTable[];
  players: Table[][];
}

/** What a template gives for a table: as `Applier.expand` returns it (without what it read, which the caller adds). */
interface Instance {
  outcome: Template['outcome'];
  missing?: string;
  /** The other tables it read (the table itself is not listed). */
  others: Table[];
  consulted: StandardTable[];
}

const SEP = '\u0001';

/**
 * A running hash of what a shape holds: two 32-bit lanes over UTF-16 code units (FNV-1a, and a multiply-xorshift),
 * and how many units went in. A part's shape is its 64 bits and its length: two parts that differ share one with a
 * probability of about 2^-64 (at most 64 shapes are kept per identity), and building it allocates no text.
 */
class ShapeHash {
  private a = 0x811c9dc5 | 0;
  private b = 0x2545f491 | 0;
  private n = 0;

  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, 16777619);
    this.b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b ^= this.b >>> 13;
    this.n++;
  }

  /** A text, then an end (no two lists of texts hash alike by moving a boundary). */
  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.unit(s.charCodeAt(i));
    this.unit(0xfffe);
  }

  /** A whole number below 2^32, or none (NaN, undefined). */
  int(x: number | undefined): void {
    if (x === undefined || Number.isNaN(x)) { this.unit(0xffff); this.unit(0xffff); return; }
    this.unit(x & 0xffff);
    this.unit((x >>> 16) & 0xffff);
  }

  done(): string {
    let a = this.a;
    let b = this.b;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    return `${(a ^ (a >>> 16)) >>> 0}.${(b ^ (b >>> 16)) >>> 0}.${this.n}`;
  }
}

/** A part's shape (made once per part: a part whose rows change is a new part). */
const partShapes = new WeakMap<Part, string>();

function partShape(p: Part): string {
  let k = partShapes.get(p);
  if (k !== undefined) return k;
  const h = new ShapeHash();
  h.text(p.name ?? SEP);
  for (const c of p.columns) {
    h.text(c.name);
    for (const x of c.path) h.text(x);
    h.int(c.number);
    h.text(c.role);
    h.int(c.index);
  }
  h.unit(0xfffd);
  for (const f of p.fields) h.text(f.key);
  h.unit(0xfffd);
  const width = p.columns.length;
  eachRowHead(p, (r) => {
    h.text(r.label);
    const code = r.code;
    if (code === undefined) h.unit(0xfffc); else h.text(code);
    h.int(r.lineNo);
    rowKinds(r, width, h);
  });
  k = h.done();
  partShapes.set(p, k);
  return k;
}

/**
 * The kinds of a row's cells (none, or its `Kind`), its columns' and any it prints past them, into a shape's hash: a
 * row of a field in another table is part of a shape too (which column a binding reads of it may depend on them).
 */
function rowKinds(r: RowHead, width: number, h: ShapeHash): void {
  for (let i = 0; ; i++) {
    const kind = r.kindAt(i);
    if (kind === undefined && i >= width) break;
    h.unit(kind === undefined ? 0xfff0 : 0xfff1 + KIND_OF[kind]);
  }
  h.unit(0xfffb);
}

/** A table's shape, kept while its parts are the same (a table keeps its object while its parts are renewed). */
const tableShapes = new WeakMap<Table, { parts: Part[]; key: string }>();

/** A table's shape, with the kinds of the rows its fields name (`fields`). */
function shapeOf(t: Table, fields: readonly RowAt[]): string {
  let had = tableShapes.get(t);
  if (!had || !sameItems(had.parts, t.parts)) {
    let key = `${t.kind}${SEP}${t.unit ?? ''}`;
    for (const p of t.parts) key += `\u0005${partShape(p)}`;
    tableShapes.set(t, (had = { parts: t.parts.slice(), key }));
  }
  let k = had.key;
  for (const f of fields) {
    const h = new ShapeHash();
    eachRowHead(f.part, (r) => { rowKinds(r, f.part.columns.length, h); return false; }, f.row);
    k += `\u0006${f.part.table.parts.indexOf(f.part)}:${h.done()}`;
  }
  return k;
}

/** The largest number of shapes kept per identity (a document's forms are of a few shapes; a pathological one of many). */
const SHAPES_PER_IDENTITY = 64;

/**
 * The most rows a table applied by shape may have: a larger one is seldom repeated, and its key would cost about what
 * binding it does.
 */
const MOST_ROWS = 200;

/** A shape seen once: its template is made the second time (most tables of a document are the only ones of theirs). */
const SEEN_ONCE = 'seen once';

export class ShapeTemplates {
  private readonly byIdentity = new WeakMap<Identity, Map<string, Template | typeof SEEN_ONCE>>();
  /** How many times an identity was applied from a template (what a test or a bench reads). */
  uses = 0;
  /** The table and the other tables a template is resolved in (reused from one table to the next). */
  private readonly tables: Table[] = [];
  /** The places of a template resolved in a table (reused from one table to the next). */
  private readonly resolved: Resolved[] = [];

  /** The key a table and its fields' rows are looked up by; undefined for a table too large to be applied by shape. */
  key(t: Table, fields: readonly RowAt[]): string | undefined {
    let rows = 0;
    for (const p of t.parts) if ((rows += storeOf(p)?.count ?? p.rows.length) > MOST_ROWS) return undefined;
    return shapeOf(t, fields);
  }

  /**
   * The relations an identity gives for `t` (whose shape is `key`, its fields naming `fields`), appended to `made`;
   * undefined when no table of this shape has been seen with these other tables and roles (nothing is appended).
   */
  apply(idn: Identity, key: string, t: Table, fields: readonly RowAt[], players: (st: StandardTable) => Table[], made: RelationList): Instance | undefined {
    const tpl = this.byIdentity.get(idn)?.get(key);
    if (!tpl || tpl === SEEN_ONCE) return undefined;
    for (let k = 0; k < tpl.others.length; k++) if (!sameItems(tpl.others[k].parts, tpl.parts[k])) return undefined;
    for (let k = 0; k < tpl.consulted.length; k++) if (!sameItems(players(tpl.consulted[k]), tpl.players[k])) return undefined;
    const tables = this.tables;
    tables.length = 0;
    tables.push(t, ...tpl.others);
    // Every place first (a table with a row its twin lacks makes nothing: it is bound as usual), then the relations.
    const at = this.resolved;
    let n = 0;
    for (const rel of tpl.relations) {
      for (const place of rel.places) {
        const x = resolve(tables, place, fields);
        if (!x) return undefined;
        at[n++] = x;
      }
    }
    n = 0;
    for (const rel of tpl.relations) {
      const from = n;
      n += rel.places.length;
      let stored = !rel.terms.some((x) => x.shift);
      for (let k = from; k < n && stored; k++) stored = typeof at[k].cell === 'number';
      if (stored) {
        const target = at[from];
        made.begin(rel.rule, rel.kind, rel.title, undefined, made.part(target.part as StoredPart), target.row, target.cell as number);
        for (let k = from + 1; k < n; k++) made.term(made.part(at[k].part as StoredPart), at[k].row, at[k].cell as number, rel.terms[k - from - 1].sign);
        made.end();
        continue;
      }
      const cellOf = (x: Resolved): Cell => (typeof x.cell === 'number' ? (x.part as StoredPart).cellAt(x.row, x.cell) : x.cell);
      made.add({
        rule: rel.rule, kind: rel.kind, title: rel.title, target: cellOf(at[from]),
        terms: rel.terms.map((x, k) => (x.shift ? { sign: x.sign, cell: cellOf(at[from + k + 1]), shift: x.shift } : { sign: x.sign, cell: cellOf(at[from + k + 1]) })),
      });
    }
    this.uses++;
    return { outcome: tpl.outcome, ...(tpl.missing !== undefined ? { missing: tpl.missing } : {}), others: tpl.others, consulted: tpl.consulted };
  }

  /**
   * Keeps what `idn` gave for `t` (bound and expanded): its relations in `made`, having read the tables `read` and
   * asked for the roles `consulted`. Nothing is kept when a relation names a cell of a table it did not read.
   */
  keep(idn: Identity, key: string, t: Table, fields: readonly RowAt[], result: { outcome: Template['outcome']; missing?: string }, made: RelationList, read: readonly Table[], consulted: readonly StandardTable[], players: (st: StandardTable) => Table[]): void {
    let byKey = this.byIdentity.get(idn);
    if (!byKey) this.byIdentity.set(idn, (byKey = new Map()));
    if (byKey.size >= SHAPES_PER_IDENTITY) byKey.clear();
    if (!byKey.has(key)) {
      byKey.set(key, SEEN_ONCE);
      return;
    }
    const others = [...new Set(read)].filter((x) => x !== t);
    const tables = [t, ...others];
    const placeOf = (c: Cell): Place | undefined => {
      const part = c.row.part;
      const slot = tables.indexOf(part.table);
      if (slot < 0) return undefined;
      const p = part.table.parts.indexOf(part);
      const col = c.row.cells.indexOf(c);
      if (p < 0 || col < 0) return undefined;
      const j = fields.findIndex((f) => f.part === part && f.row === c.row.index);
      return { slot, part: p, row: j >= 0 ? -1 - j : c.row.index, col };
    };
    const relations: MadeRelation[] = [];
    for (let i = 0; i < made.count; i++) {
      const r = made.relation(i);
      const places: Place[] = [];
      for (const c of [r.target, ...r.terms.map((x) => x.cell)]) {
        const place = placeOf(c);
        if (!place) return;
        places.push(place);
      }
      relations.push({ rule: r.rule, kind: r.kind, title: r.title, places, terms: r.terms.map((x) => (x.shift ? { sign: x.sign, shift: x.shift } : { sign: x.sign })) });
    }
    byKey.set(key, {
      outcome: result.outcome, ...(result.missing !== undefined ? { missing: result.missing } : {}), relations,
      others, parts: others.map((x) => x.parts.slice()), consulted: [...consulted], players: consulted.map((st) => players(st).slice()),
    });
  }
}

/** A place in the tables now: its part, row, and cell (a number in a stored part's store, else the cell). */
interface Resolved { part: Part; row: number; cell: number | Cell }

function resolve(tables: Table[], place: Place, fields: readonly RowAt[]): Resolved | undefined {
  const field = place.row < 0 ? fields[-1 - place.row] : undefined;
  const part = field ? field.part : tables[place.slot]?.parts[place.part];
  const row = field ? field.row : place.row;
  if (!part) return undefined;
  const store = storeOf(part);
  if (store) {
    const c = row < store.count ? store.cellAt(row, place.col) : -1;
    return c < 0 ? undefined : { part, row, cell: c };
  }
  const cell = part.rows[row]?.cells[place.col];
  return cell && { part, row, cell };
}
