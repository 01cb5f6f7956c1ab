/**
 * The row labels' one item number (model/classify.ts `withoutItemNumber`, `hasItemNumber`) where other modules read
 * it: the narrative's row keys (claims/link.ts `labelKey`), the import's rows (interchange/import.ts); and the
 * glossary's enumerator (model/glossaryLine.ts) where completion reads where a term begins.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { complete } from '../server/src/completion';
import { importText } from '../server/src/interchange/import';
import { Catalog } from '../server/src/knowledge/catalog';
import { shippedKnowledge } from '../server/src/knowledge/load';
import { WorkspaceIndex } from '../server/src/knowledge/workspace';
import { glossaryLineOf } from '../server/src/model/glossaryLine';
import { ROOT } from './support/lsp';

describe('item numbers where other modules read them', () => {
  it('the narrative finds a row numbered `廿一、` (the 类 past the 20th, as the corpus prints them) by its name', () => {
    const doc = (label: string) => `# 某市某局 2024 年度部门决算
部门：某市某局
年度：2024
类型：决算
金额单位：元

## 表 公开01表 收入支出决算总表
### 支出
列：项目 | 行次 | 金额
一般公共服务支出 | 32 | 4,500,000.00
${label} | 53 | 100,000.00
本年支出合计 | 58 | 4,600,000.00

## 情况说明
2024年度灾害防治及应急管理支出12.00万元。
`;
    const narrative = (label: string) => analyze(doc(label)).findings.filter((f) => f.rule === 'narrative' && f.severity === 'error').map((f) => f.message);
    for (const label of ['二十一、灾害防治及应急管理支出', '廿一、灾害防治及应急管理支出', '（二十一）灾害防治及应急管理支出']) {
      const said = narrative(label);
      assert.equal(said.length, 1, `${label}: ${said.join('\n')}`);
      assert.match(said[0], /“灾害防治及应急管理支出”为 12\.00.*为 100,000\.00 元（合 10\.00 万元）.*相差 2\.00 万元/);
    }
  });

  it('the import starts a row at a label-only line numbered as a row label is, blanks inside the number too', () => {
    // The 公开04表 of 硚口区 2023 (test/fixtures/import), its line broken over a page (`气象等支出`) given a number.
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'qiaokou-2023-公开04表.txt'), 'utf8');
    const rowsOf = (t: string) => {
      const r = importText(t);
      assert.ok(r.ok);
      return r.text.split('\n').filter((l) => l.includes('气象等支出') && !l.startsWith('//'));
    };
    // Unnumbered, it ends the name above (`十八、自然资源海洋 / 气象等支出`).
    assert.deepEqual(rowsOf(text), ['十八、自然资源海洋气象等支出 | 50 |  |  | 0 | 0']);
    for (const number of ['（1）', '（ 1 ）', '1.', '4. 2020年']) {
      const rows = rowsOf(text.replace('\t\t\t气象等支出\t', `\t\t\t${number}气象等支出\t`));
      assert.equal(rows.length, 1, rows.join('\n'));
      assert.ok(rows[0].startsWith(`${number}气象等支出 |`), `${number}: ${rows[0]}`);
    }
  });

  it('completion replaces a glossary term after its enumerator, where the glossary reads the term', () => {
    const shipped = shippedKnowledge();
    const knowledge = { catalog: new Catalog(shipped.records), workspace: new WorkspaceIndex(), glossary: shipped.glossary, columns: shipped.columns };
    for (const enumerator of ['', '一、', '（一） ', '(3)', '12.', '  2、 ']) {
      const text = `# 某部门\n年度：2023\n\n## 名词解释\n${enumerator}三公`;
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text);
      const c = complete({ analysis: analyzer.analysis(), lines: analyzer.positions(), offset: text.length, uri: 'file:///x.budget', locale: 'zh', knowledge });
      const entry = c?.entries.find((e) => e.label.includes('三公'));
      assert.ok(entry?.edit, `${enumerator}: ${c?.entries.map((e) => e.label).join(', ')}`);
      const line = text.slice(text.lastIndexOf('\n') + 1);
      const accepted = line.slice(0, entry.edit.span.start - (text.length - line.length)) + entry.edit.text;
      assert.equal(accepted.slice(0, -entry.edit.text.length), enumerator, 'the enumerator kept as typed');
      assert.equal(glossaryLineOf(accepted)?.term, entry.label, 'the glossary reads the term completed');
    }
  });
});
