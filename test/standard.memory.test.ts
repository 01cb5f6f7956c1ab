/**
 * What the standard sets keep for the process (templates of table shapes, the appliers' shared lists) must not keep a
 * document alive: a language server opens and closes documents for hours, and the CLI's worker checks thousands in a
 * bounded heap. Each seed is analysed, every reference to the analysis dropped, and its tables' parts must then be
 * collectable.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../server/src/analysis';
import { ROOT } from './support/lsp';

/** The engine's collector, made callable in this process (mocha runs without `--expose-gc`). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('standard sets: nothing kept for the process holds a document analysed', () => {
  it('every part of every seed is collectable once its analysis is dropped', async () => {
    const gc = collector();
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget'));
    assert.ok(seeds.length >= 5);
    for (const f of seeds) {
      const text = readFileSync(join(ROOT, 'seeds', f), 'utf8');
      // In a function of its own: no local of this one holds the analysis.
      const refs = ((): WeakRef<object>[] => {
        const a = analyze(text);
        assert.ok(a.document.tables.some((t) => a.standard.applied(t).length), `${f}: no identity applied`);
        return a.document.tables.flatMap((t) => t.parts.map((p) => new WeakRef(p)));
      })();
      for (let i = 0; i < 3; i++) { await tick(); gc(); }
      const alive = refs.filter((r) => r.deref() !== undefined).length;
      assert.equal(alive, 0, `${f}: ${alive} of ${refs.length} parts still held`);
    }
  });
});
