/**
 * Compares an imported document with a transcription made by hand, table row by table row: a row matches when its
 * code, its label and every figure cell (figures and blanks, in order) are the same. Rows are aligned in order (a
 * longest common subsequence per table), so one wrong row does not shift the rest.
 */
import type { BudgetDocument, Part, Row, Table } from '../../server/src/model/document';

export function rowKey(r: Row): string {
  const figures = r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text.trim());
  while (figures.length && figures[figures.length - 1] === '') figures.pop();
  return [r.code ?? '', r.label.replace(/\s+/g, ''), ...figures].join(' | ');
}

function tableKey(t: Table): string {
  return (t.number ?? t.title).replace(/\s+/g, '');
}

function allRows(t: Table): Row[] {
  return t.parts.flatMap((p: Part) => p.rows);
}

function lcs(a: string[], b: string[]): number {
  const dp = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(dp[j], dp[j - 1]);
      prev = tmp;
    }
  }
  return dp[b.length];
}

export interface Comparison {
  rows: number;
  exact: number;
  /** Per table: its key, rows in the transcription, rows matched, and the rows that did not match. */
  tables: { key: string; rows: number; exact: number; missing: string[]; extra: string[] }[];
}

export function compareTables(truth: BudgetDocument, imported: BudgetDocument): Comparison {
  const out: Comparison = { rows: 0, exact: 0, tables: [] };
  const byKey = new Map(imported.tables.map((t) => [tableKey(t), t]));
  for (const t of truth.tables) {
    const want = allRows(t).map(rowKey);
    const got = byKey.get(tableKey(t));
    const have = got ? allRows(got).map(rowKey) : [];
    const exact = lcs(want, have);
    out.rows += want.length;
    out.exact += exact;
    out.tables.push({ key: tableKey(t), rows: want.length, exact, missing: want.filter((w) => !have.includes(w)), extra: have.filter((h) => !want.includes(h)) });
  }
  return out;
}
