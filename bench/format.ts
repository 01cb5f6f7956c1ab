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
import { time } from './timing';

const ms = (x: number) => `${x.toFixed(1)} ms`;
for (const n of [1000, 10000]) {
  const g = generate(n);
  const a = analyze(g.text);
  const formatted = analyze(applyEdits(g.text, formatDocument(a).edits));
  const all = time(() => formatDocument(a), 11, 0);
  const none = time(() => formatDocument(formatted), 11, 0);
  const an = time(() => analyze(g.text), 5, 0);
  console.log(`${n} rows: every row changes ${ms(all)}; already formatted ${ms(none)}; (analysis of the same text ${ms(an)})`);
}
for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.budget'))) {
  const a = analyze(readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  console.log(`${f}: ${ms(time(() => formatDocument(a), 21, 0))}`);
}
