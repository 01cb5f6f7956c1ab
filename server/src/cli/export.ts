/**
 * `budget-check export FILE.budget --to csv|xlsx [--table 公开05表] [-o OUT]`: one table (CSV or XLSX) or every table
 * (XLSX, one worksheet each). CSV goes to standard output unless OUT is given; XLSX is written to OUT, by default
 * beside the input (`a.budget` → `a.xlsx`, `a-公开05表.xlsx`). Exit codes: 0 exported, 1 the document has no such table
 * (or CSV was asked for several), 2 bad usage or a file that cannot be read or written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../analysis';
import { editorMessages } from '../i18n/editor';
import { localeOf } from '../i18n/messages';
import { exportDocument, type ExportFormat } from '../interchange/export';

type Write = (s: string) => void;

const USAGE = `用法：budget-check export 文件.budget --to csv|xlsx [--table 表号或标题] [-o 输出文件] [--lang en]
  --to            csv（一张表）或 xlsx（每张表一个工作表）；省略时按输出文件的扩展名
  --table         只导出这张表（如 公开05表）；CSV 必须指定（文档只有一张表时除外）
  -o, --output    输出文件（CSV 默认输出到标准输出，XLSX 默认写在输入文件旁）
`;

export async function runExport(argv: string[], out: Write, err: Write): Promise<number> {
  let file: string | undefined;
  let to: string | undefined;
  let table: string | undefined;
  let output: string | undefined;
  let lang = process.env.BUDGET_LANG;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    const needs = ['--to', '--table', '-o', '--output', '--lang'];
    if (needs.includes(a) && next === undefined) { err(`budget-check export: ${a} 需要一个值\n${USAGE}`); return 2; }
    if (a === '--to') to = argv[++i];
    else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a === '--table') table = argv[++i];
    else if (a === '-o' || a === '--output') output = argv[++i];
    else if (a === '--lang') lang = argv[++i];
    else if (a === '-h' || a === '--help') { err(USAGE); return 0; }
    else if (a.startsWith('-')) { err(`budget-check export: 未知选项：${a}\n${USAGE}`); return 2; }
    else if (file === undefined) file = a;
    else { err(`budget-check export: 只能导出一个文件\n${USAGE}`); return 2; }
  }
  if (!file) { err(`budget-check export: 请给出 .budget 文件\n${USAGE}`); return 2; }
  to ??= output && /\.(csv|xlsx)$/i.exec(output)?.[1].toLowerCase();
  if (to !== 'csv' && to !== 'xlsx') { err(`budget-check export: --to 只能是 csv 或 xlsx\n${USAGE}`); return 2; }
  const format: ExportFormat = to;
  const locale = localeOf(lang);
  const m = editorMessages(locale);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(`budget-check export: 找不到或无法读取 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
    return 2;
  }
  const r = await exportDocument(analyze(text, { locale }).document, { format, locale, ...(table !== undefined ? { table } : {}) });
  if (!r.ok) {
    err(`budget-check export: ${file}：${r.message}\n`);
    return 1;
  }
  if (format === 'csv' && !output) {
    out(r.data as string);
    return 0;
  }
  const target = output ?? `${file.replace(/\.budget$/i, '')}${table ? `-${r.tables[0].replace(/[\\/:*?"<>|]/g, '-')}` : ''}.${format}`;
  try {
    writeFileSync(target, r.data);
  } catch (e) {
    err(`budget-check export: 无法写入 ${target}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
    return 2;
  }
  err(`${m.exportSaved(target)}\n`);
  return 0;
}
