/** Small documents the tests share, and how tests edit them. */
import * as assert from 'node:assert/strict';

/** `text` with the first `from` after `after` replaced by `to` (both must be there). */
export function replaceAfter(text: string, after: string, from: string, to: string): string {
  const a = text.indexOf(after);
  const at = text.indexOf(from, a);
  assert.ok(a >= 0 && at >= 0, `${after} … ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `text` with a data row typed into the table headed `heading`: its `n`-th row again, labelled `label`. */
export function rowTyped(text: string, heading: string, n: number, label: string): string {
  let at = text.indexOf('\n', text.indexOf(heading)) + 1;
  for (let k = 0; k < n; k++) at = text.indexOf('\n', at) + 1;
  const row = text.slice(at, text.indexOf('\n', at)).split('|');
  assert.ok(row.length > 2, `a row of figures under ${heading}`);
  return `${text.slice(0, at)}${[row[0], ` ${label} `, ...row.slice(2)].join('|')}\n${text.slice(at)}`;
}

export const XINZHOU_HEAD = `# 新洲区大数据中心 2023 年部门预算
部门：新洲区大数据中心
年度：2023
类型：预算
金额单位：万元
`;

/** A 一般公共预算支出表 whose figures all agree (two of its totals only within rounding). */
export const GOOD = `${XINZHOU_HEAD}
## 表 附表4-5 一般公共预算支出表
列：科目编码 | 科目名称 | 合计 | 基本支出{小计 | 人员经费 | 公用经费} | 项目支出
 | 合计 | 307.24 | 197.25 | 157.50 | 39.76 | 109.99
201 | 一般公共服务支出 | 262.40 | 152.41 | 112.65 | 39.76 | 109.99
20101 | 人大事务 | 7.50 | 0.00 | 0.00 | 0.00 | 7.50
2010102 | 一般行政管理事务 | 7.50 | 0.00 | 0.00 | 0.00 | 7.50
20103 | 政府办公厅（室）及相关机构事务 | 214.39 | 111.90 | 72.14 | 39.76 | 102.49
2010302 | 一般行政管理事务 | 214.39 | 111.90 | 72.14 | 39.76 | 102.49
20104 | 发展与改革事务 | 40.51 | 40.51 | 40.51 | 0.00 | 0.00
2010402 | 一般行政管理事务 | 40.51 | 40.51 | 40.51 | 0.00 | 0.00
208 | 社会保障和就业支出 | 18.93 | 18.93 | 18.93 | 0.00 | 0.00
20805 | 行政事业单位养老支出 | 18.93 | 18.93 | 18.93 | 0.00 | 0.00
2080505 | 机关事业单位基本养老保险缴费支出 | 18.93 | 18.93 | 18.93 | 0.00 | 0.00
210 | 卫生健康支出 | 10.65 | 10.65 | 10.65 | 0.00 | 0.00
21011 | 行政事业单位医疗 | 10.65 | 10.65 | 10.65 | 0.00 | 0.00
2101103 | 公务员医疗补助 | 10.65 | 10.65 | 10.65 | 0.00 | 0.00
221 | 住房保障支出 | 15.27 | 15.27 | 15.27 | 0.00 | 0.00
22102 | 住房改革支出 | 15.27 | 15.27 | 15.27 | 0.00 | 0.00
2210201 | 住房公积金 | 12.17 | 12.17 | 12.17 | 0.00 | 0.00
2210202 | 提租补贴 | 3.10 | 3.10 | 3.10 | 0.00 | 0.00
规则：1栏各行=(2+5)栏各行；2栏各行=(3+4)栏各行
`;

/** GOOD with one wrong 合计 figure: 307.24 typed as 317.24. */
export const ONE_WRONG_TOTAL = GOOD.replace(' | 合计 | 307.24 |', ' | 合计 | 317.24 |');

/**
 * A table whose field (`项目总预算：100.00`: a row of the table's field part, which is not stored) a rule of its own
 * reads: the field disagrees with the 合计 its rows add up to (the field is wrong).
 */
export const FIELD_RULE_TABLE = `## 表 项目核对表
项目总预算：100.00
列：项目 | 金额
合计 | 90.00
甲 | 40.00
乙 | 50.00
规则：「项目总预算」行=「合计」行「金额」栏
规则：「合计」行=（「甲」+「乙」）行
`;
