/**
 * `npm run bench:standard`: what the standard table sets add to an analysis (target: a full pass within 10 % of one
 * without them), as ratios within one run (the machine is shared and noisy): complete generated documents of growing
 * size in the three layouts (bench/standardDocs.ts), the seeds and the corpus — each fresh pass three times: its
 * tables' shapes met for the first time in the process (the templates of standard/shapes.ts forgotten before each
 * pass), met before (the templates alone), and the same tables read afresh before (recalled: standard/recall.ts) —,
 * and a keystroke in a large document (incremental analysis: a section's own identities are kept with
 * it, the ones between tables are applied again).
 * Each pair is measured alternately, so that both sides see the same load. Printed and written to
 * bench/results/standard.md, never asserted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer, type AnalysisOptions } from '../server/src/analysis';
import { ROOT } from '../test/support/lsp';
import { generate } from './generate';
import { paired } from './timing';
import { pairedStages, type Stages } from './profile';
import { realDocuments } from '../test/support/documents';
import { generateBudget, generateFinal, generateJiangsu, keystrokeEdits } from './standardDocs';
import { forgetTemplates } from '../server/src/standard/shapes';

const OFF: AnalysisOptions = { standard: false };

/** `a` beside `b` (`paired`): their median times, and the median of the ratios a/b of each pair. */
function pair(a: () => void, b: () => void, reps: number): [number, number, number] {
  const p = paired(a, b, reps, 3);
  return [p.first, p.second, p.ratio];
}

const rows = (text: string) => text.split('\n').filter((l) => l.includes('|')).length;
const out: string[] = [
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average (1 min) at the start: ${loadavg()[0].toFixed(1)}`,
  '',
];
const print = (s: string) => { console.log(s); out.push(s); };
const added = (ratio: number) => `${((ratio - 1) * 100).toFixed(0)} %`;
const line = (what: string, [on, off, ratio]: [number, number, number]) =>
  print(`| ${what} | ${off.toFixed(1)} ms | ${on.toFixed(1)} ms | ${added(ratio)} |`);
type Paired = [number, number, number];
/**
 * A document's line: the pass with the sets when its shapes are met for the first time, when they were met before
 * (the templates alone), and when the same tables were read afresh before (recalled), each beside the pass without
 * them it was paired with.
 */
const three = (what: string, ...passes: [Paired, Paired, Paired]) =>
  print(`| ${what} | ${passes.map(([on, off, r]) => `${off.toFixed(1)} → ${on.toFixed(1)} ms | ${added(r)}`).join(' | ')} |`);
/** Tables met before, in other documents: the templates of their shapes alone, nothing recalled (standard/recall.ts). */
const TEMPLATES: AnalysisOptions = { standard: { recall: false } };

/** The fresh passes measured, for what the standard sets applied in them (printed after the first table). */
const applied: [string, string, [number, number, number]][] = [];
/** A fresh pass of a document whose tables' shapes no analysis met before: the templates forgotten first. */
const cold = (text: string) => { forgetTemplates(); analyze(text); };
print('A fresh full pass (a new analyzer over the whole text), without the standard sets and with them: the first time its');
print('tables’ shapes are met in the process (templates forgotten before each pass); when they were met before, in other');
print('documents (the templates of their shapes alone: at every edit, the tables it left as they were); and when the same');
print('tables were read afresh before (the document reopened: what the sets gave is recalled, standard/recall.ts).');
print('');
print('| document | shapes met for the first time: without → with the standard sets | added | shapes met before: without → with | added | the same tables read afresh before: without → with | added |');
print('|---|---|---|---|---|---|---|');
for (const [name, make] of [['部门决算 (湖北)', generateFinal], ['部门预算 (湖北)', generateBudget], ['部门预算 (江苏)', generateJiangsu]] as const) {
  for (const [kuan, xiang] of [[2, 5], [10, 20], [20, 60]]) {
    const text = make({ kuanPerLei: kuan, xiangPerKuan: xiang });
    // Small documents take a few milliseconds: more pairs, for a steadier median on a shared machine (a large one is
    // measured 21 times: its garbage collections land on either side of a pair).
    const reps = kuan > 10 ? 21 : kuan > 2 ? 31 : 61;
    const first = pair(() => cold(text), () => analyze(text, OFF), reps);
    const met = pair(() => analyze(text, TEMPLATES), () => analyze(text, OFF), reps);
    const again = pair(() => analyze(text), () => analyze(text, OFF), reps);
    three(`${name}, ${rows(text)} rows`, first, met, again);
    applied.push([`${name}, ${rows(text)} rows`, text, first]);
  }
}
const real = realDocuments().map(([, text]) => text);
three(`the seeds and the corpus (${real.length} documents, one after the other)`, pair(() => { forgetTemplates(); real.forEach((t) => analyze(t)); }, () => real.forEach((t) => analyze(t, OFF)), 31),
  pair(() => real.forEach((t) => analyze(t, TEMPLATES)), () => real.forEach((t) => analyze(t, OFF)), 31),
  pair(() => real.forEach((t) => analyze(t)), () => real.forEach((t) => analyze(t, OFF)), 31));
// The documents of bench/run.ts: 支出表 of the catalog's codes, not standard tables (their titles are numbered 1, 2, …).
const perf = generate(10000).text;
three('bench/run.ts’s document of 10k rows (no standard table in it)', pair(() => cold(perf), () => analyze(perf, OFF), 15), pair(() => analyze(perf, TEMPLATES), () => analyze(perf, OFF), 15),
  pair(() => analyze(perf), () => analyze(perf, OFF), 15));
print('');
print('| keystroke | without standard sets | with them | added |');
print('|---|---|---|---|');

// Keystrokes in large documents (incremental analysis), each done and taken back: a digit typed into a figure of the
// 支出决算表 (only figures change: every identity is kept, none bound again), a comment line added to it (the table's
// section is read again: its identities, and those between it and other tables, are applied again) and a data row
// typed into it (its shape new at each key); the same in the
// 湖北 部门预算's 支出总表, whose document's 3,000 project forms each carry identities between tables.
function keystrokes(what: string, big: string, heading: string): void {
  for (const [kind, edited] of keystrokeEdits(big, heading)) {
    const on = new DocumentAnalyzer();
    const off = new DocumentAnalyzer(OFF);
    on.analyze(big);
    off.analyze(big);
    let i = 0;
    const edit = (an: DocumentAnalyzer, k: number) => an.analyze(k % 2 ? big : edited(k));
    line(`${what} of ${rows(big)} rows: ${kind} (incremental)`, pair(() => edit(on, i), () => edit(off, i++), 41));
  }
}
keystrokes('a keystroke in the 部门决算', generateFinal({ kuanPerLei: 20, xiangPerKuan: 60 }), '## 表 公开03表');
keystrokes('a keystroke in the 部门预算 (湖北)', generateBudget({ kuanPerLei: 20, xiangPerKuan: 60 }), '## 表 附表4-3');

// What the time added went to: how many identities were applied, how many relations they added, and the time added per
// identity applied (the cost that does not shrink with the document).
print('');
print('| document | identities applied | relations without / with the standard sets | time added per identity applied (shapes met for the first time) |');
print('|---|---|---|---|');
for (const [what, text, [on, off]] of applied) {
  const a = analyze(text);
  const n = a.document.tables.reduce((k, t) => k + a.standard.applied(t).length, 0);
  print(`| ${what} | ${n} | ${analyze(text, OFF).relations.length} / ${a.relations.length} | ${((on - off) / n * 1000).toFixed(0)} µs |`);
}

// What the templates of table shapes bring (standard/shapes.ts): the 部门预算 of 3,000 project forms with every identity
// bound to every table, and with templates — made in this pass (its forms share a few shapes), and met before.
{
  const text = generateBudget({ kuanPerLei: 20, xiangPerKuan: 60 });
  const forms = (text.match(/^## 项目申报表/gm) ?? []).length;
  const bound = () => analyze(text, { standard: { byShape: false } });
  const [first, b1, r1] = pair(() => cold(text), bound, 9);
  const [again, b2, r2] = pair(() => analyze(text, TEMPLATES), bound, 9);
  print('');
  print('| document | every identity bound → templates, shapes met for the first time | change | every identity bound → templates, shapes met before | change |');
  print('|---|---|---|---|---|');
  print(`| 部门预算 (湖北), ${rows(text)} rows, ${forms} project forms | ${b1.toFixed(1)} → ${first.toFixed(1)} ms | ${added(r1)} | ${b2.toFixed(1)} → ${again.toFixed(1)} ms | ${added(r2)} |`);
}

// What the recall keeps alive (standard/recall.ts): the heap after an analysis is dropped, with the recall and without
// it (the templates kept either way), for a seed and the largest 部门预算. Needs `node --expose-gc`.
{
  const gc = (globalThis as { gc?: () => void }).gc;
  print('');
  if (!gc) print('What the recall keeps alive: not measured (run with `node --expose-gc`, as `npm run bench:standard` does).');
  else {
    print('| document | heap after its analysis is dropped: without the recall → with it | kept by the recall |');
    print('|---|---|---|');
    const heapAfter = (text: string, options?: AnalysisOptions) => {
      forgetTemplates();
      analyze(text, options);
      gc();
      gc();
      return process.memoryUsage().heapUsed / 1e6;
    };
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const big = generateBudget({ kuanPerLei: 20, xiangPerKuan: 60 });
    for (const [what, text] of [['the seed xinzhou-2023-budget', seed], [`部门预算 (湖北), ${rows(big)} rows`, big]] as const) {
      const without = heapAfter(text, TEMPLATES);
      const withIt = heapAfter(text);
      print(`| ${what} | ${without.toFixed(1)} → ${withIt.toFixed(1)} MB | ${(withIt - without).toFixed(1)} MB |`);
    }
    forgetTemplates();
  }
}

// Where the time the sets add goes, by stage, for the seeds and the corpus (bench/profile.ts: sampled, each pass with
// the sets beside one without them; the profiler's own cost is in every figure, the shares are what to read).
async function whereItGoes(): Promise<void> {
  const STAGES = [
    'sectionStandard', 'standard/library:recognise', 'documentStandard', 'bindAndExpand', 'standard/shapes:apply', 'standard/shapes:key',
    'sectionAlike', 'carried', 'completenessFindings', 'localise', 'standard/apply:quantity', 'claimChecks',
  ] as const;
  type Stage = (typeof STAGES)[number];
  const modes: [string, () => void][] = [
    ['shapes met for the first time', () => { forgetTemplates(); real.forEach((t) => analyze(t)); }],
    ['shapes met before', () => real.forEach((t) => analyze(t, TEMPLATES))],
    ['the same tables read afresh before', () => real.forEach((t) => analyze(t))],
  ];
  const measured: { on: Stages; off: Stages }[] = [];
  for (const [, run] of modes) {
    const [on, off] = await pairedStages(run, () => real.forEach((t) => analyze(t, OFF)), STAGES, 40);
    measured.push({ on, off });
  }
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} ms`);
  // Each stage against the pass without the sets (the target's denominator; steadier than what the sets add, a
  // difference of two sampled totals).
  const of = (x: number | undefined, pass: number) => (x === undefined ? '—' : `${ms(x)} (${((x / pass) * 100).toFixed(1)} %)`);
  const get = (s: Stages, ...names: Stage[]) => {
    const xs = names.map((n) => s.byName.get(n));
    return xs.every((x) => x === undefined) ? undefined : xs.reduce<number>((k, x) => k + (x ?? 0), 0);
  };
  print('');
  print(`Where the time the sets add goes: the seeds and the corpus (${real.length} documents), per pass of them all, sampled by V8's profiler beside a pass without the sets (its own cost is in every figure), each stage also as a share of the pass without the sets (— : not called).`);
  print('');
  print(`| stage | ${modes.map(([m]) => m).join(' | ')} |`);
  print(`|---|${modes.map(() => '---|').join('')}`);
  const row = (what: string, f: (m: { on: Stages; off: Stages }, added: number) => string) =>
    print(`| ${what} | ${measured.map((m) => f(m, m.off.total)).join(' | ')} |`);
  const localised = (m: { on: Stages; off: Stages }) => (get(m.on, 'localise') ?? 0) - (get(m.off, 'localise') ?? 0);
  row('the pass without the sets → with them', (m) => `${ms(m.off.total)} → ${ms(m.on.total)}`);
  row('added by the sets (% of the pass without them)', (m, pass) => of(m.on.total - m.off.total, pass));
  row('recognising the tables and applying identities within sections (`sectionStandard`)', (m, pass) => of(get(m.on, 'sectionStandard'), pass));
  row('… of it, recognising the tables (standard/library.ts)', (m, pass) => of(get(m.on, 'standard/library:recognise'), pass));
  row('applying identities between tables (`documentStandard`)', (m, pass) => of(get(m.on, 'documentStandard'), pass));
  row('… of those two, binding and expanding identities (`bindAndExpand`)', (m, pass) => of(get(m.on, 'bindAndExpand'), pass));
  row('… of those two, the templates of table shapes (shapes.ts `apply`, `key`)', (m, pass) => of(get(m.on, 'standard/shapes:apply', 'standard/shapes:key'), pass));
  row('… of those two, the recall (`sectionAlike`, `carried`)', (m, pass) => of(get(m.on, 'sectionAlike', 'carried'), pass));
  row('completeness and order (`completenessFindings`)', (m, pass) => of(get(m.on, 'completenessFindings'), pass));
  row('localising the failed relations (`localise`, with − without)', (m, pass) => of(localised(m), pass));
  row('the named quantities the narrative reads (`StandardReport.quantity`)', (m, pass) => of(get(m.on, 'standard/apply:quantity'), pass));
  row('garbage collection (with − without)', (m, pass) => of(m.on.gc - m.off.gc, pass));
  row('the rest: judging the relations added, the report — and what sampling leaves unattributed (moves with the load; may be negative)', (m, pass) =>
    of(m.on.total - m.off.total - (get(m.on, 'sectionStandard', 'documentStandard', 'completenessFindings', 'standard/apply:quantity') ?? 0) - localised(m) - (m.on.gc - m.off.gc), pass));
  // What the ratio is of: the narrative's share of the pass without the sets (a faster narrative makes the same sets a
  // larger share of it).
  row('for scale: the narrative\'s claims in the pass without the sets (`claimChecks`)', (m, pass) => of(get(m.off, 'claimChecks'), pass));
  // A stage no mode called was renamed or removed: say so loudly, the table would lie.
  const lost = STAGES.filter((n) => measured.every((m) => m.on.byName.get(n) === undefined));
  if (lost.length) print(`**Stages never met: ${lost.join(', ')} — renamed? Mend bench/standard.ts.**`);
}

void whereItGoes().then(() => {
  out.push('', `Load average (1 min) at the end: ${loadavg()[0].toFixed(1)}.`);
  writeFileSync(join(ROOT, 'bench', 'results', 'standard.md'), `${out.join('\n')}\n`);
});
