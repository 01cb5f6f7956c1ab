/**
 * `holdsAsPrinted` (server/src/checks/evaluate.ts): `evaluate`'s verdict without its text, which error localisation asks
 * of every relation its search takes — the same verdict for every relation of the seeds and the corpus transcriptions,
 * as printed and with figures changed (sums, equalities, shares and changes; relations that are not judged).
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { evaluate, holdsAsPrinted } from '../server/src/checks/evaluate';
import { realDocuments } from './support/documents';

describe('a relation’s verdict alone', () => {
  it('is evaluate’s, for every relation of the seeds and the corpus, as printed and with figures changed', () => {
    const seen = new Map<string, number>();
    for (const [f, text] of realDocuments()) {
      // Every tenth figure with two decimals one cent up: relations that failed and relations that held change sides.
      let n = 0;
      const changed = text.replace(/(?<=\d\.\d)\d(?=\s*(?:\||$))/gm, (d) => (n++ % 10 === 0 ? String((Number(d) + 1) % 10) : d));
      for (const version of [text, changed]) {
        for (const r of analyze(version).relations) {
          const want = evaluate(r)?.holds;
          assert.equal(holdsAsPrinted(r), want, `${f}: ${r.kind} ${r.title}`);
          const key = `${r.kind} ${want}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
    }
    // Each kind of relation held, failed and was not judged.
    for (const kind of ['sum', 'same', 'ratio', 'change']) for (const v of [true, false, undefined]) assert.ok(seen.get(`${kind} ${v}`), `${kind} ${v}: ${JSON.stringify([...seen])}`);
  });
});
