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
  formatWouldChange: (file: string) => `${file}：需要格式化`,
  formatWrote: (file: string) => `已格式化 ${file}`,
  formatRefusedFile: (file: string, message: string) => `${file}：${message}`,
  formatSummary: (files: number, changed: number, check: boolean) =>
    check ? `检查了 ${files} 个文件：${changed} 个需要格式化` : `检查了 ${files} 个文件：格式化了 ${changed} 个`,
  formatUsage: `用法：budget-check format [--check] [--lang en] 路径...
  路径       .budget 文件或文件夹（递归查找 .budget）
  --check    只检查：有文件需要格式化时以 1 退出，不写文件
  --lang en  英文消息
`,
  formatMissing: (path: string) => `找不到 ${path}`,
  formatNoPaths: '请给出至少一个 .budget 文件或文件夹',
  formatUnknownOption: (o: string) => `未知选项：${o}`,
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
  formatWouldChange: (file) => `${file}: would be reformatted`,
  formatWrote: (file) => `reformatted ${file}`,
  formatRefusedFile: (file, message) => `${file}: ${message}`,
  formatSummary: (files, changed, check) =>
    check ? `checked ${files} files: ${changed} would be reformatted` : `checked ${files} files: ${changed} reformatted`,
  formatUsage: `Usage: budget-check format [--check] [--lang en] PATH...
  PATH       .budget files or folders (searched recursively for .budget)
  --check    check only: exit 1 when a file would be reformatted, write nothing
  --lang en  English messages
`,
  formatMissing: (path) => `not found: ${path}`,
  formatNoPaths: 'Give at least one .budget file or folder',
  formatUnknownOption: (o) => `unknown option: ${o}`,
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
