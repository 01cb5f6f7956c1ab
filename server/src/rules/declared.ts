/** Declared rules (`规则：…`): resolves their references and expands them into relations. */
import { norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row, Rule, Table } from '../model/document';
import type { AtomNode, GroupNode, RefNode, Span, TermNode } from '../syntax/ast';
import type { Messages } from '../i18n/messages';
import { eachRowHead, Kind, rowOf, storeOf, type RowStore, type StoredPart } from '../model/rows';
import { RelationList } from './compact';
import type { Relation, RuleProblem, Term } from './relation';
import { pushAll } from '../util/arrays';

/** A reference resolved as far as the rule says: a table, maybe a row, maybe a column. */
export interface Target {
  table: Table;
  row?: Row;
  column?: Column;
  /** The column's 栏次 when named by number (resolved per row's part). */
  columnNumber?: number;
  columnName?: string;
  span: Span;
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

const NUMBERING = /^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[）)]|\d+[.、．])\s*/;

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
  names?: { code: Map<string, number[]>; label: Map<string, number[]>; bare: Map<string, number[]> };
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

function partsOf(of: Table | Part): Part[] {
  return 'parts' in of ? of.parts : [of];
}

function rowsAt(p: Part, rows: number[] | undefined, out: Row[]): void {
  if (rows) for (const r of rows) out.push(rowOf(p, r));
}

/** The rows with this 行次. */
function rowsNumbered(of: Table | Part, n: number): Row[] {
  const out: Row[] = [];
  for (const p of partsOf(of)) {
    const index = indexOf(p);
    if (!index.line) {
      const line = (index.line = new Map<number, number[]>());
      eachRowHead(p, (r) => { if (r.lineNo !== undefined) add(line, r.lineNo, r.index); });
    }
    rowsAt(p, index.line.get(n), out);
  }
  return out;
}

/** The rows a quoted name names: by code, else by label, else by label without numbering. */
function rowsNamed(of: Table | Part, name: string): Row[] {
  const v = norm(name);
  const parts = partsOf(of).map((p) => {
    const index = indexOf(p);
    if (!index.names) {
      const names = { code: new Map<string, number[]>(), label: new Map<string, number[]>(), bare: new Map<string, number[]>() };
      eachRowHead(p, (r) => {
        const code = r.code;
        if (code !== undefined) add(names.code, code, r.index);
        const label = norm(r.label);
        add(names.label, label, r.index);
        add(names.bare, label.replace(NUMBERING, ''), r.index);
      });
      index.names = names;
    }
    return { p, names: index.names };
  });
  for (const key of ['code', 'label', 'bare'] as const) {
    const out: Row[] = [];
    const k = key === 'bare' ? v.replace(NUMBERING, '') : v;
    for (const { p, names } of parts) rowsAt(p, names[key].get(k), out);
    if (out.length) return out;
  }
  return [];
}

export function findRows(table: Table, atom: AtomNode, part?: Part): Row[] {
  return atom.quoted ? rowsNamed(part ?? table, atom.value) : rowsNumbered(part ?? table, Number(atom.value));
}

function partNamed(table: Table, name: string): Part | undefined {
  const n = norm(name);
  return table.parts.find((p) => p.name !== undefined && norm(p.name) === n);
}

/** The column of a part that a reference's column names (by 栏次, else by name or group path). */
export function columnIn(part: Part, t: { column?: Column; columnNumber?: number; columnName?: string }): Column | undefined {
  const cols = part.columns;
  if (t.columnNumber !== undefined) return cols.find((c) => c.number === t.columnNumber);
  if (t.columnName !== undefined) {
    const v = norm(t.columnName);
    return cols.find((c) => norm(c.name) === v) ?? cols.find((c) => norm(c.path.join('')) === v);
  }
  return t.column;
}

function columnOf(row: Row, t: { column?: Column; columnNumber?: number; columnName?: string }): Column | undefined {
  return columnIn(row.part, t);
}

function firstFigureColumn(row: Row): Column | undefined {
  return row.part.columns.find((c) => c.role === 'figure');
}

export class DeclaredRules {
  readonly problems: RuleProblem[] = [];

  /** Relations go to `out` (compact where their cells are stored). */
  constructor(private readonly doc: BudgetDocument, private readonly m: Messages, readonly out = new RelationList()) {}

  /** The relations expanded so far, as objects. */
  get relations(): Relation[] {
    return this.out.all();
  }

  expand(rule: Rule): void {
    const { node } = rule;
    const title = this.m.ruleDeclared(node.text.replace(/\s+/g, ''));
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
      const expanded = this.expandTerm(term, lhs.table);
      if (!expanded) return;
      pushAll(rhs, expanded);
    }
    const crossTable = rhs.some((r) => r.target.table !== lhs.table);
    const kind: Relation['kind'] = rhs.length === 1 && rhs[0].sign === 1 ? 'same' : 'sum';
    const ruleId: Relation['rule'] = crossTable ? 'cross-table'
      : lhs.row && lhsHasColumn(lhs) ? 'cell-formula'
      : lhs.row ? 'row-formula' : 'column-formula';

    const emit = (targetCell: Cell | undefined, terms: (Term | undefined)[]) => {
      if (!targetCell || terms.some((t) => !t)) return;
      this.out.add({ rule: ruleId, kind, title, target: targetCell, terms: terms as Term[], ruleSpan: node.span });
    };
    const termCell = (t: { sign: 1 | -1; target: Target }, row: Row | undefined, col: Column | undefined): Term | undefined => {
      const r = t.target.row ?? row;
      if (!r) return undefined;
      const c = lhsHasColumn(t.target) ? columnOf(r, t.target)
        : col && t.target.table === lhs.table ? matchColumn(r, col) : firstFigureColumn(r);
      if (!c) return undefined;
      const cell = r.cells[c.index];
      return cell ? { sign: t.sign, cell } : undefined;
    };

    if (lhs.row && lhsHasColumn(lhs)) {
      const col = columnOf(lhs.row, lhs);
      if (!col) return this.problem(this.m.columnNotFound(describeColumn(lhs)), lhs.span);
      emit(lhs.row.cells[col.index], rhs.map((t) => termCell(t, lhs.row, col)));
    } else if (lhs.row) {
      const cols = crossTable ? [firstFigureColumn(lhs.row)].filter((c): c is Column => !!c) : lhs.row.part.columns.filter((c) => c.role === 'figure');
      for (const col of cols) emit(lhs.row.cells[col.index], rhs.map((t) => termCell(t, t.target.table === lhs.table ? lhs.row : undefined, col)));
    } else if (lhsHasColumn(lhs)) {
      for (const part of lhs.table.parts) {
        const store = storeOf(part);
        if (store && this.columnsOver(part as StoredPart, store, lhs, rhs, ruleId, kind, title, node.span)) continue;
        for (const row of part.rows) {
          const col = columnOf(row, lhs);
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
   * `N栏各行=(a+b)栏各行` over a stored part, from its arrays: the same relations as row by row, when every term names
   * columns of the row itself (no row of its own); false when one does not (the rows are then taken one by one).
   */
  private columnsOver(part: StoredPart, s: RowStore, lhs: Target, rhs: { sign: 1 | -1; target: Target }[], rule: Relation['rule'], kind: Relation['kind'], title: string, ruleSpan: Span): boolean {
    if (rhs.some((t) => t.target.row)) return false;
    const col = columnIn(part, lhs);
    if (!col) return true;
    const termCols: number[] = [];
    for (const t of rhs) {
      const c = lhsHasColumn(t.target) ? columnIn(part, t.target) : part.columns.find((x) => x.role === 'figure');
      if (!c) return true;
      termCols.push(c.index);
    }
    const out = this.out;
    const p = out.part(part);
    const cells = new Int32Array(termCols.length);
    rows: for (let r = 0; r < s.count; r++) {
      const target = s.cellAt(r, col.index);
      if (target < 0) continue;
      let empty = s.kind(target) === Kind.Empty;
      for (let k = 0; k < termCols.length; k++) {
        const c = s.cellAt(r, termCols[k]);
        if (c < 0) continue rows;
        cells[k] = c;
        if (s.kind(c) !== Kind.Empty) empty = false;
      }
      if (empty) continue;
      out.begin(rule, kind, title, ruleSpan, p, r, target);
      for (let k = 0; k < termCols.length; k++) out.term(p, r, cells[k], rhs[k].sign);
      out.end();
    }
    return true;
  }

  private expandTerm(term: TermNode, current: Table): { sign: 1 | -1; target: Target }[] | undefined {
    const op = term.operand;
    if (op.kind === 'ref') {
      const t = this.resolveRef(op, current);
      return t ? [{ sign: term.sign, target: t }] : undefined;
    }
    return this.expandGroup(op, term.sign, current);
  }

  private expandGroup(g: GroupNode, sign: 1 | -1, current: Table): { sign: 1 | -1; target: Target }[] | undefined {
    const table = g.table ? findTable(this.doc, g.table.text, current) : current;
    if (!table) { this.problem(this.m.tableNotFound(g.table!.text), g.table!.span); return undefined; }
    const out: { sign: 1 | -1; target: Target }[] = [];
    for (const item of this.groupItems(g, table)) {
      if (!item.targets) return undefined;
      for (const t of item.targets) out.push({ sign: (sign * item.sign) as 1 | -1, target: t });
    }
    return out;
  }

  /**
   * A group's items, resolved one at a time in `table` (the expansion stops at the first that fails, navigation
   * takes them all): an atom takes the group's axis (`（1+2）行`), a `…` names what lies strictly between its
   * neighbours.
   */
  *groupItems(g: GroupNode, table: Table | undefined): Generator<GroupItem> {
    const items = g.items;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.ellipsis) {
        const a = items[i - 1]?.atom;
        const b = items.slice(i + 1).find((x) => x.atom)?.atom;
        const item: GroupItem = { sign: 1, span: it.ellipsis, range: { a, b } };
        if (!a || !b) this.problem(this.m.ellipsisNeedsEnds, it.ellipsis);
        else if (table) item.targets = this.between(table, a, b, g);
        yield item;
        continue;
      }
      if (!it.atom) continue;
      const atom: AtomNode = { ...it.atom, unit: it.atom.unit ?? g.unit, eachRow: it.atom.eachRow ?? g.eachRow };
      const t = table ? this.resolveAtoms(table, [atom], atom.span) : undefined;
      yield { sign: it.sign, span: it.atom.span, atom, ...(t ? { targets: [t] } : {}) };
    }
  }

  /** The references strictly between `a` and `b` in a range `a+…+b`. */
  between(table: Table, a: AtomNode, b: AtomNode, g: GroupNode): Target[] | undefined {
    const unit = a.unit ?? g.unit;
    if (!a.quoted && !b.quoted) {
      const out: Target[] = [];
      for (let n = Number(a.value) + 1; n < Number(b.value); n++) {
        if (unit === 'column') out.push({ table, columnNumber: n, span: g.span });
        else {
          for (const row of rowsNumbered(table, n)) out.push({ table, row, span: g.span });
        }
      }
      return out;
    }
    const ra = findRows(table, a)[0];
    const rb = findRows(table, b)[0];
    if (!ra || !rb || ra.part !== rb.part) { this.problem(this.m.rangeSamePart, g.span); return undefined; }
    return ra.part.rows.slice(ra.index + 1, rb.index).map((row) => ({ table, row, span: g.span }));
  }

  /**
   * What one reference names (`公开03表「201」行1栏`), `current` being the table `本表` and bare atoms refer to;
   * `naming` records how it named them, as far as it got.
   */
  resolveRef(ref: RefNode, current: Table, naming: Naming = {}): Target | undefined {
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
      const t = findTable(this.doc, ref.table.text, current);
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
        const t = ref.table ? undefined : findTable(this.doc, atoms[0].value, current);
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
    const t: Target = { table, span };
    for (const a of atoms) {
      const unit = axisOf(a);
      if (unit === 'row') {
        const rows = findRows(table, a, part);
        if (!rows.length) { this.problem(this.m.rowNotFound(a.quoted ? `「${a.value}」` : `${a.value}行`), a.span); return undefined; }
        t.row = rows[0];
      } else if (unit === 'column') {
        if (a.quoted) t.columnName = a.value;
        else t.columnNumber = Number(a.value);
        const exists = table.parts.some((p) => p.columns.some((c) => (t.columnNumber !== undefined ? c.number === t.columnNumber : norm(c.name) === norm(a.value))));
        if (!exists) { this.problem(this.m.columnNotFound(a.quoted ? `「${a.value}」` : `${a.value}栏`), a.span); return undefined; }
      } else {
        this.problem(this.m.needsAxis(a.value), a.span);
        return undefined;
      }
    }
    return t;
  }

  private problem(message: string, span: Span): undefined {
    this.problems.push({ rule: 'rule-reference', message, span, severity: 'error' });
    return undefined;
  }
}

function lhsHasColumn(t: { columnNumber?: number; columnName?: string; column?: Column }): boolean {
  return t.columnNumber !== undefined || t.columnName !== undefined || t.column !== undefined;
}

function describeColumn(t: Target): string {
  return t.columnNumber !== undefined ? `${t.columnNumber}栏` : `「${t.columnName}」`;
}

/** The column of `row` that corresponds to `col` (same 栏次, else same position among figure columns). */
function matchColumn(row: Row, col: Column): Column | undefined {
  const cols = row.part.columns;
  if (cols.includes(col)) return col;
  if (col.number !== undefined) {
    const byNumber = cols.find((c) => c.number === col.number);
    if (byNumber) return byNumber;
  }
  return cols.filter((c) => c.role === 'figure')[col.figureIndex ?? -1];
}
