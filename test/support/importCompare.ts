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
  /** Tables whose parts and columns are the transcription's: the parts' names, every column's names (its groups', then
   * its own) and 栏次, in order. */
  shaped: number;
  /** Per table: its key, rows in the transcription, rows matched, and the rows that did not match; its shape (parts and
   * columns) in the transcription and in the import. */
  tables: { key: string; rows: number; exact: number; missing: string[]; extra: string[]; shape: string; got: string }[];
}

/** A table's parts and columns, one part a line: `name :: group/name[栏次] | …`. */
export function shapeOf(t: Table): string {
  return t.parts.map((p) => `${(p.name ?? '').replace(/\s+/g, '')} :: ${p.columns.map((c) => c.path.join('/') + (c.number !== undefined ? `[${c.number}]` : '')).join(' | ')}`).join('\n');
}

export function compareTables(truth: BudgetDocument, imported: BudgetDocument): Comparison {
  const out: Comparison = { rows: 0, exact: 0, shaped: 0, tables: [] };
  const byKey = new Map(imported.tables.map((t) => [tableKey(t), t]));
  for (const t of truth.tables) {
    const want = allRows(t).map(rowKey);
    const got = byKey.get(tableKey(t));
    const have = got ? allRows(got).map(rowKey) : [];
    const exact = lcs(want, have);
    out.rows += want.length;
    out.exact += exact;
    const shape = shapeOf(t);
    const gotShape = got ? shapeOf(got) : '';
    if (shape === gotShape) out.shaped++;
    out.tables.push({ key: tableKey(t), rows: want.length, exact, missing: want.filter((w) => !have.includes(w)), extra: have.filter((h) => !want.includes(h)), shape, got: gotShape });
  }
  return out;
}

/** A row's numbers by figure column (a column's text, as 专项名称 holds, left out), trailing blanks dropped. */
function figuresOf(r: Row): string[] {
  const f = r.cells.filter((c) => c.column?.role === 'figure').map((c) => (c.kind === 'figure' || c.kind === 'dash' ? c.text.trim() : ''));
  while (f.length && f[f.length - 1] === '') f.pop();
  return f;
}

/** Pairs of equal keys in order (a longest common subsequence), as index pairs. */
function alignment(a: string[], b: string[]): [number, number][] {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push([i, j]); i++; j++; } else if (dp[i + 1][j] >= dp[i][j + 1]) i++; else j++;
  }
  return out;
}

export interface Misplaced {
  /** The table's number or title. */
  table: string;
  row: string;
  want: string;
  got: string;
}

/**
 * Rows of the import whose numbers differ from the transcription's (a figure in another column, a figure lost or
 * added) with no `// 导入存疑` comment above them: the silent misplacements the import must never make. Rows are
 * paired by code, label and text cells (in order), and rows left unpaired between two pairs are paired by position when both
 * sides leave as many (a label read wrong must not hide its figures). `doubted(row)` says whether the import marked a
 * row as uncertain.
 */
export function silentMisplacements(truth: BudgetDocument, imported: BudgetDocument, doubted: (r: Row) => boolean): Misplaced[] {
  const out: Misplaced[] = [];
  const byKey = new Map(imported.tables.map((t) => [tableKey(t), t]));
  // (the text a row holds in figure columns, as 专项名称, is part of what names it)
  const id = (r: Row) => [r.code ?? '', r.label, ...r.cells.filter((c) => c.column?.role === 'figure' && c.kind === 'text').map((c) => c.text)].map((x) => x.replace(/\s+/g, '')).join(' | ');
  for (const t of truth.tables) {
    const got = byKey.get(tableKey(t));
    if (!got) continue;
    const want = allRows(t);
    const have = allRows(got);
    const pairs = alignment(want.map(id), have.map(id));
    const all: [number, number][] = [];
    let pi = 0;
    let pj = 0;
    for (const [i, j] of [...pairs, [want.length, have.length] as [number, number]]) {
      if (i - pi === j - pj) for (let k = 0; k < i - pi; k++) all.push([pi + k, pj + k]);
      if (i < want.length) all.push([i, j]);
      pi = i + 1;
      pj = j + 1;
    }
    for (const [i, j] of all) {
      const a = figuresOf(want[i]).join(' | ');
      const b = figuresOf(have[j]).join(' | ');
      if (a !== b && !doubted(have[j])) out.push({ table: tableKey(t), row: id(want[i]), want: a, got: b });
    }
  }
  return out;
}
