/** The knowledge module: catalogs by year, lookups, search ranking, glossaries, code checks, and the loaders. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { analyze } from '../server/src/analysis';
import { Catalog, parseYears, type CatalogRecord } from '../server/src/knowledge/catalog';
import { codeCellsOf, partCodeKind, partCodes } from '../server/src/knowledge/codes';
import { entryForCode, termAt, termKey } from '../server/src/knowledge/glossary';
import { explainCode, pathOf } from '../server/src/knowledge/index';
import { dataFolderReader, loadCatalogCsv, loadCatalogFile, recordsFromRows, shippedCodeKnowledge, shippedKnowledge } from '../server/src/knowledge/load';
import { SHIPPED_RECORDS, shippedSources } from '../server/src/knowledge/shipped';
import { initialsOf } from '../server/src/knowledge/pinyin';
import { nearness, queryMode, searchCodes } from '../server/src/knowledge/search';
import { WorkspaceIndex } from '../server/src/knowledge/workspace';
import { md } from '../server/src/lsp/markdown';
import { buildDocument } from '../server/src/model/build';
import { parse } from '../server/src/syntax/parser';
import { ROOT } from './support/lsp';
import { qiaokou } from './support/qiaokou';

const cat = (file = 'functional-partial.csv') => ({ type: 'catalog' as const, file });
const rec = (code: string, name: string, years: number[], source: CatalogRecord['source'] = cat(), more: Partial<CatalogRecord> = {}): CatalogRecord =>
  ({ code, name, years, source, ...more });

const CODE_RULES = new Set(['code-unknown', 'code-name', 'code-kind']);
const doc = (body: string, year = 2023) => `# 测试 ${year} 年度部门决算\n部门：测试\n年度：${year}\n类型：决算\n金额单位：万元\n\n${body}`;

describe('knowledge: catalogs by fiscal year', () => {
  it('ships its catalog records as one JSON file that is what their sources say (run `npm run data:catalog` after a change)', () => {
    const read = dataFolderReader();
    assert.deepEqual(JSON.parse(read(SHIPPED_RECORDS) ?? 'null'), JSON.parse(JSON.stringify(shippedSources(read))));
  });

  it('reads every code of a part from its store as each row gives it', () => {
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
    let codes = 0;
    for (const text of seeds) {
      for (const t of analyze(text).document.tables) for (const p of t.parts) {
        const fromRows = p.rows.flatMap((r) => codeCellsOf(r).map((c) => ({ row: r.index, code: c.code, kind: c.kind, name: c.name, column: c.cell?.column, codeSpan: c.codeSpan, nameSpan: c.nameSpan })));
        const fromStore: unknown[] = [];
        for (const c of partCodes(p)) fromStore.push({ row: c.row, code: c.code, kind: c.kind, name: c.name, column: c.column, codeSpan: c.codeSpan, nameSpan: c.nameSpan });
        assert.deepEqual(JSON.parse(JSON.stringify(fromStore)), JSON.parse(JSON.stringify(fromRows)));
        codes += fromRows.length;
      }
    }
    assert.ok(codes > 200, `${codes} codes`);
  });

  const catalog = new Catalog([
    rec('208', '社会保障和就业支出', [2017, 2018, 2023]),
    rec('20805', '行政事业单位养老支出', [2023, 2024, 2025], cat(), { variants: [{ name: '行政事业单位离退休', years: [2017, 2018, 2019] }, { name: '行政事业单位养老支', years: [2024] }] }),
    rec('2080505', '机关事业单位基本养老保险缴费支出', [2018, 2019, 2023]),
    rec('2010102', '一般行政管理事务', [2017, 2018, 2019]),
    rec('2010102', '一般行政管理事务', [2023], { type: 'seed', document: 'xinzhou-2023-budget', title: '新洲区大数据中心 2023 年部门预算' }),
    rec('2040404', '查办和预防职务犯罪', [2017]),
    rec('30101', '基本工资', [], { type: 'user', file: 'mof.xlsx' }, { description: '反映按规定发放的基本工资。' }),
    rec('30101', '基本工资（旧）', [2023]),
  ]);

  it('reads the years a catalog column lists', () => {
    assert.deepEqual(parseYears('2017;2018;2023'), [2017, 2018, 2023]);
    assert.deepEqual(parseYears('2018-2020 (对照表 uploaded 2020-04-30)'), [2018, 2019, 2020]);
    assert.deepEqual(parseYears(''), []);
  });

  it('picks the name known for the year, else the nearest year’s, and accepts renames of that year', () => {
    const y2019 = catalog.view(2019).get('20805');
    assert.ok(y2019);
    assert.equal(y2019.name, '行政事业单位养老支出');
    assert.equal(y2019.current, false);
    assert.deepEqual(y2019.nameYears, [2023, 2024, 2025]);
    const y2017 = catalog.view(2017).get('20805');
    assert.equal(y2017?.current, false, 'the main record is not known for 2017');
    const y2024 = catalog.view(2024).get('20805');
    assert.ok(y2024?.current);
    // A variant cut short by line wrapping is not an accepted name.
    assert.deepEqual(y2024?.accepted, ['行政事业单位养老支出']);
    const old = catalog.view(2023).get('2040404');
    assert.equal(old?.current, false);
    assert.deepEqual(catalog.view(2023).get('2010102')?.sources.map((s) => s.type), ['seed', 'catalog']);
  });

  it('lets a user catalog without a year win over the shipped names of every year', () => {
    const e = catalog.view(2023).get('30101');
    assert.equal(e?.name, '基本工资');
    assert.equal(e?.description, '反映按规定发放的基本工资。');
    assert.ok(e?.accepted.includes('基本工资（旧）'));
  });

  it('looks codes up by prefix, name fragment (parenthesis widths alike) and pinyin initials', () => {
    const c = new Catalog([
      rec('201', '一般公共服务支出', [2023]), rec('20103', '政府办公厅（室）及相关机构事务', [2023]),
      rec('2010301', '行政运行', [2023]), rec('2010350', '事业运行', [2023]), rec('2010399', '其他政府办公厅（室）及相关机构事务支出', [2023]),
      rec('2013750', '事业运行', [2023]), rec('2150502', '一般行政管理事务', [2023]),
    ]);
    const v = c.view(2023);
    assert.deepEqual(v.byPrefix('20103').map((e) => e.code), ['20103', '2010301', '2010350', '2010399']);
    assert.deepEqual(v.byPrefix('2010350').map((e) => e.code), ['2010350']);
    assert.deepEqual(v.byPrefix('9'), []);
    assert.deepEqual(v.children('20103').map((e) => e.code), ['2010301', '2010350', '2010399']);
    assert.deepEqual(v.byName('政府办公厅(室)').map((e) => e.code), ['20103', '2010399']);
    assert.deepEqual(v.byInitials('syyx').map((e) => e.code), ['2010350', '2013750']);
    assert.deepEqual(v.byInitials('xzyx').map((e) => e.code), ['2010301'], '行 read as xíng in 行政');
    assert.deepEqual(v.path('2010350').map((e) => e?.name), ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '事业运行']);
  });

  it('computes pinyin initials in context', () => {
    assert.equal(initialsOf('事业运行'), 'syyx');
    assert.equal(initialsOf('政府办公厅（室）及相关机构事务'), 'zfbgtsjxgjgsw');
    assert.equal(initialsOf('银行'), 'yh');
  });
});

describe('knowledge: search ranking', () => {
  const c = new Catalog([
    rec('201', '一般公共服务支出', [2023]), rec('20101', '人大事务', [2023]), rec('2010102', '一般行政管理事务', [2023]),
    rec('20103', '政府办公厅（室）及相关机构事务', [2023]), rec('2010350', '事业运行', [2023]),
    rec('215', '资源勘探工业信息等支出', [2023]), rec('21505', '工业和信息产业监管', [2023]), rec('2150502', '一般行政管理事务', [2023]),
    rec('301', '工资福利支出', [2023]), rec('30113', '住房公积金', [2023]), rec('2210201', '住房公积金', [2023]),
  ]);
  const v = c.view(2023);

  it('tells codes, pinyin and names apart', () => {
    assert.equal(queryMode('20103'), 'code');
    assert.equal(queryMode('syyx'), 'pinyin');
    assert.equal(queryMode('一般行政'), 'name');
    assert.equal(queryMode('  '), 'empty');
  });

  it('ranks the anchor’s children first, then its siblings, then the rest; passed codes last', () => {
    assert.equal(nearness('20101', '201'), 0);
    assert.ok(nearness('21505', '20103') > nearness('20105', '20103'));
    assert.ok(nearness('20101', '20103') > nearness('20105', '20103'), 'a code before the anchor comes after the ones following it');
    const r = searchCodes(v, [], { text: '一般行政', anchor: '21505' });
    assert.deepEqual(r.map((m) => m.entry.code), ['2150502', '2010102']);
    const e = searchCodes(v, [], { text: '', anchor: '201' });
    assert.deepEqual(e.slice(0, 2).map((m) => m.entry.code), ['20101', '20103']);
  });

  it('keeps to the table’s kind', () => {
    assert.deepEqual(searchCodes(v, [], { text: '住房公积金', kind: 'economic' }).map((m) => m.entry.code), ['30113']);
    assert.deepEqual(searchCodes(v, [], { text: '住房公积金', kind: 'functional' }).map((m) => m.entry.code), ['2210201']);
  });

  it('merges the document’s and the workspace’s codes, marking their origins', () => {
    const own = new Catalog([rec('2010350', '事业运行', [2023], { type: 'document' }), rec('2019901', '自编科目', [2023], { type: 'document' })]).view(2023);
    const ws = new Catalog([rec('2019901', '自编科目', [2023], { type: 'workspace', uri: 'file:///w/a.budget' })]).view(2023);
    const r = searchCodes(v, [{ view: own, origin: 'document' }, { view: ws, origin: 'workspace' }], { text: '201' });
    assert.deepEqual(r.find((m) => m.entry.code === '2010350')?.origins, ['catalog', 'document']);
    assert.deepEqual(r.find((m) => m.entry.code === '2019901')?.origins, ['document', 'workspace']);
  });

  it('answers within a few milliseconds on several thousand entries', function () {
    // A smoke check only (no timing assertion): the bench (bench/completion.ts) measures latency.
    const many: CatalogRecord[] = [];
    for (let i = 0; i < 4000; i++) many.push(rec(`2${String(10 + (i % 17)).padStart(2, '0')}${String(i % 99).padStart(2, '0')}${String(i % 97).padStart(2, '0')}`, `科目${i}事务`, [2023]));
    const big = new Catalog(many).view(2023);
    assert.ok(searchCodes(big, [], { text: '210', limit: 100 }).length > 0);
  });
});

describe('knowledge: glossaries', () => {
  it('finds the entry that explains a code: 项 and 类 must match, the 款 only breaks ties', () => {
    const entries = [
      { term: 'x', path: ['一般公共服务支出', '政府办公厅(室)及相关机构事务', '一般行政管理事务'] },
      { term: 'y', path: ['资源勘探工业信息等支出', '工业和信息等产业监督', '一般行政管理事务'] },
      { term: '事业运行' },
    ];
    assert.equal(entryForCode(entries, '2150502', ['资源勘探工业信息等支出', '工业和信息产业监管', '一般行政管理事务'])?.term, 'y');
    assert.equal(entryForCode(entries, '2010302', ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '一般行政管理事务'])?.term, 'x');
    assert.equal(entryForCode(entries, '2013750', ['一般公共服务支出', '网信事务', '事业运行'])?.term, '事业运行');
    assert.equal(entryForCode(entries, '21505', ['资源勘探工业信息等支出', '工业和信息产业监管']), undefined);
  });

  it('finds the term a text mentions at an offset, through quotes', () => {
    const text = '本年度“三公”经费支出为 0，机关运行经费 1.2 万元。';
    const keys = ['三公经费', '机关运行经费', '运行'];
    const hit = termAt(text, text.indexOf('公'), keys);
    assert.deepEqual(hit, { key: '三公经费', span: { start: 4, end: 9 } });
    assert.equal(termAt(text, text.indexOf('运行'), keys)?.key, '机关运行经费', 'the longest term wins');
    assert.equal(termAt(text, 0, keys), undefined);
    assert.equal(termKey('“三公”经费'), '三公经费');
  });

  it('ships the seeds’ glossaries, each entry citing its document', () => {
    const g = shippedKnowledge().glossary;
    const e = g.forCode('2150502')[0];
    assert.ok(e, 'the 硚口 entry for 2150502');
    assert.equal(g.document(e.document)?.department, '武汉市硚口区大数据中心');
    assert.match(e.definition, /^指机关事业单位用于信息化项目维护及运行/);
    assert.ok(g.forTerm('三公经费').length >= 2);
    assert.ok(g.forTerm('机关运行经费').every((x) => g.document(x.document)));
  });
});

describe('knowledge: the shipped catalog', () => {
  const k = shippedCodeKnowledge();

  it('holds the partial catalogs and every code the seeds print, with sources and years', () => {
    const v = k.catalog.view(2023);
    const e = v.get('2150502');
    assert.equal(e?.name, '一般行政管理事务');
    assert.ok(e?.sources.some((s) => s.type === 'seed' && s.document.startsWith('qiaokou')));
    assert.deepEqual(v.path('2150502').map((x) => x?.name), ['资源勘探工业信息等支出', '工业和信息产业监管', '一般行政管理事务']);
    const f = v.get('2080505');
    assert.ok(f?.sources.some((s) => s.type === 'catalog' && s.file === 'functional-partial.csv'));
    assert.ok(f?.years.includes(2018) && f.years.includes(2023));
    assert.match(v.get('30101')?.description ?? '', /^反映按规定发放的基本工资/);
    assert.deepEqual(v.get('50201')?.mapsFrom?.slice(0, 2), ['30201', '30202']);
    assert.ok(v.byPrefix('20103').some((x) => x.code === '2010350' && x.name === '事业运行'));
  });

  it('explains a code with the document’s own glossary entry', () => {
    const { text } = qiaokou();
    const a = analyze(text);
    const x = explainCode('2150502', a.document, k);
    assert.deepEqual(x.path.map((p) => p.name), ['资源勘探工业信息等支出', '工业和信息产业监管', '一般行政管理事务']);
    assert.match(x.own?.definition ?? '', /^指机关事业单位用于信息化项目维护及运行/);
    const other = analyze(doc('## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n2010350 | 事业运行 | 1.00\n'));
    const y = explainCode('2010350', other.document, k);
    assert.equal(y.own, undefined);
    assert.match(y.seed?.entry.definition ?? '', /^反映事业单位的基本支出/);
    assert.deepEqual(pathOf('2999901', k.catalog.view(2023), new Map([['2999901', '自编']])).map((p) => p.name), [undefined, undefined, '自编']);
  });
});

describe('knowledge: code checks', () => {
  const k = shippedCodeKnowledge();
  const body = `## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 合计[1]
201 | 一般公共服务支出 | 2.00
20103 | 政府办公厅(室)及相关机构事务 | 2.00
2010350 | 事业运转 | 1.00
2010398 | 乱写 | 1.00
30101 | 基本工资 | 0
`;

  it('reports unknown codes, names that differ from the catalog (with the fix) and codes of the wrong kind', () => {
    const text = doc(body);
    const a = analyze(text, { knowledge: k });
    const codes = a.findings.filter((f) => CODE_RULES.has(f.rule));
    assert.deepEqual(codes.map((f) => [f.rule, f.severity, text.slice(f.span.start, f.span.end)]), [
      ['code-name', 'warning', '事业运转'],
      ['code-unknown', 'hint', '2010398'],
      ['code-kind', 'warning', '30101'],
    ]);
    const fix = codes[0].replacement;
    assert.deepEqual(fix && { text: fix.text, at: text.slice(fix.span.start, fix.span.end) }, { text: '事业运行', at: '事业运转' });
    assert.match(codes[0].message, /科目 2010350 的名称与目录不一致：此处为“事业运转”/);
    assert.equal(analyze(text).findings.filter((f) => CODE_RULES.has(f.rule)).length, 0, 'no catalog, no code checks');
    const en = analyze(text, { knowledge: k, locale: 'en' }).findings.find((f) => f.rule === 'code-kind');
    assert.match(en?.message ?? '', /^30101 is an economic code, but this table lists functional codes$/);
  });

  it('an unknown code of a known 款 is a hint under the partial shipped catalog, a warning once the year\'s catalog is loaded', () => {
    const text = doc(`${body}2999901 | 自编科目 | 1.00\n`);
    const unknown = (knowledge: typeof k) => analyze(text, { knowledge }).findings.filter((f) => f.rule === 'code-unknown').map((f) => [f.severity, text.slice(f.span.start, f.span.end)]);
    // 2010398: its 款 20103 is known, the catalog is partial: a hint. 2999901: not even its 款 is known: a warning.
    assert.deepEqual(unknown(k), [['hint', '2010398'], ['warning', '2999901']]);
    assert.match(analyze(text, { knowledge: k }).findings.find((f) => f.severity === 'hint')!.message, /^科目编码 2010398 不在随附的目录中，其上级 20103 政府办公厅（室）及相关机构事务 在/);
    const official = (file: string) => ({ ...k, catalog: new Catalog([...recordsFromRows([['201', '一般公共服务支出']], file).records, ...shippedKnowledge().records]) });
    assert.deepEqual(unknown(official('2023年政府收支分类科目.csv')), [['warning', '2010398'], ['warning', '2999901']], 'the official catalog of the document\'s year');
    assert.deepEqual(unknown(official('2024年政府收支分类科目.csv')), [['hint', '2010398'], ['warning', '2999901']], 'another year\'s');
    assert.deepEqual(unknown(official('政府收支分类科目.csv')), [['warning', '2010398'], ['warning', '2999901']], 'a catalog of no stated year');
  });

  it('knows the codes of the real corpus documents with the names of their years (data/catalog/corpus-codes.json)', () => {
    const econ = (year: number) => doc(`## 表 公开07表 一般公共预算基本支出表
列：科目编码 | 科目名称 | 合计[1]
303 | 对个人和家庭的补助 | 3.00
30311 | 住房公积金 | 1.00
30312 | 提租补贴 | 2.00
`, year);
    const found = (year: number) => analyze(econ(year), { knowledge: k }).findings.filter((f) => CODE_RULES.has(f.rule)).map((f) => `${f.rule} ${f.severity}`);
    // In 2017 (江苏 budgets of the corpus) 30311 was 住房公积金 and 30312 提租补贴; by 2024 30311 is 代缴社会保险费.
    assert.deepEqual(found(2017), []);
    assert.deepEqual(found(2024), ['code-name warning']);
    const corpus = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog', 'corpus-codes.json'), 'utf8')) as { documents: { id: string }[]; codes: { documents: string[] }[] };
    const sources = readFileSync(join(ROOT, 'data', 'catalog', 'SOURCES.md'), 'utf8');
    assert.ok(corpus.codes.length > 50);
    for (const d of corpus.documents) assert.ok(sources.includes(`\`${d.id}\``), `${d.id} named in SOURCES.md`);
    for (const c of corpus.codes) for (const d of c.documents) assert.ok(corpus.documents.some((x) => x.id === d));
  });

  it('knows the codes of the whole documents transcribed into test/fixtures/documents (data/catalog/document-codes.json)', () => {
    // 上海市普陀区文化和旅游局 2026 (test/fixtures/documents): its 16 codes of the 文化和旅游 款 and of 21508, which no
    // other document the project had printed, were 36 code-unknown warnings and 12 hints before (docs/standard.md).
    const file = join(ROOT, 'test', 'fixtures', 'documents', 'shanghai-putuo-wenlv-2026-budget.budget');
    const text = readFileSync(file, 'utf8');
    const a = analyze(text, { knowledge: k });
    assert.deepEqual(a.findings.filter((f) => CODE_RULES.has(f.rule)).map((f) => `${f.rule} ${f.severity} ${text.slice(f.span.start, f.span.end)}`), []);
    // Hover's explanation: the name and the document that prints it, as the source.
    const x = explainCode('2070112', a.document, k);
    assert.equal(x.entry?.name, '文化和旅游市场管理');
    assert.deepEqual(x.path.map((p) => p.name), ['文化旅游体育与传媒支出', '文化和旅游', '文化和旅游市场管理']);
    assert.ok(x.entry!.sources.some((s) => s.type === 'seed' && s.document === 'shanghai-putuo-wenlv-2026-budget' && s.title === '上海市普陀区文化和旅游局 2026 年部门预算'));
    // Completion finds it by its name.
    assert.deepEqual(searchCodes(k.catalog.view(2026), [], { text: '旅游宣传' }).map((m) => m.entry.code), ['2070113']);
    // Each document named with its source and its PDF's SHA-256, every code with its documents.
    const docs = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog', 'document-codes.json'), 'utf8')) as { documents: { id: string; from: string; sha256: string }[]; codes: { code: string; name: string; documents: string[] }[] };
    const sources = readFileSync(join(ROOT, 'data', 'catalog', 'SOURCES.md'), 'utf8');
    // Made from every whole document that names its source and its PDF's SHA-256 (`npm run data` after adding one).
    const dir = join(ROOT, 'test', 'fixtures', 'documents');
    const named = readdirSync(dir).filter((f) => f.endsWith('.budget')).sort()
      .filter((f) => { const t = readFileSync(join(dir, f), 'utf8'); return /^\/\/\s*来源：\s*https?:\/\//m.test(t) && /SHA-256[\s/]*[0-9a-f]{64}/.test(t); })
      .map((f) => f.replace(/\.budget$/, ''));
    assert.ok(named.includes('shanghai-putuo-wenlv-2026-budget'));
    assert.deepEqual(docs.documents.map((d) => d.id), named, 'data/catalog/document-codes.json is stale: run npm run data');
    // A name the catalog gives otherwise, printed by one document, is not shipped (石泉路 2025 prints 20805's name of before 2019).
    assert.ok(!docs.codes.some((c) => c.code === '20805' && c.name === '行政事业单位离退休'));
    for (const d of docs.documents) {
      assert.ok(sources.includes(`\`${d.id}\``) && sources.includes(d.sha256), `${d.id} named in SOURCES.md`);
      assert.ok(readFileSync(join(ROOT, d.from), 'utf8').includes(d.sha256));
    }
    for (const c of docs.codes) for (const d of c.documents) assert.ok(docs.documents.some((x) => x.id === d));
  });

  it('finds no code problem in the transcribed corpus documents (2017–2019 names included)', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'corpus');
    const files = readdirSync(dir).filter((f) => f.endsWith('.budget') && f.startsWith('jiangsu-'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const found = analyze(text, { knowledge: k }).findings.filter((x) => CODE_RULES.has(x.rule) && x.severity !== 'hint');
      assert.deepEqual(found.map((x) => `${x.rule}: ${x.message}`), [], f);
    }
  });

  it('knows a code another file of the workspace uses, but not one only this file uses', () => {
    const text = doc(body);
    const ws = new WorkspaceIndex();
    ws.update('file:///w/self.budget', buildDocument(parse(text)));
    const self = analyze(text, { knowledge: { ...k, workspace: ws, self: 'file:///w/self.budget' } });
    assert.ok(self.findings.some((f) => f.rule === 'code-unknown'));
    ws.update('file:///w/other.budget', buildDocument(parse(doc('## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n2010398 | 乱写 | 1.00\n'))));
    const known = analyze(text, { knowledge: { ...k, workspace: ws, self: 'file:///w/self.budget' } });
    assert.ok(!known.findings.some((f) => f.rule === 'code-unknown'));
    assert.equal(ws.remove('file:///w/other.budget'), true);
    assert.equal(ws.has('2010398', 'file:///w/self.budget'), false);
  });

  it('pairs each code with the name beside it in side-by-side tables, and tells the table’s kind', () => {
    const text = doc(`## 表 公开06表 一般公共预算财政拨款基本支出决算明细表
列：科目代码 | 科目名称 | 决算数 | 科目代码 | 科目名称 | 决算数
301 | 工资福利支出 | 1.00 | 302 | 商品和服务支出 | 2.00
`);
    const d = buildDocument(parse(text));
    const part = d.tables[0].parts[0];
    assert.deepEqual(codeCellsOf(part.rows[0]).map((c) => [c.code, c.name]), [['301', '工资福利支出'], ['302', '商品和服务支出']]);
    assert.deepEqual(partCodeKind(part), { kind: 'economic', declared: true });
    assert.equal(analyze(text, { knowledge: k }).findings.filter((f) => CODE_RULES.has(f.rule)).length, 0);
  });

  it('finds no code problem in the transcribed seeds', () => {
    const { text } = qiaokou();
    assert.deepEqual(analyze(text, { knowledge: k }).findings.filter((f) => CODE_RULES.has(f.rule)).map((f) => f.message), []);
  });
});

describe('knowledge: user catalog files', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'budget-catalog-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a CSV with a header, taking the year from the file name', () => {
    const f = join(dir, '2024年支出功能分类科目.csv');
    writeFileSync(f, '\ufeff科目编码,科目名称,说明\n215,资源勘探工业信息等支出,\n2150502, 一般行政管理事务 ,反映…\n合计,,\n');
    const r = loadCatalogCsv(f);
    assert.deepEqual(r.records.map((x) => [x.code, x.name, x.years, x.description ?? '']), [
      ['215', '资源勘探工业信息等支出', [2024], ''],
      ['2150502', '一般行政管理事务', [2024], '反映…'],
    ]);
    assert.equal(r.problems.length, 1);
  });

  it('reads headerless rows as code, name, description, and 类/款/项 split columns as the MOF tables print them', () => {
    assert.deepEqual(recordsFromRows([['201', '一般公共服务支出'], ['20101', '人大事务', '反映人大事务']], 'x.csv').records.map((r) => [r.code, r.years]), [['201', []], ['20101', []]]);
    const split = recordsFromRows([
      ['2023年政府收支分类科目'],
      ['类', '款', '项', '科目名称', '说明'],
      ['201', '', '', '一般公共服务支出', ''],
      ['', '01', '', '人大事务', '反映人大事务'],
      ['', '', '01', '行政运行', '反映行政单位的基本支出'],
      ['', '', '02', '一般行政管理事务', ''],
      ['', '03', '', '政府办公厅（室）及相关机构事务', ''],
      ['', '', '50', '事业运行', ''],
    ], 'mof.xlsx');
    assert.deepEqual(split.records.map((r) => `${r.code} ${r.name}`), ['201 一般公共服务支出', '20101 人大事务', '2010101 行政运行', '2010102 一般行政管理事务', '20103 政府办公厅（室）及相关机构事务', '2010350 事业运行']);
  });

  it('reads an XLSX workbook with exceljs', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('功能分类');
    ws.addRow(['编码', '名称', '说明']);
    ws.addRow([215, '资源勘探工业信息等支出', '']);
    ws.addRow(['2150502', '一般行政管理事务', '反映工业和信息产业监管方面的一般行政管理事务支出。']);
    const f = join(dir, '政府收支分类科目2025.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await loadCatalogFile(f);
    assert.deepEqual(r.records.map((x) => [x.code, x.name, x.years, x.source]), [
      ['215', '资源勘探工业信息等支出', [2025], { type: 'user', file: '政府收支分类科目2025.xlsx' }],
      ['2150502', '一般行政管理事务', [2025], { type: 'user', file: '政府收支分类科目2025.xlsx' }],
    ]);
  });
});

describe('knowledge: untrusted markdown', () => {
  it('escapes everything that could become a link, HTML, code or a block', () => {
    assert.equal(md('[x](command:a) <b>'), '\\[x\\]\\(command\\:a\\) \\<b\\>');
    assert.equal(md('# 标题\n> 引用\n\n    代码'), '\\# 标题 \\> 引用 代码');
    assert.equal(md('`a` *b* _c_ &amp; ![i](j)'), '\\`a\\` \\*b\\* \\_c\\_ \\&amp\\; \\!\\[i\\]\\(j\\)');
    assert.equal(md('事业运行（项）'), '事业运行（项）');
  });
});
