/**
 * `budget-check PATH...`: audits `.budget` files and folders from a terminal.
 * Prints `path:line:col: severity: message [rule]` lines and a summary; exits 1 when any error is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../analysis';
import { runFormat } from './format';
import type { Finding } from '../checks/finding';
import { localeOf } from '../i18n/messages';
import { Catalog, type CodeKnowledge } from '../knowledge/index';
import { loadCatalogCsv, shippedKnowledge } from '../knowledge/load';
import { documentCodes } from '../knowledge/workspace';
import { LineIndex } from '../syntax/positions';

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
  if (argv[0] === 'format') return runFormat(argv.slice(1), out, err);
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    if (o) err(`budget-check: ${o}\n`);
    err(USAGE);
    return o ? 2 : 0;
  }
  const { files, missing } = collectFiles(o.paths);
  for (const p of missing) err(`budget-check: 找不到 ${p}\n`);
  const found: { f: JsonFinding; unknownCode?: string; file: number }[] = [];
  const knowledge = o.catalog ? cliKnowledge(o.catalogFiles, err) : undefined;
  // The codes each checked file prints: a code unknown to the catalog is known if another checked file uses it.
  const used = new Map<string, Set<number>>();
  files.forEach((file, fi) => {
    const text = readFileSync(file, 'utf8');
    const a = analyze(text, { locale: localeOf(o.lang), roundingTails: o.roundingTails, ...(knowledge ? { knowledge } : {}) });
    const idx = new LineIndex(text);
    const shown = relative(process.cwd(), file) || file;
    if (knowledge) {
      for (const c of documentCodes(a.document, file).codes) {
        let s = used.get(c.code);
        if (!s) used.set(c.code, (s = new Set()));
        s.add(fi);
      }
    }
    for (const f of a.findings) {
      const s = idx.position(f.span.start);
      const e = idx.position(f.span.end);
      const jf: JsonFinding = { file: shown, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: f.message };
      found.push({ f: jf, file: fi, ...(f.rule === 'code-unknown' ? { unknownCode: text.slice(f.span.start, f.span.end).replace(/\s/g, '') } : {}) });
    }
  });
  const all: JsonFinding[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const x of found) {
    if (x.unknownCode && [...(used.get(x.unknownCode) ?? [])].some((i) => i !== x.file)) continue;
    counts[x.f.severity]++;
    all.push(x.f);
  }
  if (o.format === 'json') out(JSON.stringify(all, null, 2) + '\n');
  else {
    for (const f of all) out(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]\n`);
    out(`检查了 ${files.length} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.information} 个提示（尾差等），${counts.hint} 个建议\n`);
  }
  if (process.env.BUDGET_CHECK_STATS) err(`stats: ${JSON.stringify({ files: files.length, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  if (missing.length) return 2;
  return counts.error > 0 && !o.exitZero ? 1 : 0;
}

/** The shipped catalog and the `--catalog` files. */
function cliKnowledge(extra: string[], err: (s: string) => void): CodeKnowledge {
  const shipped = shippedKnowledge();
  const records = [...shipped.records];
  for (const f of extra) {
    try {
      records.unshift(...loadCatalogCsv(f).records);
    } catch (e) {
      err(`budget-check: 无法读取科目目录 ${f}：${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return { catalog: new Catalog(records), glossary: shipped.glossary };
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
