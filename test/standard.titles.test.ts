/**
 * The title of an identity's relations is made once per identity and language (standard/apply.ts `titleOf`), not per
 * table it is bound for: each analysis titles them in its own language, whichever language bound the identity before.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../server/src/analysis';
import { ROOT } from './support/lsp';

/** The titles of the relations of every identity applied, in table order. */
function titles(a: Analysis): string[] {
  const out: string[] = [];
  for (const t of a.document.tables) for (const x of a.standard?.applied(t) ?? []) for (const r of x.relations) out.push(r.title);
  return out;
}

describe('standard sets: the titles of an identity’s relations', () => {
  it('are in the language of the analysis, in turn: Chinese, English, Chinese', () => {
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    // Bound, not taken from templates or recalled: every identity's relations titled by binding it.
    const bound = { standard: { byShape: false, recall: false } } as const;
    for (const locale of ['zh', 'en', 'zh'] as const) {
      const all = titles(analyze(seed, { ...bound, locale }));
      assert.ok(all.length > 20, `${all.length} relations`);
      const wrong = all.filter((t) => (locale === 'zh' ? !t.startsWith('标准表「') : !t.startsWith('standard table “')));
      assert.deepEqual(wrong.slice(0, 3), [], locale);
    }
  });
});
