/**
 * `budget-check PATH...`: audits `.budget` files and folders from a terminal.
 * Prints `path:line:col: severity: message [rule]` lines and a summary; exits 1 when any error is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../analysis';
import type { Finding } from '../checks/finding';
import { localeOf } from '../i18n/messages';
import { LineIndex } from '../syntax/positions';

interface Options {
  paths: string[];
  format: 'text' | 'json';
  exitZero: boolean;
  roundingTails: boolean;
  lang: string | undefined;
}

const USAGE = `用法：budget-check [选项] 路径...
  路径            .budget 文件或文件夹（递归查找 .budget）
  --format json   以 JSON 数组输出
  --exit-zero     有错误时也以 0 退出
  --no-rounding   不报告尾差（information 级）
  --lang en       英文消息
`;

function parseArgs(argv: string[]): Options | string {
  const o: Options = { paths: [], format: 'text', exitZero: false, roundingTails: true, lang: process.env.BUDGET_LANG };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'text') return `--format 只能是 json 或 text`;
      o.format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice(9);
      if (v !== 'json' && v !== 'text') return `--format 只能是 json 或 text`;
      o.format = v;
    } else if (a === '--exit-zero') o.exitZero = true;
    else if (a === '--no-rounding') o.roundingTails = false;
    else if (a === '--lang') o.lang = argv[++i];
    else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `未知选项：${a}`;
    else o.paths.push(a);
  }
  if (!o.paths.length) return '请给出至少一个 .budget 文件或文件夹';
  return o;
}

export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try { st = statSync(p); } catch { missing.push(p); return; }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) {
        if (e === 'node_modules' || e.startsWith('.')) continue;
        const q = join(p, e);
        const s = statSync(q);
        if (s.isDirectory()) walk(q);
        else if (e.endsWith('.budget')) files.push(q);
      }
    } else files.push(p);
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    if (o) err(`budget-check: ${o}\n`);
    err(USAGE);
    return o ? 2 : 0;
  }
  const { files, missing } = collectFiles(o.paths);
  for (const p of missing) err(`budget-check: 找不到 ${p}\n`);
  const all: JsonFinding[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const a = analyze(text, { locale: localeOf(o.lang), roundingTails: o.roundingTails });
    const idx = new LineIndex(text);
    const shown = relative(process.cwd(), file) || file;
    for (const f of a.findings) {
      const s = idx.position(f.span.start);
      const e = idx.position(f.span.end);
      counts[f.severity]++;
      all.push({ file: shown, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: f.message });
    }
  }
  if (o.format === 'json') out(JSON.stringify(all, null, 2) + '\n');
  else {
    for (const f of all) out(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]\n`);
    out(`检查了 ${files.length} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.information} 个提示（尾差等），${counts.hint} 个建议\n`);
  }
  if (missing.length) return 2;
  return counts.error > 0 && !o.exitZero ? 1 : 0;
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
