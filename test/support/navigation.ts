/** Small documents for the navigation tests (outline, folding, semantic tokens, definition, references, highlights). */

/**
 * Two tables with CJK text, an emoji (two UTF-16 code units) before figures, a 尾差 and a mismatch, comments,
 * a glossary and narrative sub-headings. Lines are joined by `\n`; `crlf()` gives the `\r\n` version.
 */
export const SMALL_LINES = [
  '// 测试文档：导航',
  '// 第二行注释',
  '# 测试单位 2023 年度部门决算',
  '部门：测试单位',
  '年度：2023',
  '类型：决算',
  '金额单位：万元',
  '',
  '## 表 公开05表 一般公共预算财政拨款支出决算表',
  '列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]',
  ' | 合计 | 13.00 | 3.00 | 10.00',
  '201 | 一般公共服务支出🏛 | 13.00 | 3.00 | 10.00',
  '20103 | 政府办公厅（室）及相关机构事务 | 13.00 | 3.00 | 10.00',
  '2010350 | 事业运行😀 | 13.00 | 3.00 | 10.00',
  '规则：1栏各行=(2+3)栏各行',
  '',
  '## 表 公开01表 收入支出决算总表',
  '### 收入',
  '列：项目 | 行次 | 金额[1]',
  '一、财政拨款收入 | 1 | 1.00',
  '二、事业收入 | 2 | 2.00',
  '本年收入合计 | 3 | 3.01',
  '总计 | 4 | 3.50',
  '### 支出',
  '列：项目 | 行次 | 金额[2]',
  '一、一般公共服务支出 | 5 | 13.00',
  '注：本表反映收支总体情况。',
  '规则：3行=（1+2）行；4行=公开05表「合计」行1栏；5行=公开05表「201」行1栏',
  '',
  '## 名词解释',
  '一、财政拨款收入：指本级财政当年拨付的资金。',
  '二、三公经费：指因公出国（境）费、',
  '公务用车购置及运行维护费和公务接待费。',
  '',
  '## 情况说明',
  '### 一、总体情况',
  '收入 3.01 万元，其中：财政拨款收入 1.00 万元，事业收入 2.50 万元。',
  '#### （一）收入',
  '收入 3.01 万元。',
  '### 二、支出情况',
  '支出 13.00 万元。',
];

export const SMALL = SMALL_LINES.join('\n');

export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** The 0-based line of the first line that starts with `prefix`. */
export function lineOf(prefix: string): number {
  const i = SMALL_LINES.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i;
}

/** The folding ranges of SMALL, as [first line, last line, kind]. */
export function smallFolds(): [number, number, string][] {
  return [
    [lineOf('// 测试文档'), lineOf('// 第二行'), 'comment'],
    [lineOf('# 测试单位'), lineOf('金额单位'), 'region'],
    [lineOf('## 表 公开05表'), lineOf('规则：1栏各行'), 'region'],
    [lineOf('201 |'), lineOf('2010350 |'), 'region'],
    [lineOf('20103 |'), lineOf('2010350 |'), 'region'],
    [lineOf('## 表 公开01表'), lineOf('规则：3行'), 'region'],
    [lineOf('### 收入'), lineOf('总计 |'), 'region'],
    [lineOf('### 支出'), lineOf('一、一般公共服务支出 |'), 'region'],
    [lineOf('## 名词解释'), lineOf('公务用车购置'), 'region'],
    [lineOf('二、三公经费'), lineOf('公务用车购置'), 'region'],
    [lineOf('## 情况说明'), lineOf('支出 13.00'), 'region'],
    [lineOf('### 一、总体情况'), lineOf('收入 3.01 万元。'), 'region'],
    [lineOf('#### （一）收入'), lineOf('收入 3.01 万元。'), 'region'],
    [lineOf('### 二、支出情况'), lineOf('支出 13.00'), 'region'],
  ];
}
