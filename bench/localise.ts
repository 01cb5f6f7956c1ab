/**
 * Error localisation (server/src/checks/localise.ts), one build against another: the same answers, and the time.
 *
 * - `node out/bench/localise.js dump [OUT_DIR] [copies] > file`: every finding (message, related notes, fixes) of
 *   every document below, standard sets on and off, fresh and through edits (with the number of groups searched), by
 *   the build compiled in OUT_DIR (default: this one's `out/`); compare two builds' files byte for byte. `copies`: how
 *   many copies with figures changed of each seed and corpus document (1 by default).
 * - `node out/bench/localise.js time OLD_OUT_DIR [reps] [name]`: each document's `analyze(text)` by this build and the
 *   one in OLD_OUT_DIR alternately, in one process (each build its own modules and caches): medians in µs, and the
 *   median ratio; `name`: only the documents whose name holds it.
 * - `… search OLD_OUT_DIR [reps] [name]`: the same for the search alone (`explain` of each document's failing
 *   relations, over the analysis's `relationsOf` asked once before, so its index is made; no cache).
 * - `… keystroke OLD_OUT_DIR [reps] [name]`: a figure at fault retyped and back through an analyzer of each build.
 *
 * The documents: the seeds, the corpus transcriptions (test/fixtures/corpus), each also with figures changed at random;
 * the bench's document full of findings (bench/generate.ts with mistakes, as bench/run.ts); the generated standard
 * documents (bench/standardDocs.ts) with figures changed at random — the standard identities join tables, so their
 * groups of failing relations take in many relations that hold.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type * as AnalysisModule from '../server/src/analysis';
import type { AnalysisOptions } from '../server/src/analysis';
import type * as CulpritsModule from '../server/src/claims/culprits';
import type * as EvaluateModule from '../server/src/checks/evaluate';
import type * as LocaliseModule from '../server/src/checks/localise';
import type * as MessagesModule from '../server/src/i18n/messages';
import type { Relation } from '../server/src/rules/relation';
import type { Finding } from '../server/src/checks/finding';
import { realDocuments } from '../test/support/documents';
import { generate, rng } from './generate';
import { generateBudget, generateFinal, generateJiangsu } from './standardDocs';
import { moduleOf } from './builds';
import { paired } from './timing';

interface Build {
  analysis: typeof AnalysisModule;
  localise: typeof LocaliseModule;
  evaluate: typeof EvaluateModule;
  messages: typeof MessagesModule;
  culprits: typeof CulpritsModule;
}

/** The analysis and localisation modules of the build compiled into `out` (its own module instances). */
function load(out: string): Build {
  return {
    analysis: moduleOf<typeof AnalysisModule>(out, 'server', 'src', 'analysis.js'),
    localise: moduleOf<typeof LocaliseModule>(out, 'server', 'src', 'checks', 'localise.js'),
    evaluate: moduleOf<typeof EvaluateModule>(out, 'server', 'src', 'checks', 'evaluate.js'),
    messages: moduleOf<typeof MessagesModule>(out, 'server', 'src', 'i18n', 'messages.js'),
    culprits: moduleOf<typeof CulpritsModule>(out, 'server', 'src', 'claims', 'culprits.js'),
  };
}

/** `text` with about `count` of its figures (`1,234.56`, in table rows) changed by a cent or by a hundred, at random. */
function mistaken(text: string, count: number, seed: number): string {
  const r = rng(seed);
  const figures: { at: number; text: string }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.includes('|')) for (const m of line.matchAll(/(?<![\d,])\d[\d,]*\.\d{2}\b/g)) figures.push({ at: offset + m.index, text: m[0] });
    offset += line.length + 1;
  }
  const chosen = new Set<number>();
  for (let i = 0; i < count && figures.length; i++) chosen.add(Math.floor(r() * figures.length));
  let out = text;
  for (const i of [...chosen].sort((a, b) => b - a)) {
    const f = figures[i];
    const cents = Math.round(Number(f.text.replace(/,/g, '')) * 100) + (r() < 0.5 ? 1 : 10000);
    out = out.slice(0, f.at) + (cents / 100).toFixed(2) + out.slice(f.at + f.text.length);
  }
  return out;
}

/** The documents compared; `copies`: how many copies with figures changed at random of each seed and corpus document. */
export function documents(copies = 1): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let seed = 1;
  for (const [f, text] of realDocuments()) {
    out.push({ name: f, text });
    for (let i = 0; i < copies; i++) out.push({ name: `${f} mistaken${i ? ` ${i + 1}` : ''}`, text: mistaken(text, 6 + 4 * i, seed++) });
  }
  out.push({ name: 'generate 10k, mistakes 0.12 (bench/run.ts)', text: generate(10000, 3, 120, { mistakes: 0.12 }).text });
  out.push({ name: 'generate 2k, mistakes 0.3', text: generate(2000, 5, 120, { mistakes: 0.3 }).text });
  const makers: [string, typeof generateFinal][] = [['final', generateFinal], ['budget', generateBudget], ['jiangsu', generateJiangsu]];
  for (const [name, make] of makers) {
    out.push({ name: `${name} small mistaken`, text: mistaken(make(), 8, seed++) });
    out.push({ name: `${name} 3×4 mistaken`, text: mistaken(make({ kuanPerLei: 3, xiangPerKuan: 4, seed: 2 }), 30, seed++) });
    out.push({ name: `${name} ownIncome mistaken`, text: mistaken(make({ ownIncome: true, seed: 3 }), 10, seed++) });
  }
  return out;
}

const sp = (s: { start: number; end: number }) => `${s.start}-${s.end}`;

function lines(findings: Finding[]): string[] {
  return findings.map((f) => [
    `${f.rule} ${f.severity} ${sp(f.span)}${f.roundingTail ? ' tail' : ''} ${f.message}`,
    ...f.related.map((r) => `  related ${sp(r.span)} ${r.message}`),
    ...(f.fixes ?? []).map((x) => `  fix ${sp(x.span)} ${x.text} ${x.title ?? ''}`),
    ...(f.expected !== undefined ? [`  expected ${f.expected}`] : []),
    ...(f.acknowledged ? [`  acknowledged ${sp(f.acknowledged.span)} ${f.acknowledged.reason}`] : []),
  ].join('\n'));
}

/** Every finding of each document, fresh and through edits of failing figures and back, with the groups searched. */
function dump(b: Build, copies: number): void {
  for (const { name, text } of documents(copies)) {
    for (const options of [{}, { standard: false as const }]) {
      const head = `## ${name} ${options.standard === false ? 'standard off' : 'standard on'}`;
      const searched = () => b.localise.searches.count;
      let n = searched();
      const fresh = b.analysis.analyze(text, options);
      const out = [head, `fresh searched ${searched() - n}`, ...lines(fresh.findings)];
      // Through an analyzer: the text, then a failing figure retyped (a few, one after the other, from the last), then the
      // text again.
      const analyzer = new b.analysis.DocumentAnalyzer(options);
      analyzer.analyze(text);
      const fixes = fresh.findings.flatMap((f) => (f.severity === 'error' && f.fixes?.length ? [f.fixes[0]] : []));
      const edits = [...new Map(fixes.map((x) => [x.span.start, x])).values()].slice(0, 3).sort((x, y) => y.span.start - x.span.start);
      let now = text;
      for (const fix of edits) {
        now = now.slice(0, fix.span.start) + fix.text + now.slice(fix.span.end);
        n = searched();
        const a = analyzer.analyze(now);
        out.push(`edit ${sp(fix.span)} ${fix.text} searched ${searched() - n}`, ...lines(a.findings));
      }
      n = searched();
      const back = analyzer.analyze(text);
      out.push(`back searched ${searched() - n}`, ...lines(back.findings));
      const all = out.join('\n');
      console.log(all);
      console.error(`${head}: ${fresh.findings.length} findings, ${createHash('sha256').update(all).digest('hex').slice(0, 16)}`);
    }
  }
}

/**
 * `before` and `after` run alternately (`paired`, after two warm-up pairs: an even number, a keystroke's versions
 * alternate): their median times in µs, and the median of the ratios after/before of each pair.
 */
function alternately(before: () => void, after: () => void, reps: number): [number, number, number] {
  const p = paired(before, after, reps, 2);
  return [p.first * 1000, p.second * 1000, p.inverse];
}

/**
 * A document's search alone, by one build: `explain` of the relations whose findings are errors (not 尾差), over the
 * analysis's `relationsOf` (asked for every figure once before, so its index is made), with no cache.
 */
function searchOf(b: Build, text: string, options: AnalysisOptions): () => void {
  const a = b.analysis.analyze(text, options);
  const m = b.messages.messages();
  const failing: Relation[] = a.relations.filter((r) => b.evaluate.judge(r, m)?.severity === 'error');
  const src = { relationsOf: a.relationsOf, stamp: () => 0, current: () => true, spanningChanged: () => new Set<string>(), place: () => '' };
  const weight = b.culprits.culpritOptions(m).weight;
  // (A relation's figures read here, not through a build's helper: it moved from checks/localise to rules/relation.)
  const cells = (r: Relation) => [r.target, ...r.terms.map((t) => t.cell)];
  for (const r of failing) for (const c of cells(r)) for (const q of a.relationsOf(c)) for (const x of cells(q)) a.relationsOf(x);
  return () => b.localise.explain(failing, src, weight);
}

/** Each document's fresh analysis (or search alone) by both builds alternately: medians in µs, and the sums. */
function time(now: Build, old: Build, reps: number, searchAlone: boolean, name = ''): void {
  const docs = documents().filter((d) => d.name.includes(name));
  let sumOld = 0;
  let sumNew = 0;
  console.log('| document | standard | before µs | after µs | after/before |');
  console.log('|---|---|---|---|---|');
  for (const { name, text } of docs) {
    for (const options of [{}, { standard: false as const }]) {
      const big = text.length > 200000 && !searchAlone;
      const n = big ? Math.max(3, Math.floor(reps / 8)) : reps;
      const before = searchAlone ? searchOf(old, text, options) : () => old.analysis.analyze(text, options);
      const after = searchAlone ? searchOf(now, text, options) : () => now.analysis.analyze(text, options);
      const [ma, mb, ratio] = alternately(before, after, n);
      sumOld += ma;
      sumNew += mb;
      console.log(`| ${name} | ${options.standard === false ? 'off' : 'on'} | ${ma.toFixed(0)} | ${mb.toFixed(0)} | ${ratio.toFixed(3)} |`);
    }
  }
  console.log(`| sum of medians | | ${sumOld.toFixed(0)} | ${sumNew.toFixed(0)} | ${(sumNew / sumOld).toFixed(3)} |`);
}

/**
 * A figure at fault retyped and back, again and again, in each document with findings, through an analyzer of each build
 * alternately (the edits of a user mending a culprit: its group is searched again, the others taken from the cache):
 * medians in µs per edit.
 */
function keystrokes(now: Build, old: Build, reps: number, name = ''): void {
  console.log('| document | standard | before µs | after µs | after/before |');
  console.log('|---|---|---|---|---|');
  for (const { name: doc, text } of documents().filter((d) => d.name.includes(name))) {
    const fix = now.analysis.analyze(text).findings.find((f) => f.severity === 'error' && f.fixes?.length)?.fixes?.[0];
    if (!fix) continue;
    const mended = text.slice(0, fix.span.start) + fix.text + text.slice(fix.span.end);
    for (const options of [{}, { standard: false as const }]) {
      const [was, is] = [new old.analysis.DocumentAnalyzer(options), new now.analysis.DocumentAnalyzer(options)];
      was.analyze(text);
      is.analyze(text);
      // Both analyzers take the same version in a pair: the mended text, then the text again, …
      let edits = 0;
      const [a, b, ratio] = alternately(() => was.analyze(edits % 2 ? text : mended), () => is.analyze(edits++ % 2 ? text : mended), reps);
      console.log(`| ${doc} | ${options.standard === false ? 'off' : 'on'} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${ratio.toFixed(3)} |`);
    }
  }
}

function main(): void {
  const [mode, dir, reps, name] = process.argv.slice(2);
  const here = join(__dirname, '..');
  if (mode === 'dump') dump(load(dir || here), Number(reps ?? 1));
  else if ((mode === 'time' || mode === 'search') && dir) time(load(here), load(dir), Number(reps ?? 20), mode === 'search', name);
  else if (mode === 'keystroke' && dir) keystrokes(load(here), load(dir), Number(reps ?? 20), name);
  else {
    console.error('usage: node out/bench/localise.js dump [OUT_DIR] [copies] | time|search|keystroke OLD_OUT_DIR [reps] [name]');
    process.exitCode = 2;
  }
}

if (require.main === module) main();
