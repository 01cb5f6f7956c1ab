/**
 * Messages of the standard table sets (recognition, identities, completeness) and of the document's hygiene
 * (placeholders, years, names, units, punctuation, repeated words): Chinese first, English complete.
 */
import type { Locale } from './messages';

export type IdentityStateName = 'holds' | 'tail' | 'fails' | 'condition' | 'missing' | 'empty';

const zh = {
  identityTitle: (table: string, text: string) => `标准表「${table}」：${text}`,
  missingTable: (title: string, set: string, where: 'before' | 'after') =>
    `缺少标准表「${title}」（${set}必备）：${where === 'before' ? '应在本表之前' : '应在本表之后'}`,
  tableOrder: (title: string, other: string) => `表序与标准不同：本表「${title}」应在「${other}」之前`,
  contentsMissing: (title: string) => `目录列有「${title}」，正文中没有此表`,
  notInContents: (title: string) => `目录中没有本表「${title}」`,
  contentsPartDiffers: (entry: string, part: string, body: string) => `目录列的「${entry}」，正文${part}为「${body}」：标题不同`,
  contentsPartMissing: (entry: string) => `目录列有「${entry}」，正文中没有这一部分`,
  contentsSectionMissing: (entry: string, part: string) => `目录列有「${entry}」，正文「${part}」中没有这一节`,
  contentsOrder: (title: string, other: string) => `表序与目录不同：目录中「${title}」在「${other}」之前`,
  emptyTable: (title: string) => `本表「${title}」没有数据，但未注明（应在表下说明，如“本单位本年度无此项收支，故本表无数据”）`,
  unknownSet: (name: string, known: readonly string[]) => `没有名为“${name}”的标准表套（可用：${known.join('、')}）`,
  placeholder: (text: string) => `模板占位符未替换：“${text}”`,
  instruction: (text: string) => `模板的填报说明未删去：“${text}”`,
  blankFigure: (text: string) => `模板留空的数字未填写：“${text}”（单位前缺少金额或比例）`,
  yearInTitle: (found: number, year: number) => `年份与文档年度不符：此处为 ${found} 年，年度为 ${year} 年`,
  yearAsOf: (found: string, expected: string) => `截至日期与年度不符：此处为“${found}”，应为${expected}`,
  yearCompared: (found: number, expected: number) => `比较年份有误：此处与 ${found} 年比较，应与上年（${expected} 年）比较`,
  unitName: (found: string, header: string) => `单位名称与文档头的部门不一致：此处为“${found}”，文档头为“${header}”`,
  repeatedPunctuation: (text: string) => `标点重复：“${text}”`,
  repeatedWord: (text: string, word: string) => `词语重复：“${text}”（“${word}”连写两次）`,
  changeFlat: (text: string) => `增减与“持平”矛盾：“${text}”（持平即无增减，不应同时称增加或减少）`,
  // Hover and outline.
  recognised: (title: string, set: string, number: string) => `标准表：${title}（${set}${number ? ` ${number}` : ''}）`,
  identities: '标准核对',
  states: { holds: '成立', tail: '尾差', fails: '不成立', condition: '条件不满足，未核对', missing: '不适用', empty: '无数据' } as Record<IdentityStateName, string>,
  missingWhat: (what: string) => `（本文档没有 ${what}）`,
  source: (s: string) => `来源：${s}`,
  identityCount: (n: number, failing: number) => `${n} 项核对${failing ? `，${failing} 项不成立` : ''}`,
};
export type StandardMessages = typeof zh;

const en: StandardMessages = {
  identityTitle: (table, text) => `standard table “${table}”: ${text}`,
  missingTable: (title, set, where) =>
    `Standard table “${title}” is missing (mandatory in ${set}): it belongs ${where === 'before' ? 'before' : 'after'} this table`,
  tableOrder: (title, other) => `Tables out of the standard order: this table “${title}” belongs before “${other}”`,
  contentsMissing: (title) => `The table of contents lists “${title}”, which the document does not print`,
  notInContents: (title) => `The table of contents does not list this table “${title}”`,
  contentsPartDiffers: (entry, part, body) => `The table of contents lists “${entry}”; the body's ${part} is “${body}”: the titles differ`,
  contentsPartMissing: (entry) => `The table of contents lists “${entry}”, a part the document does not have`,
  contentsSectionMissing: (entry, part) => `The table of contents lists “${entry}”, a section that “${part}” does not have`,
  contentsOrder: (title, other) => `Tables out of the contents' order: the table of contents lists “${title}” before “${other}”`,
  emptyTable: (title) => `The table “${title}” has no figures but does not say so under it, as the templates require`,
  unknownSet: (name, known) => `No standard table set is named “${name}” (known: ${known.join(', ')})`,
  placeholder: (text) => `Template placeholder left in: “${text}”`,
  instruction: (text) => `The template's instruction to the author left in: “${text}”`,
  blankFigure: (text) => `A figure the template left blank is not filled in: “${text}” (no amount or percentage before the unit)`,
  yearInTitle: (found, year) => `Year differs from the document's year: ${found} here, the document is of ${year}`,
  yearAsOf: (found, expected) => `Cut-off date differs from the document's year: “${found}” here, expected ${expected}`,
  yearCompared: (found, expected) => `Wrong year of comparison: compared with ${found}, expected the year before (${expected})`,
  unitName: (found, header) => `Unit name differs from the header's department: “${found}” here, “${header}” in the header`,
  repeatedPunctuation: (text) => `Repeated punctuation: “${text}”`,
  repeatedWord: (text, word) => `Repeated word: “${text}” (“${word}” written twice)`,
  changeFlat: (text) => `A change said to be no change: “${text}” (持平 means unchanged; it cannot also increase or decrease)`,
  recognised: (title, set, number) => `Standard table: ${title} (${set}${number ? ` ${number}` : ''})`,
  identities: 'Standard checks',
  states: { holds: 'holds', tail: 'holds within rounding', fails: 'fails', condition: 'condition not met, not checked', missing: 'not applicable', empty: 'no figures' },
  missingWhat: (what) => ` (this document has no ${what})`,
  source: (s) => `source: ${s}`,
  identityCount: (n, failing) => `${n} checks${failing ? `, ${failing} failing` : ''}`,
};

export function standardMessages(locale: Locale = 'zh'): StandardMessages {
  return locale === 'en' ? en : zh;
}
