/**
 * `--lang en` speaks English: over the seeds and a document with every kind of finding, no message holds Chinese but
 * text quoted from the document itself (a row's label, a rule as written) or a keyword of the language (年度, 列：, 行,
 * 栏 …, which an English user types too); the CLI's own texts (usage, summary, errors) hold none at all.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { culpritOptions } from '../server/src/claims/culprits';
import { selectTables } from '../server/src/interchange/export';
import { editorMessages } from '../server/src/i18n/editor';
import { knowledgeMessages } from '../server/src/i18n/knowledge';
import { standardMessages } from '../server/src/i18n/standard';
import { messages } from '../server/src/i18n/messages';
import { cli } from './support/cli';
import { ROOT } from './support/lsp';

/** Keywords of the `.budget` language (docs/language.md) that messages may name. */
const KEYWORDS = ['年度', '类型', '金额单位', '预算', '决算', '万元', '元', '列', '规则', '注', '表', '行', '栏', '各行', '本表', '名词解释', '情况说明', '类', '款', '项', '目', '：', '「', '」', '（', '）', '《', '》', '…'];
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g;

/** The Chinese runs of `message` that neither the document nor the language's keywords account for. */
function foreign(message: string, document: string): string[] {
  const out: string[] = [];
  for (const run of message.match(CJK) ?? []) {
    if (document.includes(run)) continue;
    // A run may join a quoted name and a keyword (「合计」行): each piece must be one or the other.
    let rest = run;
    for (const k of [...KEYWORDS].sort((a, b) => b.length - a.length)) rest = rest.split(k).join(' ');
    for (const piece of rest.split(' ').filter(Boolean)) if (!document.includes(piece)) out.push(run);
  }
  return out;
}

describe('English output', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'budget-english-'));
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.budget'))) copyFileSync(join(ROOT, 'seeds', f), join(dir, f));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'english-mix.budget'), join(dir, 'mix.budget'));

  it('--lang en: the findings over the seeds and every kind of finding hold no Chinese but the document\'s', () => {
    const r = cli(['--lang', 'en', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1, r.err);
    const found = JSON.parse(r.out) as { file: string; rule: string; message: string }[];
    const rules = new Set(found.map((f) => f.rule));
    for (const id of ['syntax', 'row-shape', 'figure-format', 'rule-reference', 'column-formula', 'code-unknown', 'code-name', 'code-kind', 'narrative', 'cross-table', 'share']) assert.ok(rules.has(id), `a ${id} finding`);
    const texts = new Map<string, string>();
    const bad: string[] = [];
    for (const f of found) {
      if (!texts.has(f.file)) texts.set(f.file, readFileSync(join(dir, f.file), 'utf8'));
      const runs = foreign(f.message, texts.get(f.file)!);
      if (runs.length) bad.push(`${f.file} [${f.rule}] ${runs.join(' ')}: ${f.message}`);
    }
    assert.deepEqual(bad, []);
    // No names glued together: every quoted name stands apart from the words around it.
    for (const f of found) assert.doesNotMatch(f.message, /[\u4e00-\u9fff](row|column|table) “|”(row|column) /, f.message);
  });

  it('--lang en: the text output, its summary, usages and errors hold no Chinese of their own', () => {
    const text = cli(['--lang', 'en', 'mix.budget', 'nope.budget'], dir);
    const summary = text.out.trim().split('\n').pop()!;
    assert.match(summary, /^Checked 1 file: \d+ errors, \d+ warnings, \d+ information \(rounding tails and notes\), 0 hints$/);
    assert.doesNotMatch(text.err, CJK);
    for (const args of [['--help'], ['format', '--help'], ['import', '--help'], ['export', '--help'], ['--bogus'], ['export'], ['import'], ['format'], ['--format', 'xml', '.']]) {
      const r = cli([...args, '--lang', 'en'], dir);
      // (Nor Chinese punctuation: the formats were listed `text、json、sarif、github`.)
      assert.doesNotMatch(r.out + r.err, /[\u3000-\u303f\u4e00-\u9fff]/, `${args.join(' ')}: ${r.out}${r.err}`);
    }
  });
  it('--lang en: a culprit of several figures, and a tie of such sets, are listed in English (were joined by the Chinese 、)', () => {
    const o = culpritOptions(messages('en'), 'en');
    assert.equal(o.culprit(['row “甲”', 'row “乙”']), '; the figures likely at fault are row “甲” and row “乙”');
    assert.equal(o.culprit(['row “甲”', 'row “乙”', 'row “丙”']), '; the figures likely at fault are row “甲”, row “乙” and row “丙”');
    assert.equal(o.culprit(['row “甲”']), '; the figure likely at fault is row “甲”');
    assert.equal(o.tie([['row “甲”'], ['row “乙”', 'row “丙”']]), '; cannot tell which figure is at fault: changing either row “甲” or row “乙” and row “丙” would make the checks hold');
    // zh as before.
    const zh = culpritOptions(messages('zh'), 'zh');
    assert.equal(zh.culprit(['甲', '乙']), '；可能有误的是 甲、乙');
    assert.equal(zh.tie([['甲'], ['乙', '丙']]), '；无法确定哪一个数有误：甲 或 乙、丙 各自改动都可使核对成立');
    // A document: the narrative's parts that the table prints as 0 (5.00, 4.5), named together as the mistake.
    const text = ['# 某局2023年部门预算', '部门：某局', '年度：2023', '类型：预算', '金额单位：万元', '', '## 表 收支总表', '### 收入',
      '列：项目 | 预算数', '一、一般公共预算拨款收入 | 160.01', '二、政府性基金预算拨款收入 | 0', '五、事业收入 | 0', '本年收入合计 | 160.01',
      '收入总计 | 160.01', '### 支出', '列：项目 | 预算数', '一般公共服务支出 | 160.01', '本年支出合计 | 160.01', '支出总计 | 160.01', '',
      '## 情况说明', '2023年收入总计160.01万元，其中：一般公共预算拨款收入160.01万元；政府性基金预算拨款收入5.00万元；事业收入4.5万元。', ''].join('\n');
    const localised = analyze(text, { locale: 'en' }).findings.filter((f) => / likely at fault | cannot tell /.test(f.message));
    assert.ok(localised.length > 0);
    // (A row's own label may hold 、: only the text outside quotes is the message's.)
    const unquoted = (m: string) => m.split('“').map((piece, i) => (i ? piece.slice(piece.indexOf('”') + 1) : piece)).join('');
    for (const f of localised) assert.doesNotMatch(unquoted(f.message), /、/, f.message);
    assert.ok(localised.some((f) => /; the figures likely at fault are the narrative’s “[^”]+” 5\.00 and the narrative’s “[^”]+” 4\.5$/.test(f.message)), localised.map((f) => f.message).join('\n'));
  });
  it('--lang en: a catalog\'s years, a workbook\'s sheets, scanned pages, the known sets, blank sources are listed in English (were joined by the Chinese 、)', () => {
    assert.equal(editorMessages('en').importNoSheet('甲', ['Sheet1', 'Sheet2']), 'No worksheet “甲”. The workbook has: Sheet1, Sheet2');
    assert.equal(editorMessages('en').pdfImagePages([3, 5]), 'These pages hold only images (scanned pages) and were not imported: pages 3, 5');
    assert.equal(editorMessages('zh').pdfImagePages([3, 5]), '以下页面只有图像（扫描页），未能导入：第 3、5 页');
    assert.match(standardMessages('en').unknownSet('甲', ['部门预算', '部门决算']), /\(known: 部门预算, 部门决算\)$/);
    assert.match(messages('en').ruleSourcesBlank(['当年财政拨款', '其他资金']), /\(no source filled in: 当年财政拨款, 其他资金\)$/);
    assert.equal(knowledgeMessages('en').years([2023, 2017, 2018, 2019]), '2017–2019, 2023');
    assert.equal(knowledgeMessages('zh').years([2023, 2017, 2018, 2019]), '2017–2019、2023 年');
  });
  it('--lang en: an export\'s tables, an import\'s repaired lines, a joined file\'s note and a code\'s mapped codes are listed in English (were joined by the Chinese 、 or ：)', () => {
    const text = ['# 部门预算', '', '## 表 表1 收入总表', '列：项目 | 金额', '收入合计 | 1.00', '', '## 表 表2 支出总表', '列：项目 | 金额', '支出合计 | 1.00', ''].join('\n');
    const doc = analyze(text).document;
    const en = selectTables(doc, { table: '表9', locale: 'en' });
    assert.equal(typeof en, 'string');
    assert.match(en as string, /The document's tables: [^、]+, [^、]+$/, en as string);
    assert.match(selectTables(doc, { table: '表9', locale: 'zh' }) as string, /本文档的表：[^、]+、[^、]+$/);
    assert.equal(editorMessages('en').importRepairsLine([3, 5], '“3 07.24” → “307.24”'), 'import repairs (input lines 3, 5): “3 07.24” → “307.24”');
    assert.equal(editorMessages('zh').importRepairsPage([2, 4], '甲'), '导入修复（原文第 2、4 页）：甲');
    assert.equal(editorMessages('en').ofFile('b.pdf', 'x'), 'b.pdf: x');
    assert.equal(knowledgeMessages('en').hoverCodes(['30101', '30102']), '30101, 30102');
    assert.equal(knowledgeMessages('zh').hoverCodes(['30101', '30102']), '30101、30102');
  });
});
