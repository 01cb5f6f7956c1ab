/** Checks on single figures: broken numbers (as PDF extraction leaves them). */
import type { BudgetDocument, Cell, Part } from '../model/document';
import { Kind, StoredPart } from '../model/rows';
import type { Messages } from '../i18n/messages';
import { parseFigure } from '../numbers/decimal';
import { own } from './evaluate';
import type { Finding } from './finding';

export function figureFindings(doc: BudgetDocument, m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) for (const p of t.parts) for (const c of brokenCells(p)) {
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

/** The cells of a part that hold a broken number (from the store's arrays: only these cells are made). */
function* brokenCells(p: Part): Generator<Cell> {
  if (p instanceof StoredPart) {
    const s = p.store;
    for (let r = 0; r < s.count; r++) {
      for (let c = s.firstCell(r); c < s.endCell(r); c++) if (s.kind(c) === Kind.Broken) yield p.cellAt(r, c);
    }
    return;
  }
  for (const r of p.rows) for (const c of r.cells) if (c.kind === 'broken') yield c;
}
