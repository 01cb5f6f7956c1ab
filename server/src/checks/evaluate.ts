/** Decides whether a relation between printed figures holds, with the rounding semantics of rounding.md. */
import { formatUnits, intervalOf, meets, roundUnits, samePrint, ZERO, type Figure } from '../numbers/decimal';
import type { Cell } from '../model/document';
import type { Messages } from '../i18n/messages';
import type { Relation } from '../rules/relation';
import type { Finding } from './finding';

/** The figure a cell stands for in a relation: blanks and dashes are exact zeros; text has none. */
export function valueOf(cell: Cell): Figure | undefined {
  if (cell.kind === 'figure') return cell.figure;
  if (cell.kind === 'empty' || cell.kind === 'dash') return ZERO;
  return undefined;
}

export function cellName(cell: Cell, m: Messages, by: 'row' | 'column' | 'both'): string {
  const row = cell.row;
  const rowName = row.label || row.code || (row.lineNo !== undefined ? `${row.lineNo}行` : '');
  const colName = cell.column ? (cell.column.name || cell.column.path.join('/') || (cell.column.number !== undefined ? `${cell.column.number}栏` : '')) : '';
  if (by === 'row') return rowName + (row.lineNo !== undefined && row.label ? `（${row.lineNo}行）` : '');
  if (by === 'column') return colName;
  const table = row.part.table.number ?? row.part.table.title;
  return `${table}${m.row(rowName)}${colName ? m.column(colName) : ''}`;
}

function joinNames(names: string[], signs: (1 | -1)[]): string {
  const parts = names.map((n, i) => (i === 0 ? (signs[i] < 0 ? `- ${n}` : n) : `${signs[i] < 0 ? '-' : '+'} ${n}`));
  if (parts.length > 6) return [...parts.slice(0, 2), '…', ...parts.slice(-2)].join(' ');
  return parts.join(' ');
}

export interface Evaluation {
  holds: boolean;
  /** Printed figures agree exactly (no 尾差). */
  exact: boolean;
  computed: string;
  stated: string;
  difference: string;
}

/** The arithmetic of a relation; undefined when a cell holds no figure or every cell is blank. */
export function evaluate(rel: Relation): Evaluation | undefined {
  const target = valueOf(rel.target);
  if (!target) return undefined;
  const terms: { sign: 1 | -1; f: Figure }[] = [];
  for (const t of rel.terms) {
    const f = valueOf(t.cell);
    if (!f) return undefined;
    terms.push({ sign: t.sign, f });
  }
  if (rel.target.kind !== 'figure' && rel.terms.every((t) => t.cell.kind !== 'figure')) return undefined;
  if (terms.some((t) => t.f.percent !== target.percent && !t.f.exact) && !target.exact) return undefined;
  const dec = Math.max(target.decimals, ...terms.map((t) => t.f.decimals));
  const grouping = [target, ...terms.map((t) => t.f)].some((f) => f.text.includes(','));
  const pct = target.percent ? '%' : '';
  let printed = 0n;
  for (const t of terms) printed += BigInt(t.sign) * roundUnits(t.f.units, t.f.decimals, dec);
  const stated = roundUnits(target.units, target.decimals, dec);
  let holds: boolean;
  let exact: boolean;
  let expectedUnits = printed;
  if (rel.kind === 'same' && terms.length === 1) {
    holds = samePrint(target, terms[0].f);
    exact = holds;
    expectedUnits = printed;
  } else {
    const scale = dec + 1;
    let lo = 0n;
    let hi = 0n;
    for (const t of terms) {
      const iv = intervalOf(t.f, scale);
      if (t.sign > 0) { lo += iv.lo; hi += iv.hi; } else { lo -= iv.hi; hi -= iv.lo; }
    }
    holds = meets({ lo, hi }, intervalOf(target, scale));
    exact = printed === stated;
  }
  const diff = stated - expectedUnits;
  return {
    holds, exact,
    computed: formatUnits(expectedUnits, dec, grouping) + pct,
    stated: formatUnits(stated, dec, grouping) + pct,
    difference: formatUnits(diff < 0n ? -diff : diff, dec, grouping) + pct,
  };
}

/** A finding for a relation that fails (error) or holds only within rounding (information, 尾差). */
export function judge(rel: Relation, m: Messages): Finding | undefined {
  const ev = evaluate(rel);
  if (!ev || (ev.holds && ev.exact)) return undefined;
  const cells = [rel.target, ...rel.terms.map((t) => t.cell)];
  const sameRow = cells.every((c) => c.row === rel.target.row);
  const sameColumn = cells.every((c) => c.column === rel.target.column);
  const by = sameRow ? 'column' : sameColumn ? 'row' : 'both';
  const lhs = cellName(rel.target, m, by);
  const rhs = joinNames(rel.terms.map((t) => cellName(t.cell, m, by)), rel.terms.map((t) => t.sign));
  const where = by === 'column' ? m.row(cellName(rel.target, m, 'row')) : by === 'row' ? (rel.target.column ? m.column(cellName(rel.target, m, 'column')) : '') : '';
  const ctx = m.context(where, rel.title);
  const related = [
    ...rel.terms.map((t) => ({ span: t.cell.span, message: m.termRelated(cellName(t.cell, m, 'both'), t.cell.text || m.empty) })),
  ];
  if (rel.ruleSpan) related.push({ span: rel.ruleSpan, message: rel.title });
  if (!ev.holds) {
    const template = rel.kind === 'same' ? m.sameMismatch : m.sumMismatch;
    return {
      rule: rel.rule, severity: 'error', span: rel.target.span, related,
      message: template(lhs, rhs, ev.computed, ev.stated, ev.difference, ctx),
      expected: ev.computed,
    };
  }
  return {
    rule: rel.rule, severity: 'information', span: rel.target.span, related, roundingTail: true,
    message: m.sumTail(lhs, rhs, ev.computed, ev.stated, ev.difference, ctx),
  };
}
