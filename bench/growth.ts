/**
 * `npm run bench:growth`: whether the analysis stays linear where a scan per reference or per section would show —
 * one table whose rule names a range of all its rows (2,000 → 32,000 rows), and tables whose rules name each other
 * (500 → 8,000 tables). Time per row (per table) at the large size ÷ at the small size: ≈ 1 when the work is linear.
 * Not one of issue #13's scenarios (`npm run bench`), kept as a guard against quadratic work.
 */
import { analyze } from '../server/src/analysis';
import { time } from './timing';

/** Time per unit at `large` ÷ time per unit at `small`, each document analysed warm (≈ 1 when the work is linear). */
function growthOf(make: (n: number) => string, small: number, large: number): number {
  const per = (n: number, reps: number) => {
    const text = make(n);
    return time(() => analyze(text), reps) / n;
  };
  const atSmall = per(small, 21);
  return per(large, 7) / atSmall;
}

const HEADER = '# 某单位 2023 年度部门决算\n部门：某单位\n年度：2023\n类型：决算\n金额单位：万元\n';

function longTable(n: number): string {
  const lines = [`${HEADER}\n## 表 表1 收入决算表\n列：行次 | 项目 | 金额[1]`];
  for (let i = 1; i <= n; i++) lines.push(`${i} | ${i === 1 ? '合计' : `收入${i}`} | ${i === 1 ? (n - 1).toFixed(2) : '1.00'}`);
  lines.push(`规则：1行=（2+3+…+${n}）行`);
  return `${lines.join('\n')}\n`;
}

function manyTables(n: number): string {
  const parts = [HEADER];
  for (let i = 0; i < n; i++) parts.push(`## 表 表${i} 收入决算表${i}\n列：项目 | 金额[1]\n合计 | 1.00\n规则：「合计」行1栏=表${(i + 1) % n}「合计」行1栏\n`);
  return parts.join('');
}

const rows: string[] = [];
for (const [what, make, small, large, unit] of [
  ['a range rule over a whole table, growth 2k → 32k rows (time per row)', longTable, 2000, 32000, 'row'],
  ['tables naming each other, growth 500 → 8,000 tables (time per table)', manyTables, 500, 8000, 'table'],
] as const) {
  const g = growthOf(make, small, large);
  rows.push(`| ${what} | ${g.toFixed(2)} | ≈ 1 (linear) | ${g < 1.5 ? 'ok' : `missed: ${g.toFixed(2)}× per ${unit}`} |`);
}
process.stdout.write(['| measure | result | target | verdict |', '|---|---|---|---|', ...rows].join('\n') + '\n');
