/** Documents of every kind the tests read whole: real ones and generated ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget, generateFinal, generateJiangsu } from '../../bench/standardDocs';
import { ROOT } from './lsp';

/** The seeds, the corpus documents and small generated documents of each set, as [name, text]. */
export function realAndGenerated(): [string, string][] {
  return [
    ...[
      ...readdirSync(join(ROOT, 'seeds')).map((f) => join(ROOT, 'seeds', f)),
      ...readdirSync(join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.budget')).map((f) => join(ROOT, 'test', 'fixtures', 'corpus', f)),
    ].map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
    ['generateFinal', generateFinal({ kuanPerLei: 2, xiangPerKuan: 3 })],
    ['generateBudget', generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 })],
    ['generateJiangsu', generateJiangsu({ kuanPerLei: 2, xiangPerKuan: 3 })],
  ];
}
