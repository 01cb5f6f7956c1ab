/**
 * The incremental analysis (a DocumentAnalyzer reusing unchanged sections, moving them in place) must give exactly
 * what a fresh analysis of the same text gives: every finding, every span, the whole model and every relation.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { sections } from '../server/src/incremental/sections';
import { parse, parseRange } from '../server/src/syntax/parser';
import { LineIndex } from '../server/src/syntax/positions';
import { Catalog } from '../server/src/knowledge/catalog';
import { shippedKnowledge } from '../server/src/knowledge/load';
import { classifyCell } from '../server/src/model/classify';
import type { Part } from '../server/src/model/document';
import { eachRowHead, indexOfHeads, rowCount, type RowHead } from '../server/src/model/rows';
import { generate } from '../bench/generate';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { counterpartsCarried, namesCarried, splicesCarried } from '../server/src/rules/declared';
import { ownCopied, rowsMoved } from '../server/src/standard/apply';
import { StandardLibrary } from '../server/src/standard/library';
import { dump, features } from './support/dump';
import { ROOT } from './support/lsp';

const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

/** An edit a person might make: type or delete characters, add or remove lines (headings, rows, header fields). */
const SNIPPETS = ['1', '0', '.', ',', '|', ' ', '合计', '\n', '\r\n', '// 注释', '## 表 公开09表 新表\n列：科目编码 | 科目名称 | 合计\n201 | 一般公共服务支出 | 1.00\n',
  '# 新标题\n', '年度：2024\n', '金额单位：元\n', '## 名词解释\n三公经费：定义\n', '## 情况说明\n支出 12.30 万元，增长 5.1%。\n', '规则：1栏各行=(2+3)栏各行\n',
  '规则：1行=公开01表1行\n', '### 支出\n', '  ## 缩进\n', '列：a | b[1]\n', '2010350 | 事业运行 | 261.74 | 250.03 | 11.71\n', '𠀋', '\ufeff',
  // a 列： line with no usable column list (its part stood at offset 0, and moved with the edits before it)
  '列：\n', '列：', '列：|', '列：{', '规则：1栏=2栏😀\n'];

interface Edit { at: number; remove: number; insert: string }
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })) });

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis', () => {
  it('a line typed right after a blank line inside a table: the blank line keeps its span (review17; it stretched over the new line)', () => {
    const text = ['## 表 甲表', '列：科目编码 | 科目名称 | 金额', '201 | 一 | 1.00', '', '202 | 二 | 2.00', ''].join('\n');
    for (const typed of ['203 | 三 | 3.00\n', 'x\n', '\n']) {
      const z = new DocumentAnalyzer({ locale: 'zh' });
      z.analyze(text);
      const at = text.indexOf('202 |');
      z.edit(at, at, typed);
      assert.deepEqual(dump(z.analysis()), dump(analyze(text.slice(0, at) + typed + text.slice(at), { locale: 'zh' })), JSON.stringify(typed));
    }
  });

  it('cuts a text into sections that parse exactly as the whole text does', () => {
    for (const text of [...SEEDS, generate(600).text]) {
      const whole = parse(text);
      const pieces = sections(text).map((b) => parseRange(text, b.start, b.end));
      assert.deepEqual(pieces.flatMap((t) => t.lines), whole.lines);
      assert.deepEqual(pieces.flatMap((t) => t.errors.map((e) => e.span)), whole.errors.map((e) => e.span));
    }
  });

  it('gives what a fresh analysis gives after every one of many random edits of the seeds', function () {
    this.timeout(120_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, edits) => {
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      let text = SEEDS[seed];
      analyzer.analyze(text);
      for (const e of edits) {
        text = apply(text, e);
        const incremental = analyzer.analyze(text);
        const fresh = analyze(text, { locale: 'zh' });
        assert.deepEqual(dump(incremental), dump(fresh));
        assert.deepEqual(features(incremental), features(fresh));
      }
    }), { numRuns: 60 });
  });

  it('gives what a fresh analysis gives when an edit in a heading line makes it no heading, or a heading again', () => {
    // review10's case: a third `#` typed into `## 表 表2 乙` makes its table a part of the table before.
    for (const text of [SEEDS[0], '# 某单位\n年度：2023\n\n## 表 表1 甲\n列：科目名称 | 合计\n合计 | 1.00\n\n## 表 表2 乙\n列：科目名称 | 合计\n合计 | 2.00\n']) {
      const headings = [...text.matchAll(/^##? /gm)].map((m) => m.index!).filter((at) => at > 0).slice(0, 12);
      for (const at of headings) {
        for (const [offset, remove, insert] of [[2, 0, '#'], [1, 0, '#'], [1, 1, ''], [3, 0, 'x'], [0, 0, 'x']] as const) {
          const analyzer = new DocumentAnalyzer({ locale: 'zh' });
          analyzer.analyze(text);
          const edited = text.slice(0, at + offset) + insert + text.slice(at + offset + remove);
          const back = analyzer.analyze(edited);
          assert.deepEqual(dump(back), dump(analyze(edited, { locale: 'zh' })), `${JSON.stringify(insert)} at ${at + offset}`);
          // And taken back: a heading again.
          assert.deepEqual(dump(analyzer.analyze(text)), dump(analyze(text, { locale: 'zh' })), `undone at ${at + offset}`);
        }
      }
    }
  });

  it('moves a part whose 列： line lists no usable column with its section, as a fresh analysis places it', () => {
    // The empty column of `列：` stood at offset 0 of the document: moved with its section after an edit above it,
    // the part (its outline symbol, its folding range) then disagreed with a fresh analysis of the same text.
    for (const columns of ['列：', '列：|', '列：{']) {
      const text = `# 某单位\n年度：2023\n\n## 表 表1 甲\n列：科目名称 | 合计\n合计 | 1.00\n\n## 表 表2 乙\n${columns}\n201 | 一般公共服务支出 | 1.00\n`;
      const analyzer = new DocumentAnalyzer();
      const first = analyzer.analyze(text);
      const at = text.indexOf(columns, text.indexOf('表2'));
      for (const p of first.document.tables[1].parts) assert.ok(p.columnsSpan && p.columnsSpan.start >= at, `${columns}: part at ${JSON.stringify(p.columnsSpan)}`);
      const edited = text.replace('合计 | 1.00', '合计 | 11.00');
      const moved = analyzer.analyze(edited);
      assert.deepEqual(dump(moved), dump(analyze(edited)));
      assert.deepEqual(features(moved), features(analyze(edited)));
    }
  });

  /** What a person does in a table: retype, add or delete a figure's digit, change a code, add or delete a row. */
  type TableEdit = 'retype' | 'digit' | 'delete' | 'code' | 'row' | 'unrow';
  const rowLines = (text: string) => {
    const out: { start: number; end: number }[] = [];
    for (let re = /^\d{3,7} \|[^\n]*\n/gm, m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
    return out;
  };
  function tableEdit(text: string, kind: TableEdit, pick: number): { text: string; unit: string } {
    const rows = rowLines(text);
    const row = rows[Math.floor(pick * rows.length) % rows.length];
    const line = text.slice(row.start, row.end);
    const figure = row.start + line.lastIndexOf('| ') + 2; // the row's last figure
    const point = row.start + line.lastIndexOf('.') + 1; // its decimals
    const at = (i: number, remove: number, insert: string) => text.slice(0, i) + insert + text.slice(i + remove);
    // A figure of a row whose code its table prints twice decides whether the first row stands for the second: a
    // change of its table's relations.
    const table = text.slice(text.lastIndexOf('\n## ', row.start), text.indexOf('\n## ', row.start));
    const repeated = table.split(`\n${line.slice(0, line.indexOf(' |'))} |`).length > 2;
    // A figure that no longer reads as one (`1.` once its last decimal is gone) changes its row's shape.
    const lastCell = (t: string) => classifyCell(/\| ([^|\n]*)\n/.exec(t.slice(row.start))![1].trim()).kind;
    const figureEdit = (edited: string) => ({ text: edited, unit: repeated || lastCell(edited) !== lastCell(text) ? 'rows' : 'figures' });
    switch (kind) {
      case 'retype': return figureEdit(at(figure, 1, String((Number(text[figure]) + 1) % 10)));
      case 'digit': return figureEdit(at(point, 0, '7'));
      case 'delete': return figureEdit(at(/\d/.test(text[point]) ? point : figure, 1, ''));
      case 'code': return { text: at(row.start + 1, 1, String((Number(text[row.start + 1]) + 3) % 10)), unit: 'rows' };
      case 'row': return { text: at(row.end, 0, line), unit: 'rows' };
      case 'unrow': return { text: at(row.start, line.length, ''), unit: 'rows' };
    }
  }

  it('gives what a fresh analysis gives after figures retyped, added and deleted, codes changed, rows added and deleted', function () {
    this.timeout(300_000);
    const kinds: TableEdit[] = ['retype', 'digit', 'delete', 'code', 'row', 'unrow'];
    // With the shipped catalog: a code changed is unknown, or a name differs (code findings, kept row by row).
    const shipped = shippedKnowledge();
    const knowledge = { catalog: new Catalog(shipped.records), glossary: shipped.glossary };
    for (const [rows, perTable] of [[1500, 120], [3000, 3000]]) {
      fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...kinds), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (edits) => {
        const options = { locale: 'zh' as const, knowledge };
        const analyzer = new DocumentAnalyzer(options);
        let text = generate(rows, 5, perTable).text;
        analyzer.analyze(text);
        for (const [kind, pick] of edits) {
          const e = tableEdit(text, kind, pick);
          text = e.text;
          const a = analyzer.analyze(text);
          // Brought in by the unit meant for it.
          assert.equal(analyzer.lastReuse.unit, e.unit, kind);
          assert.deepEqual(dump(a), dump(analyze(text, options)));
        }
      }), { numRuns: rows > 2000 ? 6 : 20 });
    }
  });

  it('in a table of 10,000 rows, brings a retyped figure in by its relations and an added row by the table’s arrays', () => {
    let text = generate(10000, 9, 10000).text;
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    for (const [kind, pick] of [['retype', 0.3], ['code', 0.6], ['row', 0.9], ['unrow', 0.1], ['digit', 0.5]] as [TableEdit, number][]) {
      const e = tableEdit(text, kind, pick);
      text = e.text;
      const a = analyzer.analyze(text);
      assert.equal(analyzer.lastReuse.unit, e.unit, kind);
      assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })));
    }
  });

  it('types a new row into a long table key by key, each keystroke brought in by the table’s rows, not the section', () => {
    let text = generate(3000, 4, 3000).text;
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    let at = text.indexOf('\n', text.indexOf('\n2010350 |')); // the end of a row
    const typed = '\n2010301 | 行政运行 | 1.00 | 1.00 | 0.00';
    for (let i = 0; i < typed.length; i++) {
      text = text.slice(0, at) + typed[i] + text.slice(at);
      at++;
      const a = analyzer.analyze(text);
      assert.ok(analyzer.lastReuse.unit === 'rows' || analyzer.lastReuse.unit === 'figures', `${JSON.stringify(typed.slice(0, i + 1))}: ${analyzer.lastReuse.unit}`);
      if (i % 6 === 0 || i === typed.length - 1) assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })));
    }
  });

  it('keeps an index over a table’s row heads while they stay the same, and makes it again when they change', () => {
    let text = generate(3000, 4, 3000).text;
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    const part = () => analyzer.analysis().document.tables.flatMap((t) => t.parts).find((p) => rowCount(p) > 2000)!;
    // Labels by row, and codes by row (an index reading the codes' digits).
    const LABELS = {};
    const CODES = {};
    const heads = (p: Part, f: (r: RowHead) => string) => {
      const out: string[] = [];
      eachRowHead(p, (r) => { out.push(f(r)); });
      return out;
    };
    const labels = (p: Part) => heads(p, (r) => `${r.label}/${r.codeKind}/${r.code?.length ?? 0}`);
    const codes = (p: Part) => heads(p, (r) => r.code ?? '');
    const made = { labels: 0, codes: 0 };
    const both = () => {
      const p = part();
      return {
        labels: indexOfHeads(p, LABELS, () => (made.labels++, labels(p))),
        codes: indexOfHeads(p, CODES, () => (made.codes++, codes(p)), true),
      };
    };
    const expect = (kind: TableEdit | 'label', built: { labels: number; codes: number }) => {
      const before = { ...made };
      const ix = both();
      assert.deepEqual({ labels: made.labels - before.labels, codes: made.codes - before.codes }, built, kind);
      // Kept or made again, it is what an index made now would be.
      assert.deepEqual(ix.labels, labels(part()), kind);
      assert.deepEqual(ix.codes, codes(part()), kind);
    };
    both();
    for (const [kind, pick, built] of [
      ['retype', 0.3, { labels: 0, codes: 0 }],
      ['code', 0.6, { labels: 0, codes: 1 }],
      ['digit', 0.5, { labels: 0, codes: 0 }],
      ['row', 0.9, { labels: 1, codes: 1 }],
      ['unrow', 0.1, { labels: 1, codes: 1 }],
    ] as [TableEdit, number, { labels: number; codes: number }][]) {
      text = tableEdit(text, kind, pick).text;
      analyzer.analyze(text);
      expect(kind, built);
    }
    // A label retyped: both are made again.
    const at = text.indexOf(' | ', text.indexOf('\n2010350 |') + 1) + 3;
    text = `${text.slice(0, at)}新${text.slice(at)}`;
    analyzer.analyze(text);
    expect('label', { labels: 1, codes: 1 });
  });

  it('carries a long table’s indexes of names, and the rows other tables find in it, over rows typed and deleted: what a fresh analysis finds', function () {
    this.timeout(120_000);
    const docs: [string, string][] = [[generateFinal({ kuanPerLei: 3, xiangPerKuan: 6 }), '## 表 公开03表'], [generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 }), '## 表 附表4-3']];
    const carriedBefore = namesCarried.count;
    const counterpartsBefore = counterpartsCarried.count;
    for (const [doc, heading] of docs) {
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      let text = doc;
      analyzer.analyze(text);
      const check = (what: string) => {
        const a = analyzer.analyze(text);
        assert.ok(analyzer.lastReuse.unit === 'rows' || analyzer.lastReuse.unit === 'figures', `${what}: ${analyzer.lastReuse.unit}`);
        assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })), what);
      };
      // The table's rows: the lines of figures after its 列： line, to the next blank line.
      const start = text.indexOf('\n', text.indexOf('\n列：', text.indexOf(heading)) + 1) + 1;
      const rowAt = (k: number) => {
        let at = start;
        for (let i = 0; i < k; i++) at = text.indexOf('\n', at) + 1;
        return { at, line: text.slice(at, text.indexOf('\n', at) + 1) };
      };
      const cells = (k: number) => rowAt(k).line.split('|');
      const put = (k: number, line: string) => { const { at } = rowAt(k); text = text.slice(0, at) + line + text.slice(at); };
      const drop = (k: number) => { const { at, line } = rowAt(k); text = text.slice(0, at) + text.slice(at + line.length); };
      // The bench's keystroke, done and taken back: the 12th row again with a label of its own (its code repeated).
      for (let i = 0; i < 3; i++) {
        const was = text;
        put(12, [cells(12)[0], ` 其他支出${i} `, ...cells(12).slice(2)].join('|'));
        check(`typed ${i}`);
        text = was;
        check(`taken back ${i}`);
      }
      // A row of a new code typed key by key before the 8th (a name index carried over each keystroke, and over those
      // before it no look-up read).
      const typed = `${cells(8).map((c, i) => (i === 0 ? '2019999 ' : i === 1 ? ' 新增支出 ' : c)).join('|')}`;
      for (let i = 1; i <= typed.length; i++) {
        const { at } = rowAt(8);
        text = text.slice(0, at) + typed.slice(0, i) + (i === 1 ? '\n' : '') + text.slice(at + (i === 1 ? 0 : i - 1));
        if (i % 5 === 0 || i === typed.length) check(`key ${i}`);
      }
      // A row labelled 合计 before the table's own, a 类's code again, a row's label made another's, rows deleted.
      put(3, [cells(3)[0].replace(/\d+/, ''), ' 合计 ', ...cells(3).slice(2)].join('|'));
      check('合计 again');
      put(5, [` ${cells(2)[0].trim().slice(0, 3)} `, ' 又一类 ', ...cells(5).slice(2)].join('|'));
      check('a 类 code again');
      const label = cells(7)[1];
      const six = cells(6);
      drop(6);
      put(6, [six[0], label, ...six.slice(2)].join('|'));
      check('a label made another’s');
      drop(3);
      check('合计 deleted');
      drop(1);
      drop(1);
      check('two rows deleted');
    }
    // The carried indexes and counterparts were read (else this checks nothing of them).
    assert.ok(namesCarried.count > carriedBefore + 10, `${namesCarried.count - carriedBefore} indexes carried`);
    assert.ok(counterpartsCarried.count > counterpartsBefore + 10, `${counterpartsCarried.count - counterpartsBefore} counterparts carried`);
  });

  it('copies the relations of the identities a typed row leaves standing without looking each up, unless one could now be taken from before: what a fresh analysis gives', function () {
    this.timeout(60_000);
    // The bench's keystroke in a 部门预算 of forms: the identities of the forms stand, theirs are copied at once.
    const doc = generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 });
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(doc);
    const start = doc.indexOf('\n', doc.indexOf('\n列：', doc.indexOf('## 表 附表4-3')) + 1) + 1;
    let at = start;
    for (let k = 0; k < 12; k++) at = doc.indexOf('\n', at) + 1;
    const cells = doc.slice(at, doc.indexOf('\n', at)).split('|');
    const copied = ownCopied.count;
    for (let i = 0; i < 3; i++) {
      for (const text of [`${doc.slice(0, at)}${[cells[0], ` 其他支出${i} `, ...cells.slice(2)].join('|')}\n${doc.slice(at)}`, doc]) {
        const a = analyzer.analyze(text);
        assert.equal(analyzer.lastReuse.unit, 'rows');
        assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })), `typed ${i}`);
      }
    }
    assert.ok(ownCopied.count > copied + 100, `${ownCopied.count - copied} relations copied`);
    // An identity whose condition reads the typed table (甲 typed: 合计 = 甲 holds) now makes a relation of another
    // table, equal to the one a later identity made alone: the later one takes it, as in a fresh analysis (its own
    // copied, the two would both be listed).
    const set = [
      '# 测试 标准表套', '标准表套：测试决算', '类型：决算', '',
      '## 表 测试甲表', '列：项目 | 金额', '合计 |', '甲 |', '乙 |', '',
      '## 表 测试乙表', '列：项目 | 金额', 'X |', 'Y |', '规则：「X」行=「Y」行 当 「测试甲表」「合计」行=「测试甲表」「甲」行', '',
      '## 表 测试丙表', '列：项目 | 金额', 'Z |', '规则：「测试乙表」「X」行=「测试乙表」「Y」行', ''].join('\n');
    const options = { locale: 'zh' as const, standard: { library: StandardLibrary.with([{ id: 'ce', text: set }]) } };
    const text = ['类型：决算', '标准表：测试决算', '', '## 表 测试甲表', '列：项目 | 金额', '合计 | 10.00', '乙 | 3.00', '',
      '## 表 测试乙表', '列：项目 | 金额', 'X | 5.00', 'Y | 5.00', '', '## 表 测试丙表', '列：项目 | 金额', 'Z | 1.00', ''].join('\n');
    const own = new DocumentAnalyzer(options);
    assert.equal(own.analyze(text).relations.length, 1);
    const typed = text.replace('乙 | 3.00\n', '乙 | 3.00\n甲 | 10.00\n');
    const a = own.analyze(typed);
    assert.equal(own.lastReuse.unit, 'rows');
    assert.equal(a.relations.length, 1);
    assert.deepEqual(dump(a), dump(analyze(typed, options)));
    assert.deepEqual(dump(own.analyze(text)), dump(analyze(text, options)));
  });

  it('moves the relations of an identity over the typed table’s rows past the rows typed or deleted, making only theirs and those of rows of their codes: what a fresh analysis gives', function () {
    this.timeout(60_000);
    const doc = generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 });
    const options = { locale: 'zh' as const };
    const fresh = analyze(doc, options);
    // 支出总表's 「合计」栏各行=「一般公共预算支出表」「合计」栏各行: the rows it reads a counterpart of.
    const table = fresh.document.tables.find((t) => fresh.standard.tableOf(t)?.title === '支出总表')!;
    const identity = fresh.standard.applied(table).find((x) => x.identity.text.startsWith('「合计」栏各行=「一般公共预算支出表」'))!;
    const rows = identity.relations.map((r) => r.target.row.index);
    const start = doc.indexOf('\n', doc.indexOf('\n列：', doc.indexOf('## 表 附表4-3')) + 1) + 1;
    const lineAt = (text: string, k: number) => {
      let at = start;
      for (let i = 0; i < k; i++) at = text.indexOf('\n', at) + 1;
      return { at, line: text.slice(at, text.indexOf('\n', at) + 1) };
    };
    const moved = rowsMoved.count;
    const carried = splicesCarried.count;
    const analyzer = new DocumentAnalyzer(options);
    let text = doc;
    analyzer.analyze(text);
    const check = (what: string) => {
      const a = analyzer.analyze(text);
      assert.ok(analyzer.lastReuse.unit === 'rows' || analyzer.lastReuse.unit === 'figures', `${what}: ${analyzer.lastReuse.unit}`);
      assert.deepEqual(dump(a), dump(analyze(text, options)), what);
    };
    for (const k of [rows[5], rows[9], rows[rows.length - 2]]) {
      const { at, line } = lineAt(text, k);
      const cells = line.split('|');
      const was = text;
      // A row of that row's code typed after it (neither has a counterpart now), then taken back.
      text = `${text.slice(0, at + line.length)}${[cells[0], ' 重复 ', ...cells.slice(2)].join('|')}${text.slice(at + line.length)}`;
      check(`row ${k}'s code again`);
      text = was;
      check(`row ${k}'s code again, taken back`);
      // A row of a new code typed before it key by key, then deleted.
      const typed = `${['2019998 ', ' 新增 ', ...cells.slice(2)].join('|')}`;
      for (let i = 1; i <= typed.length; i += 7) {
        text = `${was.slice(0, at)}${typed.slice(0, i)}\n${was.slice(at)}`;
        check(`key ${i} before row ${k}`);
      }
      text = was;
      check(`typed before row ${k}, deleted`);
      // The row itself deleted, and put back.
      text = `${was.slice(0, at)}${was.slice(at + line.length)}`;
      check(`row ${k} deleted`);
      text = was;
      check(`row ${k} put back`);
    }
    assert.ok(rowsMoved.count > moved + 20, `${rowsMoved.count - moved} identities moved`);
    assert.ok(splicesCarried.count > carried + 10, `${splicesCarried.count - carried} counterparts carried over a splice of their own rows`);
  });

  it('a knowledge change redoes the code findings only: the same parts, the findings of a fresh analysis', () => {
    const shipped = shippedKnowledge();
    const text = generate(2000, 6).text.replace(/^2010350 \|/m, '2019950 |');
    const knowledge = { catalog: new Catalog(shipped.records), glossary: shipped.glossary };
    const analyzer = new DocumentAnalyzer({ locale: 'zh', knowledge });
    const before = analyzer.analyze(text);
    const unknown = (a: Analysis) => a.findings.filter((f) => f.rule === 'code-unknown').length;
    assert.ok(unknown(before) >= 1);
    const parts = before.document.tables.flatMap((t) => t.parts);
    // The workspace (or a catalog the user loads) now knows the code.
    knowledge.catalog = new Catalog([{ code: '2019950', name: '某项', years: [2023], source: { type: 'user', file: 'x.csv' } }, ...shipped.records]);
    analyzer.knowledgeChanged();
    const after = analyzer.analysis();
    assert.equal(unknown(after), unknown(before) - 1);
    assert.deepEqual(after.document.tables.flatMap((t) => t.parts), parts, 'nothing was built again');
    assert.deepEqual(dump(after), dump(analyze(text, { locale: 'zh', knowledge })));
  });

  it('answers positions from its sections as LineIndex does from the text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '表', '\n', '\r\n', '\r', '## 表 x\n', '𠀋', '| 1 |'), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text);
      const p = analyzer.positions();
      const idx = new LineIndex(text);
      assert.equal(p.lineCount, idx.lineCount);
      for (let o = 0; o <= text.length + 1; o++) assert.deepEqual(p.position(o), idx.position(o), `offset ${o}`);
      for (let line = -1; line <= idx.lineCount; line++) {
        for (const character of [0, 1, 3, 1000]) assert.equal(p.offset({ line, character }), idx.offset({ line, character }), `${line}:${character}`);
        if (line >= 0 && line < idx.lineCount) assert.equal(p.lineText(line), idx.lineText(line));
      }
    }), { numRuns: 300 });
  });

  it('reuses every section an edit did not touch, and moves the ones after it', () => {
    const g = generate(3000).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(g);
    assert.equal(analyzer.lastReuse.full, true);
    const at = g.indexOf('\n', Math.floor(g.length / 2)) - 2; // inside a row's last figure, mid-document
    const edited = `${g.slice(0, at)}9${g.slice(at)}`;
    const a = analyzer.analyze(edited);
    assert.equal(analyzer.lastReuse.full, false);
    assert.equal(analyzer.lastReuse.reused, analyzer.lastReuse.sections - 1, JSON.stringify(analyzer.lastReuse));
    assert.deepEqual(dump(a), dump(analyze(edited)));
    // The edited figure now breaks its row's formula and its 款's sum; undoing the edit gives back the first analysis.
    const errors = (x: Analysis) => x.findings.filter((f) => f.severity === 'error').length;
    assert.equal(errors(analyze(g)), 0);
    assert.ok(errors(a) >= 2, `${errors(a)} errors`);
    assert.deepEqual(dump(analyzer.analyze(g)), dump(analyze(g)));
  });

  it('keeps no old version of the text alive: a section kept across versions holds only its own text', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let text = generate(10000, 3).text;
    const analyzer = new DocumentAnalyzer();
    // Every relation asked for once: the rows' views are made now, not counted below (they are made on demand and
    // kept with their parts; error localisation makes those of the rows around each new error).
    assert.ok(analyzer.analyze(text).relations.length > 0);
    gc();
    const before = process.memoryUsage().heapUsed;
    // One digit retyped in every section: each is parsed again from a different version of the text.
    let edited = 0;
    for (const b of sections(text)) {
      const m = /\| (\d)/.exec(text.slice(b.start, b.end));
      if (!m) continue;
      const at = b.start + m.index + 2;
      text = `${text.slice(0, at)}${(Number(text[at]) + 1) % 10}${text.slice(at + 1)}`;
      analyzer.analyze(text);
      edited++;
    }
    assert.ok(edited > 50, `${edited} sections edited`);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    const textBytes = 2 * text.length; // CJK: two bytes a character
    // Sections sliced from the text they were parsed in kept one whole version each alive: 80 texts here.
    assert.ok(grown < 8 * textBytes, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB, ${(grown / textBytes).toFixed(1)} × the text`);
  });

  it('starts afresh when the header changes, since every table inherits from it', () => {
    const g = generate(800).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(g);
    const edited = g.replace('金额单位：万元', '金额单位：元').replace('年度：2023', '年度：2024');
    const a = analyzer.analyze(edited);
    assert.equal(analyzer.lastReuse.full, true);
    assert.ok(a.document.tables.every((t) => t.unit === '元'));
    assert.equal(a.document.header.year, 2024);
    assert.deepEqual(dump(a), dump(analyze(edited)));
  });
});
