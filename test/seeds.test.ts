/**
 * The five seed documents: their transcription is spot-checked against the extracted text (test/fixtures/extracted,
 * copies of ../shared/seeds),
 * and the audit's error-level findings are pinned (see seeds.findings.ts, each entry checked by hand).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';
import { PINNED } from './seeds.findings';
import { checkSpots } from './support/spotcheck';

export const SEEDS: Record<string, string> = {
  'xinzhou-2023-budget': '000_c11ced0713adf71c.txt',
  'qiaokou-2023-final': '001_3d9117acb7238360.txt',
  'dongxihu-2020-budget': '002_a26962c5fc85fb3c.txt',
  'wuhan-info-center-2022-budget': '003_977aee08196e84ac.txt',
  'huangpi-2023-final': '004_3ec73e31864cf5c6.txt',
};
/** The extracted texts, kept in the repository (test/fixtures/extracted), and where they came from, when present. */
const EXTRACTED = join(ROOT, 'test', 'fixtures', 'extracted');
const SHARED = join(ROOT, '..', 'shared', 'seeds');

describe('seed documents', () => {
  for (const [name, source] of Object.entries(SEEDS)) {
    describe(name, () => {
      const file = join(ROOT, 'seeds', `${name}.budget`);
      const tsv = join(ROOT, 'test', 'fixtures', 'spotcheck', `${name}.tsv`);

      it('is transcribed and parses without syntax errors', () => {
        assert.ok(existsSync(file), `${file} is missing`);
        const a = analyze(readFileSync(file, 'utf8'));
        const syntax = a.findings.filter((f) => f.rule === 'syntax');
        const idx = new LineIndex(a.tree.text);
        assert.deepEqual(syntax.map((f) => `${idx.position(f.span.start).line + 1}: ${f.message}`), []);
        assert.ok(a.document.tables.length >= 1);
      });

      it('matches the extracted text in at least 50 spot-checked figures, every 合计 included', function () {
        const extractedText = readFileSync(join(EXTRACTED, source), 'utf8');
        if (existsSync(join(SHARED, source))) assert.equal(extractedText, readFileSync(join(SHARED, source), 'utf8'), `${source} differs from ../shared/seeds`);
        const a = analyze(readFileSync(file, 'utf8'));
        const rows = checkSpots(a.document, readFileSync(tsv, 'utf8'), extractedText);
        assert.ok(rows.length >= 50, `${rows.length} spot checks`);
        assert.ok(rows.some((l) => /合计|总计/.test(l[1])), 'the 合计 rows are spot-checked');
      });

      it('gives exactly the pinned error-level findings', () => {
        const text = readFileSync(file, 'utf8');
        const a = analyze(text);
        const idx = new LineIndex(text);
        const got = a.findings.filter((f) => f.severity === 'error').map((f) => `${idx.position(f.span.start).line + 1} ${f.rule} ${text.slice(f.span.start, f.span.end)}`);
        assert.deepEqual(got, PINNED[name] ?? []);
      });
    });
  }
});
