/** Declared rules (`规则：…`): resolves their references and expands them into relations. */
import { columnUnit, itemLevel, norm, ownColumnUnit, unitShift, withoutItemNumber } from '../model/classify';
import { fieldsOf, figureColumns, firstFigureColumn } from '../model/build';
import { holdsAsPrinted } from '../checks/evaluate';
import type { BudgetDocument, Cell, Column, Part, Row, Rule, Table } from '../model/document';
import type { AtomNode, ConditionNode, GroupItem as ItemNode, GroupNode, RefNode, RuleNode, Span, TermNode } from '../syntax/ast';
import type { Messages } from '../i18n/messages';
import { eachRowHead, indexOfHeads, Kind, rowCode, rowCount, rowLabel, rowOf, storeOf, StoredPart, rowAfter, splicesSince, type HeadsSplice, type RowStore } from '../model/rows';
import { RelationList } from './compact';
import type { Relation, RuleProblem, Term } from './relation';
import { sameItems } from '../util/arrays';

/** What a resolved reference names but a row: its table, maybe a part, maybe a column. */
interface Reach {
  readonly table: Table;
  /** The part a reference named (`「支出」「金额」栏各行`). */
  readonly part?: Part;
  /** The column's 栏次 when named by number (found per row's part: `columnIn`). */
  readonly columnNumber?: number;
  /** The column's name when named so (found per row's part: `columnIn`). */
  readonly columnName?: string;
  readonly span: Span;
}

/** A reference naming no row: a column over a table's or part's rows (`1栏各行`), or a table or part whole. */
export interface TableTarget extends Reach {
  readonly at?: undefined;
  readonly row?: undefined;
}

/** A reference naming a row: by its part and number (`at`); `row` is its view, made when first read. */
export interface RowTarget extends Reach {
  readonly at: RowAt;
  readonly row: Row;
}

/**
 * A reference resolved as far as the rule says: a table, maybe a row, maybe a column. A row is named by its part and
 * number, and has a view only with them, made when read (a sum over 3,000 forms' rows goes in the arrays of a
 * `RelationList`, and makes none).
 */
export type Target = TableTarget | RowTarget;

class ResolvedTable implements TableTarget {
  constructor(readonly table: Table, readonly span: Span, readonly part?: Part, readonly columnName?: string, readonly columnNumber?: number) {}
}

class ResolvedRow implements RowTarget {
  #row?: Row;

  constructor(readonly table: Table, readonly span: Span, readonly at: RowAt, readonly part?: Part, readonly columnName?: string, readonly columnNumber?: number) {}

  get row(): Row {
    return (this.#row ??= rowOf(this.at.part, this.at.row));
  }
}

/** A target of `table` naming the row `at` when there is one, and the column so named when there is one. */
function targetOf(table: Table, span: Span, part: Part | undefined, at: RowAt | undefined, columnName?: string, columnNumber?: number): Target {
  return at ? new ResolvedRow(table, span, at, part, columnName, columnNumber) : new ResolvedTable(table, span, part, columnName, columnNumber);
}

/**
 * A reference whose names a binder (standard/bind.ts) looked up as it wrote it: what `resolveRef` finds for it — its
 * table, the part it names, the row its row atom names (by part and number), its column's name —, so the expansion
 * does not look the same names up again. Only for a reference whose every atom names a row or a column by name. The
 * column's name is the one the binder found a column by (its own name, or its group path), in the part named, else in
 * one of the table's: `columnIn` finds it there (test/rules.targets.test.ts checks it over the seeds, the corpus and
 * generated documents).
 */
export interface BoundRef extends RefNode {
  found?: { table: Table; part?: Part; at?: RowAt; columnName?: string };
}

/**
 * A group's item a binder wrote (standard/bind.ts): with the row its atom names, when it names one by name, found as
 * the expansion finds it (`firstRowAt` in the group's table) — taken as `BoundRef`'s are.
 */
export interface BoundItem extends ItemNode {
  at?: RowAt;
}

/**
 * How a reference named what it names, recorded as it is resolved (for navigation): the table it refers to (when
 * found) and the atoms naming that table, a part, a row and a column.
 */
export interface Naming {
  table?: Table;
  tableSpan?: Span;
  part?: Part;
  partSpan?: Span;
  rowAtom?: AtomNode;
  columnAtom?: AtomNode;
}

/** One item of a group (`（1+2+…+8）行`) resolved: an atom (with the group's axis), or a range `…`. */
export interface GroupItem {
  sign: 1 | -1;
  span: Span;
  atom?: AtomNode;
  /** A `…` and the atoms beside it, whose references strictly between it names. */
  range?: { a?: AtomNode; b?: AtomNode };
  /** What it names; undefined when something is missing (a problem says what). */
  targets?: Target[];
}

/** The axis an atom names: `行` rows, `栏` (or `各行`) columns. */
export function axisOf(a: AtomNode): 'row' | 'column' | undefined {
  return a.unit ?? (a.eachRow ? 'column' : undefined);
}

/** An atom that names a table or a part (`「支出总表」`), not a row or a column. */
function isNameAtom(a: AtomNode | undefined): a is AtomNode {
  return !!a && a.quoted && !a.unit && !a.eachRow;
}

/** A document's tables by number, by title or heading, and by number without 公开; the first of each, in order. */
interface TableIndex { number: Map<string, Table>; title: Map<string, Table>; bareNumber: Map<string, Table> }

/** Built on first use (a document's tables do not change once it is built; each version is a new document). */
const tableIndexes = new WeakMap<BudgetDocument, TableIndex>();

function tableIndex(doc: BudgetDocument): TableIndex {
  let index = tableIndexes.get(doc);
  if (index) return index;
  index = { number: new Map(), title: new Map(), bareNumber: new Map() };
  const first = (map: Map<string, Table>, key: string, t: Table) => { if (!map.has(key)) map.set(key, t); };
  for (const t of doc.tables) {
    if (t.number) {
      first(index.number, norm(t.number), t);
      first(index.bareNumber, norm(t.number).replace(/^公开/, ''), t);
    }
    first(index.title, norm(t.title), t);
    first(index.title, norm(t.heading), t);
  }
  tableIndexes.set(doc, index);
  return index;
}

export function findTable(doc: BudgetDocument, text: string, current: Table): Table | undefined {
  const n = norm(text);
  if (n === '本表') return current;
  const index = tableIndex(doc);
  return index.number.get(n) ?? index.title.get(n) ?? index.bareNumber.get(n.replace(/^公开/, ''));
}

/**
 * A part's rows by what a reference may name them by, in document order, as row numbers: by 行次, and (built only
 * when a quoted reference asks) by code, label, and label without its numbering (`一、`, `（二）`, `3.`). A table's
 * rows are its parts' in order. Read from the part's store: no row is made but those a reference names.
 */
interface RowIndex {
  line?: Map<number, number[]>;
  code?: NameIndex;
  label?: NameIndex;
  bare?: NameIndex;
  /** A small part's names, by row (`scannedOf`). */
  scanned?: (CodeKey | undefined)[];
  /** The text keys of `code` alone, when only they were asked for (`textCodeRows`). */
  textCodes?: NameIndex;
}

/** Built on first use: a part's rows do not change (a part whose rows change is a new part). */
const rowIndexes = new WeakMap<Part, RowIndex>();

function add<K>(map: Map<K, number[]>, key: K, row: number): void {
  const list = map.get(key);
  if (list) list.push(row); else map.set(key, [row]);
}

function indexOf(p: Part): RowIndex {
  let index = rowIndexes.get(p);
  if (!index) rowIndexes.set(p, (index = {}));
  return index;
}

/** A table's parts, or the one part. */
export function partsOf(of: Table | Part): Part[] {
  return 'parts' in of ? of.parts : [of];
}

/** The rows with this 行次, by part and number (no row is made). */
function positionsNumbered(of: Table | Part, n: number): RowAt[] {
  const out: RowAt[] = [];
  for (const p of partsOf(of)) {
    const index = indexOf(p);
    if (!index.line) {
      const line = (index.line = new Map<number, number[]>());
      eachRowHead(p, (r) => { if (r.lineNo !== undefined) add(line, r.lineNo, r.index); });
    }
    const rows = index.line.get(n);
    if (rows) for (const row of rows) out.push({ part: p, row });
  }
  return out;
}

const NAME_KEYS = ['code', 'label', 'bare'] as const;
type NameKey = (typeof NAME_KEYS)[number];

/** What `indexOfHeads` keeps each index of a stored part's names under. */
const HEAD_KEYS: Record<NameKey, object> = { code: {}, label: {}, bare: {} };

/** A part of at most this many rows (a form) is read row by row for a name: indexing it would cost more. */
export const SCANNED_ROWS = 8;

/**
 * A code as the code index's key: when it is all digits (most are), its digits and length as one number — read from
 * a store without making the code's text —, else its text.
 */
type CodeKey = number | string;

function codeKey(code: string): CodeKey {
  if (!code.length || code.length > 14) return code;
  let v = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return code;
    v = v * 10 + (c - 48);
  }
  return v * 32 + code.length;
}

/** Row r's code as `codeKey` gives it (undefined: the row has none). */
function codeKeyAt(p: Part, r: number): CodeKey | undefined {
  const s = storeOf(p);
  if (!s) {
    const code = p.rows[r].code;
    return code === undefined ? undefined : codeKey(code);
  }
  if (!s.hasCode(r)) return undefined;
  const num = s.codeNum(r);
  const len = s.codeLen(r);
  return !Number.isNaN(num) && len > 0 && len <= 14 ? num * 32 + len : s.code(r);
}

/**
 * The rows of `p`, not put in by splice `x` (its last splice of rows), whose code is that of a row `x` removed or put
 * in: their counterparts in another table may be others now (`byCode`: a code its own table prints on several rows
 * stands for no one row), every other row's are what they were (its code's rows in `p` are its own, and `byLabel`
 * reads only the other table). Undefined when the removed rows' names are not known.
 */
export function rowsCodedAsSpliced(p: StoredPart, x: HeadsSplice): number[] | undefined {
  if (!x.removedNames) return undefined;
  const codes = new Set<CodeKey>();
  for (const h of x.removedNames) {
    const c = h.code === undefined ? undefined : !Number.isNaN(h.codeNum) && h.codeLen > 0 && h.codeLen <= 14 ? h.codeNum * 32 + h.codeLen : h.code;
    if (c !== undefined) codes.add(c);
  }
  for (let r = x.r0; r < x.r0 + x.added; r++) {
    const c = codeKeyAt(p, r);
    if (c !== undefined) codes.add(c);
  }
  const out: number[] = [];
  if (!codes.size) return out;
  for (let r = 0, n = p.store.count; r < n; r++) {
    if (r === x.r0) r += x.added;
    if (r >= n) break;
    const c = codeKeyAt(p, r);
    if (c !== undefined && codes.has(c)) out.push(r);
  }
  return out;
}

/** The length of a code given as its key. */
function codeLength(k: CodeKey): number {
  return typeof k === 'number' ? k % 32 : k.length;
}

/** Row r's name of one kind, as its index keys it: its code, its label without blanks, or that without its numbering. */
function nameAt(p: Part, r: number, key: NameKey): CodeKey | undefined {
  if (key === 'code') return codeKeyAt(p, r);
  const label = norm(rowLabel(p, r));
  return key === 'label' ? label : withoutItemNumber(label);
}

/** The place of a kind of name among a small part's keys (`scannedOf`). */
const SCANNED_AT: Record<NameKey, number> = { code: 0, label: 1, bare: 2 };

/**
 * A small part's names (`SCANNED_ROWS`) as its indexes key them, by row: its code at 3r, its label at 3r + 1, that
 * without numbering at 3r + 2. Made once per part: every name asked of the part reads them all.
 */
function scannedOf(p: Part): (CodeKey | undefined)[] {
  const index = indexOf(p);
  let keys = index.scanned;
  if (!keys) {
    keys = index.scanned = [];
    for (let r = 0, n = rowCount(p); r < n; r++) {
      const label = norm(rowLabel(p, r));
      keys.push(codeKeyAt(p, r), label, withoutItemNumber(label));
    }
  }
  return keys;
}

/** The rows of a part under one name: one row's number, or the numbers of several in order (most names name one). */
type Rows = number | number[];
/** A part's rows by name: a map made from its rows (`nameIndex`), or one carried over rows added or removed (`Carried`). */
type NameIndex = Iterable<[CodeKey, Rows]> & { get(k: CodeKey): Rows | undefined };

function put(map: Map<CodeKey, Rows>, key: CodeKey, row: number): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, row);
  else if (typeof had === 'number') map.set(key, [had, row]);
  else had.push(row);
}

function countOf(rows: Rows): number {
  return typeof rows === 'number' ? 1 : rows.length;
}

function firstOf(rows: Rows): number {
  return typeof rows === 'number' ? rows : rows[0];
}

/**
 * A part's rows by code, by label, or by label without numbering; each built on first use (a name found by code or
 * label never needs the next). A stored part's are kept while its rows' heads stay the same (`indexOfHeads`: a row
 * added or a figure typed in a long table renews the part, not its names).
 */
function namesOf(p: Part, key: NameKey): NameIndex {
  // A plain part (`indexOfHeads` builds its index each time) is asked once: the index is kept in `index`.
  const index = indexOf(p);
  return index[key] ?? (index[key] = keptNames(p, key));
}

/**
 * A part's index of one kind, kept while its rows' heads stay, carried over a row added or removed (apart from
 * `namesOf`: asked at every name, it makes no closure).
 */
function keptNames(p: Part, key: NameKey): NameIndex {
  return indexOfHeads(p, HEAD_KEYS[key], () => nameIndex(p, key), key === 'code', (was, splice, now) => carried(was, splice, now, p, key));
}

/** How many name indexes were carried over rows added or removed instead of made again (tests count them). */
export const namesCarried = { count: 0 };

/** How many carried indexes deep an index may be before it is made again (each level is a look-up more per name). */
const CARRIED_DEPTH = 8;

/**
 * The index of a part's rows by one kind of name (`text`: its codes that are text, `textCodes`) after a splice of its
 * rows, from the index `was` made just before it: every row but those the splice put in keeps its name, and those
 * after them moved by as many rows as it added less those it removed (../model/rows `HeadsSplice`); the rows it put
 * in are named as `nameIndex` names them (read where `now` says they stand: ../model/rows `Carry`). Undefined (made
 * again) past `CARRIED_DEPTH`.
 */
function carried(was: NameIndex, splice: HeadsSplice, now: (r: number) => number, p: Part, key: NameKey | 'text'): NameIndex | undefined {
  const depth = was instanceof Carried ? was.depth + 1 : 1;
  if (depth > CARRIED_DEPTH) return undefined;
  const added = new Map<CodeKey, Rows>();
  for (let r = splice.r0, end = splice.r0 + splice.added; r < end; r++) {
    // Read where it stands now (a later splice moved it, or removed it: then the later index drops it, named or not).
    const q = now(r);
    if (q < 0) continue;
    const name = key === 'text' ? textCodeAt(p, q) : key === 'bare' ? numberedAt(p, q) : nameAt(p, q, key);
    if (name !== undefined) put(added, name, r);
  }
  namesCarried.count++;
  return new Carried(was, splice.r0, splice.r0 + splice.removed, splice.added - splice.removed, added, depth);
}

/** Row r's label without its numbering, when it is numbered (the key the index `bare` holds it under: `nameIndex`). */
function numberedAt(p: Part, r: number): string | undefined {
  const label = norm(rowLabel(p, r));
  const bare = withoutItemNumber(label);
  return bare === label ? undefined : bare;
}

/** Row r's code key when it is text (the key `textCodes` holds it under). */
function textCodeAt(p: Part, r: number): string | undefined {
  const code = codeKeyAt(p, r);
  return typeof code === 'string' ? code : undefined;
}

/**
 * An index after a splice, read through the one before it (`carried`): a name's rows are its rows before the splice
 * that were not removed (those after the removed ones moved by `moved`), with the rows put in under it (`added`,
 * all between the two) — in order, as a made index holds them. Nothing is copied: a keystroke costs the rows it typed.
 */
class Carried {
  constructor(
    private readonly was: NameIndex, private readonly r0: number, private readonly r1: number, private readonly moved: number,
    private readonly added: ReadonlyMap<CodeKey, Rows>, readonly depth: number,
  ) {}

  get(k: CodeKey): Rows | undefined {
    const b = this.was.get(k);
    const a = this.added.get(k);
    if (b === undefined) return a;
    const { r0, r1, moved } = this;
    // Most names name one row, and no row was put in under them: no list made.
    if (typeof b === 'number' && a === undefined) return b < r0 ? b : b >= r1 ? b + moved : undefined;
    const out: number[] = [];
    const n = typeof b === 'number' ? 1 : b.length;
    const at = (i: number) => (typeof b === 'number' ? b : b[i]);
    for (let i = 0; i < n; i++) if (at(i) < r0) out.push(at(i));
    if (typeof a === 'number') out.push(a);
    else if (a) for (const r of a) out.push(r);
    for (let i = 0; i < n; i++) if (at(i) >= r1) out.push(at(i) + moved);
    return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
  }

  /** Every name with its rows (`nameIndex` makes `bare` from `label` so), in no particular order. */
  *[Symbol.iterator](): Iterator<[CodeKey, Rows]> {
    for (const [k] of this.was) {
      const rows = this.get(k);
      if (rows !== undefined) yield [k, rows];
    }
    for (const [k, rows] of this.added) if (this.was.get(k) === undefined) yield [k, rows];
  }
}

/**
 * Builds a part's index of one kind. The index `bare` holds only the rows whose label is numbered (by the label
 * without it), made from the index by label: a row whose label is not numbered is found there (`bareRows`).
 */
function nameIndex(p: Part, key: NameKey): NameIndex {
  const map = new Map<CodeKey, Rows>();
  if (key === 'bare') {
    for (const [label, rows] of namesOf(p, 'label')) {
      // A label index is keyed by labels (text): only the code index has numbers.
      const bare = withoutItemNumber(label as string);
      if (bare === label) continue;
      if (typeof rows === 'number') put(map, bare, rows);
      else for (const r of rows) put(map, bare, r);
    }
    // Rows put under one key from several labels: in order.
    for (const rows of map.values()) if (typeof rows !== 'number') rows.sort((a, b) => a - b);
    return map;
  }
  const n = rowCount(p);
  for (let r = 0; r < n; r++) {
    const name = nameAt(p, r, key);
    if (name !== undefined) put(map, name, r);
  }
  return map;
}

/**
 * The rows of an indexed part whose label without numbering is `k`: those whose label is numbered (the index `bare`),
 * and — when `k` is not numbered itself — those whose label is `k`, in order.
 */
function bareRows(p: Part, k: string): Rows | undefined {
  const numbered = namesOf(p, 'bare').get(k);
  if (withoutItemNumber(k) !== k) return numbered;
  const plain = namesOf(p, 'label').get(k);
  if (plain === undefined || numbered === undefined) return plain ?? numbered;
  const all = typeof plain === 'number' ? [plain] : plain.slice();
  if (typeof numbered === 'number') all.push(numbered); else all.push(...numbered);
  return all.sort((a, b) => a - b);
}

/** What `indexOfHeads` keeps a stored part's text codes under (`textCodeRows`). */
const TEXT_CODES = {};
const NO_NAMES: NameIndex = new Map<CodeKey, Rows>();

/**
 * The rows of an indexed part whose code key is the text `k` (`codeKey`: a code not all digits, or of more than 14 —
 * few parts print one): the text keys of the code index alone, read without putting every numeric code in a map. Every
 * name a rule or an identity asks is looked up as a code first (`firstNamed`), and most are labels: each part asked
 * would otherwise index all its codes for a name none of them can be. The code index itself is read when it is made
 * already (its text keys are these, in the same order).
 */
function textCodeRows(p: Part, k: string): Rows | undefined {
  const index = indexOf(p);
  if (index.code) return index.code.get(k);
  return (index.textCodes ??= keptTextCodes(p)).get(k);
}

/** A part's rows by text code, kept while its rows' heads and codes stay (as the code index: `keptNames`). */
function keptTextCodes(p: Part): NameIndex {
  return indexOfHeads(p, TEXT_CODES, () => textCodes(p), true, (was, splice, now) => carried(was, splice, now, p, 'text'));
}

/** The rows whose code key is text, by it (`nameIndex`'s `code` without the numeric keys); most parts have none. */
function textCodes(p: Part): NameIndex {
  let map: Map<CodeKey, Rows> | undefined;
  for (let r = 0, n = rowCount(p); r < n; r++) {
    const code = codeKeyAt(p, r);
    if (typeof code === 'string') put((map ??= new Map()), code, r);
  }
  return map ?? NO_NAMES;
}

/** The rows of a part whose name of one kind has the key `k` (undefined: none); a small part is read row by row. */
function rowsUnder(p: Part, key: NameKey, k: CodeKey): Rows | undefined {
  const n = rowCount(p);
  if (n > SCANNED_ROWS) return key === 'bare' ? bareRows(p, k as string) : key === 'code' && typeof k === 'string' ? textCodeRows(p, k) : namesOf(p, key).get(k);
  const keys = scannedOf(p);
  let out: Rows | undefined;
  for (let r = 0, i = SCANNED_AT[key]; r < n; r++, i += 3) {
    if (keys[i] !== k) continue;
    if (out === undefined) out = r;
    else if (typeof out === 'number') out = [out, r];
    else out.push(r);
  }
  return out;
}

/** A row by its part and number (no row is made). */
export interface RowAt { part: Part; row: number }

function at(p: Part, rows: Rows, out: RowAt[]): void {
  if (typeof rows === 'number') out.push({ part: p, row: rows });
  else for (const row of rows) out.push({ part: p, row });
}

/** A name's keys for the row indexes, one per kind of name (`NAME_KEYS`): as a code, without blanks, and that without its numbering. */
type NameKeys = Record<NameKey, CodeKey>;

/** Memoised: rules and standard identities name the same rows again and again, in every table. */
const nameKeys = new Map<string, NameKeys>();

function keysOfName(name: string): NameKeys {
  let k = nameKeys.get(name);
  if (!k) {
    if (nameKeys.size >= 4096) nameKeys.clear();
    const v = norm(name);
    nameKeys.set(name, (k = { code: codeKey(v), label: v, bare: withoutItemNumber(v) }));
  }
  return k;
}

/** The rows a quoted name names: by code, else by label, else by label without numbering. */
function positionsNamed(of: Table | Part, name: string): RowAt[] {
  const keys = keysOfName(name);
  const parts = partsOf(of);
  for (const key of NAME_KEYS) {
    let out: RowAt[] | undefined;
    for (const p of parts) {
      const rows = rowsUnder(p, key, keys[key]);
      if (rows !== undefined) at(p, rows, (out ??= []));
    }
    if (out) return out;
  }
  return [];
}

/** The first row `positionsNamed` finds (none is listed). */
export function firstNamed(of: Table | Part, name: string): RowAt | undefined {
  const keys = keysOfName(name);
  const parts = partsOf(of);
  for (const key of NAME_KEYS) {
    for (const p of parts) {
      const rows = rowsUnder(p, key, keys[key]);
      if (rows !== undefined) return { part: p, row: firstOf(rows) };
    }
  }
  return undefined;
}

export function findRows(table: Table, atom: AtomNode, part?: Part): Row[] {
  const of = part ?? table;
  return (atom.quoted ? positionsNamed(of, atom.value) : positionsNumbered(of, Number(atom.value))).map((x) => rowOf(x.part, x.row));
}

/** The first row `findRows` finds, by its part and number (no row is made). */
export function firstRowAt(table: Table, atom: AtomNode, part?: Part): RowAt | undefined {
  return atom.quoted ? firstNamed(part ?? table, atom.value) : positionsNumbered(part ?? table, Number(atom.value))[0];
}

export function partNamed(table: Table, name: string): Part | undefined {
  const n = norm(name);
  // No closure: asked for every reference that names a part (a binder's too).
  for (const p of table.parts) if (p.name !== undefined && norm(p.name) === n) return p;
  return undefined;
}

/** A column's group path without blanks (most columns have no group: their path is their name). */
function pathKey(c: Column): string {
  return norm(c.path.length === 1 ? c.path[0] : c.path.join(''));
}

/**
 * The column of a part that a reference's column names (by 栏次, else by name, else by group path: the first that
 * does, blanks aside). A part has few columns: they are read one by one, nothing is indexed.
 */
export function columnIn(part: Part, t: { columnNumber?: number; columnName?: string }): Column | undefined {
  const cols = part.columns;
  if (t.columnNumber !== undefined) {
    for (const c of cols) if (c.number === t.columnNumber) return c;
    return undefined;
  }
  if (t.columnName !== undefined) {
    const v = norm(t.columnName);
    const keys = columnKeysOf(cols);
    const i = keys.names.indexOf(v);
    const j = i < 0 ? keys.paths.indexOf(v) : i;
    return j < 0 ? undefined : cols[j];
  }
  return undefined;
}

/**
 * A part's columns' names and group paths without blanks (`norm`, `pathKey`), by place: made once per list of columns
 * (a part's are set when its `列：` line is read and not changed after; a part renewed keeps the list), not once per
 * reference (every term of a rule between tables asks, and binders' bound references too).
 */
function columnKeysOf(cols: readonly Column[]): { names: string[]; paths: string[] } {
  let keys = columnKeyLists.get(cols);
  if (!keys) {
    keys = { names: [], paths: [] };
    for (const c of cols) {
      keys.names.push(norm(c.name));
      keys.paths.push(pathKey(c));
    }
    columnKeyLists.set(cols, keys);
  }
  return keys;
}

const columnKeyLists = new WeakMap<readonly Column[], { names: string[]; paths: string[] }>();

/** Whether a target names a column (by 栏次 or name). */
export function namesColumn(t: Target): boolean {
  return t.columnNumber !== undefined || t.columnName !== undefined;
}

/** The column of a part that corresponds to `col` (same 栏次, else same position among figure columns). */
function matchColumnIn(part: Part, col: Column): Column | undefined {
  const cols = part.columns;
  if (cols.includes(col)) return col;
  if (col.number !== undefined) {
    const byNumber = cols.find((c) => c.number === col.number);
    if (byNumber) return byNumber;
  }
  return figureColumns(part)[col.figureIndex ?? -1];
}

/**
 * The column a term reads in `q`, the part of the row it reads: the column it names; else, for a term of the rule's
 * own table (`ruleTable`) in a formula checked column by column, the column matching the one checked (`col`); else the
 * part's first figure column.
 */
function termColumnIn(q: Part, t: Target, ruleTable: Table, col?: Column): Column | undefined {
  return namesColumn(t) ? columnIn(q, t) : col && t.table === ruleTable ? matchColumnIn(q, col) : firstFigureColumn(q);
}

/** The columns a row formula checks in its row's part: each figure column; between tables, only the first. */
function formulaColumns(p: Part, crossTable: boolean): Column[] {
  if (!crossTable) return figureColumns(p);
  const first = firstFigureColumn(p);
  return first ? [first] : [];
}

/**
 * The row of `of` that stands for `row` of another table, for a column rule between tables: the row with its code;
 * a row without code (the 收支总表's 「一、一般公共服务支出」) or a 类 row, when `of` has no row with that code, by its
 * label without numbering (only one row may match: a 类 or an uncoded row before any other).
 */
function counterpart(row: Row, of: Table | Part): Row | undefined {
  const x = counterpartAt(row.part, row.index, of);
  return x && rowOf(x.part, x.row);
}

/** `counterpart` of row r of part p, by part and number. */
function counterpartAt(p: Part, r: number, of: Table | Part): RowAt | undefined {
  const parts = partsOf(of);
  ONE.part[0] = -1;
  if (!byCode(p, r, parts, ONE, 0)) return byLabel(p, r, of);
  return ONE.part[0] < 0 ? undefined : { part: parts[ONE.part[0]], row: ONE.row[0] };
}

/** Where rows' counterparts are written: row `row[i]` of `of`'s part number `part[i]` (-1: none). */
interface CounterpartRows {
  part: Int32Array;
  row: Int32Array;
}

const ONE: CounterpartRows = { part: new Int32Array(1), row: new Int32Array(1) };

/**
 * The first step of `counterpart`: row r's counterpart among `parts` by its code, written at `i` of `into` (left as it
 * is when there is none). False when the row is to be found by its label instead (it has no code, or a 类's that
 * `parts` do not print).
 */
function byCode(p: Part, r: number, parts: readonly Part[], into: CounterpartRows, i: number): boolean {
  const code = codeKeyAt(p, r);
  if (code === undefined || code === '') return false;
  // A code its own table prints on several rows is no one quantity.
  const own = rowsUnder(p, 'code', code);
  if (own !== undefined && countOf(own) > 1) return true;
  let n = 0;
  for (let j = 0; j < parts.length; j++) {
    const rows = rowsUnder(parts[j], 'code', code);
    if (rows === undefined) continue;
    if (!n) {
      into.part[i] = j;
      into.row[i] = firstOf(rows);
    }
    n += countOf(rows);
  }
  if (n > 1) into.part[i] = -1;
  return n > 0 || codeLength(code) !== 3;
}

/** The second step of `counterpart`: the one row of `of` with row r's label without numbering (a 类 or uncoded row). */
function byLabel(p: Part, r: number, of: Table | Part): RowAt | undefined {
  const label = withoutItemNumber(norm(rowLabel(p, r)));
  if (!label) return undefined;
  // The rows `positionsNamed` finds, counted (nothing is listed: every row of a table without code asks). The label has
  // no blank: its keys are made here, not kept (`keysOfName` keeps the names rules and identities ask again and again).
  const parts = partsOf(of);
  for (const key of NAME_KEYS) {
    const k = key === 'code' ? codeKey(label) : key === 'label' ? label : withoutItemNumber(label);
    let named = false;
    let one: RowAt | undefined;
    let n = 0;
    for (const q of parts) {
      const rows = rowsUnder(q, key, k);
      if (rows === undefined) continue;
      named = true;
      for (let j = 0, m = countOf(rows); j < m; j++) {
        const row = typeof rows === 'number' ? rows : rows[j];
        const c = rowCode(q, row);
        if (!c || c.length === 3) { n++; one = { part: q, row }; }
      }
    }
    if (named) return n === 1 ? one : undefined;
  }
  return undefined;
}

/**
 * The counterparts in `of` (`counterpartAt`) of every row of a part, found once for the part and `of`'s parts (the
 * identities over a table's rows read the same rows of the same other table, column after column): row r's is row
 * `row[r]` of `of`'s part number `part[r]` (-1: it has none).
 */
interface Counterparts extends CounterpartRows {
  parts: readonly Part[];
  /** Each part's store's `codesChanged` when they were found (−1: not stored): what `carriedCounterparts` goes on from. */
  codes: Int32Array;
  /** The `codesChanged` of the store of the part whose rows they are, when they were found (−1: not stored). */
  own: number;
}

/** By part, then by the table or part read (both weakly: a section read again makes new tables and parts). */
const counterpartMaps = new WeakMap<Part, WeakMap<Table | Part, Counterparts>>();

function counterparts(p: Part, of: Table | Part): Counterparts {
  let byOf = counterpartMaps.get(p);
  if (!byOf) counterpartMaps.set(p, (byOf = new WeakMap()));
  const parts = partsOf(of);
  let m = byOf.get(of);
  if (m && sameItems(m.parts, parts)) return m;
  const was = m;
  const n = rowCount(p);
  m = { parts: parts.slice(), part: new Int32Array(n).fill(-1), row: new Int32Array(n), codes: Int32Array.from(parts, (q) => storeOf(q)?.codesChanged ?? -1), own: storeOf(p)?.codesChanged ?? -1 };
  if (was ? carriedCounterparts(p, of, was, m) : p instanceof StoredPart && spliceCarried(p, of, m)) {
    byOf.set(of, m);
    return m;
  }
  for (let r = 0; r < n; r++) counterpartInto(p, r, of, parts, m);
  byOf.set(of, m);
  return m;
}

/** Row r's counterpart in `of` (whose parts are `parts`) written at r of `m` (left −1: none). */
function counterpartInto(p: Part, r: number, of: Table | Part, parts: readonly Part[], m: CounterpartRows): void {
  if (byCode(p, r, parts, m, r)) return;
  const x = byLabel(p, r, of);
  if (!x) return;
  m.part[r] = parts.indexOf(x.part);
  m.row[r] = x.row;
}

/**
 * The counterparts of a renewed part's rows (into `m`, emptied), from those of the part it renewed (`StoredPart.was`)
 * in the same parts of `of` (each as it was: its store's codes unchanged), over the one splice of its rows since: a
 * row's counterpart reads the row's own names, the rows of `p` of its code, and `of` (`byCode`, `byLabel`), so only the
 * rows put in and those of a code a row removed or put in bore (`rowsCodedAsSpliced`) are found again; every other
 * row's is the one it had, read at its row before the splice. False (nothing carried) when that cannot be said.
 */
function spliceCarried(p: StoredPart, of: Table | Part, m: Counterparts): boolean {
  const q = p.was;
  const had = q && q.store === p.store ? counterpartMaps.get(q)?.get(of) : undefined;
  // (Found while `q` read the store's rows: before the splice.)
  if (!had || had.own !== q!.codes || !sameItems(had.parts, m.parts) || had.codes.length !== m.codes.length) return false;
  for (let j = 0; j < m.codes.length; j++) if (had.codes[j] !== m.codes[j]) return false;
  const list = splicesSince(p.store, q!.codes);
  if (!list || list.length > 1) return false;
  const x = list[0];
  const n = m.part.length;
  if (!x) {
    if (had.part.length !== n) return false;
    m.part.set(had.part);
    m.row.set(had.row);
    splicesCarried.count++;
    return true;
  }
  const again = rowsCodedAsSpliced(p, x);
  if (!again || had.part.length !== n - x.added + x.removed) return false;
  // Rows before the splice as they were, those after it moved as the store moved them.
  m.part.set(had.part.subarray(0, x.r0));
  m.row.set(had.row.subarray(0, x.r0));
  m.part.set(had.part.subarray(x.r0 + x.removed), x.r0 + x.added);
  m.row.set(had.row.subarray(x.r0 + x.removed), x.r0 + x.added);
  const parts = m.parts;
  for (let r = x.r0; r < x.r0 + x.added; r++) {
    m.part[r] = -1;
    counterpartInto(p, r, of, parts, m);
  }
  for (const r of again) {
    m.part[r] = -1;
    m.row[r] = 0;
    counterpartInto(p, r, of, parts, m);
  }
  splicesCarried.count++;
  return true;
}

/** How many renewed parts' counterparts were carried over a splice of their own rows (`spliceCarried`). */
export const splicesCarried = { count: 0 };

/** How many rows' counterparts were carried over rows added or removed in the table they are found in (tests count them). */
export const counterpartsCarried = { count: 0 };

/**
 * The counterparts of a part's rows in `of` (into `m`, emptied), from those found before rows were added to or removed
 * from `of`'s parts (`was`: of the same part `p`, whose rows' names are as they were — a part whose rows change is a
 * new part): each of `of`'s parts the same, or one renewed over splices of its store still listed (../model/rows
 * `splicesSince`) that say what the rows they removed were called. A row's counterpart is found by the names of its own
 * (`byCode`: its code, looked up in `p` and in `of`'s parts; `byLabel`, for a row without code or of a 类's code: its
 * label without numbering, looked up as a code, a label and a label without numbering), so it changes only when a row
 * named so was removed or put in: such a row's counterpart is found again, every other one is the row it was, moved
 * as the splices moved it. False (nothing carried) when that cannot be said.
 */
function carriedCounterparts(p: Part, of: Table | Part, was: Counterparts, m: Counterparts): boolean {
  const parts = m.parts;
  const n = m.part.length;
  if (was.parts.length !== parts.length || was.part.length !== n) return false;
  // The splices of each part's rows since (undefined: the same part), and the names of the rows they removed or put in:
  // code keys, and labels with and without numbering.
  const since: (readonly HeadsSplice[] | undefined)[] = [];
  const codes = new Set<CodeKey>();
  const labels = new Set<string>();
  const label = (text: string) => {
    const v = norm(text);
    labels.add(v);
    labels.add(withoutItemNumber(v));
  };
  for (let j = 0; j < parts.length; j++) {
    const q = parts[j];
    if (q === was.parts[j]) { since.push(undefined); continue; }
    const s = storeOf(q);
    const list = s && storeOf(was.parts[j]) === s && was.codes[j] >= 0 ? splicesSince(s, was.codes[j]) : undefined;
    if (!list) return false;
    for (let k = 0; k < list.length; k++) {
      const x = list[k];
      if (!x.removedNames) return false;
      for (const h of x.removedNames) {
        const c = h.code === undefined ? undefined : !Number.isNaN(h.codeNum) && h.codeLen > 0 && h.codeLen <= 14 ? h.codeNum * 32 + h.codeLen : h.code;
        if (c !== undefined) codes.add(c);
        label(h.label);
      }
      // The rows it put in, where they stand now (one a later splice removed is among that one's removed names).
      for (let r = x.r0; r < x.r0 + x.added; r++) {
        const now = rowAfter(list, r, k + 1);
        if (now < 0) continue;
        const c = codeKeyAt(q, now);
        if (c !== undefined) codes.add(c);
        label(rowLabel(q, now));
      }
    }
    since.push(list);
  }
  for (let r = 0; r < n; r++) {
    const code = codeKeyAt(p, r);
    let named = code !== undefined && codes.has(code);
    // A row that may be found by its label (`byCode` gives way to `byLabel`: no code, or a 类's).
    if (!named && (code === undefined || code === '' || codeLength(code) === 3)) {
      const bare = withoutItemNumber(norm(rowLabel(p, r)));
      named = bare !== '' && (codes.has(codeKey(bare)) || labels.has(bare));
    }
    const j = was.part[r];
    const list = j >= 0 ? since[j] : undefined;
    const row = j < 0 ? 0 : list ? rowAfter(list, was.row[r]) : was.row[r];
    if (named || row < 0) {
      counterpartInto(p, r, of, parts, m);
      continue;
    }
    m.part[r] = j;
    m.row[r] = row;
  }
  counterpartsCarried.count++;
  return true;
}

const NO_COLUMNS = new Int32Array(0);

/**
 * Numbers an expansion from the parts' arrays works in (`columnsOver`, `rowOver`, `cellOver`: a few per term), reused
 * from one rule to the next: three lists, grown when a rule has more terms, never shrunk. One such expansion runs at a
 * time, and reads only the first `n` of each.
 */
const SCRATCH: Int32Array[] = [new Int32Array(16), new Int32Array(16), new Int32Array(16)];

/** Scratch list `i`, of at least `n` numbers (those past `n` are of no use). */
function scratch(i: number, n: number): Int32Array {
  if (SCRATCH[i].length < n) SCRATCH[i] = new Int32Array(2 * n);
  return SCRATCH[i];
}

/**
 * `DEGENERATE`: a rule whose names find one figure on both sides (a 三公 table's `合计` read as its `“三公”经费合计` and as
 * the `“三公”经费/小计` of `合计 = 小计 + 会议费 + 培训费`, when it prints no 三公 subtotal) says nothing of that figure:
 * it gives no relation there (a figure equal to itself plus others would only say the others are zero). A condition
 * so written (`当 「合计」行=「合计」行`) still holds.
 *
 * How `expand` went: the rule gave relations; its condition did not hold; a reference named nothing (a problem says
 * what); or every cell it names is blank, so there was nothing to check.
 */
export type Expansion = 'applied' | 'condition' | 'unresolved' | 'empty';

/** Whether an equality condition expanded to these relations holds: each does (as printed or within rounding), and there is one. */
export function holdsAll(judged: RelationList): boolean {
  // The verdict alone (`holdsAsPrinted`: `evaluate`'s, without the texts it formats), relation by relation until one
  // does not hold (each made as it is judged; a condition is judged for every table that reads it, each pass).
  const n = judged.count;
  for (let i = 0; i < n; i++) if (holdsAsPrinted(judged.relation(i)) !== true) return false;
  return n > 0;
}

/**
 * Whether a condition that names figures, printed (`当 X`: any of them not blank), holds: some relation of its own
 * (`X = X`, one per figure it names: `DeclaredRules.conditionHolds`) reads a cell that is not blank — a figure, a zero,
 * a dash or a text.
 */
export function anyPrinted(judged: RelationList): boolean {
  const n = judged.count;
  for (let i = 0; i < n; i++) if (judged.relation(i).target.kind !== 'empty') return true;
  return false;
}

/**
 * What a condition asks, told once by its form (`conditionKind`): `phrase`, that the document states a phrase
 * (`当「短语」`); `equality`, that figures are equal (`当 C=D`); `printed`, that figures it names are printed, any of them
 * not blank (`当（「甲」行「金额」栏+「乙」行「金额」栏）`). The last two are judged by figures (`byFigures`).
 */
export type ConditionKind = 'phrase' | 'equality' | 'printed';

/** A condition's kind (`ConditionKind`); undefined: no condition. */
export function conditionKind(c: ConditionNode | undefined): ConditionKind | undefined {
  if (!c) return undefined;
  if (c.rhs.length) return 'equality';
  return conditionPhrase(c) === undefined ? 'printed' : 'phrase';
}

/** Whether a condition of this kind is judged by figures: an equality, or figures printed; not a phrase, not none. */
export function byFigures(kind: ConditionKind | undefined): kind is 'equality' | 'printed' {
  return kind === 'equality' || kind === 'printed';
}

/**
 * The verdict of a condition judged by figures (`byFigures`) from the relations it was expanded to: an equality holds
 * where each of them does, figures printed where one reads a cell that is not blank.
 */
export function conditionVerdict(kind: ConditionKind, judged: RelationList): boolean {
  return kind === 'equality' ? holdsAll(judged) : anyPrinted(judged);
}

/**
 * The phrase a condition `当「短语」` asks the document to state; undefined for an equality, or a condition that names
 * figures (`当（「甲」行「金额」栏+「乙」行「金额」栏）`: that they are printed).
 */
export function conditionPhrase(c: ConditionNode): string | undefined {
  if (c.rhs.length) return undefined;
  const op = c.lhs.length === 1 ? c.lhs[0].operand : undefined;
  const atom = op?.kind === 'ref' && !op.table && op.atoms.length === 1 ? op.atoms[0] : undefined;
  return atom?.quoted && !atom.unit && !atom.eachRow ? atom.value : undefined;
}

/**
 * The rows [from, to) of one stored part a rule over a column's rows (`「X」栏各行=…`) is expanded for alone
 * (`DeclaredRules.window`): the relations of its other rows, and of the table's other parts, are had already (each
 * row's relation reads that row and its counterparts in other tables, nothing else: `columnsOver`). `ok` turns false
 * when the rule is not such a rule (nothing is then made for it: the caller expands it whole).
 */
export interface RowWindow { readonly part: StoredPart; readonly from: number; readonly to: number; ok: boolean }

/** Finds the table a rule names (a standard role, a table of the document by its key …); undefined: not found. */
type TableResolver = (text: string, current: Table) => Table | undefined;

export class DeclaredRules {
  readonly problems: RuleProblem[] = [];

  /** Where relations go: `out`, but for a condition's while it is judged. */
  private sink: RelationList;

  /**
   * Asked of a figure found among its own terms (`DEGENERATE`): whether that relation is left out — it is of a rule, not
   * of its condition (`当 X=X` holds) —, counted.
   */
  private leftOut(): boolean {
    if (this.sink !== this.outList) return false;
    this.degenerate++;
    return true;
  }

  /** How many relations `leftOut` left out. */
  private degenerate = 0;

  /**
   * Whether a rule of the document's own that gives nothing because every figure it names is on both sides says so
   * (a problem at the rule): a set's identity is silently not applicable there (`DEGENERATE`).
   */
  reportDegenerate = false;

  /** Rows the next rules are expanded for alone (`RowWindow`; not a condition's, which is judged whole). */
  window?: RowWindow;

  /**
   * Relations go to `out` (compact where their cells are stored). `tables`, when given, is asked first for every
   * table a rule names (see `findTable` for the default).
   */
  constructor(private readonly doc: BudgetDocument, private readonly m: Messages, private readonly tables?: TableResolver, out = new RelationList()) {
    this.outList = out;
    this.sink = out;
  }

  /** Where relations go (`restart` changes it). */
  get out(): RelationList {
    return this.outList;
  }

  private outList: RelationList;

  /**
   * Starts again: relations to `out`, no problem. An expansion keeps nothing else from one rule to the next, so one
   * serves every rule of a pass (standard/apply.ts: the identities bound one after the other).
   */
  restart(out: RelationList): void {
    this.outList = out;
    this.sink = out;
    this.problems.length = 0;
  }

  /** The relations expanded so far, as objects. */
  get relations(): Relation[] {
    return this.out.all();
  }

  /** The table a rule names by `text`, seen from `current`. */
  findTable(text: string, current: Table): Table | undefined {
    return this.tables?.(text, current) ?? findTable(this.doc, text, current);
  }

  expand(rule: Rule, title = this.m.ruleDeclared(rule.node.text.replace(/\s+/g, ''))): Expansion {
    const { node } = rule;
    const problems = this.problems.length;
    if (node.condition) {
      const holds = this.conditionHolds(rule);
      if (this.problems.length > problems) return 'unresolved';
      if (!holds) return 'condition';
    }
    const before = this.out.count;
    const degenerate = this.degenerate;
    this.expandEquation(rule, node, title);
    if (this.problems.length > problems) return 'unresolved';
    if (this.out.count > before) return 'applied';
    if (this.reportDegenerate && this.degenerate > degenerate) this.problem(this.m.ruleDegenerate, node.span);
    return 'empty';
  }

  /**
   * Whether a rule's condition holds: `当 C=D`, every relation it expands to holds (as printed or within rounding);
   * `当「短语」`, the document states the phrase (or one of `「甲｜乙」`) in its narrative, notes, texts or fields;
   * `当 X` naming figures (`当（「当年财政拨款」行「年初预算数」栏+「上年结转资金」行「年初预算数」栏）`), any of them is
   * printed — not blank (a form whose sources were all left blank was not filled in: rules/forms.ts `blankSources`
   * says so once). A condition naming nothing adds a problem. The relations it is judged by are made in `judged` (for
   * figures printed, `X = X` for each figure it names: `anyPrinted`).
   */
  conditionHolds(rule: Rule, judged = new RelationList()): boolean {
    const c = rule.node.condition!;
    const kind = conditionKind(c)!;
    if (kind === 'phrase') return states(this.doc, conditionPhrase(c)!);
    this.sink = judged;
    try {
      if (kind === 'equality') this.expandEquation(rule, { lhs: c.lhs, rhs: c.rhs, text: c.text, span: c.span }, '');
      else {
        for (const t of c.lhs) {
          if (t.operand.kind !== 'ref') { this.problem(this.m.conditionShape, c.span); return false; }
          this.expandEquation(rule, { lhs: [t], rhs: [t], text: c.text, span: c.span }, '');
        }
      }
    } finally {
      this.sink = this.out;
    }
    return conditionVerdict(kind, judged);
  }

  private expandEquation(rule: Rule, node: RuleNode, title: string): void {
    const lhs = node.lhs.length === 1 && node.lhs[0].operand.kind === 'ref' ? this.resolveRef(node.lhs[0].operand, rule.table) : undefined;
    if (!lhs) {
      if (node.lhs.length !== 1 || node.lhs[0].operand.kind !== 'ref') {
        this.problem(this.m.lhsSingleRef, node.lhs[0]?.operand.span ?? node.span);
      }
      return;
    }
    // Expand the right-hand side into signed references.
    const rhs: { sign: 1 | -1; target: Target }[] = [];
    for (const term of node.rhs) {
      // A `…` ending a group stops at the rule's own row.
      if (!this.expandTerm(term, lhs.table, lhs.at, rhs)) return;
    }
    let crossTable = false;
    for (let i = 0; i < rhs.length && !crossTable; i++) crossTable = rhs[i].target.table !== lhs.table;
    const kind: Relation['kind'] = rhs.length === 1 && rhs[0].sign === 1 ? 'same' : 'sum';
    const hasRow = lhs.at !== undefined;
    const ruleId: Relation['rule'] = crossTable ? 'cross-table'
      : hasRow && namesColumn(lhs) ? 'cell-formula'
      : hasRow ? 'row-formula' : 'column-formula';
    // Rows of one part alone: only a rule over a column's rows, each part's made from the arrays.
    const window = this.sink === this.outList ? this.window : undefined;
    if (window) {
      if (hasRow || !namesColumn(lhs) || (lhs.part && lhs.part !== window.part) || !lhs.table.parts.includes(window.part)) {
        window.ok = false;
        return;
      }
      if (!this.columnsOver(window.part, window.part.store, lhs, rhs, ruleId, kind, title, node.span, window.from, window.to)) window.ok = false;
      return;
    }

    if (lhs.at && namesColumn(lhs)) {
      const col = columnIn(lhs.at.part, lhs);
      if (!col) return this.problem(this.m.columnNotFound(describeColumn(lhs)), lhs.span);
      if (this.cellOver(lhs, col, rhs, ruleId, kind, title, node.span)) return;
      const { emit, termCell } = this.objectsOf(lhs, ruleId, kind, title, node.span);
      const row = lhs.row;
      emit(row.cells[col.index], rhs.map((t) => termCell(t, row, col)));
    } else if (lhs.at) {
      if (this.rowOver(lhs, rhs, crossTable, ruleId, kind, title, node.span)) return;
      const { emit, termCell } = this.objectsOf(lhs, ruleId, kind, title, node.span);
      const row = lhs.row;
      const cols = formulaColumns(row.part, crossTable);
      for (const col of cols) emit(row.cells[col.index], rhs.map((t) => termCell(t, t.target.table === lhs.table ? row : undefined, col)));
    } else if (namesColumn(lhs)) {
      const parts = lhs.table.parts;
      for (let k = 0, n = lhs.part ? 1 : parts.length; k < n; k++) {
        const part = lhs.part ?? parts[k];
        const store = storeOf(part);
        if (store && this.columnsOver(part as StoredPart, store, lhs, rhs, ruleId, kind, title, node.span)) continue;
        const { emit, termCell } = this.objectsOf(lhs, ruleId, kind, title, node.span);
        for (const row of part.rows) {
          const col = columnIn(row.part, lhs);
          if (!col) continue;
          const target = row.cells[col.index];
          const terms = rhs.map((t) => termCell(t, row, undefined));
          if (!target || terms.some((t) => !t)) continue;
          if (target.kind === 'empty' && terms.every((t) => t!.cell.kind === 'empty')) continue;
          emit(target, terms);
        }
      }
    } else this.problem(this.m.ruleNeedsAxis, lhs.span);
  }

  /**
   * How a rule's relations are made as objects, when they are not made from the parts' arrays (`cellOver`, `rowOver`,
   * `columnsOver`: most are): `emit` adds one whose target and terms are all found, `termCell` finds a term's cell for
   * a row and column of the rule's own table. Made only then (two closures: not for every rule expanded).
   */
  private objectsOf(lhs: Target, ruleId: Relation['rule'], kind: Relation['kind'], title: string, ruleSpan: Span): {
    emit: (targetCell: Cell | undefined, terms: (Term | undefined)[]) => void;
    termCell: (t: { sign: 1 | -1; target: Target }, row: Row | undefined, col: Column | undefined) => Term | undefined;
  } {
    const emit = (targetCell: Cell | undefined, terms: (Term | undefined)[]) => {
      // A figure found among its own terms (`DEGENERATE`) gives no relation.
      if (!targetCell || terms.some((t) => !t || (t.cell === targetCell && this.leftOut()))) return;
      // Each term read in the target's unit: its column's, else its table's (`columnUnit`: `金额（元）` in 万元).
      const unit = columnUnit(targetCell.column, lhs.table.unit);
      const read = (terms as Term[]).map((t) => {
        const shift = unitShift(columnUnit(t.cell.column, t.cell.row.part.table.unit), unit);
        return shift ? { ...t, shift } : t;
      });
      this.sink.add({ rule: ruleId, kind, title, target: targetCell, terms: read, ruleSpan });
    };
    const termCell = (t: { sign: 1 | -1; target: Target }, row: Row | undefined, col: Column | undefined): Term | undefined => {
      // A row of the rule's own table stands for itself; in another table, for the row with its code or label.
      const r = t.target.row ?? (row && t.target.table !== row.part.table ? counterpart(row, t.target.part ?? t.target.table) : row);
      if (!r) return undefined;
      const c = termColumnIn(r.part, t.target, lhs.table, col);
      if (!c) return undefined;
      const cell = r.cells[c.index];
      if (!cell) return undefined;
      // (Read in the target's unit by `emit`.)
      return { sign: t.sign, cell };
    };
    return { emit, termCell };
  }

  /**
   * `N栏各行=(a+b)栏各行` over a stored part, from its arrays: the same relations as row by row, when every term names
   * columns of the row itself (no row of its own) or of its counterpart in another table (`counterpart`: stored too,
   * in the same unit); false when one does not (the rows are then taken one by one).
   */
  private columnsOver(
    part: StoredPart, s: RowStore, lhs: Target, rhs: { sign: 1 | -1; target: Target }[], rule: Relation['rule'], kind: Relation['kind'], title: string, ruleSpan: Span,
    from = 0, to = s.count,
  ): boolean {
    if (rhs.some((t) => t.target.at)) return false;
    // What a term of another table reads: the counterpart of each row in it.
    const across = rhs.map((t) => (t.target.table === lhs.table ? undefined : t.target.part ?? t.target.table));
    for (let k = 0; k < rhs.length; k++) {
      const of = across[k];
      if (of && (unitShift(rhs[k].target.table.unit, lhs.table.unit) !== 0 || partsOf(of).some((q) => !storeOf(q) || columnUnits(q)))) return false;
    }
    if (columnUnits(part)) return false;
    const col = columnIn(part, lhs);
    if (!col) return true;
    // The column of each term of the row's own table (-1: of another table, found in the counterpart's part).
    // (Each list at its size: one grown from empty takes room for 16.)
    const termCols = new Array<number>(rhs.length);
    // For a term of another table: the counterparts of the rows, the term's column in each of that table's parts
    // (-1: none), and each part's number in the list (-1: not yet asked).
    const maps = new Array<Counterparts | undefined>(rhs.length);
    const columns = new Array<Int32Array>(rhs.length);
    const listParts = new Array<Int32Array>(rhs.length);
    for (let k = 0; k < rhs.length; k++) {
      const t = rhs[k].target;
      const of = across[k];
      if (of) {
        const m = counterparts(part, of);
        termCols[k] = -1;
        maps[k] = m;
        columns[k] = Int32Array.from(m.parts, (q) => termColumnIn(q, t, lhs.table)?.index ?? -1);
        listParts[k] = new Int32Array(m.parts.length).fill(-1);
        continue;
      }
      const c = termColumnIn(part, t, lhs.table);
      // None, or the rule's own column (`DEGENERATE`): no relation.
      if (!c || (c.index === col.index && this.leftOut())) return true;
      termCols[k] = c.index;
      maps[k] = undefined;
      columns[k] = NO_COLUMNS;
      listParts[k] = NO_COLUMNS;
    }
    const out = this.sink;
    const p = out.part(part);
    const n = termCols.length;
    const cells = scratch(0, n);
    const parts = scratch(1, n).fill(p, 0, n);
    const rows = scratch(2, n);
    each: for (let r = from; r < to; r++) {
      const target = s.cellAt(r, col.index);
      if (target < 0) continue;
      let empty = s.kind(target) === Kind.Empty;
      for (let k = 0; k < n; k++) {
        let c: number;
        if (termCols[k] >= 0) {
          c = s.cellAt(r, termCols[k]);
          rows[k] = r;
          if (c < 0) continue each;
          if (s.kind(c) !== Kind.Empty) empty = false;
        } else {
          const m = maps[k]!;
          const j = m.part[r];
          if (j < 0 || columns[k][j] < 0) continue each;
          const q = m.parts[j] as StoredPart;
          const row = m.row[r];
          c = q.store.cellAt(row, columns[k][j]);
          if (c < 0) continue each;
          if (q.store.kind(c) !== Kind.Empty) empty = false;
          if (listParts[k][j] < 0) listParts[k][j] = out.part(q);
          parts[k] = listParts[k][j];
          rows[k] = row;
        }
        cells[k] = c;
      }
      if (empty) continue;
      out.begin(rule, kind, title, ruleSpan, p, r, target);
      for (let k = 0; k < n; k++) out.term(parts[k], rows[k], cells[k], rhs[k].sign);
      out.end();
    }
    return true;
  }

  /**
   * A row formula (`「本年支出合计」行=（「一般公共服务支出」+…）行`, each figure column — only the first for one between
   * tables) whose rows are all stored and whose terms are in its unit: its relations go in the list's arrays, no row is
   * made — the relations `emit` would make. False when one is not so (the relations are then made as objects).
   */
  private rowOver(lhs: RowTarget, rhs: { sign: 1 | -1; target: Target }[], crossTable: boolean, rule: Relation['rule'], kind: Relation['kind'], title: string, ruleSpan: Span): boolean {
    const own = lhs.at;
    if (!(own.part instanceof StoredPart) || columnUnits(own.part)) return false;
    const n = rhs.length;
    // Each term's row: its own, else (a term of the rule's own table that names no row) the rule's; none, for a term
    // of another table naming no row (no relation then).
    // (At its size: a list grown from empty takes room for 16.)
    const rows = new Array<RowAt | undefined>(n);
    for (let k = 0; k < n; k++) {
      const t = rhs[k].target;
      const at = t.at ?? (t.table === lhs.table ? own : undefined);
      if ((at && !(at.part instanceof StoredPart)) || unitShift(t.table.unit, lhs.table.unit) !== 0 || (at && columnUnits(at.part))) return false;
      rows[k] = at;
    }
    for (let k = 0; k < n; k++) if (!rows[k]) return true;
    const s = own.part.store;
    const out = this.sink;
    // The list's numbers of the parts, asked at the first relation only (the terms' parts, then the rule's own).
    const parts = scratch(0, n);
    let ownPart = -1;
    const cells = scratch(1, n);
    // The columns `formulaColumns` gives, read in place: each figure column, only the first between tables.
    const columns = own.part.columns;
    let figures = 0;
    each: for (let j = 0; j < columns.length; j++) {
      const col = columns[j];
      if (col.role !== 'figure') continue;
      if (crossTable && figures++) break;
      const target = s.cellAt(own.row, col.index);
      if (target < 0) continue;
      for (let k = 0; k < n; k++) {
        const at = rows[k]!;
        const q = at.part as StoredPart;
        const c = termColumnIn(q, rhs[k].target, lhs.table, col);
        cells[k] = c ? q.store.cellAt(at.row, c.index) : -1;
        // None, or the rule's own figure (`DEGENERATE`): no relation in this column.
        if (cells[k] < 0 || (q === own.part && cells[k] === target && this.leftOut())) continue each;
      }
      if (ownPart < 0) {
        for (let k = 0; k < n; k++) parts[k] = out.part(rows[k]!.part as StoredPart);
        ownPart = out.part(own.part);
      }
      out.begin(rule, kind, title, ruleSpan, ownPart, own.row, target);
      for (let k = 0; k < n; k++) out.term(parts[k], rows[k]!.row, cells[k], rhs[k].sign);
      out.end();
    }
    return true;
  }

  /**
   * A cell equal to a sum of cells each named by its row and column (`「合计」行「项目支出」栏=` the 「执行数」 of 3,000
   * forms), every one stored and in the relation's unit: the relation goes in the list's arrays, no row is made — the
   * relation `emit` would make. False when one is not so (the relation is then made as an object).
   */
  private cellOver(lhs: RowTarget, col: Column, rhs: { sign: 1 | -1; target: Target }[], rule: Relation['rule'], kind: Relation['kind'], title: string, ruleSpan: Span): boolean {
    const at = lhs.at;
    if (!(at.part instanceof StoredPart) || columnUnits(at.part)) return false;
    for (const { target: t } of rhs) {
      if (!t.at || !(t.at.part instanceof StoredPart) || !namesColumn(t) || unitShift(t.table.unit, lhs.table.unit) !== 0 || columnUnits(t.at.part)) return false;
    }
    const target = at.part.store.cellAt(at.row, col.index);
    if (target < 0) return true;
    const n = rhs.length;
    const cells = scratch(0, n);
    for (let k = 0; k < n; k++) {
      const t = rhs[k].target;
      const q = t.at!.part as StoredPart;
      const c = columnIn(q, t);
      cells[k] = c ? q.store.cellAt(t.at!.row, c.index) : -1;
      if (cells[k] < 0 || (q === at.part && cells[k] === target && this.leftOut())) return true;
    }
    const out = this.sink;
    out.begin(rule, kind, title, ruleSpan, out.part(at.part), at.row, target);
    for (let k = 0; k < n; k++) out.term(out.part(rhs[k].target.at!.part as StoredPart), rhs[k].target.at!.row, cells[k], rhs[k].sign);
    out.end();
    return true;
  }

  /** A term's signed references, appended to `out`; false when something is missing (a problem says what). */
  private expandTerm(term: TermNode, current: Table, stop: RowAt | undefined, out: { sign: 1 | -1; target: Target }[]): boolean {
    const op = term.operand;
    if (op.kind === 'ref') {
      const t = this.resolveRef(op, current);
      if (t) out.push({ sign: term.sign, target: t });
      return !!t;
    }
    return this.expandGroup(op, term.sign, current, stop, out);
  }

  private expandGroup(g: GroupNode, sign: 1 | -1, current: Table, stop: RowAt | undefined, out: { sign: 1 | -1; target: Target }[]): boolean {
    const table = g.table ? this.findTable(g.table.text, current) : current;
    if (!table) { this.problem(this.m.tableNotFound(g.table!.text), g.table!.span); return false; }
    // Item by item, stopping at the first that fails (as `groupItems` gives them, without a generator); what the
    // group appended is then of no use (the rule gives nothing).
    for (let i = 0; i < g.items.length; i++) {
      const bound = this.boundTarget(g, i, table);
      if (bound) {
        out.push({ sign: (sign * g.items[i].sign) as 1 | -1, target: bound });
        continue;
      }
      const item = this.groupItem(g, i, table, stop);
      if (!item) continue;
      if (!item.targets) return false;
      for (const t of item.targets) out.push({ sign: (sign * item.sign) as 1 | -1, target: t });
    }
    return true;
  }

  /**
   * The one target of item i of a group whose row a binder found (`BoundItem`), as `groupItem` gives it, without the
   * item and its atom (the expansion reads only its target: two objects and a list fewer an item); undefined when no
   * binder found it.
   */
  private boundTarget(g: GroupNode, i: number, table: Table): Target | undefined {
    const it = g.items[i];
    const at = (it as BoundItem).at;
    return at && it.atom && !it.ellipsis ? new ResolvedRow(table, it.atom.span, at) : undefined;
  }

  /**
   * A group's items, resolved one at a time in `table` (the expansion stops at the first that fails, navigation
   * takes them all): an atom takes the group's axis (`（1+2）行`), a `…` names what lies strictly between its
   * neighbours. A `…` that ends the group (`（「一般公共服务支出」+…）行`) names the rows after its left neighbour, up to
   * `stop` (the rule's own row) when it follows in the same part, else to the end of the part.
   */
  *groupItems(g: GroupNode, table: Table | undefined, stop?: RowAt): Generator<GroupItem> {
    for (let i = 0; i < g.items.length; i++) {
      const item = this.groupItem(g, i, table, stop);
      if (item) yield item;
    }
  }

  /** Item i of a group resolved (`groupItems`); undefined when it is neither an atom nor a `…`. */
  private groupItem(g: GroupNode, i: number, table: Table | undefined, stop?: RowAt): GroupItem | undefined {
    const items = g.items;
    const it = items[i];
    if (it.ellipsis) {
      const a = items[i - 1]?.atom;
      const b = items.slice(i + 1).find((x) => x.atom)?.atom;
      const item: GroupItem = { sign: 1, span: it.ellipsis, range: { a, b } };
      const trailing = !!a && !b && i === items.length - 1;
      if (trailing) {
        if (table) item.targets = this.after(table, a!, g, stop);
      } else if (!a || !b) this.problem(this.m.ellipsisNeedsEnds, it.ellipsis);
      else if (table) item.targets = this.between(table, a, b, g);
      return item;
    }
    if (!it.atom) return undefined;
    // Field by field: a spread of the parsed node is slow.
    const atom: AtomNode = { value: it.atom.value, quoted: it.atom.quoted, unit: it.atom.unit ?? g.unit, eachRow: it.atom.eachRow ?? g.eachRow, span: it.atom.span };
    const item: GroupItem = { sign: it.sign, span: it.atom.span, atom };
    // A row a binder found is taken as found (`BoundItem`).
    const at = (it as BoundItem).at;
    const t = !table ? undefined : at ? new ResolvedRow(table, atom.span, at) : this.resolveAtoms(table, [atom], atom.span);
    if (t) item.targets = [t];
    return item;
  }

  /**
   * The rows after `a` in a range that ends with `…`, up to `stop` when it follows in the same part, else to the part's
   * end: when `a` is numbered (`一、`, `（一）`, `1.`, `（1）`), the rows numbered alike — its siblings —, passing over
   * the rows numbered one level deeper (their items) and ending at a row numbered higher or not at all; else every row.
   */
  after(table: Table, a: AtomNode, g: GroupNode, stop?: RowAt): Target[] | undefined {
    const ra = firstRowAt(table, a);
    if (!ra) { this.problem(this.m.rowNotFound(a.quoted ? `「${a.value}」` : `${a.value}行`), a.span); return undefined; }
    // The rows' labels read from the part's store: only the rows named are made.
    const p = ra.part;
    const end = stop && stop.part === p && stop.row > ra.row ? stop.row : rowCount(p);
    const level = itemLevel(rowLabel(p, ra.row));
    const out: Target[] = [];
    for (let i = ra.row + 1; i < end; i++) {
      const l = itemLevel(rowLabel(p, i));
      if (level !== undefined && (l === undefined || l < level)) break;
      if (level !== undefined && l! > level) continue;
      out.push(new ResolvedRow(table, g.span, { part: p, row: i }));
    }
    return out;
  }

  /**
   * The references strictly between `a` and `b` in a range `a+…+b`: the columns numbered between, or the rows (by part
   * and number, as `after` gives them: no row's view is made).
   */
  between(table: Table, a: AtomNode, b: AtomNode, g: GroupNode): Target[] | undefined {
    const unit = a.unit ?? g.unit;
    const out: Target[] = [];
    if (!a.quoted && !b.quoted) {
      for (let n = Number(a.value) + 1; n < Number(b.value); n++) {
        if (unit === 'column') out.push(new ResolvedTable(table, g.span, undefined, undefined, n));
        else for (const at of positionsNumbered(table, n)) out.push(new ResolvedRow(table, g.span, at));
      }
      return out;
    }
    const ra = firstRowAt(table, a);
    const rb = firstRowAt(table, b);
    if (!ra || !rb || ra.part !== rb.part) { this.problem(this.m.rangeSamePart, g.span); return undefined; }
    for (let r = ra.row + 1; r < rb.row; r++) out.push(new ResolvedRow(table, g.span, { part: ra.part, row: r }));
    return out;
  }

  /**
   * What one reference names (`公开03表「201」行1栏`), `current` being the table `本表` and bare atoms refer to;
   * `naming` records how it named them, as far as it got. A reference a binder resolved (`BoundRef`) is taken as it
   * found it, unless the naming is asked for. Its table is the one its key names: a binder names a table by a key of
   * its own (standard/bind.ts `tableRef`: the table's place in the document, one per table), and a bound rule is
   * expanded only by rules that resolve tables through that binder (standard/apply.ts) — the key, looked up again,
   * would find the same table.
   */
  resolveRef(ref: RefNode, current: Table, asked?: Naming): Target | undefined {
    const found = (ref as BoundRef).found;
    if (found && !asked) return targetOf(found.table, ref.span, found.part, found.at, found.columnName);
    const naming = asked ?? {};
    for (const a of ref.atoms) {
      const axis = axisOf(a);
      if (axis === 'row') naming.rowAtom = a;
      else if (axis === 'column') naming.columnAtom = a;
    }
    let table = current;
    naming.table = current;
    let atoms = ref.atoms;
    if (ref.table) {
      naming.tableSpan = ref.table.span;
      const t = this.findTable(ref.table.text, current);
      naming.table = t;
      if (!t) { this.problem(this.m.tableNotFound(ref.table.text), ref.table.span); return undefined; }
      table = t;
    }
    // `「标题」` before the row names a table, else a part of the table (`「项目支出明细」「合计」行`).
    let part: Part | undefined;
    if (atoms.length > 1 && isNameAtom(atoms[0])) {
      part = partNamed(table, atoms[0].value);
      if (part) {
        naming.part = part;
        naming.partSpan = atoms[0].span;
      } else {
        const t = ref.table ? undefined : this.findTable(atoms[0].value, current);
        if (!ref.table) naming.tableSpan = atoms[0].span;
        naming.table = t;
        if (!t) { this.problem(this.m.tableNotFound(atoms[0].value), atoms[0].span); return undefined; }
        table = t;
        if (atoms.length > 2 && isNameAtom(atoms[1])) {
          part = partNamed(table, atoms[1].value);
          if (part) {
            naming.part = part;
            naming.partSpan = atoms[1].span;
            atoms = atoms.slice(1);
          }
        }
      }
      atoms = atoms.slice(1);
    }
    return this.resolveAtoms(table, atoms, ref.span, part);
  }

  /** What a row or column atom (`27行`, `「合计」行`, `1栏`) names in `table` (or one of its parts). */
  resolveAtoms(table: Table, atoms: AtomNode[], span: Span, part?: Part): Target | undefined {
    let at: RowAt | undefined;
    let columnName: string | undefined;
    let columnNumber: number | undefined;
    for (const a of atoms) {
      const unit = axisOf(a);
      if (unit === 'row') {
        at = firstRowAt(table, a, part);
        if (!at) { this.problem(this.m.rowNotFound(a.quoted ? `「${a.value}」` : `${a.value}行`), a.span); return undefined; }
      } else if (unit === 'column') {
        if (a.quoted) columnName = a.value;
        else columnNumber = Number(a.value);
        const named = { columnName, columnNumber };
        const exists = part ? !!columnIn(part, named) : table.parts.some((p) => !!columnIn(p, named));
        if (!exists) { this.problem(this.m.columnNotFound(a.quoted ? `「${a.value}」` : `${a.value}栏`), a.span); return undefined; }
      } else {
        this.problem(this.m.needsAxis(a.value), a.span);
        return undefined;
      }
    }
    return targetOf(table, span, part, at, columnName, columnNumber);
  }

  private problem(message: string, span: Span): undefined {
    this.problems.push({ rule: 'rule-reference', message, span, severity: 'error' });
    return undefined;
  }
}

/** Whether the document states a phrase (one of `甲｜乙`) anywhere in its words: narrative, notes, texts, fields. */
export function states(doc: BudgetDocument, phrase: string): boolean {
  const wanted = phrase.split(/[｜|]/).map(norm).filter(Boolean);
  const has = (text: string) => { const t = norm(text); return wanted.some((w) => t.includes(w)); };
  if (doc.narrative.some((l) => has(l.text))) return true;
  for (const t of doc.tables) {
    if (t.notes.some((n) => has(n.text)) || t.texts.some((x) => has(x.text))) return true;
    if (fieldsOf(t).some((f) => has(f.value))) return true;
  }
  return false;
}

function describeColumn(t: Target): string {
  return t.columnNumber !== undefined ? `${t.columnNumber}栏` : `「${t.columnName}」`;
}

/**
 * Whether a column of the part prints a unit of its own other than its table's (`金额（元）` in 万元): its relations are
 * then made as objects, each term read in its target's unit (`objectsOf`), never in the arrays, which carry no shift.
 */
function columnUnits(p: Part): boolean {
  const unit = p.table.unit;
  for (const c of p.columns) {
    const own = c.role === 'figure' ? ownColumnUnit(c) : undefined;
    if (own !== undefined && own !== unit) return true;
  }
  return false;
}
