/** Checks on single figures: broken numbers (as PDF extraction leaves them). */
import type { BudgetDocument } from '../model/document';
import type { Messages } from '../i18n/messages';
import { parseFigure } from '../numbers/decimal';
import type { Finding } from './finding';

export function figureFindings(doc: BudgetDocument, m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) for (const p of t.parts) for (const r of p.rows) for (const c of r.cells) {
    if (c.kind !== 'broken') continue;
    const joined = c.text.replace(/[\s\u3000]+/g, '');
    const fixed = parseFigure(joined) ? joined : '';
    out.push({
      rule: 'figure-format', severity: 'error', span: c.span, related: [],
      message: m.brokenFigure(c.text, fixed),
      replacement: fixed ? { span: c.span, text: fixed, title: fixed } : undefined,
    });
  }
  return out;
}
