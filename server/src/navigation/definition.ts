/**
 * Go to definition: from a reference in a rule to what it names, as the rule's expansion resolves it (ruleRefs.ts):
 * - on the table it names (`公开05表`, `本表`, `「支出总表」`): that table's heading; on a part name: that part;
 * - elsewhere on a reference: its cell when it names a row and a column (`公开05表「201」行1栏`), its row(s) (`27行`,
 *   `「合计」行`, each row of a range's `…`), its column(s) in the `列：` line (`1栏`), else its table;
 * - from a 款 or 项 code in a table to its parent row (`2010350` → `20103`, `20103` → `201`).
 */
import type { Analysis } from '../analysis';
import { codeCellsOf, parentOf } from '../knowledge/codes';
import type { Column, Part, Row, Table } from '../model/document';
import type { Span, SyntaxTree } from '../syntax/ast';
import { headedExtent, lineIndexAt } from './extent';
import { referenceAt, within, type RowNaming, type RuleReference } from './ruleRefs';
import { maxOf, minOf } from '../util/arrays';

export interface Destination {
  /** What the link points at as a whole (a table's section, a row's line). */
  span: Span;
  /** What to select there (the heading, the cell, the row's 行次 or code); inside `span`. */
  selection: Span;
}

export interface Definition {
  /** The text the link starts from. */
  origin: Span;
  targets: Destination[];
}

export function definitionAt(a: Analysis, offset: number): Definition | undefined {
  const ref = referenceAt(a, offset);
  if (ref) return referenceDefinition(a, ref, offset);
  return parentDefinition(a, offset);
}

function referenceDefinition(a: Analysis, ref: RuleReference, offset: number): Definition | undefined {
  const tree = a.tree;
  if (within(ref.tableSpan, offset) && ref.table) return { origin: ref.tableSpan, targets: [tableDestination(tree, ref.table)] };
  if (within(ref.partSpan, offset) && ref.part) return { origin: ref.partSpan, targets: [partDestination(ref.part)] };
  let targets: Destination[] = [];
  if (ref.rows.length && ref.columns.length) {
    for (const row of ref.rows) {
      const col = ref.columns.find((c) => row.part.columns.includes(c));
      const cell = col ? row.cells[col.index] : undefined;
      targets.push(cell ? { span: row.span, selection: cell.span } : rowDestination(row, ref.rowNaming));
    }
  } else if (ref.rows.length) targets = ref.rows.map((r) => rowDestination(r, ref.rowNaming));
  else if (ref.columns.length) targets = ref.columns.map(columnDestination);
  else if (ref.table && !ref.unresolved && !ref.range) targets = [tableDestination(tree, ref.table)];
  return targets.length ? { origin: ref.span, targets } : undefined;
}

export function tableDestination(tree: SyntaxTree, t: Table): Destination {
  const span = headedExtent(tree, lineIndexAt(tree, t.span.start), 2);
  return { span, selection: t.headingSpan };
}

function partDestination(p: Part): Destination {
  const spans = [p.nameSpan, p.columnsSpan, ...p.rows.map((r) => r.span)].filter((s): s is Span => !!s);
  const span = { start: minOf(spans.map((s) => s.start)), end: maxOf(spans.map((s) => s.end)) };
  return { span, selection: p.nameSpan ?? p.columnsSpan ?? span };
}

/** A row, selecting what names it: its 行次 (`27行`), its code (`「201」行`) or its label (`「合计」行`). */
export function rowDestination(row: Row, naming: RowNaming = 'label'): Destination {
  return { span: row.span, selection: namingSpan(row, naming) };
}

export function namingSpan(row: Row, naming: RowNaming): Span {
  const line = row.cells.find((c) => c.column?.role === 'line' && c.text)?.span;
  const code = row.code && row.codeSpan ? row.codeSpan : undefined;
  const label = row.label ? row.labelSpan : undefined;
  const order = naming === 'line' ? [line, label, code] : naming === 'code' ? [code, label, line] : [label, code, line];
  return order.find((s) => !!s) ?? row.span;
}

export function columnDestination(c: Column): Destination {
  return { span: c.span, selection: c.span };
}

/** From a 款 or 项 code to the row of its parent code printed above it in the same part. */
function parentDefinition(a: Analysis, offset: number): Definition | undefined {
  for (const t of a.document.tables) {
    if (offset < t.span.start || offset > t.span.end) continue;
    for (const p of t.parts) for (let i = 0; i < p.rows.length; i++) {
      const r = p.rows[i];
      if (!within(r.span, offset)) continue;
      for (const cc of codeCellsOf(r)) {
        if (!within(cc.codeSpan, offset) || (cc.kind !== 'functional' && cc.kind !== 'economic')) continue;
        const parent = parentOf(cc.code);
        if (!parent) return undefined;
        for (let j = i - 1; j >= 0; j--) {
          const above = codeCellsOf(p.rows[j]).find((x) => x.code === parent);
          if (above) return { origin: cc.codeSpan, targets: [{ span: p.rows[j].span, selection: above.codeSpan }] };
        }
        return undefined;
      }
    }
  }
  return undefined;
}
