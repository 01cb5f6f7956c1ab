/**
 * Every message a user reads, Chinese first, English when the editor's display language is English.
 * The language is chosen once per analysis (`Locale`); templates are plain functions.
 */
export type Locale = 'zh' | 'en';

const zh = {
  sumMismatch: (lhs: string, rhs: string, expected: string, actual: string, diff: string, ctx: string) =>
    `${lhs} ≠ ${rhs}：应为 ${expected}，实为 ${actual}，相差 ${diff}${ctx}`,
  sumTail: (lhs: string, rhs: string, expected: string, actual: string, diff: string, ctx: string) =>
    `尾差：${lhs} = ${rhs} 在舍入范围内成立（各项相加 ${expected}，列示 ${actual}，相差 ${diff}）${ctx}`,
  sameMismatch: (lhs: string, rhs: string, expected: string, actual: string, diff: string, ctx: string) =>
    `${lhs} ≠ ${rhs}：同一数额两处列示不一致，应为 ${expected}，实为 ${actual}，相差 ${diff}${ctx}`,
  context: (where: string, rule: string) => `（${where ? `${where}；` : ''}${rule}）`,
  ruleDeclared: (text: string) => `规则 ${text}`,
  ruleHierarchy: (parent: string, child: string) => `${parent} = Σ${child}`,
  ruleTotal: '合计 = Σ各顶层科目',
  ruleForm: (what: string) => `表单核对 ${what}`,
  ruleShare: '占比 = 金额 ÷ 合计',
  ruleNarrative: (what: string) => `情况说明核对 ${what}`,
  ratioMismatch: (pct: string, num: string, den: string, computed: string, diff: string, ctx: string) =>
    `比例不符：列示 ${pct}，按 ${num} ÷ ${den} 应为 ${computed}，相差 ${diff}${ctx}`,
  termRelated: (name: string, value: string) => `参与计算：${name} = ${value}`,
  targetRelated: (name: string, value: string) => `被核对：${name} = ${value}`,
  row: (label: string) => `「${label}」行`,
  column: (name: string) => `「${name}」栏`,
  level: { 3: '类', 5: '款', 7: '项' } as Record<number, string>,
  brokenFigure: (text: string, fixed: string) => `数字格式有误：“${text}”${fixed ? `（是否应为 ${fixed}？）` : ''}`,
  notFound: (what: string) => `找不到${what}`,
  tableNotFound: (what: string) => `找不到表“${what}”`,
  rowNotFound: (what: string) => `找不到行 ${what}`,
  columnNotFound: (what: string) => `找不到栏 ${what}`,
  ruleNeedsAxis: '规则左边须指明行（如 27行）或栏（如 1栏各行）',
  cellNotFigure: (where: string, text: string) => `规则引用的单元格不是数字：${where} 为“${text}”`,
  empty: '（空）',
};
export type Messages = typeof zh;

const en: Messages = {
  sumMismatch: (lhs, rhs, expected, actual, diff, ctx) => `${lhs} ≠ ${rhs}: expected ${expected}, found ${actual}, difference ${diff}${ctx}`,
  sumTail: (lhs, rhs, expected, actual, diff, ctx) =>
    `Rounding: ${lhs} = ${rhs} holds within rounding (parts add up to ${expected}, printed ${actual}, difference ${diff})${ctx}`,
  sameMismatch: (lhs, rhs, expected, actual, diff, ctx) =>
    `${lhs} ≠ ${rhs}: the same amount is printed differently, expected ${expected}, found ${actual}, difference ${diff}${ctx}`,
  context: (where, rule) => ` (${where ? `${where}; ` : ''}${rule})`,
  ruleDeclared: (text) => `rule ${text}`,
  ruleHierarchy: (parent, child) => `${parent} = Σ ${child}`,
  ruleTotal: 'total = Σ top-level codes',
  ruleForm: (what) => `form check ${what}`,
  ruleShare: 'share = amount ÷ total',
  ruleNarrative: (what) => `narrative check ${what}`,
  ratioMismatch: (pct, num, den, computed, diff, ctx) => `Ratio mismatch: printed ${pct}, ${num} ÷ ${den} gives ${computed}, difference ${diff}${ctx}`,
  termRelated: (name, value) => `term: ${name} = ${value}`,
  targetRelated: (name, value) => `checked: ${name} = ${value}`,
  row: (label) => `row “${label}”`,
  column: (name) => `column “${name}”`,
  level: { 3: 'class', 5: 'section', 7: 'item' },
  brokenFigure: (text, fixed) => `Malformed number: “${text}”${fixed ? ` (did you mean ${fixed}?)` : ''}`,
  notFound: (what) => `Not found: ${what}`,
  tableNotFound: (what) => `No table “${what}”`,
  rowNotFound: (what) => `No row ${what}`,
  columnNotFound: (what) => `No column ${what}`,
  ruleNeedsAxis: 'The left side of a rule must name a row (27行) or a column (1栏各行)',
  cellNotFigure: (where, text) => `A cell used by a rule is not a number: ${where} is “${text}”`,
  empty: '(blank)',
};

export function messages(locale: Locale = 'zh'): Messages {
  return locale === 'en' ? en : zh;
}

/** Maps an editor locale (`zh-cn`, `en`, `en-us` …) to ours: English only when asked for. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh';
}
