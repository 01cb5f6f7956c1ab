/**
 * `budget-check import FILE [--sheet N|NAME] [--title T] [-o OUT]`: a table from a PDF text extraction, a CSV or an
 * XLSX sheet as `.budget` text, on standard output or in OUT; what was repaired goes to standard error.
 * Exit codes: 0 imported, 1 no table found in the input, 2 bad usage or a file that cannot be read or written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { editorMessages } from '../i18n/editor';
import { localeOf } from '../i18n/messages';
import { importFile } from '../interchange/import';

type Write = (s: string) => void;

const USAGE = `用法：budget-check import 文件 [--sheet 序号|名称] [--title 标题] [-o 输出.budget] [--lang en]
  文件            PDF 提取的文本（.txt，制表符分隔）、.csv 或 .xlsx
  --sheet         XLSX 的工作表（从 1 起的序号或名称；默认第一张）
  --title         表的标题（可带表号，如 "公开05表 一般公共预算财政拨款支出决算表"）
  -o, --output    写入该文件（默认输出到标准输出）；修复清单输出到标准错误
`;

export async function runImport(argv: string[], out: Write, err: Write): Promise<number> {
  let file: string | undefined;
  let sheet: string | undefined;
  let title: string | undefined;
  let output: string | undefined;
  let lang = process.env.BUDGET_LANG;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} 需要一个值`);
      return v;
    };
    try {
      if (a === '--sheet') sheet = value();
      else if (a === '--title') title = value();
      else if (a === '-o' || a === '--output') output = value();
      else if (a === '--lang') lang = value();
      else if (a === '-h' || a === '--help') { err(USAGE); return 0; }
      else if (a.startsWith('-') && a !== '-') { err(`budget-check import: 未知选项：${a}\n${USAGE}`); return 2; }
      else if (file === undefined) file = a;
      else { err(`budget-check import: 只能导入一个文件\n${USAGE}`); return 2; }
    } catch (e) {
      err(`budget-check import: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
  }
  if (!file) { err(`budget-check import: 请给出要导入的文件\n${USAGE}`); return 2; }
  const locale = localeOf(lang);
  const m = editorMessages(locale);
  let data: Uint8Array;
  try {
    data = readFileSync(file);
  } catch (e) {
    err(`budget-check import: 找不到或无法读取 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
    return 2;
  }
  const r = await importFile(file, data, { locale, ...(title ? { title } : {}), ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}) });
  if (!r.ok) {
    err(`budget-check import: ${file}：${r.message}\n`);
    return 1;
  }
  if (output) {
    try {
      writeFileSync(output, r.text);
    } catch (e) {
      err(`budget-check import: 无法写入 ${output}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
  } else out(r.text);
  err(`${m.importSummary(basename(file), r.rows, r.repairs.length)}\n`);
  for (const x of r.repairs) err(`  ${m.importSourceLine(x.line)}：${x.message}\n`);
  return 0;
}
