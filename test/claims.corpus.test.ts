/**
 * Each narrative check on sentences that are not the seeds' phrasing: real lines of the transcribed Jiangsu budgets
 * (test/fixtures/corpus, with their tables), each made wrong in one figure or word. The line as published is the
 * passing case (its audit, *.mistakes.md, finds it right, and no finding stands on it); the changed line the failing
 * one, with the finding expected at the changed figure.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import type { Finding } from '../server/src/checks/finding';

const ROOT = join(__dirname, '..', '..');
const COURT = 'jiangsu-high-court-2019-budget.budget';
/** The text PDF of the 政协 budget: its narrative without its tables (those are in the other PDF). */
const CPPCC = 'jiangsu-cppcc-office-2019-budget-文件.budget';

interface Case {
  check: string;
  file: string;
  /** The line (1-based) of the fixture, and the text changed in it. */
  line: number;
  from: string;
  to: string;
  /** Findings expected: the text each stands on, and its message. */
  expect: [said: string, message: RegExp][];
}

const CASES: Case[] = [
  { check: 'an amount equals its table quantity (a 类)', file: COURT, line: 458, from: '27488.23', to: '27488.32',
    expect: [
      // Each figure as printed (session 26: the narrative's 27488.32 was told grouped like the table's).
      ['27488.32', /“公共安全支出”为 27488\.32，公开05表「公共安全支出」行「金额」栏为 27,488\.23：同一数额两处列示不一致，相差 0\.09/],
      // The three 类 are the list of the 支出预算总计 above them: the sum fails too, and names the culprit.
      ['37188.34', /应为 37188\.43，实为 37188\.34.*可能有误的是 情况说明“公共安全支出” 27488\.32$/],
    ] },
  { check: 'an amount equals its table quantity (a 款/项 path)', file: COURT, line: 488, from: '17279.29', to: '17279.92',
    expect: [['17279.92', /公开05表「行政运行」行「金额」栏为 17,279\.29/]] },
  { check: 'a text that calls 0 what a table prints (the subject named with what it belongs to)', file: COURT, line: 523, from: '271.02', to: '0',
    expect: [['0', /“一般公共预算拨款安排的会议费预算支出”为 0，公开09表「第1行」行「会议费」栏为 271\.02/]] },
  { check: 'a table cell left blank where the text states an amount', file: COURT, line: 520, from: '0 万元', to: '8 万元',
    expect: [
      ['8', /“公务用车购置预算支出”为 8 万元，公开09表「第1行」行「公务用车购置费」栏却为空/],
      ['266.8', /应为 274\.80，实为 266\.8，相差 8\.00.*可能有误的是 情况说明“公务用车购置预算支出” 8$/],
    ] },
  { check: 'a rate equals change ÷ base (this year’s amount in the sentence)', file: COURT, line: 488, from: '16.30%', to: '16.03%',
    expect: [['16.03%', /按 2421\.68 ÷ \(17279\.29 - 2421\.68\) 应为 16\.30%/]] },
  { check: 'a rate equals change ÷ base (this year’s amount in the sentence before)', file: COURT, line: 462, from: '减少 10%', to: '减少 11%',
    expect: [['11%', /按 1134\.33 ÷ \(10208\.94 \+ 1134\.33\) 应为 10%/]] },
  { check: 'a direction word agrees with the change', file: CPPCC, line: 115, from: '下降 65.64%', to: '增长 65.64%',
    expect: [['65.64%', /增减方向前后矛盾：变动额称“减少”，变动率称“增加”/]] },
  { check: 'a share equals part ÷ whole, and the shares of the whole add up to 100%', file: COURT, line: 471, from: '59.07%', to: '59.70%',
    expect: [['59.70%', /按 21968 ÷ 37188\.34 应为 59\.07%/], ['13.48%', /各项占比之和为 100\.63%，超过 100%/]] },
  { check: 'a share of a whole the text names and a table prints (三公经费 小计)', file: COURT, line: 517, from: '31.14%', to: '41.14%',
    expect: [['41.14%', /按 160 ÷ 513\.75 应为 31\.14%/], ['16.93%', /各项占比之和为 110\.00%/]] },
  { check: 'the shares of a whole named but printed nowhere in the document still may not pass 100%', file: CPPCC, line: 141, from: '60.22%', to: '62.22%',
    expect: [['62.22%', /各项占比之和为 102\.00%，超过 100%/]] },
  { check: 'a count is not less than its parts', file: COURT, line: 536, from: '66 辆', to: '60 辆',
    expect: [['60', /其中各项之和 66 辆 大于总数 60 辆/]] },
  { check: 'a total equals its 其中 parts, and the one wrong figure is named', file: COURT, line: 533, from: '3059.87', to: '3059.78',
    expect: [
      ['5227.59', /应为 5227\.50，实为 5227\.59.*可能有误的是 情况说明“拟采购服务支出” 3059\.78$/],
      ['3059.78', /“拟采购服务支出”为 3059\.78，公开12表「三、服务 C」行「总计」栏为 3,059\.87：同一数额两处列示不一致，相差 0\.09/],
    ] },
  { check: 'a 政府采购 total equals the table’s', file: COURT, line: 533, from: '5227.59', to: '5227.95',
    expect: [
      ['5227.95', /公开12表「合计」行「总计」栏为 5,227\.59/],
      ['5227.95', /应为 5227\.59，实为 5227\.95/],
    ] },
  { check: 'a large change needs its reason', file: CPPCC, line: 122, from: '主要原因是住房公积金基数调整，支出增加。', to: '',
    expect: [['101.21', /变动较大（增加 101\.21 万元，25\.84%）但未说明原因/]] },
  { check: 'a placeholder is no reason', file: CPPCC, line: 123, from: '主要原因是提租补贴基数调整，支出增加。', to: '主要原因是11。',
    expect: [['主要原因是11', /变动原因未填写：“11”不是原因/]] },
];

const texts = new Map<string, string>();
const read = (file: string) => {
  let t = texts.get(file);
  if (t === undefined) texts.set(file, (t = readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', file), 'utf8')));
  return t;
};

/** The narrative findings (errors and warnings) of a text, as `[text, message]`. */
function narrative(text: string): [string, string][] {
  return analyze(text).findings
    .filter((f: Finding) => (f.rule === 'narrative' || f.rule === 'narrative-reason') && f.severity !== 'information')
    .map((f) => [text.slice(f.span.start, f.span.end), f.message]);
}

describe('claims: each check on the phrasing of other documents (the 江苏 budgets, one figure or word changed)', () => {
  for (const c of CASES) {
    it(`${c.check} — ${c.file.replace('.budget', '')}:${c.line}`, () => {
      const text = read(c.file);
      const lines = text.split('\n');
      const line = lines[c.line - 1];
      assert.equal(line.split(c.from).length, 2, `“${c.from}” once in line ${c.line}: ${line}`);
      assert.deepEqual(narrative(text), [], 'the document as published holds');
      lines[c.line - 1] = line.replace(c.from, c.to);
      const changed = lines.join('\n');
      const got = narrative(changed);
      for (const [said, message] of c.expect) {
        assert.ok(got.some(([s, m]) => s === said && message.test(m)), `no finding on “${said}” matching ${message}; got:\n${got.map(([s, m]) => `${s}: ${m}`).join('\n')}`);
      }
      assert.equal(got.length, c.expect.length, got.map(([s, m]) => `${s}: ${m}`).join('\n'));
    });
  }
});
