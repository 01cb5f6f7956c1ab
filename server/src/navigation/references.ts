/**
 * Find references. What the cursor is on decides what is looked for:
 * - a subject code (in a code cell, or starting a label): every row that prints the code — in this document and, by
 *   the caller, in the workspace's other documents (`codeOccurrences`) — and the rule references to those rows;
 * - a row (its 行次 or label), a column (in `列：`), a table (its heading), or a reference in a rule naming one of
 *   them: the rule references that name it;
 * - a figure: the references of the rules whose relations use that cell.
 * The declaration is the code cell, row, column, heading or cell itself (as LSP's `includeDeclaration` asks).
 */
import type { Analysis } from '../analysis';
import { codeCellsOf } from '../knowledge/codes';
import { norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Row, Table } from '../model/document';
import type { Span } from '../syntax/ast';
import { namingSpan } from './definition';
import { referenceAt, ruleReferences, within, type RuleReference } from './ruleRefs';
import { pushAll } from '../util/arrays';

export type ReferenceQuery =
  | { kind: 'code'; code: string; origin: Span }
  | { kind: 'rows'; rows: Row[]; origin: Span }
  | { kind: 'columns'; columns: Column[]; origin: Span }
  | { kind: 'table'; table: Table; origin: Span }
  | { kind: 'cell'; cell: Cell; origin: Span };

export interface Occurrence {
  span: Span;
  /**
   * `declaration`: the thing itself (the row, column, heading or cell named; for a code, the code cell the search
   * started from); `print`: another row printing the code; `use`: a rule reference naming it.
   */
  role: 'declaration' | 'print' | 'use';
}

/** What is looked for from `offset`. */
export function referenceQueryAt(a: Analysis, offset: number): ReferenceQuery | undefined {
  const doc = a.document;
  const ref = referenceAt(a, offset);
  if (ref) return queryOfReference(ref, offset);
  for (const t of doc.tables) {
    if (offset < t.span.start || offset > t.span.end) continue;
    if (within(t.headingSpan, offset)) return { kind: 'table', table: t, origin: t.headingSpan };
    for (const p of t.parts) {
      if (within(p.columnsSpan, offset)) {
        const c = p.columns.find((x) => within(x.span, offset));
        if (c) return { kind: 'columns', columns: [c], origin: c.span };
      }
      for (const r of p.rows) {
        if (!within(r.span, offset)) continue;
        const cc = codeCellsOf(r).find((x) => within(x.codeSpan, offset) && x.codeSpan.end > x.codeSpan.start);
        if (cc) return { kind: 'code', code: cc.code, origin: cc.codeSpan };
        const cell = r.cells.find((c) => within(c.span, offset) && c.span.end > c.span.start);
        if (!cell) continue;
        if (cell.column?.role === 'figure' && cell.kind !== 'text') return { kind: 'cell', cell, origin: cell.span };
        if (cell.column?.role === 'line' || cell.column?.role === 'label') return { kind: 'rows', rows: [r], origin: within(r.labelSpan, offset) ? r.labelSpan : cell.span };
      }
    }
  }
  // An amount the narrative's claims read.
  for (const rel of a.relations) {
    if (rel.rule !== 'narrative' && rel.rule !== 'form') continue;
    for (const c of [rel.target, ...rel.terms.map((t) => t.cell)]) {
      if (within(c.span, offset) && !doc.tables.includes(c.row.part.table)) return { kind: 'cell', cell: c, origin: c.span };
    }
  }
  return undefined;
}

function queryOfReference(ref: RuleReference, offset: number): ReferenceQuery | undefined {
  if (ref.table && (within(ref.tableSpan, offset) || within(ref.partSpan, offset))) {
    return { kind: 'table', table: ref.table, origin: ref.tableSpan && within(ref.tableSpan, offset) ? ref.tableSpan : ref.partSpan! };
  }
  if (within(ref.columnSpan, offset) && ref.columns.length) return { kind: 'columns', columns: ref.columns, origin: ref.columnSpan };
  if (ref.rows.length) return { kind: 'rows', rows: ref.rows, origin: ref.rowSpan ?? ref.span };
  if (ref.columns.length) return { kind: 'columns', columns: ref.columns, origin: ref.columnSpan ?? ref.span };
  if (ref.table && !ref.unresolved && !ref.range) return { kind: 'table', table: ref.table, origin: ref.span };
  return undefined;
}

/** The code cells (or coded labels) of the document that print `code`. */
export function codeOccurrences(doc: BudgetDocument, code: string): Span[] {
  const want = norm(code);
  const out: Span[] = [];
  for (const t of doc.tables) for (const p of t.parts) for (const r of p.rows) {
    for (const cc of codeCellsOf(r)) if (cc.code === want) out.push(cc.codeSpan);
  }
  return out;
}

function rowsPrinting(doc: BudgetDocument, code: string): Set<Row> {
  const out = new Set<Row>();
  for (const t of doc.tables) for (const p of t.parts) for (const r of p.rows) if (codeCellsOf(r).some((cc) => cc.code === code)) out.add(r);
  return out;
}

/** The rule references of the document that name the rows. */
function rowUsages(a: Analysis, rows: Set<Row>): Span[] {
  return ruleReferences(a).filter((r) => r.rows.some((x) => rows.has(x))).map((r) => r.rowSpan ?? r.span);
}

/** Every occurrence, in this document, of what the query looks for (declarations and uses), in document order. */
export function occurrences(a: Analysis, q: ReferenceQuery): Occurrence[] {
  const doc = a.document;
  const refs = ruleReferences(a);
  const out: Occurrence[] = [];
  switch (q.kind) {
    case 'code':
      for (const s of codeOccurrences(doc, q.code)) out.push({ span: s, role: s.start === q.origin.start && s.end === q.origin.end ? 'declaration' : 'print' });
      for (const s of rowUsages(a, rowsPrinting(doc, q.code))) out.push({ span: s, role: 'use' });
      break;
    case 'rows':
      for (const r of q.rows) out.push({ span: namingSpan(r, r.lineNo !== undefined ? 'line' : r.code ? 'code' : 'label'), role: 'declaration' });
      for (const s of rowUsages(a, new Set(q.rows))) out.push({ span: s, role: 'use' });
      break;
    case 'columns': {
      const cols = new Set(q.columns);
      for (const c of q.columns) out.push({ span: c.span, role: 'declaration' });
      for (const r of refs) if (r.columns.some((c) => cols.has(c))) out.push({ span: r.columnSpan ?? r.span, role: 'use' });
      break;
    }
    case 'table':
      out.push({ span: q.table.headingSpan, role: 'declaration' });
      for (const r of refs) if (r.tableSpan && r.table === q.table) out.push({ span: r.tableSpan, role: 'use' });
      break;
    case 'cell': {
      out.push({ span: q.cell.span, role: 'declaration' });
      for (const s of cellUsages(a, q.cell)) out.push({ span: s, role: 'use' });
      break;
    }
  }
  return dedupe(out);
}

/** Where the rules whose relations use the cell name it: the reference naming its row or column, else the rule. */
export function cellUsages(a: Analysis, cell: Cell): Span[] {
  const out: Span[] = [];
  const refs = ruleReferences(a);
  for (const rel of a.relationsOf(cell)) {
    const rs = rel.ruleSpan;
    if (!rs) continue;
    const mine = refs.filter((r) => r.rule.node.span.start === rs.start && r.rule.node.span.end === rs.end);
    const naming: Span[] = [];
    for (const r of mine) {
      const byRow = r.rows.includes(cell.row);
      const byColumn = !!cell.column && r.columns.includes(cell.column);
      if (byRow && byColumn) naming.push(r.span);
      else if (byRow) naming.push(r.rowSpan ?? r.span);
      else if (byColumn && !r.rows.length) naming.push(r.columnSpan ?? r.span);
    }
    pushAll(out, naming.length ? naming : [rs]);
  }
  return out;
}

function dedupe(list: Occurrence[]): Occurrence[] {
  const seen = new Map<string, Occurrence>();
  for (const o of list) {
    const k = `${o.span.start}:${o.span.end}`;
    const had = seen.get(k);
    if (!had) seen.set(k, o);
    else if (o.role === 'declaration') had.role = 'declaration';
  }
  return [...seen.values()].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}
