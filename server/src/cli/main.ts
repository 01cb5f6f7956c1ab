/**
 * `budget-check PATH...`: audits `.budget` files and folders from a terminal.
 * Prints `path:line:col: severity: message [rule]` lines and a summary; exits 1 when any error is found.
 * This module only reads the arguments, finds the files and prints; the checking (./check) runs in worker threads
 * (./workers), or in this thread for a few files.
 */
export type { JsonFinding } from './check';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions, JsonFinding } from './check';
import { checkAll, stats } from './workers';

interface Options {
  paths: string[];
  format: 'text' | 'json';
  exitZero: boolean;
  roundingTails: boolean;
  lang: string | undefined;
  /** Check codes against the shipped catalog (and `--catalog` files); off with `--no-catalog`. */
  catalog: boolean;
  catalogFiles: string[];
}

const USAGE = `用法：budget-check [选项] 路径...
  路径            .budget 文件或文件夹（递归查找 .budget）
  --format json   以 JSON 数组输出
  --exit-zero     有错误时也以 0 退出
  --no-rounding   不报告尾差（information 级）
  --lang en       英文消息
  --no-catalog    不按科目目录检查科目编码与名称
  --catalog F.csv 另加一个科目目录（CSV：编码,名称[,说明]）
另有：budget-check import 文件 …（导入表格，见 import --help）、budget-check export 文件.budget …（导出，见 export --help）
`;

function parseArgs(argv: string[]): Options | string {
  const o: Options = { paths: [], format: 'text', exitZero: false, roundingTails: true, lang: process.env.BUDGET_LANG, catalog: true, catalogFiles: [] };
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
    else if (a === '--no-catalog') o.catalog = false;
    else if (a === '--catalog') {
      const v = argv[++i];
      if (!v) return '--catalog 需要一个 CSV 文件';
      o.catalogFiles.push(v);
    }
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


export async function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  // `budget-check import …` / `export …` / `format …` (./import, ./export, ./format, loaded only for them); anything else is a check.
  if (argv[0] === 'import') return (require('./import') as typeof import('./import')).runImport(argv.slice(1), out, err);
  if (argv[0] === 'export') return (require('./export') as typeof import('./export')).runExport(argv.slice(1), out, err);
  if (argv[0] === 'format') return (require('./format') as typeof import('./format')).runFormat(argv.slice(1), out, err);
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    if (o) err(`budget-check: ${o}\n`);
    err(USAGE);
    return o ? 2 : 0;
  }
  const { files, missing } = collectFiles(o.paths);
  for (const p of missing) err(`budget-check: 找不到 ${p}\n`);
  const options: CheckOptions = { lang: o.lang, roundingTails: o.roundingTails, catalog: o.catalog, catalogFiles: o.catalogFiles };
  const results = await checkAll(files, options, err);
  // The codes each checked file prints: a code unknown to the catalog is known if another checked file uses it.
  const used = new Map<string, Set<number>>();
  results.forEach((r, fi) => {
    for (const c of r.codes) {
      let s = used.get(c);
      if (!s) used.set(c, (s = new Set()));
      s.add(fi);
    }
  });
  const all: JsonFinding[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  results.forEach((r, fi) => {
    for (const x of r.findings) {
      if (x.unknownCode && [...(used.get(x.unknownCode) ?? [])].some((i) => i !== fi)) continue;
      counts[x.f.severity]++;
      all.push(x.f);
    }
  });
  if (o.format === 'json') out(JSON.stringify(all, null, 2) + '\n');
  else {
    for (const f of all) out(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]\n`);
    out(`检查了 ${files.length} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.information} 个提示（尾差等），${counts.hint} 个建议\n`);
  }
  if (process.env.BUDGET_CHECK_STATS) err(`stats: ${JSON.stringify({ files: files.length, ...stats, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  if (missing.length) return 2;
  return counts.error > 0 && !o.exitZero ? 1 : 0;
}

if (require.main === module) void run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
