/**
 * The keystrokes of bench/standard.ts (`keystrokeEdits`: a figure retyped, a comment line added, a data row typed, each
 * done and taken back) in a large generated document, this build beside another (`npx tsc -p .` in a worktree of the
 * other commit; bench/builds.ts), in one process: an analyzer of each build with the standard sets (and, with `off`,
 * one of each without them) takes the same keystrokes in turn, the order reversed every other round (each sees the same
 * load). Prints each one's median and 10th percentile, and the median of the ratios this / other of each round — for
 * the keystrokes that edit (`do`), those that take the edit back (`undo`), and both.
 *
 *   node out/bench/keystrokes.js OTHER_ROOT [budget|final] [rounds] [figure,comment,row] [off]
 *
 * The other build is loaded (and its analyzers made) first; with THIS_FIRST=1 in the environment, this one.
 *
 * budget: the 湖北 部门预算 of 3,000 project forms (33k rows), keystrokes in its 支出总表 (附表4-3); final: the 24k-row
 * 部门决算, keystrokes in its 支出决算表 (公开03表).
 */
import { join, resolve } from 'node:path';
import { moduleOf } from './builds';
import { generateBudget, generateFinal, keystrokeEdits } from './standardDocs';
import { median, percentile } from './timing';

interface Analyzer {
  analyze(text: string): unknown;
}
type AnalyzerClass = new (options?: { standard?: false }) => Analyzer;

function load(root: string): AnalyzerClass {
  return moduleOf<{ DocumentAnalyzer: AnalyzerClass }>(join(root, 'out'), 'server', 'src', 'analysis.js').DocumentAnalyzer;
}

const ROOT = resolve(__dirname, '..', '..');
const [other, which = 'budget', rounds = '41', kinds = 'figure,comment,row', off] = process.argv.slice(2);
if (!other || !['budget', 'final'].includes(which)) {
  throw new Error('usage: node out/bench/keystrokes.js OTHER_ROOT [budget|final] [rounds] [figure,comment,row] [off]');
}
const large = { kuanPerLei: 20, xiangPerKuan: 60 };
const big = which === 'final' ? generateFinal(large) : generateBudget(large);
const heading = which === 'final' ? '## 表 公开03表' : '## 表 附表4-3';
const builds: [string, AnalyzerClass][] = process.env.THIS_FIRST ? [['this', load(ROOT)], ['other', load(resolve(other))]] : [['other', load(resolve(other))], ['this', load(ROOT)]];
const wanted = kinds.split(',');
const short: Record<string, string> = { 'a figure retyped': 'figure', 'a comment line added': 'comment', 'a data row typed': 'row' };
console.log(`${which}: ${big.split('\n').filter((l) => l.includes('|')).length} table rows, ${rounds} rounds (each a keystroke and its undo)`);
for (const [kind, edited] of keystrokeEdits(big, heading)) {
  if (!wanted.includes(short[kind])) continue;
  const runs = new Map<string, { an: Analyzer; i: number }>();
  for (const [name, Build] of builds) {
    runs.set(`${name} with the sets`, { an: new Build(), i: 0 });
    if (off) runs.set(`${name} without`, { an: new Build({ standard: false }), i: 0 });
  }
  for (const r of runs.values()) r.an.analyze(big);
  const names = [...runs.keys()];
  // Keystroke k of a run: the edit (k even) or its undo (k odd).
  const step = (n: string) => {
    const r = runs.get(n)!;
    const k = r.i++;
    const t0 = performance.now();
    r.an.analyze(k % 2 ? big : edited(k));
    return performance.now() - t0;
  };
  const times = new Map<string, { do: number[]; undo: number[] }>(names.map((n) => [n, { do: [], undo: [] }]));
  const warm = 3;
  for (let round = 0; round < warm + Number(rounds); round++) {
    for (const half of ['do', 'undo'] as const) {
      for (const n of round % 2 ? names : [...names].reverse()) {
        const t = step(n);
        if (round >= warm) times.get(n)![half].push(t);
      }
    }
  }
  console.log(`\n${kind}:`);
  const all = (n: string) => times.get(n)!.do.map((x, i) => x + times.get(n)!.undo[i]);
  for (const n of names) {
    const t = times.get(n)!;
    console.log(`  ${n.padEnd(20)} do: median ${median(t.do).toFixed(2)} ms (10th pct ${percentile(t.do, 10).toFixed(2)}); undo: median ${median(t.undo).toFixed(2)} ms (10th pct ${percentile(t.undo, 10).toFixed(2)})`);
  }
  const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]));
  const th = times.get('this with the sets')!;
  const ot = times.get('other with the sets')!;
  console.log(`  this / other, with the sets: do ${ratio(th.do, ot.do).toFixed(3)}, undo ${ratio(th.undo, ot.undo).toFixed(3)}, both ${ratio(all('this with the sets'), all('other with the sets')).toFixed(3)} (medians of ratios); 10th percentiles of both ${(percentile(all('this with the sets'), 10) / percentile(all('other with the sets'), 10)).toFixed(3)}`);
  if (off) {
    for (const [name] of builds) {
      console.log(`  ${name}: the sets add ${((ratio(all(`${name} with the sets`), all(`${name} without`)) - 1) * 100).toFixed(0)} % (median of ratios, do + undo)`);
    }
  }
}
