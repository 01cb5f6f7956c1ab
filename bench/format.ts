/**
 * `npm run bench:format`: the formatter's speed (median wall time), on generated documents of 1k and 10k rows
 * (every row misaligned, then already formatted) and on the seeds. Printed, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { applyEdits, formatDocument } from '../server/src/format/index';
import { ROOT } from '../test/support/lsp';
import { generate } from './generate';

function median(fn: () => void, reps: number): number {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(reps / 2)];
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
for (const n of [1000, 10000]) {
  const g = generate(n);
  const a = analyze(g.text);
  const formatted = analyze(applyEdits(g.text, formatDocument(a).edits));
  const all = median(() => formatDocument(a), 11);
  const none = median(() => formatDocument(formatted), 11);
  const an = median(() => analyze(g.text), 5);
  console.log(`${n} rows: every row changes ${ms(all)}; already formatted ${ms(none)}; (analysis of the same text ${ms(an)})`);
}
for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.budget'))) {
  const a = analyze(readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  console.log(`${f}: ${ms(median(() => formatDocument(a), 21))}`);
}
