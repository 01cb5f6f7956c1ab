/**
 * What the standard sets keep for the process (templates of table shapes, the appliers' shared lists) must not keep a
 * document alive — except the recall (standard/recall.ts), which keeps what a document read afresh was given, bounded
 * in rows, until the templates are forgotten: a language server opens and closes documents for hours, and the CLI's
 * worker checks thousands in a bounded heap. Each seed is analysed, every reference to the analysis dropped, and its
 * tables' parts must then be collectable.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, type AnalysisOptions } from '../server/src/analysis';
import { forgetTemplates } from '../server/src/standard/shapes';
import { ROOT } from './support/lsp';

/** The engine's collector, made callable in this process (mocha runs without `--expose-gc`). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('standard sets: nothing kept for the process holds a document analysed', () => {
  /**
   * Analyses each seed, drops the analyses, and counts each one's tables' parts still held after `drop` and a
   * collection (one for all the seeds: a full collection of the test process's heap takes a while, more under load).
   */
  async function held(options: AnalysisOptions, drop: () => void = () => {}): Promise<string[]> {
    const gc = collector();
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget'));
    assert.ok(seeds.length >= 5);
    const refs = new Map<string, WeakRef<object>[]>();
    for (const f of seeds) {
      const text = readFileSync(join(ROOT, 'seeds', f), 'utf8');
      // In a function of its own: no local of this one holds the analysis.
      refs.set(f, ((): WeakRef<object>[] => {
        const a = analyze(text, options);
        assert.ok(a.document.tables.some((t) => a.standard.applied(t).length), `${f}: no identity applied`);
        return a.document.tables.flatMap((t) => t.parts.map((p) => new WeakRef(p)));
      })());
    }
    drop();
    for (let i = 0; i < 3; i++) { await tick(); gc(); }
    const out: string[] = [];
    for (const [f, rs] of refs) {
      const alive = rs.filter((r) => r.deref() !== undefined).length;
      if (alive) out.push(`${f}: ${alive} of ${rs.length} parts still held`);
    }
    return out;
  }

  it('every part of every seed is collectable once its analysis is dropped (templates of shapes, shared lists)', async () => {
    assert.deepEqual(await held({ standard: { recall: false } }), []);
  });

  it('the recall holds what it recalls (bounded, standard/recall.ts) until the templates are forgotten, then nothing', async () => {
    // What it keeps it keeps on purpose: a document of the same tables read afresh again is given it.
    forgetTemplates();
    assert.ok((await held({})).length >= 5, 'the recall keeps each seed it recorded');
    assert.deepEqual(await held({}, forgetTemplates), []);
  });
});
