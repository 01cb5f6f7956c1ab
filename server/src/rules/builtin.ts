/** Rules that need no declaration: the 类/款/项 hierarchy and the 合计 row. */
import { norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row } from '../model/document';
import type { Messages } from '../i18n/messages';
import type { Relation } from './relation';

function figureColumns(p: Part): Column[] {
  return p.columns.filter((c) => c.role === 'figure');
}

function cellAt(row: Row, col: Column): Cell | undefined {
  return row.cells[col.index];
}

function columnRelations(rule: Relation['rule'], title: string, target: Row, children: Row[], cols: Column[], out: Relation[]) {
  for (const col of cols) {
    const t = cellAt(target, col);
    if (!t) continue;
    const terms = children.map((r) => cellAt(r, col)).filter((c): c is Cell => !!c).map((cell) => ({ sign: 1 as const, cell }));
    out.push({ rule, kind: 'sum', title, target: t, terms });
  }
}

export function builtinRelations(doc: BudgetDocument, m: Messages): Relation[] {
  const out: Relation[] = [];
  for (const table of doc.tables) {
    for (const part of table.parts) {
      const cols = figureColumns(part);
      if (!cols.length) continue;
      const coded = part.rows.filter((r) => r.code && (r.codeKind === 'functional' || r.codeKind === 'economic'));
      // Children by their parent's code: 2010350 → 20103, 20103 → 201.
      const childrenOf = new Map<string, Row[]>();
      for (const r of coded) {
        const code = r.code!;
        if (code.length !== 5 && code.length !== 7) continue;
        const key = `${r.codeKind}:${code.slice(0, -2)}`;
        const list = childrenOf.get(key);
        if (list) list.push(r); else childrenOf.set(key, [r]);
      }
      for (const parent of coded) {
        const code = parent.code!;
        if (code.length !== 3 && code.length !== 5) continue;
        const children = childrenOf.get(`${parent.codeKind}:${code}`);
        if (!children) continue;
        const title = m.ruleHierarchy(m.level[code.length] ?? code, m.level[code.length + 2] ?? '');
        columnRelations('code-hierarchy', title, parent, children, cols, out);
      }
      if (!coded.length) continue;
      let top = Infinity;
      for (const r of coded) top = Math.min(top, r.code!.length);
      const topRows = coded.filter((r) => r.code!.length === top);
      for (const total of part.rows) {
        if (norm(total.label) !== '合计' || total.code) continue;
        columnRelations('total-row', m.ruleTotal, total, topRows, cols, out);
      }
    }
  }
  return out;
}
