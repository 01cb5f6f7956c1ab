/** A cell that stands in no table's rows, for a relation to target: a figure the document prints inside a text. */
import type { Figure } from '../numbers/decimal';
import type { Span } from '../syntax/ast';
import type { Cell, Column, Part, Row } from './document';

/**
 * A figure printed inside a text as a cell of its own — an indicator's points in its label (`产出指标(50分)`, rules/forms.ts
 * `judgeLevel`), a narrative's claim (claims/checks.ts `cellOf`) — so that a relation may target it and a finding name
 * it: a row appended to `part` (a part of its own, or one that holds many such: the row's index is its place) holding
 * the one cell, in `column` numbered by that row (a figure's precision is its column's, checks/evaluate.ts `valueOf`:
 * each such figure keeps its own; `column` itself when its index is the row's already). `shared`: in `column` itself, the
 * part's rows a column of figures printed as one (the right pair of 上海's paired funds, rules/forms.ts `pairedFunds`):
 * their precision the column's, a finding naming them by their labels in that column as any column's sum.
 */
export function syntheticCell(part: Part, column: Column, row: { label: string; labelSpan: Span; span: Span }, cell: { text: string; span: Span; figure: Figure }, shared = false): Cell {
  const r: Row = { label: row.label, labelSpan: row.labelSpan, cells: [], span: row.span, part, index: part.rows.length };
  const c: Cell = { text: cell.text, span: cell.span, kind: 'figure', figure: cell.figure, column: shared || column.index === r.index ? column : { ...column, index: r.index }, row: r };
  r.cells.push(c);
  part.rows.push(r);
  return c;
}
