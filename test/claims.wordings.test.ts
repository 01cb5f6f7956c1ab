import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import type { Relation } from '../server/src/rules/relation';
import { WORDINGS } from './fixtures/narrative/wordings/findings';

const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'narrative', 'wordings');
const read = (name: string) => readFileSync(join(DIR, `${name}.budget`), 'utf8');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const relation = (r: Relation) => `${r.title.replace(/^情况说明核对 /, '')}: ${r.target.text} = ${r.terms.map((t) => (t.sign < 0 ? '-' : '+') + t.cell.text).join(' ')}`;
const narrativeRelations = (text: string) => analyze(text, { locale: 'zh' }).relations.filter((r) => r.rule === 'narrative').map(relation);

describe('claims: narrative passages of other provinces (test/fixtures/narrative/wordings)', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.budget')).map((f) => f.replace(/\.budget$/, '')).sort();

  it('pins every fixture, each naming the page it is copied from', () => {
    assert.deepEqual(names, Object.keys(WORDINGS).sort());
    assert.ok(names.length >= 24);
    for (const n of names) assert.match(read(n).split('\n')[0], /^\/\/ https?:\/\/\S+$/, n);
  });

  for (const name of Object.keys(WORDINGS).sort()) {
    it(`${name}: the findings checked by hand`, () => {
      const text = read(name);
      const got = analyze(text, { locale: 'zh' }).findings.map((f) => `L${lineOf(text, f.span.start)} ${f.rule} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
      assert.deepEqual(got, WORDINGS[name]);
    });
  }

  it('ends a bracketed 其中 at its bracket (福州仓山, 杭州钱塘)', () => {
    assert.ok(!narrativeRelations(read('fujian-cangshan-2020-final')).some((r) => r.startsWith('总数 = 其中各项之和: 113566 =')));
    const qiantang = narrativeRelations(read('zhejiang-qiantang-approval-2021-final'));
    assert.ok(!qiantang.some((r) => r.startsWith('总数 = 其中各项之和: 4352.47 = +0 +0')), qiantang.join('\n'));
    assert.ok(qiantang.includes('总数 = 其中各项之和: 4352.47 = +2054.70 +2297.77 +0 +0 +0'));
  });

  it('does not sum a list that says the total’s own measure of each item (差值 … 差值)', () => {
    const got = narrativeRelations(read('hlx-2018-final'));
    assert.ok(!got.some((r) => r.startsWith('总数 = 其中各项之和: 0.9 =')), got.join('\n'));
    assert.ok(got.includes('总数 = 其中各项之和: 2.05 = +0 +0 +0 +2.05'));
  });

  it('does not take a share’s part as the total of its siblings below `其中:` (梧州 2025)', () => {
    const got = narrativeRelations(read('guangxi-wuzhou-2025-budget'));
    assert.ok(!got.some((r) => r.startsWith('总数 = 其中各项之和: 48100 =')), got.join('\n'));
    assert.ok(got.includes('总数 = 其中各项之和: 1085203.63 = +1037103.63 +48100'));
  });

  it('reads a line that starts with `其中` as the parts of the line before, and the parts’ changes (天山区)', () => {
    const got = narrativeRelations(read('xinjiang-tianshan-2019-final'));
    assert.deepEqual(got, ['总数 = 其中各项之和: 585.53 = +0 +585.53 +0.00', '总数的增减额 = 其中各项增减额之和: 144.92 = +0 +144.92 +0.11']);
  });

  it('sums the changes of parts that add up to their total, each against the same base (山东省本级)', () => {
    const got = narrativeRelations(read('shandong-province-2017-final'));
    assert.ok(got.includes('总数的增减额 = 其中各项增减额之和: 0.36 = +0.03 +0.11 +0.22'), got.join('\n'));
    // A part said 持平 states no change: the changes are not summed (绵竹).
    assert.ok(!narrativeRelations(read('sichuan-mianzhu-2025-budget')).some((r) => r.startsWith('总数的增减额')));
    // Opposite directions subtract.
    const mixed = '部门：某单位\n年度：2024\n类型：决算\n\n## 情况说明\n“三公”经费支出 10.00 万元，比上年减少 2.00 万元。其中：公务接待费 4.00 万元，比上年增加 1.00 万元；公务用车运行维护费 6.00 万元，比上年减少 3.00 万元。\n';
    assert.ok(narrativeRelations(mixed).includes('总数的增减额 = 其中各项增减额之和: 2.00 = -1.00 +3.00'));
    const wrong = mixed.replace('减少 3.00 万元', '减少 4.00 万元');
    assert.ok(analyze(wrong, { locale: 'zh' }).findings.some((f) => f.rule === 'narrative' && f.severity === 'error' && /增减额之和/.test(f.message)));
  });

  it('takes a reason after the `；` parts of a sentence as theirs (大邑, 绵竹)', () => {
    for (const name of ['sichuan-dayi-2020-final', 'sichuan-mianzhu-2025-budget']) {
      assert.deepEqual(analyze(read(name), { locale: 'zh' }).findings.filter((f) => f.rule === 'narrative-reason').map((f) => f.message), [], name);
    }
  });
});
