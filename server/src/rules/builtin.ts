/** Rules that need no declaration: the 类/款/项 hierarchy and the 合计 row. */
import { norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row } from '../model/document';
import type { Messages } from '../i18n/messages';
import type { Relation } from './relation';
import { scaleTo, ZERO } from '../numbers/decimal';
import { maxOf, pushAll } from '../util/arrays';

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

/**
 * Rows that repeat a code (some published tables print a 项 row under its 款 code): when the first row of a repeated
 * code equals the sum of the others in every column it is their subtotal and stands for them; otherwise all count.
 */
function collapseRepeats(rows: Row[], cols: Column[]): Row[] {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byCode.get(r.code!);
    if (list) list.push(r); else byCode.set(r.code!, [r]);
  }
  const out: Row[] = [];
  for (const group of byCode.values()) {
    if (group.length > 1 && cols.every((c) => sameSum(group[0], group.slice(1), c))) out.push(group[0]);
    else pushAll(out, group);
  }
  return out;
}

function sameSum(first: Row, rest: Row[], col: Column): boolean {
  const figs = [first, ...rest].map((r) => {
    const c = r.cells[col.index];
    return c?.kind === 'figure' && c.figure ? c.figure : ZERO;
  });
  const dec = maxOf(figs.map((f) => f.decimals));
  const [head, ...tail] = figs.map((f) => scaleTo(f, dec));
  return head === tail.reduce((a, b) => a + b, 0n);
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
      const seen = new Set<string>();
      for (const parent of coded) {
        const code = parent.code!;
        if (code.length !== 3 && code.length !== 5) continue;
        // A code printed on several rows is checked once, from its first row.
        const key = `${parent.codeKind}:${code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const listed = childrenOf.get(key);
        if (!listed) continue;
        const children = collapseRepeats(listed, cols);
        const title = m.ruleHierarchy(m.level[code.length] ?? code, m.level[code.length + 2] ?? '');
        columnRelations('code-hierarchy', title, parent, children, cols, out);
      }
      if (!coded.length) continue;
      let top = Infinity;
      for (const r of coded) top = Math.min(top, r.code!.length);
      const topRows = collapseRepeats(coded.filter((r) => r.code!.length === top), cols);
      for (const total of part.rows) {
        if (norm(total.label) !== '合计' || total.code) continue;
        columnRelations('total-row', m.ruleTotal, total, topRows, cols, out);
      }
    }
  }
  return out;
}
