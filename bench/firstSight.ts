/**
 * A document's fresh pass, this build beside another (`npx tsc -p .` in a worktree of the other commit): each build's
 * pass with the standard sets — its tables' shapes met for the first time (`first`: the templates forgotten before each
 * pass, as bench/standard.ts `cold`), met before in other documents (`met`: the templates alone), or the document read
 * afresh before (`again`: what the sets gave recalled) — beside its pass without them, the four run in turn (the
 * order reversed every other round, so that each sees the same load), in one process. Prints the medians, the 10th
 * percentiles (on a loaded machine the least disturbed runs) and the medians of the ratios of each round.
 *
 *   node out/bench/firstSight.js OTHER_ROOT [real|final|jiangsu|budget] [rounds] [first|met|again]
 *
 * real: the seeds and the corpus one after the other; final: the 24k-row generated 部门决算; jiangsu: the 12k-row
 * generated 江苏 部门预算; budget: the generated 湖北 部门预算 of 3,000 project forms.
 */
import { join, resolve } from 'node:path';
import { realDocuments } from '../test/support/documents';
import { moduleOf } from './builds';
import { generateBudget, generateFinal, generateJiangsu } from './standardDocs';
import { inTurn, median, percentile } from './timing';

interface Build {
  analyze: (text: string, options?: { standard?: false | { recall?: boolean } }) => unknown;
  forgetTemplates: () => void;
}

function load(root: string): Build {
  const out = join(root, 'out');
  const { analyze } = moduleOf<Pick<Build, 'analyze'>>(out, 'server', 'src', 'analysis.js');
  const { forgetTemplates } = moduleOf<Pick<Build, 'forgetTemplates'>>(out, 'server', 'src', 'standard', 'shapes.js');
  return { analyze, forgetTemplates };
}

const ROOT = resolve(__dirname, '..', '..');
const [other, which = 'real', rounds = '31', mode = 'first'] = process.argv.slice(2);
if (!other || !['first', 'met', 'again'].includes(mode)) {
  throw new Error('usage: node out/bench/firstSight.js OTHER_ROOT [real|final|jiangsu|budget] [rounds] [first|met|again]');
}
const large = { kuanPerLei: 20, xiangPerKuan: 60 };
const docs = which === 'final' ? [generateFinal(large)]
  : which === 'jiangsu' ? [generateJiangsu(large)]
  : which === 'budget' ? [generateBudget(large)]
  : realDocuments().map(([, text]) => text);
const builds: [string, Build][] = [['other', load(resolve(other))], ['this', load(ROOT)]];
const runs = new Map<string, () => void>();
for (const [name, b] of builds) {
  const options = mode === 'met' ? { standard: { recall: false } } : {};
  runs.set(`${name} with the sets`, () => { if (mode === 'first') b.forgetTemplates(); for (const t of docs) b.analyze(t, options); });
  runs.set(`${name} without`, () => { for (const t of docs) b.analyze(t, { standard: false }); });
}
const names = [...runs.keys()];
const times = inTurn(runs, Number(rounds));
const t = (n: string) => times.get(n)!;
const ratios = (a: string, b: string) => median(t(a).map((x, i) => x / t(b)[i]));
const rows = docs.reduce((k, d) => k + d.split('\n').filter((l) => l.includes('|')).length, 0);
console.log(`${which} (${mode}): ${docs.length} document(s), ${rows} table rows, ${rounds} rounds`);
for (const n of names) console.log(`${n.padEnd(24)} median ${median(t(n)).toFixed(2)} ms, 10th percentile ${percentile(t(n), 10).toFixed(2)} ms`);
for (const [name] of builds) {
  const p = (percentile(t(`${name} with the sets`), 10) / percentile(t(`${name} without`), 10) - 1) * 100;
  console.log(`${name}: the sets add ${((ratios(`${name} with the sets`, `${name} without`) - 1) * 100).toFixed(0)} % (median of ratios), ${p.toFixed(0)} % (10th percentiles)`);
}
console.log(`this / other, with the sets: ${ratios('this with the sets', 'other with the sets').toFixed(3)} (median of ratios), ${(percentile(t('this with the sets'), 10) / percentile(t('other with the sets'), 10)).toFixed(3)} (10th percentiles)`);
