/**
 * Messages of `budget-check` (checking, `format`, `import`, `export`): usage, errors, summaries. Chinese first,
 * English with `--lang en` or an English `LANG`/`LC_ALL`. The finding lines' severities (`error`, `warning` …) and
 * rule ids stay as they are in both: tools read them.
 */
import type { Locale } from './messages';

const zh = {
  usage: `用法：budget-check [选项] 路径...
  路径                   .budget 文件或文件夹（递归查找 .budget）；- 为标准输入
  --format 格式          text（默认）、json、sarif（SARIF 2.1.0，供 GitHub 代码扫描）或 github（工作流注释）
  --exit-zero            有错误时也以 0 退出
  --count-acknowledged   文档中已用“说明：”接受的结果仍按原级别计数（默认按提示计）
  --no-rounding          不报告尾差（information 级）
  --no-catalog           不按科目目录检查科目编码与名称
  --catalog 文件         另加一个科目目录（CSV 或 XLSX：编码,名称[,说明]；可重复）
  --config 文件          项目配置（默认：当前文件夹或其上级中的 budget-tables.json）
  --stdin-filename 名称  标准输入（-）的文件名，用于输出
  --lang zh|en           消息语言（默认按环境变量 LANG / LC_ALL）
  -v, --version          显示版本
  -h, --help             显示本帮助
子命令：budget-check format …（格式化）、import …（导入表格）、export …（导出），各见 --help。
退出码：0 未发现错误；1 发现错误；2 无法完成检查（参数有误、文件无法读取）。
`,
  version: (v: string) => `budget-check ${v}`,
  unknownOption: (o: string) => `未知选项：${o}`,
  needsValue: (o: string) => `${o} 需要一个值`,
  badFormat: (v: string, allowed: readonly string[]) => `--format 只能是 ${allowed.join('、')}，实为“${v}”`,
  noPaths: '请给出至少一个 .budget 文件或文件夹',
  stdinTwice: '标准输入（-）只能给出一次',
  summary: (files: number, errors: number, warnings: number, information: number, hints: number) =>
    `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告，${information} 个提示（尾差等），${hints} 个建议`,
  internalError: (what: string) => `内部错误：${what}（请报告此问题）`,
  // files
  fileProblem: (p: string, message: string) => `${p}：${message}`,
  notFound: (p: string) => `找不到 ${p}`,
  unreadable: (p: string, why: string) => `无法读取 ${p}（${why}）`,
  notRegular: (p: string, kind: string) => `${p} 是${kind}，不是普通文件，已跳过`,
  kinds: { fifo: '命名管道（FIFO）', device: '设备文件', socket: '套接字', other: '特殊文件' } as Record<string, string>,
  linkLoop: (p: string) => `${p} 是指向其上级文件夹的符号链接（循环），已跳过`,
  linkCycle: (p: string) => `${p} 是循环的符号链接，已跳过`,
  linkSeen: (p: string) => `${p} 指向已检查过的文件夹，已跳过`,
  dangling: (p: string) => `${p} 是失效的符号链接，已跳过`,
  tooLarge: (p: string, mib: number) => `${p} 超过 ${mib} MiB，已跳过`,
  undecodable: (p: string, line: number, column: number) => `${p}：第 ${line} 行第 ${column} 列的字节既不是 UTF-8 也不是 GB18030 编码，无法读取`,
  // configuration and catalogs
  configUnreadable: (p: string, why: string) => `无法读取项目配置 ${p}（${why}）`,
  catalogUnreadable: (p: string, why: string) => `无法读取科目目录 ${p}（${why}）`,
  catalogProblems: (p: string, n: number, first: string) => `科目目录 ${p} 有 ${n} 行未能读取（第一处：${first}）`,
  // writes
  exists: (p: string) => `${p} 已存在：加 --force 才会覆盖`,
  isSource: (p: string) => `${p} 是输入的文档本身，不能覆盖`,
  isLink: (p: string) => `${p} 是符号链接，不会写入`,
  notFile: (p: string) => `${p} 不是普通文件，不会写入`,
  readOnly: (p: string) => `${p} 是只读的，未修改`,
  writeFailed: (p: string, why: string) => `无法写入 ${p}（${why}）；原文件未改动`,
  // format
  formatUsage: `用法：budget-check format [--check] [--lang zh|en] 路径...
  路径       .budget 文件或文件夹（递归查找 .budget）
  --check    只检查：有文件需要格式化时以 1 退出，不写文件
  --lang     消息语言
文件夹中的符号链接不会被改写；不是 UTF-8 编码的文件不会被改写。
`,
  formatWouldChange: (file: string) => `${file}：需要格式化`,
  formatWrote: (file: string) => `已格式化 ${file}`,
  formatSummary: (files: number, changed: number, check: boolean) =>
    check ? `检查了 ${files} 个文件：${changed} 个需要格式化` : `检查了 ${files} 个文件：格式化了 ${changed} 个`,
  formatLinkSkipped: (p: string) => `${p} 是文件夹中的符号链接，不会改写（请直接指定其目标）`,
  formatNotUtf8: (p: string, encoding: string) => `${p} 是 ${encoding} 编码：格式化只改写 UTF-8 文件，请先转换编码`,
  // export and import
  exportUsage: `用法：budget-check export 文件.budget --to csv|xlsx [--table 表号或标题] [-o 输出文件] [--force] [--lang zh|en]
  --to            csv（一张表）或 xlsx（每张表一个工作表）；省略时按输出文件的扩展名
  --table         只导出这张表（如 公开05表）；CSV 必须指定（文档只有一张表时除外）
  -o, --output    输出文件（CSV 默认输出到标准输出，XLSX 默认写在输入文件旁）
  --force         覆盖已存在的输出文件
`,
  exportOneFile: '只能导出一个文件',
  exportNoFile: '请给出 .budget 文件',
  exportBadTo: '--to 只能是 csv 或 xlsx',
  importUsage: `用法：budget-check import 文件… [--document] [--sheet 序号|名称] [--title 标题] [-o 输出.budget] [--force] [--lang zh|en]
  文件            .pdf：整份文档（表头、目录、各部分、全部表格、情况说明、名词解释）；
                  pdftotext -layout 导出的整份文本（含分页符）同样；
                  一份文档分成几个 PDF 发布（正文一个、公开表一个）时一并给出：合为一份文档，各表插在正文说明附表之处；
                  其他：一张表，来自 PDF 提取的文本（.txt，制表符分隔）、.csv 或 .xlsx
  --document      把文本文件当作整份文档（pdftotext -layout 的输出）导入
  --sheet         XLSX 的工作表（从 1 起的序号或名称；默认第一张）
  --title         表的标题（可带表号，如 "公开05表 一般公共预算财政拨款支出决算表"）
  -o, --output    写入该文件（默认输出到标准输出）；修复清单输出到标准错误
  --force         覆盖已存在的输出文件
`,
  importOneFile: '一次只能导入一个表格文件；整份文档（PDF 或 pdftotext -layout 的文本）可一次导入几个，合为一份',
  importNoFile: '请给出要导入的文件',
};
export type CliMessages = typeof zh;

const en: CliMessages = {
  usage: `Usage: budget-check [options] PATH...
  PATH                   .budget files or folders (searched recursively for .budget); - reads standard input
  --format FORMAT        text (default), json, sarif (SARIF 2.1.0, for GitHub code scanning) or github (workflow annotations)
  --exit-zero            exit 0 even when errors are found
  --count-acknowledged   count findings the document accepts with a justification line at their own severity (default: as information)
  --no-rounding          leave out the rounding tails (information level)
  --no-catalog           do not check subject codes and names against the catalogs
  --catalog FILE         one more subject-code catalog (CSV or XLSX: code,name[,description]; repeatable)
  --config FILE          project configuration (default: budget-tables.json in this folder or the nearest above)
  --stdin-filename NAME  the file name of standard input (-), for the output
  --lang zh|en           language of the messages (default: from LANG / LC_ALL)
  -v, --version          print the version
  -h, --help             print this help
Commands: budget-check format … (align tables), import … (import a table), export … (export tables); each has --help.
Exit codes: 0 no errors found; 1 errors found; 2 could not check (bad arguments, unreadable files).
`,
  version: (v) => `budget-check ${v}`,
  unknownOption: (o) => `unknown option: ${o}`,
  needsValue: (o) => `${o} needs a value`,
  badFormat: (v, allowed) => `--format must be one of ${allowed.join(', ')}, not “${v}”`,
  noPaths: 'Give at least one .budget file or folder',
  stdinTwice: 'Standard input (-) can be given only once',
  summary: (files, errors, warnings, information, hints) =>
    `Checked ${count(files, 'file')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${information} information (rounding tails and notes), ${count(hints, 'hint')}`,
  internalError: (what) => `internal error: ${what} (please report this)`,
  fileProblem: (p, message) => `${p}: ${message}`,
  notFound: (p) => `not found: ${p}`,
  unreadable: (p, why) => `cannot read ${p} (${why})`,
  notRegular: (p, kind) => `${p} is ${kind}, not a regular file; skipped`,
  kinds: { fifo: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'a special file' },
  linkLoop: (p) => `${p} is a symbolic link to a folder above it (a loop); skipped`,
  linkCycle: (p) => `${p} is a symbolic link that leads back to itself; skipped`,
  linkSeen: (p) => `${p} leads to a folder already checked; skipped`,
  dangling: (p) => `${p} is a dangling symbolic link; skipped`,
  tooLarge: (p, mib) => `${p} is larger than ${mib} MiB; skipped`,
  undecodable: (p, line, column) => `${p}: the bytes at line ${line}, column ${column} are neither UTF-8 nor GB18030; cannot read it`,
  configUnreadable: (p, why) => `cannot read the project configuration ${p} (${why})`,
  catalogUnreadable: (p, why) => `cannot read the catalog ${p} (${why})`,
  catalogProblems: (p, n, first) => `${n} rows of the catalog ${p} could not be read (first: ${first})`,
  exists: (p) => `${p} exists: add --force to overwrite it`,
  isSource: (p) => `${p} is the input document itself; it will not be overwritten`,
  isLink: (p) => `${p} is a symbolic link; nothing written`,
  notFile: (p) => `${p} is not a regular file; nothing written`,
  readOnly: (p) => `${p} is read-only; left unchanged`,
  writeFailed: (p, why) => `cannot write ${p} (${why}); the file is unchanged`,
  formatUsage: `Usage: budget-check format [--check] [--lang zh|en] PATH...
  PATH       .budget files or folders (searched recursively for .budget)
  --check    check only: exit 1 when a file would be reformatted, write nothing
  --lang     language of the messages
Symbolic links found in folders are never rewritten; files not in UTF-8 are never rewritten.
`,
  formatWouldChange: (file) => `${file}: would be reformatted`,
  formatWrote: (file) => `reformatted ${file}`,
  formatSummary: (files, changed, check) =>
    check ? `checked ${count(files, 'file')}: ${changed} would be reformatted` : `checked ${count(files, 'file')}: ${changed} reformatted`,
  formatLinkSkipped: (p) => `${p} is a symbolic link inside a folder; not rewritten (name its target directly)`,
  formatNotUtf8: (p, encoding) => `${p} is in ${encoding}: format rewrites UTF-8 files only; convert it first`,
  exportUsage: `Usage: budget-check export FILE.budget --to csv|xlsx [--table NUMBER-OR-TITLE] [-o OUTPUT] [--force] [--lang zh|en]
  --to            csv (one table) or xlsx (one worksheet per table); by default the output file's extension
  --table         only this table (its number or title, as printed); needed for CSV unless the document has one table
  -o, --output    output file (CSV goes to standard output by default, XLSX beside the input)
  --force         overwrite an existing output file
`,
  exportOneFile: 'Only one file can be exported',
  exportNoFile: 'Give a .budget file',
  exportBadTo: '--to must be csv or xlsx',
  importUsage: `Usage: budget-check import FILE… [--document] [--sheet N|NAME] [--title TITLE] [-o OUTPUT.budget] [--force] [--lang zh|en]
  FILE            .pdf: the whole document (header, contents, parts, every table, narrative, glossary);
                  the same from the whole text of pdftotext -layout (with its page breaks);
                  a document published as several PDFs (its text, its tables): give them all, they are joined into
                  one document, the tables where the text says they follow;
                  else one table, from text extracted from a PDF (.txt, tab-separated), .csv or .xlsx
  --document      import a text file as a whole document (the output of pdftotext -layout)
  --sheet         the XLSX worksheet (number from 1, or name; default the first)
  --title         the table's title, as printed (it may start with the table's number)
  -o, --output    write to this file (default: standard output); the repairs go to standard error
  --force         overwrite an existing output file
`,
  importOneFile: 'Only one table file can be imported at a time; whole documents (PDF or the text of pdftotext -layout) can be imported several at once, joined into one',
  importNoFile: 'Give the file to import',
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function cliMessages(locale: Locale = 'zh'): CliMessages {
  return locale === 'en' ? en : zh;
}

/**
 * The language of the CLI: `--lang` anywhere in the arguments (so that every message, even one about the arguments,
 * is in it), else `BUDGET_LANG`, else the POSIX locale variables in their order of precedence (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`). English only when one of them asks for it (`en`, `en_US.UTF-8`); anything else
 * (`zh_CN.UTF-8`, `C`, unset) is Chinese.
 */
export function cliLocale(argv: readonly string[], env: Record<string, string | undefined> = process.env): Locale {
  let flag: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang' && argv[i + 1] !== undefined) flag = argv[i + 1];
    else if (a.startsWith('--lang=')) flag = a.slice(7);
  });
  const tag = flag ?? [env.BUDGET_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return tag && /^en(\b|_)/i.test(tag) ? 'en' : 'zh';
}
