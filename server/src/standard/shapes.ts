/**
 * Identities applied once per table shape. A 部门预算 prints hundreds or thousands of forms of one kind (3,000
 * 项目申报表), each with the same parts, rows, columns and kinds of cells and other figures; a province prints its
 * 收支总表, 三公 table and forms alike in every department's document; a document reopened, or analysed again after an
 * edit, prints most of its tables as they were. Binding an identity to each (./bind) and expanding it
 * (../rules/declared) reads the same names and finds the same places every time. The templates keep, per identity and
 * table shape, what a table of that shape gave the second time one was met beside other tables of the same shapes (the
 * first time only marks it: most shapes are met once, and while a row is typed each key makes a new one) — its
 * relations as places: a part of the table, or of another table it read, by number, then a row and a column — and
 * make the same relations for every other table of that shape, without binding. They are kept per language (a
 * relation's title and a missing name's message are in it) for every analyzer of the process, bounded in number and
 * size.
 *
 * A template is taken only beside other tables like those it was made beside: each other table it read is found again
 * as the player of the same role, and every role it asked for is played by as many tables, of the same shapes, standing
 * where they stood (the table itself, an other it read, or one it did not read); a shape may keep a template for each
 * of a few such contexts. Its identity's condition must read as it did (the caller keys the shape by it: stated or
 * not, holding, not holding, naming nothing). What differs between two forms of one shape is the row of their
 * project in another table (`「项目支出表」「{项目名称}」行`): found for each form (bind.ts `fieldRowsOf`) and put in
 * place of the first form's. A shape is everything the binding and the expansion read of a table but its figures'
 * values (the parts' names and columns, the rows' labels, codes and 行次, the kinds of their cells, the table's kind
 * and unit), known by a 64-bit hash of it (`ShapeHash`).
 */
import type { Cell, Part, Table } from '../model/document';
import { cellNumber, KIND_OF, rowCount, storeOf, type RowStore, type StoredPart } from '../model/rows';
import { ruleKindOf, type RelationList } from '../rules/compact';
import type { Expansion, RowAt } from '../rules/declared';
import type { Relation } from '../rules/relation';
import { sameItems } from '../util/arrays';
import { forgetContentsChecks } from './completeness';
import type { Identity, StandardTable } from './set';

/**
 * A cell's place, as four numbers in a template's `ints`: its part (the number of its table's slot and part in the
 * template's parts), its row (−1 − j: the row of the j-th field, `fieldRowsOf`), its column's index, and its number
 * in its part's store (−1: the part is not stored, or the row is a field's). Two tables of one shape print the same
 * cells in the same rows: a cell's number in one is its number in the other.
 */
const PLACE = 4;

/** A relation of a template, as it was made (a template keeps its numbers in `ints`, and this for one not made from them alone). */
interface MadeRelation {
  rule: Relation['rule'];
  kind: Relation['kind'];
  /** Its rule and kind as a list's arrays code them (`ruleKindOf`). */
  code: number;
  title: string;
  /** Each term's sign, and its unit shift when it is read in another unit (the relation is then made as an object). */
  terms: readonly { sign: 1 | -1; shift?: number }[];
  /** Whether a term has a unit shift. */
  shifted: boolean;
  /** Whether every place is a cell of a stored part by its number, none a field's: made from the numbers alone. */
  direct: boolean;
}

/**
 * Another table a template read: a role it asked who plays (the one this table plays) and its place among the role's
 * tables. The binding reads another table only as the player of a role (bind.ts `term`).
 */
interface Other { st: StandardTable; index: number }

/**
 * A role a template asked who plays, and its tables then: each as its slot among the template's tables (0 the table
 * itself, k the k-th other; −1 one it did not read) and its shape (`tableKey`): how many play it, and what they hold,
 * decide the binding as much as the tables it read (a role of two tables cannot be read as one figure; a role whose
 * tables print no row stands for zero).
 */
interface Asked { st: StandardTable; slots: number[]; keys: string[] }

/**
 * What a template read beside its table (its context): the other tables it read, the roles it asked who plays. One
 * object for every template made in the same context (`TemplateStore.context`): a table's identities mostly read the
 * same, and whether the table's tables fit it is asked once per table and pass (`Fitting`), not once per identity.
 */
interface Context {
  /** The other tables it read. */
  others: Other[];
  /** The roles it asked who plays (every other table it read plays one of them). */
  asked: Asked[];
  /** The standard tables of those roles. */
  consulted: StandardTable[];
}

/** What an identity gave for a table of a shape, beside other tables (its context) met once before. */
interface Template {
  outcome: Expansion | 'missing';
  missing: string | undefined;
  /**
   * Its numbers, in one array (one object to read, not one per relation and list: a pass reads thousands of
   * templates, each once): every relation's places, `PLACE` numbers each, from 0; the parts they are in, from
   * `partsAt`, each as its table's slot (0 the table itself, k the k-th other) then its number there; the places to
   * find in the tables before a relation is made (a field's row, a cell of a part not stored), from `checkedAt`; from
   * `relationsAt`, each relation: its rule and kind (`ruleKindOf`), its number of terms, 1 when it is made from the
   * numbers alone (`MadeRelation.direct`) else 0, then its terms' signs.
   */
  ints: readonly number[];
  partsAt: number;
  checkedAt: number;
  relationsAt: number;
  /** How many relations it makes. */
  count: number;
  /** Their title (one identity's relations share one: a template is kept only then). */
  title: string;
  /** The relations not made from the numbers alone, at their numbers (none for most templates). */
  indirect: readonly (MadeRelation | undefined)[];
  context: Context;
}

/** No table (never written to: a role no table plays, a template that read no other table). */
export const NO_TABLES = Object.freeze([]) as readonly Table[] as Table[];

/**
 * What a template gives for a table: its outcome, and what it read (the other tables, the roles it asked for). One
 * object per `Fitting`, written over by each `ShapeTemplates.apply` (its callers read it at once: a pass applies
 * hundreds).
 */
interface Instance {
  outcome: Template['outcome'];
  missing: string | undefined;
  /** The other tables it read, not the table itself (one list for the instances that read the same: read only). */
  others: readonly Table[];
  consulted: StandardTable[];
}

const SEP = '\u0001';

/**
 * A running hash of what a shape holds: two 32-bit lanes over UTF-16 code units (FNV-1a, and a multiply-xorshift),
 * and how many units went in. A part's shape is its 64 bits and its length: two parts that differ share one with a
 * probability of about 2^-64 (at most 1,024 shapes are kept per identity), and building it allocates no text.
 */
class ShapeHash {
  /** The lanes and the count (read and written in place by `storedRows`, which hashes in locals). */
  a = 0x811c9dc5 | 0;
  b = 0x2545f491 | 0;
  n = 0;

  /** As new (a hash used again: `keep`'s). */
  reset(): void {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x2545f491 | 0;
    this.n = 0;
  }

  unit(c: number): void {
    this.a = laneA(this.a, c);
    this.b = laneB(this.b, c);
    this.n++;
  }

  /** A text, then an end (no two lists of texts hash alike by moving a boundary). */
  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = laneA(a, c);
      b = laneB(b, c);
    }
    this.a = laneA(a, 0xfffe);
    this.b = laneB(b, 0xfffe);
    this.n += s.length + 1;
  }

  /** A short text by its number (`textNumber`): the same text, the same number; another text, another. */
  name(s: string): void {
    this.int(textNumber(s));
  }

  /** A whole number below 2^32, or none (NaN, undefined). */
  int(x: number | undefined): void {
    if (x === undefined || Number.isNaN(x)) { this.unit(0xffff); this.unit(0xffff); return; }
    this.unit(x & 0xffff);
    this.unit((x >>> 16) & 0xffff);
  }

  /**
   * The shape: its two lanes and its count, 16 bits to a code unit (six units, made flat at once: it is looked up in
   * maps and compared for every identity of a table, which a longer text, joined from parts, made slower to hash).
   * An internal key, never shown or written.
   */
  done(): string {
    let a = this.a;
    let b = this.b;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b ^= b >>> 16;
    const n = this.n;
    return String.fromCharCode(a & 0xffff, (a >>> 16) & 0xffff, b & 0xffff, (b >>> 16) & 0xffff, n & 0xffff, (n >>> 16) & 0xffff);
  }
}

/** The hash of the context of a template that read no other table and asked for no role (`keep`): most are. */
const EMPTY_CONTEXT = new ShapeHash().done();

/**
 * The short texts of a shape (a part's name, its columns' names, groups and roles, its fields' keys, a plain part's
 * rows' labels and codes, a table's kind and unit), each by a number: the next one when the text is first met, never
 * given to another text. A text is hashed by the engine's map (natively, once per string) rather than character by
 * character here: a table's columns and their groups were most of what hashing a table cost (thousands of forms, each
 * with its columns). Past `TEXTS`, the texts are dropped and numbered anew when met again: a shape made before then
 * differs from the same shape made after (its templates are made again, as for a shape not met), and never equals
 * another's, since no number is given twice.
 */
const textNumbers = new Map<string, number>();
let nextText = 0;
const TEXTS = 65_536;

function textNumber(s: string): number {
  let n = textNumbers.get(s);
  if (n === undefined) {
    if (textNumbers.size >= TEXTS) textNumbers.clear();
    // A copy of its own: the text may be a slice of a document's, which the map must not keep alive.
    textNumbers.set(JSON.parse(JSON.stringify(s)) as string, (n = nextText++));
  }
  return n;
}

/**
 * A large part's shape, kept while the part is (a part whose rows change is a new part): a table of 10,000 rows whose
 * other part is edited is not read again. A small part (a form's) is read into its table's hash, with nothing kept.
 */
const partShapes = new WeakMap<Part, string>();

/** A part of more rows than this has its shape kept (`partShapes`). */
const KEPT_PART = 32;

function partShape(p: Part): string {
  let k = partShapes.get(p);
  if (k === undefined) {
    const h = PART;
    h.reset();
    partInto(p, h);
    partShapes.set(p, (k = h.done()));
  }
  return k;
}

/**
 * The hashes `partShape` and `tableKey` use again and again (one call at a time each: `tableKey` calls `partShape`,
 * which hashes no table).
 */
const PART = new ShapeHash();
const TABLE = new ShapeHash();

/** What a part's shape holds, into `h`. */
function partInto(p: Part, h: ShapeHash): void {
  h.name(p.name ?? SEP);
  // Each list with its length first (its items are numbers, which an end mark could equal).
  const columns = p.columns;
  h.int(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    h.name(c.name);
    const path = c.path;
    h.int(path.length);
    for (let k = 0; k < path.length; k++) h.name(path[k]);
    h.int(c.number);
    h.name(c.role);
    h.int(c.index);
  }
  h.unit(0xfffd);
  const fields = p.fields;
  h.int(fields.length);
  for (let i = 0; i < fields.length; i++) h.name(fields[i].key);
  h.unit(0xfffd);
  const width = columns.length;
  const s = storeOf(p);
  // A stored part and a plain one are of different shapes: a template reads a stored part's cells by their numbers.
  h.unit(s ? 0xfffa : 0xfff9);
  if (s) {
    h.int(s.count);
    storedRows(s, width, h);
  } else {
    // A plain part's rows read as they are (what `eachRowHead` would give of each, without a head made per row).
    const rows = p.rows;
    h.int(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      h.name(r.label);
      const code = r.code;
      h.int(code === undefined ? undefined : textNumber(code));
      h.int(r.lineNo);
      cellKinds(r.cells, width, h);
    }
  }
}

/**
 * A stored part's rows into a shape's hash, from the store's arrays: each label's characters read in its line (no
 * text made), a code of digits as its number and length, the kinds of a row's cells eight to a unit. The hash's lanes
 * are kept in locals here (most of a shape is its rows: 24,000 of them in a large 部门决算).
 */
function storedRows(s: RowStore, width: number, h: ShapeHash): void {
  let a = h.a;
  let b = h.b;
  let n = h.n;
  const src = s.source;
  for (let r = 0; r < s.count; r++) {
    const start = s.labelStart(r);
    if (start >= 0) {
      const line = s.line(r);
      const text = src.lineString(line);
      const at = src.lineStart(line);
      const end = at + s.labelEnd(r);
      for (let i = at + start; i < end; i++) {
        const c = text.charCodeAt(i);
        a = laneA(a, c);
        b = laneB(b, c);
      }
      n += end - at - start;
    }
    a = laneA(a, 0xfffe);
    b = laneB(b, 0xfffe);
    let code: number;
    if (!s.hasCode(r)) code = -1;
    else {
      const num = s.codeNum(r);
      if (Number.isNaN(num)) {
        const text = s.code(r)!;
        for (let i = 0; i < text.length; i++) {
          a = laneA(a, text.charCodeAt(i));
          b = laneB(b, text.charCodeAt(i));
        }
        n += text.length;
        code = -2;
      } else {
        // Below 2^50 (at most 15 digits): its low and high 25 bits, and its length.
        code = num % 0x2000000;
        a = laneA(a, Math.floor(num / 0x2000000));
        b = laneB(b, Math.floor(num / 0x2000000));
        a = laneA(a, s.codeLen(r));
        b = laneB(b, s.codeLen(r));
        n += 2;
      }
    }
    a = laneA(a, code);
    b = laneB(b, code);
    const line = s.lineNo(r);
    const no = Number.isNaN(line) ? -1 : line;
    a = laneA(a, no);
    b = laneB(b, no);
    // The kinds of its cells (3 bits each, 0 none) to the part's width or its last cell, eight to a unit.
    const from = s.firstCell(r);
    const cells = s.endCell(r) - from;
    const count = Math.max(cells, width);
    let packed = count;
    for (let i = 0; i < count; i++) {
      packed = packed * 8 + (i < cells ? 1 + s.kind(from + i) : 0);
      if ((i & 7) === 7) {
        a = laneA(a, packed);
        b = laneB(b, packed);
        packed = 0;
        n++;
      }
    }
    a = laneA(a, packed);
    b = laneB(b, packed);
    n += 4;
  }
  h.a = a;
  h.b = b;
  h.n = n;
}

/** The hash's two lanes, one unit on (`ShapeHash.unit`). */
function laneA(a: number, c: number): number {
  return Math.imul(a ^ c, 16777619);
}

function laneB(b: number, c: number): number {
  const x = Math.imul(b ^ c, 0x5bd1e995);
  return x ^ (x >>> 13);
}

/**
 * The kinds of a row's cells (none, or its `Kind`), its columns' and any it prints past them, into a shape's hash: a
 * row of a field in another table is part of a shape too (which column a binding reads of it may depend on them).
 * This for row `r` of a store, from its arrays; `cellKinds` for a plain part's row.
 */
function storedKinds(s: RowStore, r: number, width: number, h: ShapeHash): void {
  for (let i = 0; ; i++) {
    const c = s.cellAt(r, i);
    if (c < 0 && i >= width) break;
    h.unit(c < 0 ? 0xfff0 : 0xfff1 + s.kind(c));
  }
  h.unit(0xfffb);
}

/** `storedKinds`, for a plain part's row, from its cells. */
function cellKinds(cells: readonly Cell[], width: number, h: ShapeHash): void {
  for (let i = 0; ; i++) {
    const kind = cells[i]?.kind;
    if (kind === undefined && i >= width) break;
    h.unit(kind === undefined ? 0xfff0 : 0xfff1 + KIND_OF[kind]);
  }
  h.unit(0xfffb);
}

/**
 * A table's shape, kept while its parts are the same (a table keeps its object while its parts are renewed), and the
 * one it had with the parts before (`shapeWas`).
 */
interface KnownShape { parts: Part[]; key: string; was: { parts: Part[]; key: string } | undefined }

const tableShapes = new WeakMap<Table, KnownShape>();

/** How many tables' shapes were hashed in the process (for tests: a document reopened hashes none). */
let hashedTables = 0;

export function tablesHashed(): number {
  return hashedTables;
}

/** A table's shape, without its fields' rows. */
export function tableKey(t: Table): string {
  let had = tableShapes.get(t);
  if (!had || !sameItems(had.parts, t.parts)) {
    hashedTables++;
    const h = TABLE;
    h.reset();
    h.name(t.kind);
    h.name(t.unit ?? '');
    for (const p of t.parts) {
      if (rowCount(p) > KEPT_PART) h.text(partShape(p)); else partInto(p, h);
      h.unit(0xfff7);
    }
    // Every field set, in one order (one hidden class).
    const was = had ? { parts: had.parts, key: had.key } : undefined;
    tableShapes.set(t, (had = { parts: t.parts.slice(), key: h.done(), was }));
  }
  return had.key;
}

/** A hash used again and again (`fieldsKey`: one call at a time, nothing it calls hashes). */
const FIELDS = new ShapeHash();

/**
 * What a table's fields print (its own, then each part's, in order: `fieldsOf`), as a 64-bit hash of their keys and
 * values, read in place (no text joined): six code units, or none when it prints no field (most tables). Not part of
 * its shape (a form's 项目名称 differs from form to form); the recall keys a table by both (./apply `tablesKey`), and
 * compares the fields themselves of a table it finds (a hash may, rarely, give two lists of fields one key).
 */
export function fieldsKey(t: Table): string {
  let count = t.fields.length;
  for (const p of t.parts) count += p.fields.length;
  if (!count) return '';
  const h = FIELDS;
  h.reset();
  h.int(count);
  for (const f of t.fields) { h.text(f.key); h.text(f.value); }
  for (const p of t.parts) for (const f of p.fields) { h.text(f.key); h.text(f.value); }
  return h.done();
}

/**
 * The shape a table had when its parts were `parts` (its parts since renewed, or the table replaced), when it was
 * known then or they are its parts still; undefined when not.
 */
export function shapeWas(t: Table, parts: readonly Part[]): string | undefined {
  const had = tableShapes.get(t);
  if (had && sameItems(had.parts, parts)) return had.key;
  if (had?.was && sameItems(had.was.parts, parts)) return had.was.key;
  return sameItems(t.parts, parts) ? tableKey(t) : undefined;
}

/**
 * Gives `t` the shape `o` had when its parts were `parts`, when that is known (it is not made here): `t` is read from
 * the same text as `o` was then (a document recalled by its text, ./apply), so every part of it is of the same shape
 * — a document read again whose tables are carried over asks its tables' shapes only of its named quantities' cells
 * (`decidedCell`), which then hash nothing.
 */
export function shapeAsBefore(t: Table, o: Table, parts: readonly Part[]): void {
  const had = tableShapes.get(o);
  if (!had || tableShapes.has(t)) return;
  const key = sameItems(had.parts, parts) ? had.key : had.was && sameItems(had.was.parts, parts) ? had.was.key : undefined;
  // Every field set, in one order (one hidden class).
  if (key !== undefined) tableShapes.set(t, { parts: t.parts.slice(), key, was: undefined });
}

/** A table's shape, with the kinds of the rows its fields name (`fields`). */
function shapeOf(t: Table, fields: readonly RowAt[]): string {
  let k = tableKey(t);
  if (fields.length === 1) {
    // A form's identities name its project's row alike (one `RowAt` for them all, bind.ts `fieldRowsOf`): its key once.
    const had = fieldKeys.get(fields[0]);
    if (had?.table === t && had.base === k) return had.key;
    const key = k + fieldKey(fields[0]);
    fieldKeys.set(fields[0], { table: t, base: k, key });
    return key;
  }
  for (const f of fields) k += fieldKey(f);
  return k;
}

/** The shape of a table with one field's row, by that row (`shapeOf`). */
const fieldKeys = new WeakMap<RowAt, { table: Table; base: string; key: string }>();

/** What a field's row adds to its table's shape: the kinds of its cells, and its part. */
function fieldKey(f: RowAt): string {
  const h = new ShapeHash();
  const width = f.part.columns.length;
  const s = storeOf(f.part);
  // Its cells' kinds (`storedKinds`, `cellKinds`): no row's head made.
  if (s) {
    if (f.row < s.count) storedKinds(s, f.row, width, h);
  } else {
    const r = f.part.rows[f.row];
    if (r) cellKinds(r.cells, width, h);
  }
  return `\u0006${f.part.table.parts.indexOf(f.part)}:${h.done()}`;
}

/**
 * The largest number of shapes kept per identity (and language): a document's forms are of a few shapes, a session's
 * documents of some hundreds; past it, the identity's are dropped and made again.
 */
const SHAPES_PER_IDENTITY = 1024;

/**
 * The most the templates of one language may hold, in bytes as `cost` counts them (a 部门预算 of 33,000 rows needs
 * about 5 MB): past it, all are dropped and made again as tables are met (a session that opens many large documents).
 */
const MOST_BYTES = 16_000_000;

/**
 * The most contexts kept for one identity and shape, met once or with a template: one per set of other tables of other
 * shapes it was met with (a 江苏 财政拨款收支总表 prints the same rows in every department's document, beside each
 * department's own 收支总表).
 */
const CONTEXTS = 8;

/**
 * What one identity keeps for one shape: its templates (the latest first) and the contexts met only once. A template
 * is made the second time a table of this shape is met in one context: most are met once (a table's only shape in
 * its document), and while a row is typed into a table the tables that read it are met in a new context each key.
 */
interface ShapeEntry {
  /** The latest template (`templates[0]`), read without its list: most shapes keep one. */
  latest: Template | undefined;
  /** Its templates, latest first (`NO_TEMPLATES` until it has one). */
  templates: Template[];
  /** The contexts it was met in once (`NO_MARKS` until it is). */
  once: string[];
  /**
   * Whether it is in the store's `byShape` (filed with its first template: a shape met only once, as most are, is
   * looked up there for nothing — its entries there, a weak map per shape, were most of what marking it cost).
   */
  filed: boolean;
  /** The shape it is kept for (an identity that keeps one shape holds its entry alone: `TemplateStore.entry`). */
  key: string;
}

/** An entry of no template, met in no context yet, for the shape `key`. */
function newEntry(key: string): ShapeEntry {
  // Every field set, in one order (one hidden class).
  return { latest: undefined, templates: NO_TEMPLATES, once: NO_MARKS, filed: false, key };
}

/** No template, no context met once: an entry's lists until it has some (never written to). */
const NO_TEMPLATES = Object.freeze([]) as readonly Template[] as Template[];
const NO_MARKS = Object.freeze([]) as readonly string[] as string[];

/** Whether a context read the same other tables and asked for the same roles, played alike. */
function sameContext(c: Context, others: readonly Other[], asked: readonly Asked[]): boolean {
  return c.others.length === others.length && c.asked.length === asked.length
    && c.others.every((o, i) => o.st === others[i].st && o.index === others[i].index)
    && c.asked.every((a, i) => a.st === asked[i].st && sameItems(a.slots, asked[i].slots) && sameItems(a.keys, asked[i].keys));
}

/** The most contexts shared by the templates of one language (`TemplateStore.context`). */
const CONTEXTS_SHARED = 4096;

/**
 * The entries of one shape, by identity, and how many (an identity's entries are dropped with its shapes: the shape is
 * forgotten with its last; an identity collected — a province's set read again — leaves its shapes' keys and counts
 * here until everything is dropped, `MOST_BYTES`).
 */
interface ShapeIdentities {
  entries: WeakMap<Identity, ShapeEntry>;
  count: number;
}

/** About what a template holds, in bytes: its places, its relations' entries, the shapes of the roles it asked about. */
function cost(t: Template): number {
  let n = 200 + 4 * t.ints.length + 48 * t.count;
  for (const a of t.context.asked) n += 16 * a.keys.length;
  return n;
}

/** The templates of one language (their relations' titles and their messages are in it), for every analyzer. */
class TemplateStore {
  /**
   * What each identity keeps, by shape (the bounds are counted per identity): its one entry while it keeps one shape
   * (a first pass marks each identity's shape once — a map per identity was most of what marking allocated), a map by
   * shape from its second.
   */
  private byIdentity = new WeakMap<Identity, ShapeEntry | Map<string, ShapeEntry>>();
  /**
   * The same entries by shape, then identity, those with a template (`ShapeEntry.filed`): a table's identities are
   * looked up one after the other under its shape (`Fitting.entries`: the shape's found once per table and pass, not
   * once per identity).
   */
  byShape = new Map<string, ShapeIdentities>();
  /**
   * What the templates hold (`cost`). An identity collected with its templates (a province's set read again) is not
   * taken off: the count is reset when everything is dropped.
   */
  bytes = 0;
  /** The cells shapes decide (`decidedCell`), by what they are and shape: part, row and column; null: none. */
  readonly cells = new WeakMap<object, Map<string, [number, number, number] | null>>();

  /**
   * The contexts of the templates, by their hash (`keep`), then compared: one object for equal ones, the first made.
   * The hash names a standard table by its title, which two sets may share (a province's copy of the shipped set).
   */
  private contexts = new Map<string, Context[]>();

  /** The context hashed `hash` of these tables: the one kept when it is known, else `others` and `asked`, kept. */
  context(hash: string, others: Other[], asked: Asked[]): Context {
    let list = this.contexts.get(hash);
    if (!list) {
      // Bounded: past it, new templates get new objects (those kept keep theirs; equal contexts are merely not shared).
      if (this.contexts.size >= CONTEXTS_SHARED) this.contexts = new Map();
      this.contexts.set(hash, (list = []));
    }
    let c = list.find((x) => sameContext(x, others, asked));
    if (!c) list.push((c = { others, asked, consulted: asked.map((a) => a.st) }));
    return c;
  }

  /** What `idn` keeps for a shape, made empty when new (the identity's all dropped when it keeps too many). */
  entry(idn: Identity, key: string): ShapeEntry {
    const had = this.byIdentity.get(idn);
    if (!had) {
      const e = newEntry(key);
      this.byIdentity.set(idn, e);
      return e;
    }
    let byKey: Map<string, ShapeEntry>;
    if (had instanceof Map) byKey = had;
    else if (had.key === key) return had;
    else this.byIdentity.set(idn, (byKey = new Map([[had.key, had]])));
    let e = byKey.get(key);
    if (!e) {
      if (byKey.size >= SHAPES_PER_IDENTITY) {
        for (const [k, x] of byKey) {
          for (const t of x.templates) this.bytes -= cost(t);
          const shape = this.byShape.get(k);
          if (shape?.entries.delete(idn) && --shape.count === 0) this.byShape.delete(k);
        }
        byKey.clear();
      }
      byKey.set(key, (e = newEntry(key)));
    }
    return e;
  }

  /** Files `idn`'s entry `e` of shape `key` under the shape (`byShape`): it has a template. */
  private file(idn: Identity, key: string, e: ShapeEntry): void {
    let shape = this.byShape.get(key);
    if (!shape) this.byShape.set(key, (shape = { entries: new WeakMap(), count: 0 }));
    shape.entries.set(idn, e);
    shape.count++;
    e.filed = true;
  }

  /** Files a template before the others of its shape (the oldest beyond `CONTEXTS` dropped). */
  add(idn: Identity, key: string, e: ShapeEntry, tpl: Template): void {
    if (e.templates === NO_TEMPLATES) e.templates = [];
    if (!e.filed) this.file(idn, key, e);
    e.templates.unshift(tpl);
    e.latest = tpl;
    this.bytes += cost(tpl);
    if (e.templates.length > CONTEXTS) this.bytes -= cost(e.templates.pop()!);
    if (this.bytes > MOST_BYTES) {
      this.byIdentity = new WeakMap();
      this.byShape = new Map();
      this.contexts = new Map();
      const now = this.entry(idn, key);
      now.templates = [tpl];
      now.latest = tpl;
      this.file(idn, key, now);
      this.bytes = cost(tpl);
    }
  }
}

/** The stores, by the language's messages (a module's constant per locale, i18n/standard). */
let stores = new WeakMap<object, TemplateStore>();

/**
 * Drops every template of every language: the next analysis meets each shape for the first time, as the first
 * document of a session does (for benches that measure that pass; analyzers made before keep their stores).
 */
export function forgetTemplates(): void {
  stores = new WeakMap();
  forgetContentsChecks();
}

/** A context's tables found for a table: the table, then the others it reads; and those others, as an instance gives them. */
interface Fit {
  tables: Table[];
  others: readonly Table[];
}

/**
 * Which tables fit a template's context, as the identities of one table ask one after the other in a pass (a
 * section's, then the document's, apply a table's identities in a row): for the table last asked about, the answer
 * per context. One per pass (an applier's): who plays a role is fixed in it, and so are the tables' shapes.
 */
export class Fitting {
  private table: Table | undefined = undefined;
  /**
   * The contexts asked about for `table`, and their answers: the first `asked` of each (written over for the next
   * table, not emptied: an array emptied gives up its room, and each table's first answer made it again).
   */
  private readonly contexts: Context[] = [];
  private readonly fits: (Fit | undefined)[] = [];
  private asked = 0;
  /** The other tables an instance read, the last given. */
  private lastOthers: Table[] = NO_TABLES;
  /**
   * What `ShapeTemplates.apply` gave last with this fitting (written over by the next: its callers read it at once). The
   * fitting's, as the lists above are: an applier's, let go with it after its pass.
   */
  readonly instance: Instance = { outcome: 'applied', missing: undefined, others: NO_TABLES, consulted: [] };

  /** `players`: who plays a role in this pass. */
  constructor(readonly players: (st: StandardTable) => Table[]) {}

  /**
   * The shapes found in this pass (a table's identities look theirs up one after the other, some under its shape as a
   * condition reads it), and the last one found — in the store of the pass's templates (one: an applier's). A shape's
   * entries dropped from the store meanwhile (its bounds) may still be found here until the pass ends: their templates
   * are what binding gives all the same.
   */
  private found?: Map<string, WeakMap<Identity, ShapeEntry>>;
  private lastKey: string | undefined = undefined;
  private lastEntries: WeakMap<Identity, ShapeEntry> | undefined = undefined;

  /**
   * The entries of shape `key` in `store`, by identity; undefined when the shape has none (asked of the store each time:
   * a shape met for the first time in a pass may be given entries in it, a form's for the next form).
   */
  entries(store: TemplateStore, key: string): WeakMap<Identity, ShapeEntry> | undefined {
    if (key === this.lastKey) return this.lastEntries;
    let entries = this.found?.get(key);
    if (!entries) {
      entries = store.byShape.get(key)?.entries;
      if (!entries) return undefined;
    }
    // The shapes found are those listed and the last: the last listed when another is found (the list made then — a
    // section's applier, one per form, mostly asks of one shape).
    if (this.lastKey !== undefined) (this.found ??= new Map()).set(this.lastKey, this.lastEntries!);
    this.lastKey = key;
    this.lastEntries = entries;
    return entries;
  }

  /**
   * The tables `t` is read beside when a template of context `c` is taken for it: undefined unless it was made beside
   * other tables of the shapes `t`'s have, asked for roles played as they are now.
   */
  fit(c: Context, t: Table): Fit | undefined {
    if (t !== this.table) {
      this.table = t;
      this.asked = 0;
    }
    // A table meets a few contexts: searched.
    const contexts = this.contexts;
    for (let i = 0; i < this.asked; i++) if (contexts[i] === c) return this.fits[i];
    const tables = tablesFitting(c, t, this.players);
    const fit = tables && { tables, others: c.others.length ? this.othersOf(tables) : NO_TABLES };
    contexts[this.asked] = c;
    this.fits[this.asked++] = fit;
    return fit;
  }

  /**
   * `tables` but the first (the table itself), as the last instance's list when it read the same (the forms of a
   * document read the same table that prints their projects: one list for them all, which their callers keep).
   */
  private othersOf(tables: readonly Table[]): Table[] {
    const last = this.lastOthers;
    let same = last.length === tables.length - 1;
    for (let i = 1; same && i < tables.length; i++) same = last[i - 1] === tables[i];
    return same ? last : (this.lastOthers = tables.slice(1));
  }
}

/**
 * `t`, then the other tables context `c` read, as `players` plays their roles; undefined when they do not fit `c`. A
 * table's slot is its place among them (a few: searched, no map made per call).
 */
function tablesFitting(c: Context, t: Table, players: (st: StandardTable) => Table[]): Table[] | undefined {
  const others = c.others;
  // Made at its length (grown by pushes, a list of two took room for seventeen).
  const tables = new Array<Table>(others.length + 1);
  tables[0] = t;
  // Searched while few; past SEARCHED by a map (a context reading a document's 3,000 forms was 9 M compares a pass).
  let slotMap: Map<Table, number> | undefined;
  for (let j = 0; j < others.length; j++) {
    const o = others[j];
    const x = players(o.st)[o.index];
    if (!x || slotAmong(tables, j + 1, slotMap, x) >= 0) return undefined;
    tables[j + 1] = x;
    if (slotMap) slotMap.set(x, j + 1);
    else if (j + 2 > SEARCHED) slotMap = slotsOf(tables.slice(0, j + 2));
  }
  for (const a of c.asked) {
    const list = players(a.st);
    if (list.length !== a.slots.length) return undefined;
    for (let i = 0; i < list.length; i++) if (slotAmong(tables, tables.length, slotMap, list[i]) !== a.slots[i] || tableKey(list[i]) !== a.keys[i]) return undefined;
  }
  return tables;
}

export class ShapeTemplates {
  /**
   * Templates shared by every analyzer of one language: a document opened again, another document of the same
   * province (its 收支总表, 三公 and form tables print the same rows) and each edit's tables whose shapes are as they
   * were take them. `messages`: the language's standard messages.
   */
  static shared(messages: object): ShapeTemplates {
    let store = stores.get(messages);
    if (!store) stores.set(messages, (store = new TemplateStore()));
    return new ShapeTemplates(store);
  }

  constructor(private readonly store: TemplateStore) {}

  /**
   * What the templates are kept for (one language's, until `forgetTemplates`): whatever else is kept across analyzers
   * alongside them is kept per scope (./recall).
   */
  get scope(): object {
    return this.store;
  }

  /** How many times an identity (not a condition) was applied from a template by this analyzer (for tests and benches). */
  uses = 0;
  /** The places of a template resolved in a table (reused from one table to the next). */
  private readonly resolved: Resolved[] = [];
  /** A template's parts in the tables it is applied to, and their numbers in the list made (reused). */
  private readonly parts: Part[] = [];
  private readonly numbers: number[] = [];

  /** The key a table and its fields' rows are looked up by. */
  key(t: Table, fields: readonly RowAt[]): string {
    return shapeOf(t, fields);
  }

  /**
   * The relations an identity gives for `t` (whose shape is `key`, its fields naming `fields`), appended to `made`;
   * undefined when no table of this shape has been seen twice with other tables and roles of these shapes (nothing is
   * appended). `condition`: the identity is a condition's (not counted in `uses`). The object given is the fitting's,
   * written over by the next call with it (`Fitting.instance`).
   */
  apply(idn: Identity, key: string, t: Table, fields: readonly RowAt[], fitting: Fitting, made: RelationList, condition = false): Instance | undefined {
    const e = fitting.entries(this.store, key)?.get(idn);
    if (!e) return undefined;
    let tpl = e.latest;
    if (!tpl) return undefined;
    let fit = fitting.fit(tpl.context, t);
    for (let i = 1; !fit && i < e.templates.length; i++) fit = fitting.fit((tpl = e.templates[i]).context, t);
    if (!fit) return undefined;
    const tables = fit.tables;
    // Its parts in these tables (their numbers in `made` given on first use), then the places that are not found by
    // number alone: a table with a row its twin lacks, or a field naming no row, makes nothing (it is bound as usual).
    const parts = this.parts;
    const numbers = this.numbers;
    const ints = tpl.ints;
    for (let i = tpl.partsAt, j = 0; i < tpl.checkedAt; i += 2, j++) {
      const part = tables[ints[i]]?.parts[ints[i + 1]];
      if (!part) return undefined;
      parts[j] = part;
      numbers[j] = -1;
    }
    const at = this.resolved;
    for (let i = tpl.checkedAt; i < tpl.relationsAt; i++) {
      const k = ints[i];
      if (!resolve(parts, ints, k * PLACE, fields, (at[k] ??= { part: t.parts[0], row: 0, cell: 0 }))) return undefined;
    }
    // Relation r's places are [from, to), its numbers at `o`.
    for (let r = 0, o = tpl.relationsAt, from = 0; r < tpl.count; r++) {
      const code = ints[o];
      const count = ints[o + 1];
      const signs = o + 3;
      const direct = ints[o + 2] === 1;
      o = signs + count;
      const to = from + 1 + count;
      if (direct) {
        // Every cell by its number: the same in every table of the shape.
        let p = from * PLACE;
        made.beginCoded(code, tpl.title, undefined, this.number(ints[p], made), ints[p + 1], ints[p + 3]);
        for (let k = 0; k < count; k++) {
          p += PLACE;
          made.term(this.number(ints[p], made), ints[p + 1], ints[p + 3], ints[signs + k] as 1 | -1);
        }
        made.end();
        from = to;
        continue;
      }
      const rel = tpl.indirect[r]!;
      // A unit shift, a field's row, a part not stored: each place found (those that may be missing — a field's row, a
      // cell of a part not stored, numbered −1 — were found above, `checkedAt`).
      for (let k = from; k < to; k++) if (ints[k * PLACE + 3] >= 0) resolve(parts, ints, k * PLACE, fields, (at[k] ??= { part: t.parts[0], row: 0, cell: 0 }));
      let stored = !rel.shifted;
      for (let k = from; k < to && stored; k++) stored = typeof at[k].cell === 'number';
      if (stored) {
        const target = at[from];
        made.beginCoded(code, tpl.title, undefined, made.part(target.part as StoredPart), target.row, target.cell as number);
        for (let k = from + 1; k < to; k++) made.term(made.part(at[k].part as StoredPart), at[k].row, at[k].cell as number, rel.terms[k - from - 1].sign);
        made.end();
      } else made.add(relationAt(rel, tpl.title, at, from));
      from = to;
    }
    if (!condition) this.uses++;
    const got = fitting.instance;
    got.outcome = tpl.outcome;
    got.missing = tpl.missing;
    got.others = fit.others;
    got.consulted = tpl.context.consulted;
    return got;
  }

  /** The number in `made` of the template's part `ref` in the tables it is applied to (given on first use). */
  private number(ref: number, made: RelationList): number {
    const n = this.numbers[ref];
    return n >= 0 ? n : (this.numbers[ref] = made.part(this.parts[ref] as StoredPart));
  }

  /**
   * A cell of `t` that its shape decides (a named quantity's figure in its own table: `key`), found by `find` once per
   * shape and then read at its place (part, row, column) in every table of that shape.
   */
  decidedCell(key: object, t: Table, find: () => Cell | undefined): Cell | undefined {
    const shape = tableKey(t);
    let byShape = this.store.cells.get(key);
    if (!byShape) this.store.cells.set(key, (byShape = new Map()));
    const had = byShape.get(shape);
    if (had === null) return undefined;
    if (had) {
      const part = t.parts[had[0]];
      const store = part && storeOf(part);
      if (store) return had[1] < store.count && store.cellAt(had[1], had[2]) >= 0 ? (part as StoredPart).cellAt(had[1], store.firstCell(had[1]) + had[2]) : undefined;
      return part?.rows[had[1]]?.cells[had[2]];
    }
    const cell = find();
    const part = cell && t.parts.indexOf(cell.row.part);
    if (byShape.size >= SHAPES_PER_IDENTITY) byShape.clear();
    if (!cell) byShape.set(shape, null);
    else if (part !== undefined && part >= 0) byShape.set(shape, [part, cell.row.index, cell.row.cells.indexOf(cell)]);
    return cell;
  }

  /**
   * Keeps what `idn` gave for `t` (bound and expanded): its relations in `made`, having read the tables `read` and
   * asked for the roles `consulted` — the second time it is met in that context. Nothing is kept when a relation names
   * a cell of a table it did not read, or it read a table that plays none of those roles.
   */
  keep(idn: Identity, key: string, t: Table, fields: readonly RowAt[], result: { outcome: Template['outcome']; missing?: string }, made: RelationList, read: readonly Table[], consulted: readonly StandardTable[], fitting: Fitting): void {
    const e = this.store.entry(idn, key);
    const players = fitting.players;
    // Who the other tables are: each by the role it plays (the first role consulted that it plays) and its place among
    // the role's tables. The tables read, each once, by slot: 0 the table itself, k the k-th other — in the scratch
    // lists (`KEPT`): most contexts are only marked, their lists never kept.
    // (Read only below the count `n`, where each is set.)
    const tables = KEPT.tables as Table[];
    const roles = KEPT.roles as StandardTable[];
    const places = KEPT.places;
    tables[0] = t;
    let n = 1;
    // Past a few tables (a term over the 3,000 forms of a role), their slots are found by a map.
    let slotMap: Map<Table, number> | undefined;
    // A role of many tables (3,000 forms) is looked up by a map, made on its first use in this call.
    let maps: (Map<Table, number> | undefined)[] | undefined;
    try {
      for (let i = 0; i < read.length; i++) {
        const x = read[i];
        if (slotAmong(tables, n, slotMap, x) >= 0) continue;
        let k = 0;
        let index = -1;
        for (; k < consulted.length && index < 0; k++) {
          const list = players(consulted[k]);
          if (list.length <= SEARCHED) index = list.indexOf(x);
          else index = ((maps ??= [])[k] ??= slotsOf(list)).get(x) ?? -1;
        }
        if (index < 0) return;
        roles[n] = consulted[k - 1];
        places[n] = index;
        tables[n++] = x;
        if (slotMap) slotMap.set(x, n - 1);
        else if (n > SEARCHED) slotMap = slotsOf(tables.slice(0, n));
      }
      // Most identities read no other table and ask for no role: their context's hash is always the same. Else it is
      // read from the roles' tables as they are, with no list made: most contexts are met once, and only marked.
      let context = EMPTY_CONTEXT;
      if (consulted.length || n > 1) {
        // The context: the other tables by role and place, the roles' tables by slot and shape (`askedOf`'s lists).
        const h = KEPT.hash;
        h.reset();
        for (let j = 1; j < n; j++) { h.text(roles[j].title); h.int(places[j]); }
        for (let k = 0; k < consulted.length; k++) {
          const st = consulted[k];
          const list = players(st);
          h.text(st.title);
          for (let i = 0; i < list.length; i++) h.int(slotAmong(tables, n, slotMap, list[i]) + 1);
          for (let i = 0; i < list.length; i++) h.text(tableKey(list[i]));
        }
        context = h.done();
      }
      const seen = e.once.indexOf(context);
      if (seen < 0) {
        if (e.once === NO_MARKS) e.once = [context];
        else {
          e.once.push(context);
          if (e.once.length > CONTEXTS) e.once.shift();
        }
        return;
      }
      e.once.splice(seen, 1);
      // A template: its lists made.
      const kept = tables.slice(0, n);
      const built = placesOf(made, slotMap ?? slotsOf(kept), fields);
      if (!built) return;
      let others: Other[] = NO_OTHERS;
      if (n > 1) {
        others = [];
        for (let j = 1; j < n; j++) others.push({ st: roles[j], index: places[j] });
      }
      // Every field set, in one order (one hidden class for every template: each is read once per table it is taken for).
      const tpl: Template = {
        outcome: result.outcome, missing: result.missing, ints: built.ints, partsAt: built.partsAt, checkedAt: built.checkedAt, relationsAt: built.relationsAt,
        count: built.count, title: built.title, indirect: built.indirect, context: this.store.context(context, others, askedOf(consulted, players, kept, slotMap)),
      };
      this.store.add(idn, key, e, tpl);
    } finally {
      // The scratch lists let go of the tables (they must not keep a document alive).
      KEPT.tables.fill(undefined, 0, n);
      KEPT.roles.fill(undefined, 1, n);
    }
  }
}

/**
 * `keep`'s scratch lists (it runs once at a time, and lets go of what they hold before it returns): the tables a
 * binding read by slot, each other one's role and place among the role's tables; the hash of its context.
 */
const KEPT = {
  tables: [] as (Table | undefined)[],
  roles: [] as (StandardTable | undefined)[],
  places: [] as number[],
  hash: new ShapeHash(),
};

/** `slotIn`, among the first `n` of `tables`. */
function slotAmong(tables: readonly Table[], n: number, map: Map<Table, number> | undefined, x: Table): number {
  if (map) return map.get(x) ?? -1;
  for (let i = 0; i < n; i++) if (tables[i] === x) return i;
  return -1;
}

/**
 * The roles a template asked who plays, and their tables then: each by its slot among the template's `tables` (found
 * by `slotMap` when they are many) and its shape — what `keep` hashed as its context.
 */
function askedOf(consulted: readonly StandardTable[], players: (st: StandardTable) => Table[], tables: readonly Table[], slotMap: Map<Table, number> | undefined): Asked[] {
  if (!consulted.length) return NO_ASKED;
  const asked: Asked[] = [];
  for (let k = 0; k < consulted.length; k++) {
    const st = consulted[k];
    const list = players(st);
    const slots: number[] = [];
    const keys: string[] = [];
    for (let i = 0; i < list.length; i++) {
      slots.push(slotIn(tables, slotMap, list[i]));
      keys.push(tableKey(list[i]));
    }
    asked.push({ st, slots, keys });
  }
  return asked;
}

/**
 * A list's relations as a template's: each cell as its place — its part as an entry of the template's `parts` (its
 * table's slot, `slots`, and its number there), a field's row as the field's; read from the arrays for the relations
 * kept there (no row or cell is made). Undefined when a cell is in none of the tables, or the relations' titles differ.
 */
function placesOf(made: RelationList, slots: Map<Table, number>, fields: readonly RowAt[]): Pick<Template, 'ints' | 'partsAt' | 'checkedAt' | 'relationsAt' | 'count' | 'title' | 'indirect'> | undefined {
  /** The places, in order (`place` appends each), and how many. */
  const places: number[] = [];
  let n = 0;
  const refs: number[] = [];
  const refOf = new Map<Part, number>();
  const checked: number[] = [];
  /** Whether every place of the relation read so far is a cell of a stored part by its number (none a field's). */
  let direct = true;
  const place = (part: Part, row: number, col: number, cell: number): boolean => {
    const slot = slots.get(part.table);
    const p = part.table.parts.indexOf(part);
    if (slot === undefined || p < 0 || col < 0) return false;
    const j = fields.findIndex((f) => f.part === part && f.row === row);
    let ref = -1;
    if (j < 0) {
      ref = refOf.get(part) ?? -1;
      if (ref < 0) {
        refOf.set(part, (ref = refs.length / 2));
        refs.push(slot, p);
      }
    }
    places.push(ref, j >= 0 ? -1 - j : row, col, j >= 0 ? -1 : cell);
    if (j >= 0 || cell < 0) {
      checked.push(n);
      direct = false;
    }
    n++;
    return true;
  };
  const ofCell = (c: Cell) => place(c.row.part, c.row.index, c.row.cells.indexOf(c), cellNumber(c));
  const relations: MadeRelation[] = [];
  for (let i = 0; i < made.count; i++) {
    direct = true;
    const k = made.termsOf(i);
    if (k < 0) {
      // Kept as its object (a form's field, a unit shift): its cells are made already.
      const r = made.relation(i);
      if (!ofCell(r.target)) return undefined;
      for (const x of r.terms) if (!ofCell(x.cell)) return undefined;
      const shifted = r.terms.some((x) => !!x.shift);
      relations.push({ rule: r.rule, kind: r.kind, code: ruleKindOf(r.rule, r.kind), title: r.title, terms: termsLike(r.terms), shifted, direct: direct && !shifted });
      continue;
    }
    const tp = made.parts[made.targetPartOf(i)];
    const tr = made.targetRowOf(i);
    const tc = made.targetCellOf(i);
    if (!place(tp, tr, tc - tp.store.firstCell(tr), tc)) return undefined;
    let key = '';
    for (let j = 0; j < k; j++) {
      const p = made.parts[made.termPartOf(i, j)];
      const r = made.termRowOf(i, j);
      const c = made.termCellOf(i, j);
      if (!place(p, r, c - p.store.firstCell(r), c)) return undefined;
      key += `${made.termSignOf(i, j)},`;
    }
    const rule = made.ruleOf(i);
    const kind = made.kindOf(i);
    relations.push({ rule, kind, code: ruleKindOf(rule, kind), title: made.titleOf(i), terms: signsLike(key, () => Array.from({ length: k }, (_, j) => ({ sign: made.termSignOf(i, j) }))), shifted: false, direct });
  }
  // A template that makes nothing (an identity not applicable, or whose condition does not hold: most) holds the
  // shared empty lists, none of its own to read.
  if (!relations.length) return { ints: NO_INTS, partsAt: 0, checkedAt: 0, relationsAt: 0, count: 0, title: '', indirect: NO_RELATIONS };
  const title = relations[0].title;
  if (relations.some((r) => r.title !== title)) return undefined;
  const records: number[] = [];
  for (const r of relations) {
    records.push(r.code, r.terms.length, r.direct ? 1 : 0);
    for (const x of r.terms) records.push(x.sign);
  }
  return {
    // One array, made at once (its numbers beside it).
    ints: places.concat(refs, checked, records),
    partsAt: places.length,
    checkedAt: places.length + refs.length,
    relationsAt: places.length + refs.length + checked.length,
    count: relations.length,
    title,
    indirect: relations.every((r) => r.direct) ? NO_RELATIONS : relations.map((r) => (r.direct ? undefined : r)),
  };
}

const NO_INTS: readonly number[] = Object.freeze([]);

/** Each table of a list by its place in it (the first, as `indexOf` finds it): the slots of a template's tables, or a role's tables. */
function slotsOf(tables: readonly Table[]): Map<Table, number> {
  const m = new Map<Table, number>();
  for (let i = tables.length - 1; i >= 0; i--) m.set(tables[i], i);
  return m;
}

/** How many tables are searched one by one for one of them (`keep`); past it, they are found by a map. */
const SEARCHED = 16;

/** A table's slot among `tables` (−1: none), by `map` when they are many (`slotsOf` of them), else searched. */
function slotIn(tables: readonly Table[], map: Map<Table, number> | undefined, x: Table): number {
  return map ? map.get(x) ?? -1 : tables.indexOf(x);
}

/** No other table, no role asked for (never written to: a context that read none). */
const NO_OTHERS = Object.freeze([]) as readonly Other[] as Other[];
const NO_ASKED = Object.freeze([]) as readonly Asked[] as Asked[];
const NO_RELATIONS: readonly MadeRelation[] = Object.freeze([]);

/**
 * A relation's terms' signs and shifts, one list for every relation that has the same (a template of a column rule
 * over 6,000 rows holds 6,000 relations of one kind of terms).
 */
const termLists = new Map<string, MadeRelation['terms']>();

function signsLike(key: string, make: () => { sign: 1 | -1; shift?: number }[]): MadeRelation['terms'] {
  let had = termLists.get(key);
  if (!had) {
    if (termLists.size >= 4096) termLists.clear();
    termLists.set(key, (had = Object.freeze(make())));
  }
  return had;
}

function termsLike(terms: readonly { sign: 1 | -1; shift?: number }[]): MadeRelation['terms'] {
  let key = '';
  for (const x of terms) key += `${x.sign}${x.shift ?? ''},`;
  return signsLike(key, () => terms.map((x) => (x.shift ? { sign: x.sign, shift: x.shift } : { sign: x.sign })));
}

/**
 * A template's relation not made from numbers alone, as its object, its places resolved at `at` from `from` (its target,
 * then its terms). Apart from `ShapeTemplates.apply`: a closure there reading its loop's `from` made the loop allocate
 * a context for every relation of every template applied (about 3 MB a met pass of the 33k-row 部门预算).
 */
function relationAt(rel: MadeRelation, title: string, at: readonly Resolved[], from: number): Relation {
  const terms: Relation['terms'] = [];
  for (let k = 0; k < rel.terms.length; k++) {
    const x = rel.terms[k];
    const cell = cellOf(at[from + k + 1]);
    terms.push(x.shift ? { sign: x.sign, cell, shift: x.shift } : { sign: x.sign, cell });
  }
  return { rule: rel.rule, kind: rel.kind, title, target: cellOf(at[from]), terms };
}

/** A place resolved, as a cell (its view is made). */
function cellOf(x: Resolved): Cell {
  return typeof x.cell === 'number' ? (x.part as StoredPart).cellAt(x.row, x.cell) : x.cell;
}

/** A place in the tables now: its part, row, and cell (a number in a stored part's store, else the cell). */
interface Resolved { part: Part; row: number; cell: number | Cell }

/** The place at `o` of `places` (a template's `ints`), in the template's parts (or a field's row), written into `x` (one object per place, reused); false: not there. */
function resolve(parts: Part[], places: readonly number[], o: number, fields: readonly RowAt[], x: Resolved): boolean {
  const at = places[o + 1];
  const col = places[o + 2];
  const field = at < 0 ? fields[-1 - at] : undefined;
  const part = field ? field.part : parts[places[o]];
  const row = field ? field.row : at;
  if (!part) return false;
  const store = storeOf(part);
  let cell: number | Cell | undefined;
  if (store) {
    const c = row < store.count ? store.cellAt(row, col) : -1;
    if (c >= 0) cell = c;
  } else cell = part.rows[row]?.cells[col];
  if (cell === undefined) return false;
  x.part = part;
  x.row = row;
  x.cell = cell;
  return true;
}
