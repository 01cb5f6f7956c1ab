/**
 * Real documents checked with no rule of their transcribers (test/fixtures/corpus: they carry only the rules their
 * 注 lines print; the seeds: see seeds.findings.ts): every finding of the standard sets, completeness and hygiene,
 * pinned as `line severity rule text`, each confirmed by hand against the document (its extracted text in
 * test/fixtures/corpus/extracted or ../shared/seeds, and the independent audit beside it, *.mistakes.md).
 * Errors of the seeds are pinned in seeds.findings.ts; here their warnings.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { identityState } from '../server/src/standard/apply';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';

/** The rules of completeness and hygiene; and any finding of a standard identity (its message names 标准表). */
const RULES = new Set(['standard-set', 'table-missing', 'table-order', 'table-contents', 'contents-heading', 'table-empty', 'placeholder', 'year-mismatch', 'unit-name', 'repeated-punctuation']);

const EXPECTED: Record<string, string[]> = {
  'seeds/qiaokou-2023-final.budget': [],
  // No standard table could be transcribed (image pages): nothing is said of the tables; the four project forms hold.
  'seeds/dongxihu-2020-budget.budget': [],
  'seeds/wuhan-info-center-2022-budget.budget': [
    // 003_977aee08196e84ac.txt L19/L26 (目录): "表 2. 收入总体表", "表 9. 项目支出表"; the extracted text has neither table
    // (the transcription says so above 公开表3): the 目录 lists what the transcription lacks.
    '20 warning table-contents 表 2. 收入总体表',
    '27 warning table-contents 表 9. 项目支出表',
    // The same 收入总表, mandatory in a 部门预算: reported at the table it should come before.
    '117 warning table-missing 表 公开表3 支出总表',
  ],
  'seeds/xinzhou-2023-budget.budget': [
    // 000_c11ced0713adf71c.txt: 附表4-8 政府性基金预算支出表 prints its header and no row, and no note under it (the
    // narrative says elsewhere that there is no such spending).
    '329 warning table-empty 表 附表4-8 政府性基金预算支出表',
    // The four errors of the standard identities, pinned and confirmed in seeds.findings.ts (lines 380, 383, 680, 685,
    // 748, 749 there).
    '380 error row-formula 370.56', '383 error cross-table 157.49', '680 error cross-table 35', '685 error cross-table 35',
    '748 error row-formula ', '749 error cross-table 9.81',
  ],
  'seeds/huangpi-2023-final.budget': [
    // 004_3ec73e31864cf5c6.txt L40/L42 (目录): "十四、专项支出、转移支付支出情况说明", "第四部分 其他需要说明的情况"; the body's
    // 第三部分 ends at 十三、预算绩效情况说明, its 第四部分 is "2023 年重点工作完成情况" (L461) — the audit's 目录 finding.
    '42 warning contents-heading 十四、专项支出、转移支付支出情况说明',
    '43 warning contents-heading 第四部分 其他需要说明的情况',
    '476 error year-mismatch 截至 2022 年 12 月 31 日',
    // 004_3ec73e31864cf5c6.txt 整体绩效自评表: "部门(单位)名称 五 汉市黄阪 支 区大数据中心" (OCR of 武汉市黄陂区大数据中心) in the
    // self-evaluation of 武汉市黄陂区网络运维服务中心 (the header, the cover, every table): another unit's name.
    '561 warning unit-name 武汉市黄陂区大数据中心',
    '618 error cross-table 0',
  ],
  'test/fixtures/corpus/jiangsu-high-court-2019-budget.budget': [
    // txt L492–496: 公开10表 prints 合计 0 and only 注："科目编码"和"科目名称"为必填项 — no word that it is empty.
    '347 warning table-empty 表 公开10表 政府性基金预算财政拨款支出预算表',
  ],
  'test/fixtures/corpus/jiangsu-npc-office-2017-budget.budget': [
    // Audit: "表的次序：目录“四、财政拨款收支预算总表”“五、财政拨款支出预算表”（txt 第 16–17 行），正文先印“财政拨款支出预算表”".
    // Audit: "目录“第四部分 名称解释”↔ 正文“第四部分 名词解释”（第 1077 行）" (txt L27 / L1077).
    '38 warning contents-heading 第四部分 名称解释',
    '192 warning table-contents 表 财政拨款收支预算总表',
  ],
  // The text PDF: its 目录 lists twelve tables printed in the other PDF; it prints none, so nothing is missing.
  'test/fixtures/corpus/jiangsu-party-office-2018-budget-文件.budget': [],
  'test/fixtures/corpus/jiangsu-party-office-2018-budget-表.budget': [
    // Audit: "两份目录次序不同：…表目录“七、政府性基金支出预算表 … 十、…机关运行经费… 十一、…‘三公’经费…”…正文 … 与表目录不一致".
    '253 warning table-contents 表 财政拨款政府性基金支出预算表',
    '261 warning table-contents 表 一般公共预算机关运行经费支出预算表',
  ],
  'test/fixtures/corpus/jiangsu-cppcc-office-2019-budget-文件.budget': [
    // Audit 1: "填报说明留在正文里（四处）…第 323–324、327–328、348–349、352–353 行".
    '128 error placeholder （按“部门预算公开 06 表 财政拨款基本支出预算表”中实际发生经济分类支出事项',
    '129 error placeholder （按“部门预算公开 06 表 财政拨款基本支出预算表”中实际发生经济分类支出事项',
    '137 error placeholder （按“部门预算公开 08 表 财政拨款基本支出预算表”中实际发生经济分类支出事项',
    '138 error placeholder （按“部门预算公开 08 表 财政拨款基本支出预算表”中实际发生经济分类支出事项',
  ],
  'test/fixtures/corpus/jiangsu-cppcc-office-2019-budget-表.budget': [],
  // Every table holds (audit: "十二张表全部成立"); its ten mistakes are in the narrative.
  'test/fixtures/corpus/jiangsu-procuratorate-2018-budget.budget': [],
  'test/fixtures/corpus/shanghai-2024-final-template.budget': [
    // Audit "占位符": "XX" in the title and header (8, 9), the 目录 (15, 18, 28), the 第二部分 heading (43), the 说明 under the
    // two fund tables (274, 283); the "…" example rows (102, 105, 116, 119, 175, 178); the fill-in instruction left under
    // those tables (273, 282); and "空白金额": seven tables without a figure and without the note the template prescribes.
    // The 目录 lists 第一、三、四部分, which this transcription of the template's tables leaves out (their pages are the
    // template's instructions, see the file's head): the document as transcribed has only its 第二部分.
    '8 error placeholder XX', '9 error placeholder XX', '15 warning contents-heading 第一部分 上海市 XX 局概况', '15 error placeholder XX',
    '18 error placeholder XX', '28 warning contents-heading 第三部分 上海市 XX 局 2024 年度部门决算情况说明', '28 error placeholder XX',
    '40 warning contents-heading 第四部分 名词解释',
    '43 error placeholder XX', '46 warning table-empty 表 收入支出决算总表', '95 warning table-empty 表 收入决算表',
    '102 error placeholder …', '102 error placeholder …', '105 error placeholder …', '109 warning table-empty 表 支出决算表',
    '116 error placeholder …', '116 error placeholder …', '119 error placeholder …', '124 warning table-empty 表 财政拨款收入支出决算总表',
    '169 warning table-empty 表 一般公共预算财政拨款支出决算表', '175 error placeholder …', '175 error placeholder …', '178 error placeholder …',
    '184 warning table-empty 表 一般公共预算财政拨款基本支出决算表', '260 warning table-empty 表 财政拨款“三公”经费支出决算表',
    '273 error placeholder 仍保留该表格式', '273 error placeholder 并在本表下方作下述说明', '274 error placeholder XX',
    '282 error placeholder 仍保留该表格式', '282 error placeholder 并在本表下方作下述说明', '283 error placeholder XX',
  ],
};

describe('standard sets on real documents, with no rule of their transcribers', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const a = analyze(text);
      const idx = new LineIndex(text);
      const got = a.findings
        .filter((f) => f.severity !== 'information' && (RULES.has(f.rule) || /标准表/.test(f.message)))
        .map((f) => `${idx.position(f.span.start).line + 1} ${f.severity} ${f.rule} ${text.slice(f.span.start, f.span.end).slice(0, 40)}`);
      assert.deepEqual(got, expected);
    });
  }

  it('the 江苏 budgets: every table recognised, some thirty identities applied to each, none failing (the audits find every table sound)', () => {
    for (const name of ['jiangsu-high-court-2019-budget', 'jiangsu-npc-office-2017-budget', 'jiangsu-party-office-2018-budget-表', 'jiangsu-cppcc-office-2019-budget-表', 'jiangsu-procuratorate-2018-budget']) {
      const a = analyze(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', `${name}.budget`), 'utf8'));
      const tables = a.document.tables.filter((t) => t.kind === 'table');
      assert.deepEqual(tables.filter((t) => !a.standard.tableOf(t)).map((t) => t.heading), [], name);
      const states = tables.flatMap((t) => a.standard.applied(t)).map(identityState);
      assert.ok(states.filter((s) => s === 'holds').length >= 30, `${name}: ${states.filter((s) => s === 'holds').length} hold`);
      assert.deepEqual(states.filter((s) => s === 'fails' || s === 'tail'), [], name);
    }
  });
});
