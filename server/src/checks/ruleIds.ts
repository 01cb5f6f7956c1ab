/**
 * Every rule a finding can name: one typed list. A finding's `rule` is a `RuleId`, so a check cannot report under an
 * id that is not here; each id has a section in `docs/rules.md` (test/rules.registry.test.ts holds both ways), which
 * every diagnostic links (`codeDescription`), and a title in Chinese and English (the CLI's SARIF output, the docs).
 *
 * To add a rule: add an entry here (its default severity and both titles) and a `## id` section in docs/rules.md.
 */
import type { Locale } from '../i18n/messages';
import type { Severity } from './finding';

export interface RuleInfo {
  /** The severity of its findings unless a check says otherwise (a 尾差 is information, a name from another year's
   * catalog information …) and unless the project configuration sets another (`rules` in budget-tables.json). */
  severity: Severity;
  zh: string;
  en: string;
}

export const RULES = {
  'syntax': { severity: 'error', zh: '语法错误', en: 'Syntax error' },
  'row-shape': { severity: 'error', zh: '行的格数与列数不符', en: 'Row does not match the columns' },
  'figure-format': { severity: 'error', zh: '数字格式有误', en: 'Malformed figure' },
  'rule-reference': { severity: 'error', zh: '规则引用无效', en: 'Rule reference names nothing' },
  'column-formula': { severity: 'error', zh: '栏间公式', en: 'Column formula' },
  'row-formula': { severity: 'error', zh: '行间公式', en: 'Row formula' },
  'cell-formula': { severity: 'error', zh: '单元格公式', en: 'Cell formula' },
  'cross-table': { severity: 'error', zh: '表间核对', en: 'Cross-table equality' },
  'code-hierarchy': { severity: 'error', zh: '类款项汇总', en: 'Class, section and item sums' },
  'total-row': { severity: 'error', zh: '合计行', en: 'Total row' },
  'share': { severity: 'error', zh: '占比', en: 'Share' },
  'form': { severity: 'error', zh: '表单核对', en: 'Form check' },
  'narrative': { severity: 'error', zh: '情况说明核对', en: 'Narrative check' },
  'narrative-reason': { severity: 'warning', zh: '变动原因', en: 'Reason for a change' },
  'justification': { severity: 'warning', zh: '说明无对应结果', en: 'Justification without a finding' },
  'code-unknown': { severity: 'warning', zh: '未知科目编码', en: 'Unknown subject code' },
  'code-name': { severity: 'warning', zh: '科目名称与目录不一致', en: 'Subject name differs from the catalog' },
  'code-kind': { severity: 'warning', zh: '科目类别与表不符', en: 'Subject code of the wrong classification' },
  'config': { severity: 'error', zh: '项目配置有误', en: 'Invalid project configuration' },
  'standard-set': { severity: 'error', zh: '标准表套不存在', en: 'Unknown standard table set' },
  'table-missing': { severity: 'warning', zh: '缺少标准表', en: 'Standard table missing' },
  'table-order': { severity: 'warning', zh: '表序与标准不同', en: 'Tables out of the standard order' },
  'table-contents': { severity: 'warning', zh: '表与目录不符', en: 'Tables differ from the table of contents' },
  'contents-heading': { severity: 'warning', zh: '目录与正文标题不符', en: 'Parts differ from the table of contents' },
  'table-empty': { severity: 'warning', zh: '空表未注明', en: 'Empty table not explained' },
  'placeholder': { severity: 'error', zh: '模板占位符未替换', en: 'Template placeholder left in' },
  'year-mismatch': { severity: 'error', zh: '年份与年度不符', en: 'Year differs from the document\'s year' },
  'unit-name': { severity: 'warning', zh: '单位名称不一致', en: 'Unit name differs from the header' },
  'repeated-punctuation': { severity: 'warning', zh: '标点重复', en: 'Repeated punctuation' },
  'repeated-word': { severity: 'warning', zh: '词语重复', en: 'Repeated word' },
  'import-doubt': { severity: 'information', zh: '导入存疑', en: 'Import doubt' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** Where the rules are documented: `docs/rules.md` of the repository, one `## id` section per rule. */
export const RULES_DOC = 'https://github.com/budget-tables/budget-tables/blob/main/docs/rules.md';

/** The page of one rule (the section's anchor is its id). */
export function ruleDocUrl(id: RuleId): string {
  return `${RULES_DOC}#${id}`;
}

export function ruleTitle(id: RuleId, locale: Locale = 'zh'): string {
  return RULES[id][locale];
}
