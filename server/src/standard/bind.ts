/**
 * Binding a standard identity to a document: the set file names tables by their standard title, and rows, columns
 * and parts by the names the template uses; a document prints its own title, layout and wording. Binding rewrites an
 * identity's rule in the document's terms — each table reference becomes the key of the document's table that plays
 * the role (see `Roles`), each name the one this document prints (one of the names the set lists for it, matched
 * with the keys of names.ts) — so that the ordinary rule expansion (rules/declared.ts) checks it like any `规则：`
 * line. What the document does not print is left as written: the expansion then names nothing, and the identity is
 * not applicable.
 */
import { fieldsOf, firstFigureColumn } from '../model/build';
import { itemLevel } from '../model/classify';
import type { Column, Part, Table } from '../model/document';
import { eachRowHead, indexOfHeads, Kind, rowCount, rowLabel, storeOf } from '../model/rows';
import { axisOf, byFigures, firstNamed, firstRowAt, partNamed, partsOf, SCANNED_ROWS, type BoundItem, type BoundRef, type RowAt } from '../rules/declared';
import type { AtomNode, ConditionNode, GroupItem, GroupNode, RefNode, RuleNode, Span, TermNode } from '../syntax/ast';
import { columnKey, hasColumnKey, ruleLabelKey, nameKey } from './names';
import { guardKey, tableNamed, type Identity, type StandardSet, type StandardTable } from './set';

/** Which tables of the document play each standard table. */
export interface Roles {
  set: StandardSet;
  instances(st: StandardTable): Table[];
  /** The key a bound rule names `t` by (resolved by the expansion's table resolver). */
  keyOf(t: Table): string;
}

/** A rule in the document's terms, to be expanded in `table`; or what the document lacks. */
export type Binding = { rule: RuleNode; table: Table } | { missing: string };

const NOWHERE: Span = Object.freeze({ start: 0, end: 0 });

const nameAtom = (a: AtomNode | undefined): a is AtomNode => !!a && a.quoted && !a.unit && !a.eachRow;

/** A quoted subject code (`「301」`). */
function isCode(a: AtomNode): boolean {
  return a.quoted && /^\d{3}(?:\d{2}){0,2}$/.test(a.value.trim());
}

/** The keys of the names a set's rules and a form's fields use (few, looked up for every binding): computed once each. */
const dataKeys = new Map<string, string>();

function dataKey(name: string): string {
  let k = dataKeys.get(name);
  if (k === undefined) {
    // Documents' field names are open-ended: the memo is bounded.
    if (dataKeys.size >= 4096) dataKeys.clear();
    dataKeys.set(name, (k = nameKey(name)));
  }
  return k;
}

/** A column's group path as one text (most columns have no group: their path is their name). */
function pathOf(c: Column): string {
  return c.path.length === 1 ? c.path[0] : c.path.join('');
}

/**
 * The place in its part's columns of the column with this name key, else with this path key (the first of each; -1:
 * none). A part has few columns: they are read one by one — `keyed`, their keys made once for the part (most parts are
 * asked for many names); else nothing is kept (3,000 forms are each asked once or twice).
 */
function columnKeyed(p: Part, key: string, keyed: boolean): number {
  if (keyed) {
    const keys = columnKeysOf(p);
    const i = keys.names.indexOf(key);
    return i < 0 ? keys.paths.indexOf(key) : i;
  }
  const cols = p.columns;
  for (let i = 0; i < cols.length; i++) if (hasColumnKey(cols[i].name, key)) return i;
  for (let i = 0; i < cols.length; i++) if (hasColumnKey(pathOf(cols[i]), key)) return i;
  return -1;
}

/** Whether no other column of its part has the name of its column number i (keys compared; `keyed`: see `columnKeyed`). */
function uniquelyNamed(p: Part, i: number, keyed: boolean): boolean {
  if (keyed) {
    const names = columnKeysOf(p).names;
    return names.indexOf(names[i]) === i && names.indexOf(names[i], i + 1) < 0;
  }
  const cols = p.columns;
  const key = columnKey(cols[i].name);
  for (let j = 0; j < cols.length; j++) if (j !== i && hasColumnKey(cols[j].name, key)) return false;
  return true;
}

/**
 * What the bindings ask of a part's rows, read from their heads (no row is made) once per part: a part does not change
 * but for its figures (a part whose rows change is a new part, see model/rows), and a table keeps its object while
 * its parts are renewed — so nothing here is kept by table.
 */
interface PartIndex {
  /** How many rows print a figure, counted up to 2 (a table of one row is all a binding asks about). */
  dataRows?: number;
  /** The label of the first row by each label key. */
  labels?: Map<string, string>;
  /** A small part's rows' label keys, by row (none for a row without label). */
  keys?: (string | undefined)[];
  /** Its columns' keys (names.ts), by place in `columns`: of their names and of their group paths. */
  columns?: { names: string[]; paths: string[] };
  /** The keys of each column's group path components, by place in `columns`. */
  groups?: string[][];
  /** The names (code, else label) of the rows by project key, and every (key, name) for the near matches. */
  projects?: { byKey: Map<string, string[]>; keys: [string, string][]; pairs?: Map<number, number[]>; longest?: number };
  /**
   * What binders found in the part, or in its table when it is the table's only part (the same rows), for every binder:
   * the row each name names (`Binder.rowAt`; null: none), and what each list of a row's names finds (`Binder.rowName`).
   */
  rows?: Map<string, RowAt | null>;
  named?: Map<AtomNode[], Named | null>;
  /** The same for a column's names (`columnNamesOf`): the name the document prints (null: none), for every binder. */
  columnsNamed?: Map<ColumnNames, string | null>;
}

/** What a row's names (`rowNamesOf`) find in a table or part: the name the document prints, and its row. */
interface Named { value: string; row: RowAt | undefined }

const partIndexes = new WeakMap<Part, PartIndex>();

/** A part's index, each piece built when first asked (most bindings find their rows by name and ask for none). */
function partIndex(p: Part): PartIndex {
  let ix = partIndexes.get(p);
  if (!ix) partIndexes.set(p, (ix = {}));
  return ix;
}

/** The keys (names.ts) of a part's columns' names and group paths, by place, made once per part. */
function columnKeysOf(p: Part): NonNullable<PartIndex['columns']> {
  const ix = partIndex(p);
  if (ix.columns) return ix.columns;
  const names: string[] = [];
  const paths: string[] = [];
  for (const c of p.columns) {
    const name = columnKey(c.name);
    const path = pathOf(c);
    names.push(name);
    paths.push(path === c.name ? name : columnKey(path));
  }
  return (ix.columns = { names, paths });
}

/** The keys (names.ts) of the components of each column's group path, made once per part (only `组/…/栏` names ask). */
function groupKeysOf(p: Part): string[][] {
  const ix = partIndex(p);
  return (ix.groups ??= p.columns.map((c) => c.path.map(columnKey)));
}

function dataRowsOf(p: Part): number {
  const ix = partIndex(p);
  if (ix.dataRows !== undefined) return ix.dataRows;
  let n = 0;
  const width = p.columns.length;
  const store = storeOf(p);
  if (store) {
    // From the store: no row's label is read.
    for (let r = 0; r < store.count && n < 2; r++) {
      for (let i = 0; i < width; i++) {
        const c = store.cellAt(r, i);
        if (c >= 0 && store.kind(c) === Kind.Figure) { n++; break; }
      }
    }
  } else {
    eachRowHead(p, (r) => {
      for (let i = 0; i < width; i++) if (r.kindAt(i) === 'figure') { n++; break; }
      return n < 2;
    });
  }
  return (ix.dataRows = n);
}

/** What `indexOfHeads` keeps a stored part's labels by key under (kept while its rows' heads stay the same). */
const LABELS = {};

function labelsOf(p: Part): Map<string, string> {
  const ix = partIndex(p);
  return ix.labels ?? (ix.labels = keptLabels(p));
}

/** A part's labels by their key, kept while its rows' heads stay (apart from `labelsOf`: asked at every name, it makes no closure). */
function keptLabels(p: Part): Map<string, string> {
  return indexOfHeads(p, LABELS, () => labelsRead(p));
}

function labelsRead(p: Part): Map<string, string> {
  const labels = new Map<string, string>();
  // Only the labels are read (from the store: no head is filled).
  for (let r = 0, n = rowCount(p); r < n; r++) {
    const label = rowLabel(p, r);
    if (!label) continue;
    const k = ruleLabelKey(label);
    if (!labels.has(k)) labels.set(k, label);
  }
  return labels;
}

/**
 * The label of a part's first row whose label key is `k` (`ruleLabelKey`); a small part is read row by row, its rows'
 * keys made once (every name asked of a form reads them all).
 */
function labelKeyed(p: Part, k: string): string | undefined {
  const n = rowCount(p);
  if (n > SCANNED_ROWS) return labelsOf(p).get(k);
  const ix = partIndex(p);
  if (!ix.keys) {
    ix.keys = [];
    for (let r = 0; r < n; r++) {
      const label = rowLabel(p, r);
      ix.keys.push(label ? ruleLabelKey(label) : undefined);
    }
  }
  for (let r = 0; r < n; r++) if (ix.keys[r] === k) return rowLabel(p, r);
  return undefined;
}

function projectsOf(p: Part): NonNullable<PartIndex['projects']> {
  const ix = partIndex(p);
  if (ix.projects) return ix.projects;
  const projects: NonNullable<PartIndex['projects']> = { byKey: new Map(), keys: [] };
  eachRowHead(p, (r) => {
    if (!r.label) return;
    const name = r.code ?? r.label;
    const pk = projectKey(r.label);
    const list = projects.byKey.get(pk);
    if (list) list.push(name); else projects.byKey.set(pk, [name]);
    projects.keys.push([pk, name]);
  });
  return (ix.projects = projects);
}

/**
 * A table's only part, else the table: a name looked up in a table of one part finds what it finds in that part (the
 * same rows, read in the same order: declared.ts `partsOf`), and is kept by the part (`PartIndex.rows`).
 */
function onlyPart(t: Table): Table | Part {
  return t.parts.length === 1 ? t.parts[0] : t;
}

/** Whether cell i of row r of a part holds text, read from its store when it has one (no row is made). */
function isTextAt(p: Part, r: number, i: number): boolean {
  const store = storeOf(p);
  if (!store) return p.rows[r]?.cells[i]?.kind === 'text';
  const c = store.cellAt(r, i);
  return c >= 0 && store.kind(c) === Kind.Text;
}

/**
 * The first figure column whose cell in row `at` holds no text (`figureColumns`, read without a list or a closure: asked
 * for each term that reads a row of another table without naming its column).
 */
function firstFigureNotText(at: RowAt): Column | undefined {
  for (const c of at.part.columns) if (c.role === 'figure' && !isTextAt(at.part, at.row, c.index)) return c;
  return undefined;
}

/** Whether more than one row of a table prints a figure. */
function severalDataRows(t: Table): boolean {
  let n = 0;
  for (const p of t.parts) if ((n += dataRowsOf(p)) > 1) return true;
  return false;
}

/** A project's name as tables print it: blanks, quotes and a leading year (`2022年`) out. */
function projectKey(s: string): string {
  return nameKey(s).replace(/^\d{4}年度?/, '');
}

/**
 * The name (code, else label) of the row of `of` that a form's project names (`{项目名称}`): the row whose label is
 * the name, else the only row whose label contains it or is contained in it (`物业管理经费` is the 项目支出表's
 * `2022年物业管理经费`).
 */
function projectRow(of: Table | Part, name: string): string | undefined {
  const k = projectKey(name);
  if (!k) return undefined;
  const parts = partsOf(of).map(projectsOf);
  const exact = parts.flatMap((ix) => ix.byKey.get(k) ?? []);
  if (exact.length) return exact.length === 1 ? exact[0] : undefined;
  // The rows whose key is in `k` or holds it (none is `k`: no exact match), found without reading every row's key
  // (a scan of the 项目支出表 for each form was forms × rows: 2.5 s a pass of 3,011 forms whose names it prints
  // otherwise): the keys in `k` among its substrings, those holding it among the rows that hold its rarest pair of
  // characters (`pairsOf`). Only whether there is exactly one matters.
  let found: string | undefined;
  let count = 0;
  for (const ix of parts) {
    for (const name of keysIn(ix, k)) {
      found = name;
      if (++count > 1) return undefined;
    }
    for (const name of keysHolding(ix, k)) {
      found = name;
      if (++count > 1) return undefined;
    }
  }
  return count === 1 ? found : undefined;
}

type Projects = NonNullable<PartIndex['projects']>;

/**
 * The names of the rows whose key (of more than one character) is a part of `k`, each row once (none is `k` itself:
 * the caller looked it up).
 */
function keysIn(ix: Projects, k: string): string[] {
  const out: string[] = [];
  // No longer than the longest key; a part of `k` found at two places counted once (`hits`).
  const longest = (ix.longest ??= ix.keys.reduce((n, [l]) => Math.max(n, l.length), 0));
  let hits: string[] | undefined;
  for (let i = 0; i < k.length; i++) {
    for (let j = i + 2, end = Math.min(k.length, i + longest); j <= end; j++) {
      const sub = k.slice(i, j);
      const names = ix.byKey.get(sub);
      if (!names || hits?.includes(sub)) continue;
      (hits ??= []).push(sub);
      for (const n of names) out.push(n);
    }
  }
  return out;
}

/** The names of the rows whose key holds `k` and is longer, each row once. */
function keysHolding(ix: Projects, k: string): string[] {
  const out: string[] = [];
  if (k.length < 2) {
    // One character: every row's key read (no pair to look up).
    for (const [l, name] of ix.keys) if (l.length > 1 && l !== k && l.includes(k)) out.push(name);
    return out;
  }
  const pairs = pairsOf(ix);
  let rarest: number[] | undefined;
  for (let i = 0; i + 1 < k.length; i++) {
    const rows = pairs.get(pairCode(k, i));
    if (!rows) return out;
    if (!rarest || rows.length < rarest.length) rarest = rows;
  }
  for (const r of rarest!) {
    const [l, name] = ix.keys[r];
    if (l !== k && l.includes(k)) out.push(name);
  }
  return out;
}

/** Two characters of a text from `i`, as one number. */
function pairCode(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

/** The rows (by place in `keys`) whose key holds each pair of characters, each row once per pair; made when first asked. */
function pairsOf(ix: Projects): Map<number, number[]> {
  if (ix.pairs) return ix.pairs;
  const pairs = new Map<number, number[]>();
  for (let r = 0; r < ix.keys.length; r++) {
    const l = ix.keys[r][0];
    for (let i = 0; i + 1 < l.length; i++) {
      const c = pairCode(l, i);
      const rows = pairs.get(c);
      if (!rows) pairs.set(c, [r]);
      else if (rows[rows.length - 1] !== r) rows.push(r);
    }
  }
  return (ix.pairs = pairs);
}

/** A row or column atom of a standard rule, compiled once: the names it may go by in a document, as keys. */
interface CompiledAtom {
  /** As written, with the group's axis (the result when it names nothing quoted). */
  node: AtomNode;
  axis: 'row' | 'column' | undefined;
  /** `{字段}`: the key of the form's field whose value names the row (a project in the 项目支出表). */
  field: string | undefined;
  code: boolean;
  /** A row's names, as atoms to look up (the set's name first, then its other names), and their label keys. */
  rows: AtomNode[];
  rowKeys: string[];
  /** By place in `rows`: the label keys of the rows whose presence forbids taking that name (set.ts `rowGuards`). */
  rowUnless: readonly (readonly string[] | undefined)[];
  /** A column's names: each one's key, and its group path's components when written `组/…/栏` (`columnNamesOf`). */
  columns: ColumnNames;
}

/** An operand of a standard rule, compiled once. */
interface CompiledOperand {
  sign: 1 | -1;
  kind: 'ref' | 'group';
  /** The standard table it names; undefined: the identity's own. */
  st: StandardTable | undefined;
  /** A table name the set does not know. */
  unknown: string | undefined;
  /** `「部分」` before the row: the part's names (keys). */
  part: { value: string; keys: string[] } | undefined;
  atoms: CompiledAtom[];
  /**
   * Each atom's node as written (`atoms[i].node`): the bound reference's atoms when the document prints every name as
   * the set writes it (most do), shared by those references (read only).
   */
  nodes: AtomNode[];
  /** A group's items; a `…` with its bound item, the same wherever it is bound (read only). */
  items: { sign: 1 | -1; atom: CompiledAtom | undefined; ellipsis: Span | undefined; bound: GroupItem | undefined }[];
  group: GroupNode | undefined;
  span: Span;
}

interface CompiledRule {
  lhs: CompiledOperand[];
  rhs: CompiledOperand[];
  condition?: { lhs: CompiledOperand[]; rhs: CompiledOperand[] };
  /** `conditionIsShared` and `conditionNamesField`, known once the rule is compiled (asked for each of 3,000 forms). */
  sharedCondition: boolean;
  fieldCondition: boolean;
}

const compiled = new WeakMap<Identity, CompiledRule>();

/** The form's field an atom names (`「{项目名称}」`), if it names one. */
function fieldOf(a: AtomNode): string | undefined {
  return a.quoted ? /^\{(.+)\}$/.exec(a.value.trim())?.[1] : undefined;
}

/**
 * Whether a reference of `own`'s names a place of its own table by names alone: no other table, no form's field
 * (known once the reference is compiled: asked for every named quantity a table holds, at every pass).
 */
export function refIsOwnByName(ref: RefNode, own: StandardTable): boolean {
  return compiledRef(ref, own).ownByName;
}

function compileAtom(a: AtomNode, st: StandardTable): CompiledAtom {
  const axis = a.unit ?? (a.eachRow ? 'column' : undefined);
  const field = fieldOf(a);
  let rows: AtomNode[] = NO_ATOMS;
  let rowKeys: string[] = NO_KEYS;
  let rowUnless: readonly (readonly string[] | undefined)[] = NO_GUARDS;
  let columns: ColumnNames = NO_COLUMNS;
  if (a.quoted && !field && axis === 'row') ({ rows, rowKeys, unless: rowUnless } = rowNamesOf(st, a.value));
  else if (a.quoted && !field && axis === 'column') columns = columnNamesOf(st, a.value);
  // Every field set, in one order: the binder reads thousands of these (one hidden class).
  return { node: a, axis, field: field ? nameKey(field) : undefined, code: isCode(a), rows, rowKeys, rowUnless, columns };
}

const NO_GUARDS: readonly (readonly string[] | undefined)[] = [];

const NO_ATOMS: AtomNode[] = [];
const NO_KEYS: string[] = [];
const NO_COLUMNS: ColumnNames = [];

/**
 * The map what a binder found in `of` is kept in: the part's own (or a table's only part's), for every binder
 * (`PartIndex`: a part's rows and columns do not change but for their figures), else — a table of several parts — the
 * binder's, by table (the tables do not change while a binder binds). `rowAt` and `columnName` keep their look-ups so.
 */
function keptIn<K, V>(of: Table | Part, byTable: Map<Table, Map<K, V>>, ofPart: (ix: PartIndex) => Map<K, V>): Map<K, V> {
  if (!('parts' in of)) return ofPart(partIndex(of));
  let m = byTable.get(of);
  if (!m) byTable.set(of, (m = new Map()));
  return m;
}

/** A part's kept row and column look-ups (`keptIn`: functions of the module, no closure per look-up). */
const ROWS_OF = (ix: PartIndex) => (ix.rows ??= new Map());
const COLUMNS_OF = (ix: PartIndex) => (ix.columnsNamed ??= new Map());

/**
 * A column's names (the set's name first, then its other names): each one's key, and its group path's when `组/…/栏`;
 * for another name written with a guard (set.ts `columnGuards`), the columns whose presence in its part forbids it.
 */
type ColumnNames = ColumnName[];
interface ColumnName { key: string; parts: string[]; unless: { key: string; parts: string[] }[] | undefined }

function columnNameOf(n: string): { key: string; parts: string[] } {
  return { key: dataKey(n), parts: n.includes('/') ? n.split('/').map(dataKey).filter(Boolean) : [] };
}

/**
 * The names a column named `value` in a standard table may go by, one list per table and name, shared by every
 * identity that names the column (as `rowNamesOf`'s): what a part's columns give for the list is kept by the part, or
 * a table's only part, for every binder (`PartIndex.columnsNamed`: a part's columns do not change), and by the table
 * per binder for a table of several parts (`Binder.columnName`).
 */
const columnNameLists = new WeakMap<StandardTable, Map<string, ColumnNames>>();

function columnNamesOf(st: StandardTable, value: string): ColumnNames {
  let byValue = columnNameLists.get(st);
  if (!byValue) columnNameLists.set(st, (byValue = new Map()));
  let names = byValue.get(value);
  if (!names) {
    const all = [value, ...(st.columnNames.get(dataKey(value)) ?? []).filter((n) => n !== value)];
    // A guard holds for another name only: the rule's own name is taken whatever it says.
    names = all.map((n, i): ColumnName => {
      const guard = i ? st.columnGuards.get(guardKey(value, n)) : undefined;
      return { ...columnNameOf(n), unless: guard?.map(columnNameOf) };
    });
    byValue.set(value, names);
  }
  return names;
}

/**
 * The names a row named `value` in a standard table may go by (the set's name first, then its other names), as atoms
 * to look up and as label keys: one list per table and name, shared by every identity that names the row (what is
 * found by the list is kept: by the part, or a table's only part, for every binder — `PartIndex.named` —, and by the
 * table per binder for a table of several parts: `Binder.rowName`).
 */
type RowNames = { rows: AtomNode[]; rowKeys: string[]; unless: readonly (readonly string[] | undefined)[] };
const rowNameLists = new WeakMap<StandardTable, Map<string, RowNames>>();

function rowNamesOf(st: StandardTable, value: string): RowNames {
  let byValue = rowNameLists.get(st);
  if (!byValue) rowNameLists.set(st, (byValue = new Map()));
  let names = byValue.get(value);
  if (!names) {
    const all = [value, ...(st.rowNames.get(dataKey(value)) ?? []).filter((n) => n !== value)];
    // A guard holds for another name only (as a column's: `columnNamesOf`).
    const unless = all.map((n, i) => (i ? st.rowGuards.get(guardKey(value, n))?.map(ruleLabelKey) : undefined));
    names = {
      rows: all.map((v): AtomNode => ({ value: v, quoted: true, unit: 'row', span: NOWHERE })), rowKeys: all.map(ruleLabelKey),
      unless: unless.some(Boolean) ? unless : NO_GUARDS,
    };
    byValue.set(value, names);
  }
  return names;
}

function compileOperand(term: TermNode, own: StandardTable): CompiledOperand {
  const op = term.operand;
  const set = own.set;
  let unknown: string | undefined;
  let st = own;
  let atoms = op.kind === 'ref' ? op.atoms : [];
  if (op.table && op.table.text.replace(/\s+/g, '') !== '本表') {
    const named = tableNamed(set, op.table.text);
    if (named) st = named; else unknown = op.table.text;
  } else if (op.kind === 'ref' && atoms.length > 1 && nameAtom(atoms[0])) {
    const named = tableNamed(set, atoms[0].value);
    if (named) { st = named; atoms = atoms.slice(1); }
  }
  // Every field set, in one order (one hidden class for all operands).
  const co: CompiledOperand = { sign: term.sign, kind: op.kind, st: st !== own ? st : undefined, unknown, part: undefined, atoms: [], nodes: NO_ATOMS, items: [], group: undefined, span: op.span };
  if (op.kind === 'group') {
    co.group = op;
    co.items = op.items.map((it) => (it.atom
      ? { sign: it.sign, atom: compileAtom({ ...it.atom, unit: it.atom.unit ?? op.unit, eachRow: it.atom.eachRow ?? op.eachRow }, st), ellipsis: undefined, bound: undefined }
      : { sign: it.sign, atom: undefined, ellipsis: it.ellipsis, bound: { sign: it.sign, ellipsis: it.ellipsis } }));
    return co;
  }
  if (atoms.length > 1 && nameAtom(atoms[0])) {
    const value = atoms[0].value;
    co.part = { value, keys: [value, ...(st.partNames.get(dataKey(value)) ?? [])].map(dataKey) };
    atoms = atoms.slice(1);
  }
  co.atoms = atoms.map((a) => compileAtom(a, st));
  co.nodes = co.atoms.map((a) => a.node);
  return co;
}

/**
 * A reference of a standard table (a quantity's place) compiled, once per reference, with whether it names a place of
 * its own table by names alone (`refIsOwnByName`).
 */
const compiledRefs = new WeakMap<RefNode, { own: StandardTable; operand: CompiledOperand; ownByName: boolean }>();

function compiledRef(ref: RefNode, own: StandardTable): { own: StandardTable; operand: CompiledOperand; ownByName: boolean } {
  let c = compiledRefs.get(ref);
  if (c?.own !== own) {
    const operand = compileOperand({ sign: 1, operand: ref }, own);
    compiledRefs.set(ref, (c = { own, operand, ownByName: !operand.st && !operand.unknown && !namesField(operand) }));
  }
  return c;
}

function compileRef(ref: RefNode, own: StandardTable): CompiledOperand {
  return compiledRef(ref, own).operand;
}

/** An identity's rule compiled against its set: done once, on first use. */
function compile(idn: Identity): CompiledRule {
  let c = compiled.get(idn);
  if (c) return c;
  const own = idn.table;
  const rule = idn.rule;
  const cond = rule.condition;
  const condition = byFigures(idn.conditionKind) ? { lhs: cond!.lhs.map((t) => compileOperand(t, own)), rhs: cond!.rhs.map((t) => compileOperand(t, own)) } : undefined;
  const shared = (o: CompiledOperand) => !!o.st && !o.unknown && !namesField(o);
  c = {
    lhs: rule.lhs.map((t) => compileOperand(t, own)),
    rhs: rule.rhs.map((t) => compileOperand(t, own)),
    ...(condition ? { condition } : {}),
    sharedCondition: !!condition && condition.lhs.every(shared) && condition.rhs.every(shared),
    fieldCondition: !!condition && (condition.lhs.some(namesField) || condition.rhs.some(namesField)),
  };
  compiled.set(idn, c);
  return c;
}

/**
 * Whether an identity's condition (`当 C=D`) reads the same wherever the identity is applied: each of its terms names
 * another standard table, and none a form's field (`当 「收支总表」「一般公共预算拨款收入」行=「收支总表」「收入总计」行`,
 * applied to each of 3,000 项目申报表). Its outcome, within one pass, is then the same for every instance.
 */
export function conditionIsShared(idn: Identity): boolean {
  return compile(idn).sharedCondition;
}

/** Whether an identity's equality condition names a row by a form's field (`「项目支出表」「{项目名称}」行`). */
export function conditionNamesField(idn: Identity): boolean {
  return compile(idn).fieldCondition;
}

function namesField(o: CompiledOperand): boolean {
  return [...o.atoms, ...o.items.map((it) => it.atom)].some((a) => a?.field !== undefined);
}

/** No role asked for (a binding's `consulted` until it asks for one; frozen: never pushed to, see `Binder.term`). */
const NONE_ASKED = Object.freeze([]) as readonly StandardTable[] as StandardTable[];

/** Why a binding failed: a name or table the document does not print, or a term that stands for zero. */
interface Failure {
  zero: boolean;
  what: string;
}

export class Binder {
  constructor(private readonly roles: Roles) {}

  /** The failure of the last step that returned undefined (no exception: most identities of a set do not fit a layout). */
  private readonly failure: Failure = { zero: false, what: '' };

  private fail(what: string, zero = false): undefined {
    this.failure.zero = zero;
    this.failure.what = what;
    return undefined;
  }

  private failed(what: string, zero = false): false {
    this.fail(what, zero);
    return false;
  }

  /**
   * The tables the last `bind` read, and the roles it asked for (what its result depends on). New lists per binding:
   * lists of the binder's emptied with `length = 0` (V8 drops their store) and copied to size made binding slower. Not
   * written to once their binding is done (`bindCondition` reads into lists of its own): an identity kept for the next
   * version holds its binding's `touched` as it is (./apply `tablesOnce`).
   */
  touched: Table[] = [];
  /**
   * Each role asked for, once: `NONE_ASKED` until one is (most identities bound read their own table alone, and an
   * empty list made for each was held by its kept result to the next version); the first one asked makes the list.
   */
  consulted: StandardTable[] = NONE_ASKED;

  /** Binds `idn` for `instance`, the document's table that plays the identity's own standard table. */
  bind(idn: Identity, instance: Table): Binding {
    this.touched = [instance];
    this.consulted = NONE_ASKED;
    const rule = idn.rule;
    const own = idn.table;
    const c = compile(idn);
    const lhs = this.operands(c.lhs, own, instance);
    if (!lhs) return { missing: this.failure.what };
    const rhs = this.sum(c.rhs, own, instance);
    if (!rhs) return { missing: this.failure.what };
    if (lhs.length === 1 && lhs[0].operand.kind === 'ref' && columnOnly(lhs[0].operand) && severalDataRows(instance) && this.readsRowElsewhere(rhs, instance)) {
      // A column equal to one figure of another table: a table of one row only (江苏 支出预算总表).
      return { missing: `${idn.table.title}（一行）` };
    }
    let condition: ConditionNode | undefined;
    if (c.condition) {
      condition = this.equality(idn, c.condition, instance);
      if (!condition) return { missing: this.failure.what };
    } else if (rule.condition) condition = rule.condition;
    const node: RuleNode = { lhs, rhs, text: idn.text, span: NOWHERE };
    if (condition) node.condition = condition;
    // One quantity printed in a table and typed again in a form: the form's figure is the one to check.
    if (lhs.length === 1 && rhs.length === 1 && rhs[0].sign === 1 && this.tableOf(lhs[0])?.kind === 'table' && this.tableOf(rhs[0])?.kind === 'form') {
      node.lhs = rhs;
      node.rhs = lhs;
    }
    const table = this.tableOf(node.lhs[0]) ?? instance;
    return { rule: node, table };
  }

  /** Whether a bound side names a row of a table other than `instance` (no closure: `bind` runs for every identity). */
  private readsRowElsewhere(terms: TermNode[], instance: Table): boolean {
    for (const t of terms) {
      if (t.operand.kind !== 'ref' || this.tableOf(t) === instance) continue;
      for (const a of t.operand.atoms) if (a.unit === 'row') return true;
    }
    return false;
  }

  /**
   * Only the condition of an identity whose condition is judged by figures (`当 C=D`, `当 X`), bound for `instance` (none when it has
   * none or the document does not print what it names), with the tables and roles it read.
   */
  bindCondition(idn: Identity, instance: Table): { condition?: ConditionNode; touched: Table[]; consulted: StandardTable[] } {
    // What the condition reads is its own (the identity's binding, which may be under way, keeps its lists).
    const touched = this.touched;
    const consulted = this.consulted;
    this.touched = [instance];
    this.consulted = NONE_ASKED;
    const c = compile(idn).condition;
    const condition = c && this.equality(idn, c, instance);
    const read: { condition?: ConditionNode; touched: Table[]; consulted: StandardTable[] } = { touched: this.touched, consulted: this.consulted };
    if (condition) read.condition = condition;
    this.touched = touched;
    this.consulted = consulted;
    return read;
  }

  private equality(idn: Identity, c: NonNullable<CompiledRule['condition']>, instance: Table): ConditionNode | undefined {
    // Figures printed (`当 X`, no right-hand side): bound as a sum is (a term the set allows to be absent left out).
    if (idn.conditionKind === 'printed') {
      const printed = this.sum(c.lhs, idn.table, instance);
      return printed && { lhs: printed, rhs: [], text: idn.rule.condition!.text, span: NOWHERE };
    }
    const cl = this.operands(c.lhs, idn.table, instance);
    const cr = cl && this.operands(c.rhs, idn.table, instance);
    return cl && cr ? { lhs: cl, rhs: cr, text: idn.rule.condition!.text, span: NOWHERE } : undefined;
  }

  /** A reference (a quantity's place) in the document's terms, for the instance `instance` of `own`. */
  bindRef(ref: RefNode, own: StandardTable, instance: Table): RefNode | undefined {
    const from = this.termCount;
    const bound = this.term(compileRef(ref, own), own, instance, 'one', false) ? this.terms[from].operand : undefined;
    this.termCount = from;
    return bound?.kind === 'ref' ? bound : undefined;
  }

  /** The table a key names (for the expansion's table resolver). */
  table(key: string): Table | undefined {
    return this.byKey.get(key);
  }

  private readonly byKey = new Map<string, Table>();

  /** The reference a bound rule names a table by (one per table: its key, resolved by `table`). */
  private tableRef(t: Table): { text: string; span: Span } {
    let ref = this.refs.get(t);
    if (!ref) {
      const key = this.roles.keyOf(t);
      this.byKey.set(key, t);
      this.refs.set(t, (ref = { text: key, span: NOWHERE }));
    }
    return ref;
  }

  private readonly refs = new Map<Table, { text: string; span: Span }>();

  /** The table a bound operand names. */
  private tableOf(term: TermNode): Table | undefined {
    const text = term.operand.table?.text;
    return text === undefined ? undefined : this.byKey.get(text);
  }

  /** Operands that must each be one term (a left-hand side, a condition). */
  private operands(operands: CompiledOperand[], own: StandardTable, instance: Table): TermNode[] | undefined {
    const from = this.termCount;
    for (let i = 0; i < operands.length; i++) {
      if (this.term(operands[i], own, instance, 'one', false)) continue;
      this.termCount = from;
      return this.failure.zero ? this.fail(this.failure.what) : undefined;
    }
    return this.boundSince(from);
  }

  /**
   * The terms a side is bound to, appended by `term` (at `termCount`) to a list of the binder's that is never emptied;
   * each side's are copied out at their size (`boundSince`): a list grown from empty by `push` takes room for 16, and a
   * side has one term or a few.
   */
  private readonly terms: TermNode[] = [];
  private termCount = 0;
  /** A group's items as they are bound (`term`; one group at a time). */
  private readonly items: GroupItem[] = [];

  /** The terms bound since `from`, as a list of their own (the binder's is left to the next side). */
  private boundSince(from: number): TermNode[] {
    const out = this.terms.slice(from, this.termCount);
    this.termCount = from;
    return out;
  }

  /**
   * The right-hand side bound. In a sum of several terms, a term that names a subject code the table does not print,
   * a table the document leaves out (one the set does not require) or prints without a row, stands for zero: it is
   * left out. A term whose code row is missing is left out in a group too (`（「301」+「303」）行`).
   */
  private sum(operands: CompiledOperand[], own: StandardTable, instance: Table): TermNode[] | undefined {
    const from = this.termCount;
    let several = operands.length > 1;
    for (let i = 0; !several && i < operands.length; i++) several = operands[i].kind === 'group';
    for (let i = 0; i < operands.length; i++) {
      const had = this.termCount;
      if (this.term(operands[i], own, instance, 'sum', several)) continue;
      // What a term left out had bound for the tables before the one that failed.
      this.termCount = had;
      if (!this.failure.zero || !several) {
        this.termCount = from;
        return this.fail(this.failure.what);
      }
    }
    return this.termCount > from ? this.boundSince(from) : this.fail('…');
  }

  /**
   * A term bound, appended to the binder's `terms`: one term, or (a role several tables play, on a side that sums) one
   * per table. False when it cannot be (`failure` says why; what it appended is then the caller's to drop).
   */
  private term(o: CompiledOperand, own: StandardTable, instance: Table, many: 'one' | 'sum', zero: boolean): boolean {
    if (o.unknown) return this.failed(o.unknown);
    const st = o.st ?? own;
    let tables: Table[] | undefined;
    if (st !== own) {
      tables = this.roles.instances(st);
      // (The first made at its size: a list grown from empty takes room for 16.)
      if (!this.consulted.includes(st)) {
        if (this.consulted.length) this.consulted.push(st);
        else this.consulted = [st];
      }
      if (zero && (!tables.length ? !st.mandatory : tables.every((x) => x.parts.every((p) => !rowCount(p))))) return this.failed(`「${st.title}」`, true);
      if (!tables.length || (tables.length > 1 && (many === 'one' || o.kind !== 'ref'))) return this.failed(`「${st.title}」`);
    }
    this.many = !!tables && tables.length > 1;
    for (let k = 0, n = tables ? tables.length : 1; k < n; k++) {
      const t = tables ? tables[k] : instance;
      // Not again when it is the last one read (most terms read the identity's own table, the list's first); the
      // second made at its size (most identities between tables read two).
      const touched = this.touched;
      if (touched[touched.length - 1] !== t) {
        if (touched.length === 1) this.touched = [touched[0], t];
        else touched.push(t);
      }
      const table = this.tableRef(t);
      if (o.kind === 'group') {
        // The items bound, in the binder's list (copied out at their number, as a side's terms: `boundSince`).
        const items = this.items;
        let count = 0;
        let atoms = false;
        // A row the set says is zero where a layout leaves it out (`未列为零：`), not printed here: left out of the sum
        // once the rows its other items stand among are known to be only rows the set names (below).
        let absent: CompiledAtom | undefined;
        for (const it of o.items) {
          if (!it.atom) { items[count++] = it.bound!; continue; }
          // A subject code the table does not print is zero (a classification table leaves out its empty classes).
          if (it.atom.code && it.atom.axis === 'row' && !this.codePrinted(it.atom, t)) continue;
          this.row = undefined;
          const atom = this.atom(it.atom, t, undefined, instance);
          if (!atom) {
            if (it.atom.axis !== 'row' || !st.zeroRows.has(dataKey(it.atom.node.value))) return false;
            absent ??= it.atom;
            continue;
          }
          // The row its name names, for the expansion (`BoundItem`).
          const item: BoundItem = { sign: it.sign, atom };
          if (this.row) item.at = this.row;
          items[count++] = item;
          atoms = true;
        }
        if (!atoms) return this.failed(o.items.map((it) => it.atom?.node.value).filter(Boolean).join('、'), true);
        if (absent && !onlyNamedRows(items, count, t, st)) return this.failed(`「${absent.node.value}」`);
        const g = o.group!;
        // Named field by field: a spread of the parsed node was most of the time of binding a term.
        const operand: GroupNode = { kind: 'group', table, items: items.slice(0, count), span: g.span };
        if (g.unit !== undefined) operand.unit = g.unit;
        if (g.eachRow !== undefined) operand.eachRow = g.eachRow;
        this.terms[this.termCount++] = { sign: o.sign, operand };
        continue;
      }
      // Its atoms: the operand's as written (`nodes`) until one is not (a part named, a name the document prints otherwise).
      let atoms: AtomNode[] | undefined;
      let part: Part | undefined;
      if (o.part) {
        part = partKeyed(t, o.part.keys);
        if (!part) return this.failed(`「${o.part.value}」`);
        atoms = [{ value: part.name!, quoted: true, span: NOWHERE } as AtomNode].concat(o.nodes);
      }
      let rowAtom: AtomNode | undefined;
      let column = false;
      // What the expansion finds for the reference (declared.ts `BoundRef`): the rows and columns looked up here, when
      // each atom names one by name and the part is the one its name names there.
      // Every field set, in one order (one hidden class).
      let found: BoundRef['found'] | undefined = !part || partNamed(t, part.name!) === part ? { table: t, part, at: undefined, columnName: undefined } : undefined;
      for (let i = 0; i < o.atoms.length; i++) {
        const a = o.atoms[i];
        if (zero && a.axis === 'row' && a.code && !this.codePrinted(a, t, part)) return this.failed(`「${a.node.value}」`, true);
        this.row = undefined;
        const bound = this.atom(a, t, part, instance);
        if (!bound) return false;
        if (bound.unit === 'row') rowAtom = bound;
        if (bound.unit === 'column' || bound.eachRow) column = true;
        // (Copied whole when first needed, each atom then put at its place: no list grown.)
        if (atoms) atoms[part ? i + 1 : i] = bound;
        else if (bound !== a.node) (atoms = o.nodes.slice())[i] = bound;
        if (!found) continue;
        const axis = axisOf(bound);
        if (!bound.quoted || !axis || (axis === 'row' && !this.row)) found = undefined;
        else if (axis === 'row') found.at = this.row;
        else found.columnName = bound.value;
      }
      if (t !== instance && rowAtom && !column) {
        // No column named: the row's first column that prints a figure (a text column — 单位名称 — is not one).
        const at = found?.at ?? firstRowAt(t, rowAtom, part);
        const col = at && firstFigureNotText(at);
        if (col && col !== firstFigureColumn(at.part)) {
          const value = col.path.join('');
          (atoms ??= o.nodes.slice()).push({ value, quoted: true, unit: 'column', span: NOWHERE });
          if (found) found.columnName = value;
        }
      }
      const ref: BoundRef = { kind: 'ref', table, atoms: atoms ?? o.nodes, span: o.span, found };
      this.terms[this.termCount++] = { sign: o.sign, operand: ref };
    }
    return true;
  }

  /** A row or column atom in the document's words; undefined when the document does not print the name. */
  private atom(a: CompiledAtom, t: Table, part: Part | undefined, instance: Table): AtomNode | undefined {
    if (!a.node.quoted) return a.node;
    const value = a.axis === 'row' ? this.rowName(a, t, part, instance) : a.axis === 'column' ? this.columnName(a, t, part) : a.node.value;
    return value === undefined ? undefined : value === a.node.value ? a.node : renamed(a.node, value);
  }

  /** The name this document prints for a row (or, `{字段}`, the row of the form's project). */
  private rowName(a: CompiledAtom, t: Table, part: Part | undefined, instance: Table): string | undefined {
    if (a.field) {
      const value = fieldNamed(instance, a.field);
      if (!value) return this.fail(a.node.value);
      const row = projectRow(part ?? t, value);
      if (row === undefined) return this.fail(`「${value}」`);
      this.row = this.rowAt(t, row, part);
      return row;
    }
    // A term over the tables of a role many play asks each once: nothing is kept.
    if (this.many) return this.rowNamed(a, t, part);
    const of = part ?? onlyPart(t);
    let byList: Map<AtomNode[], Named | null> | undefined;
    if ('parts' in of) {
      const named = (this.named ??= new Map());
      byList = named.get(of);
      if (!byList) named.set(of, (byList = new Map()));
    } else byList = (partIndex(of).named ??= new Map());
    let got = byList.get(a.rows);
    if (got === undefined) {
      const value = this.rowNamed(a, t, part);
      byList.set(a.rows, (got = value === undefined ? null : { value, row: this.row }));
    }
    if (!got) return this.fail(`「${a.node.value}」`);
    this.row = got.row;
    return got.value;
  }

  /**
   * What a row's names (`rowNamesOf`) find in a table of several parts, kept by the list of names (identities name
   * the same rows again and again) while this binder binds (the tables do not change meanwhile: one per pass). A part,
   * or a table's only part, keeps its own for every binder (`PartIndex.named`: its rows' names do not change).
   */
  private named?: Map<Table, Map<AtomNode[], Named | null>>;

  /** `rowName` for a row's names: the first the table prints, else the first label with one of their keys. */
  private rowNamed(a: CompiledAtom, t: Table, part: Part | undefined): string | undefined {
    const rows = a.rows;
    for (let i = 0; i < rows.length; i++) {
      const at = this.rowAt(t, rows[i].value, part);
      if (at && !rowGuarded(a, i, t, part)) {
        this.row = at;
        return rows[i].value;
      }
    }
    const parts = partsOf(part ?? t);
    for (let i = 0; i < a.rowKeys.length; i++) {
      const k = a.rowKeys[i];
      if (rowGuarded(a, i, t, part)) continue;
      for (const p of parts) {
        const label = labelKeyed(p, k);
        if (label === undefined) continue;
        this.row = this.rowAt(t, label, part);
        return label;
      }
    }
    return this.fail(`「${a.node.value}」`);
  }

  /** The row the last name `rowName` found names, as the expansion finds it (by part and number). */
  private row?: RowAt;

  /**
   * The row a quoted name names in a table or one of its parts (declared.ts `firstNamed`, as the expansion finds it),
   * looked up once: identities name the same rows, under the same other names, again and again. Kept by the part (or a
   * table's only part) for every binder (`PartIndex.rows`: a part's rows do not change but for their figures), by the
   * table of several parts for this binder (the tables do not change while a binder binds: one per pass).
   */
  private rowAt(t: Table, name: string, part?: Part): RowAt | undefined {
    // A term over the tables of a role many play (3,000 forms) asks each once: nothing to keep.
    if (this.many) return firstNamed(part ?? t, name);
    const of = part ?? onlyPart(t);
    const byName = keptIn(of, (this.rows ??= new Map()), ROWS_OF);
    let at = byName.get(name);
    if (at === undefined) byName.set(name, (at = firstNamed(of, name) ?? null));
    return at ?? undefined;
  }

  private rows?: Map<Table, Map<string, RowAt | null>>;

  /**
   * Whether a table prints the row of a subject code: by its code, or by one of the code's other names (`行名：301＝工资福利支出`
   * — a table that prints the economic classes by name alone, with no code column). A code printed neither way is a
   * class the table leaves out (zero).
   */
  private codePrinted(a: CompiledAtom, t: Table, part?: Part): boolean {
    if (this.rowAt(t, a.node.value, part)) return true;
    for (let i = 1; i < a.rows.length; i++) if (this.rowAt(t, a.rows[i].value, part)) return true;
    return false;
  }

  /** Whether the term being bound is over several tables (`rowAt` keeps nothing then). */
  private many = false;

  /**
   * The name this document prints for a column (or `组/…/栏`: the column whose group path holds these names, in any
   * order — `预算数/合计` is 预算数{合计 …} and 合计{预算数 …} alike): its own name when unique in its part, else its path.
   */
  private columnName(a: CompiledAtom, t: Table, part: Part | undefined): string | undefined {
    // A term over the tables of a role many play asks each once: nothing is kept.
    if (this.many) return this.columnFound(a, t, part);
    const byList = keptIn(part ?? onlyPart(t), (this.columnsNamed ??= new Map()), COLUMNS_OF);
    let got = byList.get(a.columns);
    if (got === undefined) byList.set(a.columns, (got = this.columnFound(a, t, part) ?? null));
    return got ?? this.fail(`「${a.node.value}」`);
  }

  /**
   * What a column's names (`columnNamesOf`) find in a table of several parts, kept by the list of names while this
   * binder binds (as `named`); a part, or a table's only part, keeps its own (`PartIndex.columnsNamed`).
   */
  private columnsNamed?: Map<Table, Map<ColumnNames, string | null>>;

  /** `columnName` read from the columns (nothing kept). */
  private columnFound(a: CompiledAtom, t: Table, part: Part | undefined): string | undefined {
    const parts = t.parts;
    const keyed = !this.many;
    for (const cand of a.columns) {
      for (let k = 0, n = part ? 1 : parts.length; k < n; k++) {
        const p = part ?? parts[k];
        const i = columnIn(p, cand, keyed);
        if (i < 0 || (cand.unless && cand.unless.some((u) => columnIn(p, u, keyed) >= 0))) continue;
        const c = p.columns[i];
        return uniquelyNamed(p, i, keyed) ? c.name : c.path.join('');
      }
    }
    return this.fail(`「${a.node.value}」`);
  }
}

/**
 * The place in a part's columns of the column a name finds (-1: none): by its key (`columnKeyed`), or, `组/…/栏`, the
 * column of the shortest group path holding every component (none when two are as short).
 */
function columnIn(p: Part, cand: { key: string; parts: string[] }, keyed: boolean): number {
  if (cand.parts.length <= 1) return columnKeyed(p, cand.key, keyed);
  const groups = groupKeysOf(p);
  let i = -1;
  let best = Infinity;
  let ties = 0;
  for (let j = 0; j < groups.length; j++) {
    const path = groups[j];
    if (!includesAll(path, cand.parts)) continue;
    if (path.length < best) { best = path.length; i = j; ties = 0; } else if (path.length === best) ties++;
  }
  return ties ? -1 : i;
}

/** Whether the table (or the part) prints a row whose presence forbids the i-th of an atom's row names (`rowUnless`). */
function rowGuarded(a: CompiledAtom, i: number, t: Table, part: Part | undefined): boolean {
  const unless = a.rowUnless[i];
  if (!unless) return false;
  for (const p of partsOf(part ?? t)) for (const k of unless) if (labelKeyed(p, k) !== undefined) return true;
  return false;
}

/** Whether `list` holds each of `items` (no closure: asked for each column of a part, for each `组/…/栏` name). */
function includesAll(list: readonly string[], items: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) if (!list.includes(items[i])) return false;
  return true;
}

/**
 * Whether the parts a group's bound items stand in (every part of `t` when one was not found by name) print only rows
 * the set names for `st` (`namedRowKeys`), their 其中 and their numbered items (`（一）…` under `二、上年结转`), and no
 * row of figures without a label. Only then is a row of `未列为零：` the table does not print zero: a carry-over printed
 * under a name the set does not know (`用事业基金弥补收支差额`, `上年结余`) keeps the identity not applicable rather
 * than make its total wrong. Read row by row, only for a group with such a row left out (a layout without carry-over):
 * nothing is kept, so no edit can leave it stale.
 */
function onlyNamedRows(items: readonly GroupItem[], count: number, t: Table, st: StandardTable): boolean {
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    const it = items[i] as BoundItem;
    if (!it.atom) continue;
    if (!it.at) return t.parts.every((p) => printsOnlyNamed(p, st));
    if (!parts.includes(it.at.part)) parts.push(it.at.part);
  }
  return parts.every((p) => printsOnlyNamed(p, st));
}

function printsOnlyNamed(p: Part, st: StandardTable): boolean {
  const known = namedRowKeys(st);
  // The item level of the last row the set names: a row numbered deeper after it is one of its items.
  let level: number | undefined;
  for (let r = 0, n = rowCount(p); r < n; r++) {
    const label = rowLabel(p, r);
    if (!label) {
      if (printsFigure(p, r)) return false;
      continue;
    }
    if (known.has(ruleLabelKey(label))) { level = itemLevel(label.trim()); continue; }
    if (nameKey(label).startsWith('其中')) continue;
    const own = itemLevel(label.trim());
    if (own === undefined || level === undefined || own <= level) return false;
  }
  return true;
}

/** Whether row r of a part prints a figure (from its store when it has one: no row is made). */
function printsFigure(p: Part, r: number): boolean {
  const store = storeOf(p);
  if (!store) return p.rows[r]?.cells.some((c) => c.kind === 'figure') ?? false;
  for (let i = 0; i < p.columns.length; i++) {
    const c = store.cellAt(r, i);
    if (c >= 0 && store.kind(c) === Kind.Figure) return true;
  }
  return false;
}

/**
 * The label keys (`ruleLabelKey`) of every row the set names for a standard table: its template's rows, the rows its
 * identities (any table's) and quantities name in it, with their other names (`行名：`). Made once per table.
 */
const namedRows = new WeakMap<StandardTable, ReadonlySet<string>>();

function namedRowKeys(st: StandardTable): ReadonlySet<string> {
  let keys = namedRows.get(st);
  if (keys) return keys;
  const out = new Set<string>();
  for (const p of st.template.parts) for (let r = 0, n = rowCount(p); r < n; r++) {
    const label = rowLabel(p, r);
    if (label) out.add(ruleLabelKey(label));
  }
  const add = (a: CompiledAtom | undefined) => {
    if (a?.axis === 'row') for (const k of a.rowKeys) out.add(k);
  };
  const operand = (o: CompiledOperand, own: StandardTable) => {
    if ((o.st ?? own) !== st || o.unknown) return;
    for (const a of o.atoms) add(a);
    for (const it of o.items) add(it.atom);
  };
  for (const other of st.set.tables) {
    for (const idn of other.identities) {
      const c = compile(idn);
      for (const o of [...c.lhs, ...c.rhs, ...(c.condition ? [...c.condition.lhs, ...c.condition.rhs] : [])]) operand(o, other);
    }
    for (const q of other.quantities) operand(compileRef(q.ref, other), other);
  }
  namedRows.set(st, (keys = out));
  return keys;
}

/** An atom with another name (field by field: a spread of a parsed node is slow). */
function renamed(a: AtomNode, value: string): AtomNode {
  const out: AtomNode = { value, quoted: a.quoted, span: a.span };
  if (a.unit !== undefined) out.unit = a.unit;
  if (a.eachRow !== undefined) out.eachRow = a.eachRow;
  return out;
}

function columnOnly(ref: RefNode): boolean {
  // No closure: asked for every identity bound.
  let column = false;
  for (const a of ref.atoms) {
    if (a.unit === 'row') return false;
    if (a.unit === 'column' || a.eachRow) column = true;
  }
  return column;
}

/**
 * The rows of other tables a form's fields name for an identity (`「项目支出表」「{项目名称}」行`: the row of this
 * form's project), by table, part and number, as the binding and the expansion find them: what changes in an
 * identity's reading from one form to the next of the same shape (standard/shapes.ts). `[]` when the identity names
 * no field, or no table plays a role whose rows its fields name (`noneIsPlayed`); undefined when it names one otherwise
 * than as the only row of a reference to one other table, or when the field or its row is not found (the identity is
 * then bound as usual, and says what is missing).
 */
export function fieldRowsOf(idn: Identity, instance: Table, roles: Roles, memo?: Map<string, RowAt | undefined>): RowAt[] | undefined {
  const refs = fieldRefs(idn);
  if (!refs) return undefined;
  if (!refs.length || noneIsPlayed(refs, roles)) return NO_ROWS;
  const out: RowAt[] = [];
  for (const ref of refs) {
    let row = memo?.get(ref.key);
    if (row === undefined && !memo?.has(ref.key)) {
      row = fieldRow(ref, instance, roles);
      memo?.set(ref.key, row);
    }
    if (!row) return undefined;
    out.push(row);
  }
  return out;
}

/**
 * Whether no table plays the role of any table an identity's fields name rows of (a document without a 项目支出表):
 * then the binding reads no field — a term whose role no table plays fails, or stands for zero, before its atoms are
 * read (`Binder.term`) —, and binds the identity alike for every form of one shape (its template is kept, and taken, as
 * for an identity that names no field; its context records each role asked for with no player, ./shapes).
 */
function noneIsPlayed(refs: readonly FieldRef[], roles: Roles): boolean {
  for (const ref of refs) if (roles.instances(ref.st).length) return false;
  return true;
}

/** A reference to another table's row by a form's field, as an identity writes it (`「项目支出表」「{项目名称}」行`). */
interface FieldRef {
  st: StandardTable;
  part?: { keys: string[] };
  /** The field's name key. */
  field: string;
  /** The same for any identity that writes it alike (a form's rows are looked up once for all its identities). */
  key: string;
}

const NO_ROWS: RowAt[] = [];

/** An identity's references by a field, found once; undefined when it names a field in another way. */
const fieldRefsOf = new WeakMap<Identity, FieldRef[] | undefined>();

function fieldRefs(idn: Identity): FieldRef[] | undefined {
  if (fieldRefsOf.has(idn)) return fieldRefsOf.get(idn);
  const c = compile(idn);
  let refs: FieldRef[] | undefined = [];
  for (const o of [...c.lhs, ...c.rhs, ...(c.condition ? [...c.condition.lhs, ...c.condition.rhs] : [])]) {
    const fields = o.atoms.filter((a) => a.field !== undefined);
    if (o.items.some((it) => it.atom?.field !== undefined)) { refs = undefined; break; }
    if (!fields.length) continue;
    if (!o.st || o.st === idn.table || o.kind !== 'ref' || fields.length > 1 || o.atoms.some((a) => a.axis === 'row' && a.field === undefined)) { refs = undefined; break; }
    const field = fields[0].field!;
    refs.push({ st: o.st, ...(o.part ? { part: { keys: o.part.keys } } : {}), field, key: `${o.st.title}\u0001${o.part?.keys.join('\u0002') ?? ''}\u0001${field}` });
  }
  fieldRefsOf.set(idn, refs);
  return refs;
}

/** The row a field names in another table (as `Binder.rowName` and the expansion find it). */
function fieldRow(ref: FieldRef, instance: Table, roles: Roles): RowAt | undefined {
  const tables = roles.instances(ref.st);
  if (tables.length !== 1) return undefined;
  const t = tables[0];
  const part = ref.part ? partKeyed(t, ref.part.keys) : undefined;
  if (ref.part && !part) return undefined;
  const value = fieldNamed(instance, ref.field);
  const name = value ? projectRow(part ?? t, value) : undefined;
  return name === undefined ? undefined : firstRowAt(t, { value: name, quoted: true, unit: 'row', span: NOWHERE }, part);
}

/** The part of a table whose name has one of these keys (names.ts `nameKey`). */
function partKeyed(t: Table, keys: readonly string[]): Part | undefined {
  // No closure: asked for every term that names a part.
  for (const x of t.parts) if (x.name !== undefined && keys.includes(nameKey(x.name))) return x;
  return undefined;
}

/** The value of a table's field (its own or a part's) whose key is `key` (a name key). */
function fieldNamed(t: Table, key: string): string | undefined {
  // A form's field names are few and the same in every form (项目名称, 主管部门 …): each keyed once.
  return fieldsOf(t).find((f) => dataKey(f.key) === key)?.value;
}
