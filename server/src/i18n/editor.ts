/**
 * Messages of the editor features (quick fixes, formatter, inlay hints, outline, import/export, preview):
 * Chinese first, English when the editor's display language is English.
 */
import type { Locale } from './messages';

const zh = {
  // quick fixes
  setTotal: (value: string) => `将此数改为计算值 ${value}`,
  insertParent: (level: string, code: string, name: string) => `插入缺少的${level}行 ${code}${name ? ` ${name}` : ''}（按其下各行合计）`,
  insertParents: (n: number) => `插入本部分缺少的 ${n} 个上级科目行（按其下各行合计）`,
  declareNoteRule: (rules: string) => `声明注中印出的规则：${rules}`,
  // formatter
  formatRefused: (why: string) => `格式化已取消：格式化结果改变了文档内容（${why}），未作任何修改。请报告此问题。`,
  changedFigures: '数字序列不同',
  changedText: '非空白文字不同',
  changedLines: '行数不同',
  changedCells: '单元格不同',
  // inlay hints
  computed: (value: string) => `= ${value}`,
  computedTooltip: (rules: string) => `按规则计算：${rules}`,
  // outline
  header: '文档头',
  glossary: '名词解释',
  rules: '规则',
  notes: '注',
  fields: '字段',
  part: (name: string) => name,
  unnamedPart: (n: number) => `第 ${n} 部分`,
  table: '表',
  form: '表单',
  rowsDetail: (n: number) => `${n} 行`,
  ruleDetail: (relations: number, errors: number) => `${relations} 项核对${errors ? `，${errors} 处不符` : ''}`,
  termsDetail: (n: number) => `${n} 条`,
  // import
  importRepaired: (what: string, to: string) => `“${what}” → “${to}”`,
  importRepairsLine: (list: string) => `导入修复：${list}`,
  importSummary: (file: string, rows: number, repairs: number) => `导入自 ${file}：${rows} 行，修复 ${repairs} 处`,
  importNoTable: '没有找到表格：需要以制表符、逗号分隔的列，或 XLSX 工作表',
  importTitle: '导入的表',
  importDroppedRow: (text: string) => `未导入（不是表格行）：${text}`,
  importJoinedDigits: '数字中的空格',
  importLeadingZero: '补整数位 0',
  importCjkSpace: '字间空格',
  importPipe: '单元格中的“|”改为“/”',
  importComment: '单元格中的“//”改为“/ /”',
  importCodeSpace: '编码中的空格',
  importExtraCells: (n: number) => `行尾多出的 ${n} 个空格子已去掉`,
  // export
  exportSheet: (n: number) => `表${n}`,
  exportRules: '规则',
  exportNotes: '注',
  exportUnit: (u: string) => `金额单位：${u}`,
  // preview
  previewTitle: (name: string) => `预览：${name}`,
  previewEmpty: '本文档没有表格',
  previewErrors: (n: number) => `${n} 处错误`,
  previewTails: (n: number) => `${n} 处尾差`,
};
export type EditorMessages = typeof zh;

const en: EditorMessages = {
  setTotal: (value) => `Set this figure to the computed value ${value}`,
  insertParent: (level, code, name) => `Insert the missing ${level} row ${code}${name ? ` ${name}` : ''} (with the sums of the rows under it)`,
  insertParents: (n) => `Insert the ${n} missing parent rows of this part (with the sums of the rows under them)`,
  declareNoteRule: (rules) => `Declare the rule printed in the note: ${rules}`,
  formatRefused: (why) => `Formatting cancelled: the result would change the document (${why}); nothing was changed. Please report this.`,
  changedFigures: 'the figures differ',
  changedText: 'the non-blank text differs',
  changedLines: 'the line count differs',
  changedCells: 'the cells differ',
  computed: (value) => `= ${value}`,
  computedTooltip: (rules) => `Computed by ${rules}`,
  header: 'Header',
  glossary: 'Glossary',
  rules: 'Rules',
  notes: 'Notes',
  fields: 'Fields',
  part: (name) => name,
  unnamedPart: (n) => `Part ${n}`,
  table: 'table',
  form: 'form',
  rowsDetail: (n) => `${n} rows`,
  ruleDetail: (relations, errors) => `${relations} ${relations === 1 ? 'check' : 'checks'}${errors ? `, ${errors} failing` : ''}`,
  termsDetail: (n) => `${n} ${n === 1 ? 'term' : 'terms'}`,
  importRepaired: (what, to) => `“${what}” → “${to}”`,
  importRepairsLine: (list) => `import repairs: ${list}`,
  importSummary: (file, rows, repairs) => `Imported from ${file}: ${rows} rows, ${repairs} repairs`,
  importNoTable: 'No table found: columns separated by tabs or commas, or an XLSX sheet, are needed',
  importTitle: 'Imported table',
  importDroppedRow: (text) => `not imported (not a table row): ${text}`,
  importJoinedDigits: 'spaces inside a number',
  importLeadingZero: 'missing integer digit 0',
  importCjkSpace: 'spaces between characters',
  importPipe: '“|” in a cell changed to “/”',
  importComment: '“//” in a cell changed to “/ /”',
  importCodeSpace: 'spaces inside a code',
  importExtraCells: (n) => `${n} extra empty cells at the end of the row dropped`,
  exportSheet: (n) => `Table ${n}`,
  exportRules: 'Rules',
  exportNotes: 'Notes',
  exportUnit: (u) => `Unit: ${u}`,
  previewTitle: (name) => `Preview: ${name}`,
  previewEmpty: 'This document has no tables',
  previewErrors: (n) => `${n} errors`,
  previewTails: (n) => `${n} rounding tails`,
};

export function editorMessages(locale: Locale = 'zh'): EditorMessages {
  return locale === 'en' ? en : zh;
}
