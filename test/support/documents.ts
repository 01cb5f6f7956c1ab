/** Documents of every kind the tests read whole: real ones and generated ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget, generateFinal, generateJiangsu } from '../../bench/standardDocs';
import { ROOT } from './lsp';

/** The seeds, then the corpus transcriptions (test/fixtures/corpus), each as [file name, text], in name order. */
export function realDocuments(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of [join(ROOT, 'seeds'), join(ROOT, 'test', 'fixtures', 'corpus')]) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.budget')).sort()) out.push([f, readFileSync(join(dir, f), 'utf8')]);
  }
  return out;
}

/** The seeds, the corpus documents and small generated documents of each set, as [name, text]. */
export function realAndGenerated(): [string, string][] {
  return [
    ...realDocuments(),
    ['generateFinal', generateFinal({ kuanPerLei: 2, xiangPerKuan: 3 })],
    ['generateBudget', generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 })],
    ['generateJiangsu', generateJiangsu({ kuanPerLei: 2, xiangPerKuan: 3 })],
  ];
}
