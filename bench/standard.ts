/**
 * `npm run bench:standard`: what the standard table sets add to an analysis (target: a full pass within 10 % of one
 * without them), as ratios within one run (the machine is shared and noisy): complete generated documents of growing
 * size in the three layouts (bench/standardDocs.ts), the seeds and the corpus, and a keystroke in a large document
 * (incremental analysis: a section's own identities are kept with it, the ones between tables are applied again).
 * Each pair is measured alternately, so that both sides see the same load. Printed, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer, type AnalysisOptions } from '../server/src/analysis';
import { ROOT } from '../test/support/lsp';
import { generateBudget, generateFinal, generateJiangsu } from './standardDocs';

const OFF: AnalysisOptions = { standard: false };

/** Median times of `a` and `b`, run alternately `reps` times after a warm-up. */
function pair(a: () => void, b: () => void, reps: number): [number, number] {
  for (let i = 0; i < 2; i++) { a(); b(); }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [med(ta), med(tb)];
}

const rows = (text: string) => text.split('\n').filter((l) => l.includes('|')).length;
const line = (what: string, on: number, off: number) =>
  console.log(`| ${what} | ${off.toFixed(1)} ms | ${on.toFixed(1)} ms | ${((on / off - 1) * 100).toFixed(1)} % |`);

console.log('| document | full pass without standard sets | with them | added |');
console.log('|---|---|---|---|');
for (const [name, make] of [['部门决算 (湖北)', generateFinal], ['部门预算 (湖北)', generateBudget], ['部门预算 (江苏)', generateJiangsu]] as const) {
  for (const [kuan, xiang] of [[2, 5], [10, 20], [20, 60]]) {
    const text = make({ kuanPerLei: kuan, xiangPerKuan: xiang });
    const [on, off] = pair(() => analyze(text), () => analyze(text, OFF), kuan > 10 ? 7 : 15);
    line(`${name}, ${rows(text)} rows`, on, off);
  }
}
let seedsOn = 0;
let seedsOff = 0;
const real = [
  ...readdirSync(join(ROOT, 'seeds')).map((f) => join(ROOT, 'seeds', f)),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.budget')).map((f) => join(ROOT, 'test', 'fixtures', 'corpus', f)),
];
for (const f of real) {
  const text = readFileSync(f, 'utf8');
  const [on, off] = pair(() => analyze(text), () => analyze(text, OFF), 15);
  seedsOn += on;
  seedsOff += off;
}
line(`the seeds and the corpus (${real.length} documents, summed)`, seedsOn, seedsOff);

// A keystroke: a digit typed into a figure of the 支出决算表 of a large 决算, and taken back.
const big = generateFinal({ kuanPerLei: 20, xiangPerKuan: 60 });
const at = big.indexOf('\n', big.indexOf('## 表 公开03表')) + 1;
const edit = (an: DocumentAnalyzer, i: number) => an.analyze(i % 2 ? big : `${big.slice(0, at)}// ${i}\n${big.slice(at)}`);
const on = new DocumentAnalyzer();
const off = new DocumentAnalyzer(OFF);
on.analyze(big);
off.analyze(big);
let i = 0;
const [kOn, kOff] = pair(() => edit(on, i++), () => edit(off, i), 41);
line(`a keystroke in the 部门决算 of ${rows(big)} rows (incremental)`, kOn, kOff);
