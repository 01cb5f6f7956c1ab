/**
 * Passes over the 13 real documents (the seeds and the corpus), in one of the modes `npm run bench:standard` times,
 * for a count of instructions that the machine's load does not move:
 *
 *     valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded out/bench/passes.js MODE N
 *
 * MODE: `off` (without the standard sets), `first` (templates of table shapes forgotten before each pass), `met`
 * (shapes met before, no recall), `again` (read afresh before: recalled). Five passes warm up first. Run it with two
 * counts N (5 and 15): the difference of the two totals, over the difference of the counts, is one pass — start-up,
 * loading and warming cancel. docs/performance.md gives the session's figures.
 */
import { analyze } from '../server/src/analysis';
import { forgetTemplates } from '../server/src/standard/shapes';
import { realDocuments } from '../test/support/documents';

const MODES = ['off', 'first', 'met', 'again'] as const;
type Mode = (typeof MODES)[number];

function pass(texts: readonly string[], mode: Mode): void {
  if (mode === 'first') forgetTemplates();
  for (const t of texts) {
    if (mode === 'off') analyze(t, { standard: false });
    else if (mode === 'met') analyze(t, { standard: { recall: false } });
    else analyze(t);
  }
}

function main(): void {
  const mode = process.argv[2] as Mode;
  const n = Number(process.argv[3] ?? 10);
  if (!MODES.includes(mode) || !Number.isInteger(n) || n < 1) {
    console.error(`usage: node out/bench/passes.js ${MODES.join('|')} N`);
    process.exit(2);
  }
  const texts = realDocuments().map(([, t]) => t);
  for (let i = 0; i < 5; i++) pass(texts, mode);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) pass(texts, mode);
  console.log(`${mode}: ${n} passes, ${(Number(process.hrtime.bigint() - start) / 1e6 / n).toFixed(2)} ms a pass`);
}

main();
