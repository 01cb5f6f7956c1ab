/** Completion in the core (server/src/completion): what is offered, read near the cursor. */
import { strict as assert } from 'node:assert';
import { DocumentAnalyzer } from '../server/src/analysis';
import { complete } from '../server/src/completion';
import { documentCatalog } from '../server/src/completion/documentCodes';
import { lineAt } from '../server/src/completion/cursor';
import { Catalog } from '../server/src/knowledge/catalog';
import { shippedKnowledge } from '../server/src/knowledge/load';
import { WorkspaceIndex } from '../server/src/knowledge/workspace';
import { generate } from '../bench/generate';

/** One table printing the 类/款/项 rows of a small document again and again, `n` rows (issue #15). */
function repeating(n: number): string {
  const one = generate(150).text;
  const start = one.indexOf('\n', one.indexOf('\n列：') + 1) + 1;
  const rows = one.slice(start, one.indexOf('\n注：', start)).split('\n').filter((l) => /^\d/.test(l));
  const out = [one.slice(0, start)];
  for (let i = 0; out.length <= n; i++) out.push(`${rows[i % rows.length]}\n`);
  return out.join('');
}

describe('completion (core)', () => {
  const shipped = shippedKnowledge();
  const knowledge = { catalog: new Catalog(shipped.records), workspace: new WorkspaceIndex(), glossary: shipped.glossary, columns: shipped.columns };

  it('in a table that repeats its codes, keeps each code and name once (one record per row made completion quadratic)', () => {
    const text = repeating(20000);
    const typedAt = text.indexOf('\n', text.length / 2) + 1;
    const withRow = `${text.slice(0, typedAt)}20103\n${text.slice(typedAt)}`;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(withRow);
    const a = analyzer.analysis();
    const line = lineAt(analyzer.positions(), typedAt + 5);
    const distinct = new Set([...withRow.matchAll(/^(\d{3,7}) \| ([^|]+?) \|/gm)].map((m) => `${m[1]} ${m[2]}`));
    assert.ok(distinct.size < 200, `${distinct.size} codes`);
    assert.equal(documentCatalog(a.document, line).recordCount, distinct.size);
    const c = complete({ analysis: a, lines: analyzer.positions(), offset: typedAt + 5, uri: 'file:///x.budget', locale: 'zh', knowledge });
    assert.ok(c && c.isIncomplete && c.entries.length > 0);
    assert.ok(c.entries.every((e) => e.label.startsWith('20103')), c.entries.map((e) => e.label).join(', '));
    // Each code offered once, with its origins joined.
    assert.equal(new Set(c.entries.map((e) => e.label)).size, c.entries.length);
  });

  it('leaves the row being typed out of the document’s own codes', () => {
    const text = '# 某部门\n年度：2023\n\n## 表 表1 支出表\n列：科目编码 | 科目名称 | 合计[1]\n201 | 一般公共服务支出 | 1.00\n2010399 | 自己的名称 | 1.00\n';
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text);
    const a = analyzer.analysis();
    const at = text.indexOf('2010399') + 7;
    const c = complete({ analysis: a, lines: analyzer.positions(), offset: at, uri: 'file:///x.budget', locale: 'zh', knowledge });
    assert.ok(c);
    assert.ok(!c.entries.some((e) => e.label === '2010399 自己的名称'), 'its own code is not offered to itself');
  });
});
