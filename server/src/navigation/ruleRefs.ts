/**
 * The references written in declared rules (`规则：…`), each resolved to what it names in the document: a table, a
 * part, rows, columns. Resolution is the rule expansion's own (rules/declared.ts), so what navigation shows is what
 * the checker uses: `27行` names the first row printing 行次 27, `「201」行` the first row with code 201 (else label),
 * `…` the rows (or columns) strictly between its ends.
 */
import type { Analysis } from '../analysis';
import { messages } from '../i18n/messages';
import { norm } from '../model/build';
import type { BudgetDocument, Column, Part, Row, Rule, Table } from '../model/document';
import { axisOf, columnIn, DeclaredRules, findRows, findTable, namesColumn, type Naming, type RowAt, type Target } from '../rules/declared';
import type { AtomNode, GroupNode, RefNode, Span } from '../syntax/ast';
import { pushAll } from '../util/arrays';

/** How a reference names its rows: by 行次 (`27行`), by code (`「201」行`) or by label (`「合计」行`). */
export type RowNaming = 'line' | 'code' | 'label';

function namingOf(atom: AtomNode | undefined, row: Row | undefined): RowNaming {
  if (!atom?.quoted) return 'line';
  return row && row.code !== undefined && norm(atom.value) === row.code ? 'code' : 'label';
}

/** One reference as written in a rule, and what it names. */
export interface RuleReference {
  rule: Rule;
  /** The left-hand side is the relation's target; the right-hand side holds its terms. */
  side: 'target' | 'term';
  /** The whole reference: `公开03表「201」行1栏`, one item of `（1+2+…+8）行`, the `…` of a range, or a group's table. */
  span: Span;
  /** The table it refers to (`本表`, the one it names, else the rule's own); undefined when the table is not found. */
  table?: Table;
  /** Where it names its table (`公开03表`, `本表`, `「支出总表」`), when it does. */
  tableSpan?: Span;
  part?: Part;
  partSpan?: Span;
  /** The rows it names, and the atom that names them (for a range: the `…`). */
  rows: Row[];
  rowSpan?: Span;
  rowNaming?: RowNaming;
  /** The columns it names (one per part of the table that has it), and the atom that names them. */
  columns: Column[];
  columnSpan?: Span;
  /** The `…` of a range: it names the rows (or columns) strictly between its ends. */
  range?: true;
  /** Something it names is missing from the document (the diagnostics say what). */
  unresolved: boolean;
}

export const within = (s: Span | undefined, offset: number): s is Span => !!s && s.start <= offset && offset <= s.end;

const cache = new WeakMap<BudgetDocument, RuleReference[]>();

/** Every reference of every declared rule of the document, in document order (computed once per analysis). */
export function ruleReferences(a: Analysis): RuleReference[] {
  const doc = a.document;
  const hit = cache.get(doc);
  if (hit) return hit;
  // Problems found while resolving are the checker's to report; this resolver's copy is dropped.
  const resolver = new DeclaredRules(doc, messages('zh'));
  const out: RuleReference[] = [];
  for (const t of doc.tables) for (const rule of t.rules) pushAll(out, resolveRule(doc, resolver, rule));
  out.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  cache.set(doc, out);
  return out;
}

/** The references of one rule, resolved as `DeclaredRules.expand` resolves them. */
function resolveRule(doc: BudgetDocument, resolver: DeclaredRules, rule: Rule): RuleReference[] {
  const out: RuleReference[] = [];
  const { node } = rule;
  // The right-hand side is resolved in the left-hand side's table (`公开05表 1行=2行` means 公开05表 2行).
  let current = rule.table;
  // The rule's own row: a `…` ending a group stops there, as in the expansion.
  let own: RowAt | undefined;
  for (const term of node.lhs) {
    const op = term.operand;
    if (op.kind === 'ref') {
      const r = resolveRef(resolver, rule, 'target', op, rule.table);
      if (node.lhs.length === 1 && r.table) current = r.table;
      if (node.lhs.length === 1 && r.rows.length === 1) own = { part: r.rows[0].part, row: r.rows[0].index };
      out.push(r);
    } else pushAll(out, resolveGroup(doc, resolver, rule, 'target', op, rule.table));
  }
  for (const term of node.rhs) {
    const op = term.operand;
    if (op.kind === 'ref') out.push(resolveRef(resolver, rule, 'term', op, current));
    else pushAll(out, resolveGroup(doc, resolver, rule, 'term', op, current, own));
  }
  return out;
}

/** The columns a target names: in its row's part when it names a row, else in every part of its table that has one. */
function columnsOf(t: Target): Column[] {
  if (!namesColumn(t)) return [];
  const parts = t.row ? [t.row.part] : t.table.parts;
  return parts.map((p) => columnIn(p, t)).filter((c): c is Column => !!c);
}

function resolveRef(resolver: DeclaredRules, rule: Rule, side: RuleReference['side'], ref: RefNode, current: Table): RuleReference {
  const naming: Naming = {};
  const t = resolver.resolveRef(ref, current, naming);
  const r: RuleReference = { rule, side, span: ref.span, table: t?.table ?? naming.table, rows: [], columns: [], unresolved: !t };
  if (naming.tableSpan) r.tableSpan = naming.tableSpan;
  if (naming.part) { r.part = naming.part; r.partSpan = naming.partSpan; }
  if (naming.rowAtom) r.rowSpan = naming.rowAtom.span;
  if (naming.columnAtom) r.columnSpan = naming.columnAtom.span;
  if (!t) return r;
  if (t.row) {
    r.rows = [t.row];
    r.rowNaming = namingOf(naming.rowAtom, t.row);
  }
  r.columns = columnsOf(t);
  return r;
}

function resolveGroup(doc: BudgetDocument, resolver: DeclaredRules, rule: Rule, side: RuleReference['side'], g: GroupNode, current: Table, own?: RowAt): RuleReference[] {
  const out: RuleReference[] = [];
  const table = g.table ? findTable(doc, g.table.text, current) : current;
  if (g.table) out.push({ rule, side, span: g.table.span, table, tableSpan: g.table.span, rows: [], columns: [], unresolved: !table });
  for (const item of resolver.groupItems(g, table, own)) {
    const r: RuleReference = { rule, side, span: item.span, table, rows: [], columns: [], unresolved: !item.targets };
    const first = item.range ? item.range.a : item.atom;
    const axis = (first && axisOf(first)) ?? g.unit ?? (g.eachRow ? 'column' : undefined);
    if (axis === 'column') r.columnSpan = item.span;
    else if (axis === 'row' || item.range) r.rowSpan = item.span;
    if (item.range) r.range = true;
    for (const t of item.targets ?? []) {
      if (t.row) r.rows.push(t.row);
      else pushAll(r.columns, columnsOf(t));
    }
    if (r.rows.length) {
      // A range's rows are named as its first end names its row: by 行次 unless quoted.
      const a = item.range ? item.range.a : item.atom;
      r.rowNaming = item.range && !a?.quoted ? 'line' : namingOf(a, item.range && table && a ? findRows(table, a)[0] : r.rows[0]);
    }
    out.push(r);
  }
  return out;
}

/** The references of the rule whose text holds `offset`, or the reference there. */
export function referenceAt(a: Analysis, offset: number): RuleReference | undefined {
  const refs = ruleReferences(a);
  // The innermost reference holding the offset (a group's table reference lies beside its items, never around them).
  let best: RuleReference | undefined;
  for (const r of refs) {
    if (r.span.start > offset) break;
    if (within(r.span, offset) && (!best || r.span.end - r.span.start <= best.span.end - best.span.start)) best = r;
  }
  return best;
}

/** The rule written at `offset` (inside its text, ends included). */
export function ruleAt(doc: BudgetDocument, offset: number): Rule | undefined {
  for (const t of doc.tables) {
    if (offset < t.span.start || offset > t.span.end) continue;
    for (const r of t.rules) if (within(r.node.span, offset)) return r;
  }
  return undefined;
}
