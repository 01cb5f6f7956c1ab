/** Checks on single figures: broken numbers (as PDF extraction leaves them). */
import type { BudgetDocument, Cell, Part } from '../model/document';
import { Kind, StoredPart } from '../model/rows';
import type { Messages } from '../i18n/messages';
import { parseFigure } from '../numbers/decimal';
import { own } from './evaluate';
import type { Finding } from './finding';

export function figureFindings(doc: BudgetDocument, m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) for (const p of t.parts) partFigureFindings(p, m, 0, Infinity, out);
  return out;
}

/** The findings of rows [from, to) of a part, into `out`. */
export function partFigureFindings(p: Part, m: Messages, from: number, to: number, out: Finding[] = []): Finding[] {
  for (const c of brokenCells(p, from, to)) {
    const joined = c.text.replace(/[\s\u3000]+/g, '');
    const fixed = parseFigure(joined) ? joined : '';
    out.push({
      rule: 'figure-format', severity: 'error', span: own(c.span), related: [],
      message: m.brokenFigure(c.text, fixed),
      replacement: fixed ? { span: own(c.span), text: fixed, title: fixed } : undefined,
    });
  }
  return out;
}

/** The cells of rows [from, to) of a part that hold a broken number (from a store's arrays: only these are made). */
function* brokenCells(p: Part, from: number, to: number): Generator<Cell> {
  if (p instanceof StoredPart) {
    const s = p.store;
    for (let r = from; r < Math.min(to, s.count); r++) {
      for (let c = s.firstCell(r); c < s.endCell(r); c++) if (s.kind(c) === Kind.Broken) yield p.cellAt(r, c);
    }
    return;
  }
  for (const r of p.rows.slice(from, to)) for (const c of r.cells) if (c.kind === 'broken') yield c;
}
