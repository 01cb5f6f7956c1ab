/** The messages of the subject-code knowledge (checks, completion, hover): Chinese first, English when asked for. */
import type { Locale } from './messages';

const zh = {
  unknownCode: (code: string) =>
    `科目编码 ${code} 不在已加载的科目目录中，工作区其他文件也未使用：请核对编码，或加载财政部当年的《政府收支分类科目》（budget-tables.json 的 catalogs、设置 budgetTables.catalogFiles 或 --catalog）`,
  unknownCodePartial: (code: string, parent: string) =>
    `科目编码 ${code} 不在随附的目录中，其上级 ${parent} 在：随附目录只收录真实文档中出现过的科目，并不完整。加载财政部当年的《政府收支分类科目》（budget-tables.json 的 catalogs、设置 budgetTables.catalogFiles 或 --catalog）即可核对此编码`,
  nameMismatch: (code: string, printed: string, expected: string, where: string) =>
    `科目 ${code} 的名称与目录不一致：此处为“${printed}”，${where}为“${expected}”`,
  nameMismatchOld: (code: string, printed: string, expected: string, where: string) =>
    `科目 ${code} 的名称与目录不一致：此处为“${printed}”，${where}为“${expected}”（本年度名称未知，请核对）`,
  fixName: (expected: string) => `改为目录名称“${expected}”`,
  wrongKind: (code: string, codeKind: string, tableKind: string) => `${code} 是${codeKind}科目，而本表列示的是${tableKind}科目`,
  kind: { functional: '支出功能分类', economic: '支出经济分类' } as Record<string, string>,
  catalogKind: { revenue: '收入分类', functional: '支出功能分类', 'economic-dept': '部门预算支出经济分类', 'economic-gov': '政府预算支出经济分类' } as Record<string, string>,
  level: { 类: '类', 款: '款', 项: '项', 目: '目' } as Record<string, string>,
  years: (ys: number[]) => (ys.length ? `${yearsText(ys)} 年` : '各年度'),
  catalogSource: (file: string, years: string) => `目录 ${file}（${years}）`,
  userSource: (file: string, years: string) => `用户目录 ${file}（${years}）`,
  seedSource: (title: string, years: string) => `《${title}》（${years}）`,
  thisDocument: '本文档',
  workspace: '工作区',
  seedColumns: '种子文档',
  workspaceFile: (file: string) => `工作区文件 ${file}`,
  theCatalog: (years: string) => `${years}目录`,
  // hover
  hoverLevel: '级次',
  hoverPath: '路径',
  hoverKind: '分类',
  hoverDescription: '说明',
  hoverSources: '来源',
  hoverMapsFrom: '对应部门预算经济分类',
  /** The codes a code maps from, listed. */
  hoverCodes: (codes: readonly string[]) => codes.join('、'),
  hoverNameUsed: (y: string) => `（名称取自 ${y}）`,
  hoverOwnGlossary: '本文档名词解释',
  hoverSeedGlossary: (title: string) => `《${title}》名词解释`,
  hoverPrinted: (name: string) => `本文档列示名称：${name}`,
  hoverUnknown: '不在已加载的目录中',
  hoverRules: '参与的勾稽关系',
  hoverTarget: '被核对',
  hoverTerm: '参与计算',
  hoverHolds: '成立',
  hoverTail: '尾差',
  hoverFails: '不成立',
  hoverComputed: (computed: string, stated: string, diff: string) => `计算值 ${computed}，列示 ${stated}，相差 ${diff}`,
  hoverNoValue: '（含非数字单元格，无法计算）',
  // completion
  childrenOf: (code: string) => `${code} 下级`,
  /** Under a hover or documentation cut to a length an editor shows quickly. */
  textCut: '（内容过长，其余部分已省略）',
};
export type KnowledgeMessages = typeof zh;

const en: KnowledgeMessages = {
  unknownCode: (code) =>
    `Code ${code} is in none of the loaded catalogs and no other file of the workspace uses it: check it, or load the Ministry of Finance's yearly classification of government revenue and expenditure (budget-tables.json “catalogs”, the budgetTables.catalogFiles setting or --catalog)`,
  unknownCodePartial: (code, parent) =>
    `Code ${code} is not in the shipped catalog, though its parent ${parent} is: the shipped catalog holds only the codes seen in real documents. Load the Ministry of Finance's classification for the year (budget-tables.json “catalogs”, the budgetTables.catalogFiles setting or --catalog) to check it`,
  nameMismatch: (code, printed, expected, where) => `The name of ${code} differs from the catalog: “${printed}” here, “${expected}” in ${where}`,
  nameMismatchOld: (code, printed, expected, where) =>
    `The name of ${code} differs from the catalog: “${printed}” here, “${expected}” in ${where} (its name for this year is unknown: check it)`,
  fixName: (expected) => `Use the catalog name “${expected}”`,
  wrongKind: (code, codeKind, tableKind) => `${code} is ${/^[aeiou]/.test(codeKind) ? 'an' : 'a'} ${codeKind} code, but this table lists ${tableKind} codes`,
  kind: { functional: 'functional', economic: 'economic' },
  catalogKind: { revenue: 'revenue', functional: 'functional expenditure', 'economic-dept': 'economic expenditure (department budgets)', 'economic-gov': 'economic expenditure (government budgets)' },
  level: { 类: 'class (类)', 款: 'section (款)', 项: 'item (项)', 目: 'sub-item (目)' },
  years: (ys) => (ys.length ? yearsText(ys, ', ') : 'all years'),
  catalogSource: (file, years) => `catalog ${file} (${years})`,
  userSource: (file, years) => `user catalog ${file} (${years})`,
  seedSource: (title, years) => `《${title}》 (${years})`,
  thisDocument: 'this document',
  workspace: 'workspace',
  seedColumns: 'seed documents',
  workspaceFile: (file) => `workspace file ${file}`,
  theCatalog: (years) => `the ${years} catalog`,
  hoverLevel: 'Level',
  hoverPath: 'Path',
  hoverKind: 'Classification',
  hoverDescription: 'Description',
  hoverSources: 'Sources',
  hoverMapsFrom: 'Department-budget economic codes',
  hoverCodes: (codes) => codes.join(', '),
  hoverNameUsed: (y) => ` (name as of ${y})`,
  hoverOwnGlossary: 'This document’s glossary (名词解释)',
  hoverSeedGlossary: (title) => `Glossary of 《${title}》`,
  hoverPrinted: (name) => `Printed here as: ${name}`,
  hoverUnknown: 'not in the loaded catalogs',
  hoverRules: 'Relations',
  hoverTarget: 'checked',
  hoverTerm: 'term',
  hoverHolds: 'holds',
  hoverTail: 'rounding',
  hoverFails: 'fails',
  hoverComputed: (computed, stated, diff) => `computed ${computed}, printed ${stated}, difference ${diff}`,
  hoverNoValue: '(a cell holds no number: not computed)',
  childrenOf: (code) => `under ${code}`,
  textCut: '(Too long: the rest is left out.)',
};

/** `2017, 2018, 2019, 2023` → `2017–2019、2023` (`join` between the runs: `, ` in English). */
export function yearsText(ys: number[], join = '、'): string {
  const sorted = [...new Set(ys)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(join);
}

export function knowledgeMessages(locale: Locale = 'zh'): KnowledgeMessages {
  return locale === 'en' ? en : zh;
}

/** Messages of the language server's knowledge loading (shown in the editor). */
export function loadMessages(locale: Locale = 'zh') {
  return locale === 'en'
    ? {
      catalogFailed: (file: string, err: string) => `Budget Tables: cannot read the catalog ${file}: ${err}`,
      catalogProblems: (file: string, n: number, first: string) => `Budget Tables: ${n} rows of ${file} were skipped (first: ${first})`,
      catalogLoaded: (file: string, n: number) => `Budget Tables: loaded ${n} codes from ${file}`,
      notAllowed: (file: string) => `Budget Tables: ${file} is not a CSV or XLSX file`,
      catalogUntrusted: (file: string) => `Budget Tables: the catalog ${file} lies in a workspace you have not trusted and is not loaded (Restricted Mode); trust the workspace to use it`,
      catalogWorkspaceUntrusted: (file: string) => `Budget Tables: the catalog ${file} is named by the settings of a workspace you have not trusted and is not loaded (Restricted Mode); trust the workspace, or name it in your user settings`,
      catalogOutside: (file: string) => `Budget Tables: the catalog ${file} is not loaded: a relative path must stay inside its workspace folder (also through symbolic links)`,
      catalogAbsolute: (file: string) => `Budget Tables: the catalog ${file} is not loaded: workspace settings may name only files inside the workspace, by a relative path; name a file elsewhere in your user settings`,
      rowNotCode: (row: number, code: string) => `row ${row}: “${code}” is not a numeric subject code`,
      rowNoName: (row: number, code: string) => `row ${row}: ${code} has no name`,
    }
    : {
      catalogFailed: (file: string, err: string) => `预决算公开表：无法读取科目目录 ${file}：${err}`,
      catalogProblems: (file: string, n: number, first: string) => `预决算公开表：${file} 有 ${n} 行未能读取（第一处：${first}）`,
      catalogLoaded: (file: string, n: number) => `预决算公开表：已从 ${file} 读取 ${n} 个科目`,
      notAllowed: (file: string) => `预决算公开表：${file} 不是 CSV 或 XLSX 文件`,
      catalogUntrusted: (file: string) => `预决算公开表：科目目录 ${file} 位于尚未受信任的工作区中，未读取（受限模式）；信任此工作区后即可使用`,
      catalogWorkspaceUntrusted: (file: string) => `预决算公开表：科目目录 ${file} 由尚未受信任的工作区的设置指定，未读取（受限模式）；信任此工作区，或在用户设置中指定它`,
      catalogOutside: (file: string) => `预决算公开表：科目目录 ${file} 未读取：相对路径必须位于其工作区文件夹之内（经符号链接也不得指向外部）`,
      catalogAbsolute: (file: string) => `预决算公开表：科目目录 ${file} 未读取：工作区设置只能以相对路径指定工作区内的文件；其他位置的文件请在用户设置中指定`,
      rowNotCode: (row: number, code: string) => `第 ${row} 行：编码“${code}”不是数字科目编码`,
      rowNoName: (row: number, code: string) => `第 ${row} 行：${code} 没有名称`,
    };
}
