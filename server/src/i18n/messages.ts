/**
 * Every message a user reads, Chinese first, English when the editor's display language is English.
 * The language is chosen once per analysis (`Locale`); templates are plain functions.
 */
export type Locale = 'zh' | 'en';

/** The checks of a project form (项目申报表) against itself, named in the rule title of their findings. */
const FORM_CHECKS = {
  budgetFunds: '项目当年预算 = 资金来源合计',
  detailSum: '支出明细合计 = Σ支出明细',
  detailFunds: '支出明细合计 = 资金来源合计',
  detailBudget: '支出明细合计 = 项目当年预算',
  fundsSum: '资金来源合计 = Σ支出明细',
  budgetSum: '项目当年预算 = Σ支出明细',
  scoreSum: '总分 = Σ各项得分',
  weightSum: '总分值 = Σ各项分值',
  levelPoints: '指标所注分值 = Σ其下各项分值',
};
export type FormCheck = keyof typeof FORM_CHECKS;
const FORM_CHECKS_EN: Record<FormCheck, string> = {
  budgetFunds: 'the project’s budget for the year = its total funding',
  detailSum: 'total of the expenditure details = Σ details',
  detailFunds: 'total of the expenditure details = total funding',
  detailBudget: 'total of the expenditure details = the project’s budget for the year',
  fundsSum: 'total funding = Σ expenditure details',
  budgetSum: 'the project’s budget for the year = Σ expenditure details',
  scoreSum: 'total score = Σ scores',
  weightSum: 'total weight = Σ weights',
  levelPoints: 'the points an indicator prints = Σ the weights of its rows',
};

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
  ruleForm: (what: FormCheck) => `表单核对 ${FORM_CHECKS[what]}`,
  ruleSourcesBlank: (columns: readonly string[]) => `表单核对 年度资金总额 = Σ其中各项来源（各项来源均未填：${columns.join('、')}）`,
  ruleFundsPair: (total: string) => `表单核对 ${total} = Σ其下各项来源`,
  ruleShare: '占比 = 金额 ÷ 合计',
  ruleHeaderRatio: (column: string) => `栏名所示公式 ${column}`,
  ruleNamedRatio: (rate: string, num: string, den: string) => `${rate} = ${num} ÷ ${den}`,
  ratioMismatch: (pct: string, num: string, den: string, computed: string, diff: string, ctx: string) =>
    `比例不符：列示 ${pct}，按 ${num} ÷ ${den} 应为 ${computed}，相差 ${diff}${ctx}`,
  ruleHeaderScore: (column: string, weight: string) => `栏名所示公式 ${column}（分值 ${weight}，执行率超过 100% 的得满分）`,
  ruleFundsScore: (column: string, weight: string) => `${column} = 分值 × 执行率（分值 ${weight}，执行率超过 100% 的得满分）`,
  /**
   * A funds row printing the form's totals (分值 100, 得分 98) where the indicator rows carry points of their own: its
   * own weight is the whole less theirs (`own` given as `100 − 70 = 30`) when the form prints its 总分 row, else the
   * national form's (`own` = `10`, `national`).
   */
  ruleFundsWhole: (column: string, whole: string, score: string, indicators: string, own: string, national: boolean) =>
    `${column} = 分值 × 执行率：资金一行列示的分值 ${whole}、得分 ${score} 可能是全表的总分值与总得分（指标各行另计分值 ${indicators}），资金一行本身的分值${national ? `按国家表式为 ${own}` : ` = ${own}`}`,
  /**
   * The same funds row whose score holds with its own weight (10 × 83.5 % = 8) and not with its printed 分值 100: the 分值
   * is the likelier mistake (the form's whole typed into it).
   */
  ruleFundsOwn: (column: string, whole: string, score: string, indicators: string, own: string, national: boolean) =>
    `${column} = 分值 × 执行率：得分 ${score} 合于资金一行本身的分值${national ? `按国家表式为 ${own}` : ` = ${own}`}（指标各行另计分值 ${indicators}），列示的分值 ${whole} 可能有误（可能是全表的总分值）`,
  scoreMismatch: (score: string, weight: string, rate: string, computed: string, diff: string, ctx: string) =>
    `得分不符：列示 ${score}，按 ${weight} × ${rate} 应为 ${computed}，相差 ${diff}${ctx}`,
  scoreCapped: (rate: string) => `100%（执行率 ${rate} 超过 100%，按 100% 计）`,
  termRelated: (name: string, value: string) => `参与计算：${name} = ${value}`,
  targetRelated: (name: string, value: string) => `被核对：${name} = ${value}`,
  row: (label: string) => `「${label}」行`,
  column: (name: string) => `「${name}」栏`,
  /** A cell named by its table (may be empty), row and column (may be empty). */
  cell: (table: string, row: string, column: string) => `${table}「${row}」行${column ? `「${column}」栏` : ''}`,
  /** A row by its 行次 (`27行`), by its label and 行次 (`合计（27行）`), or by its place in the table. */
  rowNumber: (n: number) => `${n}行`,
  rowLabelNumber: (label: string, n: number) => `${label}（${n}行）`,
  rowOrdinal: (n: number) => `第${n}行`,
  columnNumber: (n: number) => `${n}栏`,
  level: { 3: '类', 5: '款', 7: '项' } as Record<number, string>,
  brokenFigure: (text: string, fixed: string) => `数字格式有误：“${text}”${fixed ? `（是否应为 ${fixed}？）` : ''}`,
  importDoubt: (what: string) => `导入时位置存疑，请对照原文核对：${what}`,
  notFound: (what: string) => `找不到${what}`,
  tableNotFound: (what: string) => `找不到表“${what}”`,
  rowNotFound: (what: string) => `找不到行 ${what}`,
  columnNotFound: (what: string) => `找不到栏 ${what}`,
  ruleNeedsAxis: '规则左边须指明行（如 27行）或栏（如 1栏各行）',
  cellNotFigure: (where: string, text: string) => `规则引用的单元格不是数字：${where} 为“${text}”`,
  empty: '（空）',
  headerOnlyFields: (text: string) => `文档头只能写“键：值”（如“年度：2023”），此行无法识别：“${text}”`,
  columnsOutsideTable: '“列：”只能写在表格（## 表 …）或表单之内',
  rulesOutsideTable: '“规则：”只能写在表格之内',
  rowOutsideTable: '表格行必须写在“## 表 …”之下',
  missingColumns: '表格缺少列定义：请在行之前写“列：…”',
  badYear: (v: string) => `年度应为四位数字，实为“${v}”`,
  badKind: (v: string) => `类型应为“预算”或“决算”，实为“${v}”`,
  badUnit: (v: string) => `金额单位应为“万元”或“元”，实为“${v}”`,
  tooManyCells: (cols: number, cells: number) => `单元格多于列数：本表有 ${cols} 列，此行有 ${cells} 格`,
  tooFewCells: (cols: number, cells: number) => `单元格少于列数：本表有 ${cols} 列，此行只有 ${cells} 格（缺的格按空白处理）`,
  unknownChar: (ch: string) => `无法识别的字符“${ch}”`,
  lineEnd: '行尾',
  missingEquals: (what: string) => `规则缺少“=”：在 ${what} 处`,
  missingParen: (what: string) => `缺少右括号“)”：在 ${what} 处`,
  missingBrace: (what: string) => `列组缺少右花括号“}”：在 ${what} 处`,
  tooDeep: (max: number) => `列组嵌套过深：最多 ${max} 层（此行按文字保留）`,
  tooManyErrors: (max: number) => `此行语法错误超过 ${max} 处，其余不再列出（此行按文字保留）`,
  expectRef: (what: string) => `规则中此处应为行次、栏次或「名称」：在 ${what} 处`,
  unexpected: (what: string) => `语法错误：${what} 不能出现在此处`,
  lhsSingleRef: '规则左边只能是一个引用（如 27行、1栏各行、「合计」行1栏）',
  ruleDegenerate: '规则两边读到同一个数（左边的数也在右边各项之中），无从核对',
  ellipsisNeedsEnds: '省略号“…”两边须各有一项',
  rangeSamePart: '范围两端须是同一部分中的两行',
  needsAxis: (v: string) => `“${v}”须注明是行还是栏（如 ${v}行、${v}栏）`,
  conditionShape: '“当”之后须是一个等式（如 当「本年收入合计」行=「总计」行）、所列的数（如 当（「甲」行「金额」栏+「乙」行「金额」栏），其中有一格已填即成立）或一个「短语」',
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
  ruleForm: (what) => `form check: ${FORM_CHECKS_EN[what]}`,
  ruleSourcesBlank: (columns) => `form check: the year's total funds = Σ its sources (no source filled in: ${columns.join(', ')})`,
  ruleFundsPair: (total) => `form check: ${total} = Σ its sources below it`,
  ruleShare: 'share = amount ÷ total',
  ruleHeaderRatio: (column) => `the formula in the column name ${column}`,
  ruleNamedRatio: (rate, num, den) => `${rate} = ${num} ÷ ${den}`,
  ratioMismatch: (pct, num, den, computed, diff, ctx) => `Ratio mismatch: printed ${pct}, ${num} ÷ ${den} gives ${computed}, difference ${diff}${ctx}`,
  ruleHeaderScore: (column, weight) => `the formula in the column name ${column} (weight ${weight}; a rate above 100% scores the full weight)`,
  ruleFundsScore: (column, weight) => `${column} = weight × rate (weight ${weight}; a rate above 100% scores the full weight)`,
  ruleFundsWhole: (column, whole, score, indicators, own, national) =>
    `${column} = weight × rate: the funds row may print the form's totals, weight ${whole} and score ${score} (the indicator rows carry ${indicators} points of their own); the funds row's own weight ${national ? `is ${own} by the national form` : `= ${own}`}`,
  ruleFundsOwn: (column, whole, score, indicators, own, national) =>
    `${column} = weight × rate: the score ${score} fits the funds row's own weight ${national ? `of ${own} by the national form` : `= ${own}`} (the indicator rows carry ${indicators} points of their own); the printed weight ${whole} may be wrong (perhaps the form's whole)`,
  scoreMismatch: (score, weight, rate, computed, diff, ctx) => `Score mismatch: printed ${score}, ${weight} × ${rate} gives ${computed}, difference ${diff}${ctx}`,
  scoreCapped: (rate) => `100% (the rate ${rate} is above 100% and counts as 100%)`,
  termRelated: (name, value) => `term: ${name} = ${value}`,
  targetRelated: (name, value) => `checked: ${name} = ${value}`,
  row: (label) => `row “${label}”`,
  column: (name) => `column “${name}”`,
  cell: (table, row, column) => [table && `table “${table}”`, `row “${row}”`, column && `column “${column}”`].filter(Boolean).join(', '),
  rowNumber: (n) => `row ${n}`,
  rowLabelNumber: (label, n) => `${label} (row ${n})`,
  rowOrdinal: (n) => `row ${n} of the table`,
  columnNumber: (n) => `column ${n}`,
  level: { 3: 'class', 5: 'section', 7: 'item' },
  brokenFigure: (text, fixed) => `Malformed number: “${text}”${fixed ? ` (did you mean ${fixed}?)` : ''}`,
  importDoubt: (what) => `Placed by the importer where it was not sure; check against the original: ${what}`,
  notFound: (what) => `Not found: ${what}`,
  tableNotFound: (what) => `No table “${what}”`,
  rowNotFound: (what) => `No row ${what}`,
  columnNotFound: (what) => `No column ${what}`,
  ruleNeedsAxis: 'The left side of a rule must name a row (27行) or a column (1栏各行)',
  cellNotFigure: (where, text) => `A cell used by a rule is not a number: ${where} is “${text}”`,
  empty: '(blank)',
  headerOnlyFields: (text) => `The header holds only “key：value” lines (such as “年度：2023”); cannot read “${text}”`,
  columnsOutsideTable: '“列：” belongs inside a table (## 表 …) or a form',
  rulesOutsideTable: '“规则：” belongs inside a table',
  rowOutsideTable: 'A table row must stand under a “## 表 …” heading',
  missingColumns: 'The table has no columns: write “列：…” before its rows',
  badYear: (v) => `年度 must be a four-digit year, found “${v}”`,
  badKind: (v) => `类型 must be 预算 or 决算, found “${v}”`,
  badUnit: (v) => `金额单位 must be 万元 or 元, found “${v}”`,
  tooManyCells: (cols, cells) => `More cells than columns: the table has ${cols} columns, this row ${cells} cells`,
  tooFewCells: (cols, cells) => `Fewer cells than columns: the table has ${cols} columns, this row only ${cells} (missing cells count as blank)`,
  unknownChar: (ch) => `Unrecognised character “${ch}”`,
  lineEnd: 'the end of the line',
  missingEquals: (what) => `The rule lacks “=”: at ${what}`,
  missingParen: (what) => `Missing closing parenthesis “)”: at ${what}`,
  missingBrace: (what) => `The column group lacks its closing “}”: at ${what}`,
  tooDeep: (max) => `Column groups nested too deep: at most ${max} levels (the line is kept as text)`,
  tooManyErrors: (max) => `More than ${max} syntax errors on this line; the rest are not listed (the line is kept as text)`,
  expectRef: (what) => `A 行次, 栏次 or 「name」 is expected here: at ${what}`,
  unexpected: (what) => `Syntax error: ${what} cannot stand here`,
  lhsSingleRef: 'The left side of a rule must be one reference (27行, 1栏各行, 「合计」行1栏)',
  ruleDegenerate: 'The rule reads one figure on both sides (the left-hand figure is among the terms on the right): nothing to check',
  ellipsisNeedsEnds: 'An ellipsis “…” needs a term on each side',
  rangeSamePart: 'Both ends of a range must be rows of the same part',
  needsAxis: (v) => `“${v}” must say whether it is a row or a column (${v}行, ${v}栏)`,
  conditionShape: 'After “当” comes an equality (当「本年收入合计」行=「总计」行), figures (当（「甲」行「金额」栏+「乙」行「金额」栏）: it holds where any of them is filled in) or a quoted 「phrase」',
};

/** The `source` of every diagnostic: the product's name. */
export function diagnosticSource(locale: Locale = 'zh'): string {
  return locale === 'en' ? 'Budget Tables' : '预决算公开表';
}

export function messages(locale: Locale = 'zh'): Messages {
  return locale === 'en' ? en : zh;
}

/** Maps an editor locale (`zh-cn`, `en`, `en-us` …) to ours: English only when asked for. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh';
}
