/**
 * Realistic synthetic documents for benchmarks and robustness tests: 支出表 rows with 类/款/项 codes, names and figures
 * that add up (so the checker does its full work), the printed rules, a glossary and narrative.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { groupThousands } from '../server/src/numbers/decimal';

export interface Generated {
  text: string;
  rows: number;
  /**
   * The same data as JSON (JSON.parse of it is a denominator: what JavaScript's fastest parser does with as much data):
   * the header, every table with its columns, rows (code, name, figures), notes and rules, the glossary, the narrative.
   */
  json: string;
}

/** A small deterministic random source (xorshift32), so generated documents are the same in every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

/** 类 → 款 → 项 of the shipped functional catalog (codes and names as published), for realistic rows. */
interface Kuan { code: string; name: string; xiang: { code: string; name: string }[] }
interface Lei { code: string; name: string; kuan: Kuan[] }
let tree: Lei[] | undefined;
function catalogTree(): Lei[] {
  if (tree) return tree;
  const rows = parseCsv(readFileSync(join(__dirname, '..', '..', 'data', 'catalog', 'functional-partial.csv'), 'utf8'), { columns: true, bom: true }) as { code: string; name: string }[];
  const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'catalog', 'seed-codes.json'), 'utf8')) as { codes: { code: string; name: string }[] };
  const names = new Map<string, string>();
  for (const r of [...seed.codes, ...rows]) if (/^2\d{2}(\d{2}){0,2}$/.test(r.code) && !names.has(r.code)) names.set(r.code, r.name);
  const lei = new Map<string, Lei>();
  const kuan = new Map<string, Kuan>();
  for (const [code, name] of [...names].sort()) {
    if (code.length === 3) lei.set(code, { code, name, kuan: [] });
    else if (code.length === 5 && lei.has(code.slice(0, 3))) {
      const k = { code, name, xiang: [] };
      kuan.set(code, k);
      lei.get(code.slice(0, 3))!.kuan.push(k);
    } else if (code.length === 7) kuan.get(code.slice(0, 5))?.xiang.push({ code, name });
  }
  tree = [...lei.values()].map((l) => ({ ...l, kuan: l.kuan.filter((k) => k.xiang.length) })).filter((l) => l.kuan.length);
  return tree;
}

/**
 * The catalog's 类, then made-up ones (the 2xx codes the catalog lacks, ten 款 of fifteen 项 each, names numbered),
 * for tables longer than the catalog: every code printed once, so every rollup holds.
 */
let wide: Lei[] | undefined;
function wideTree(): Lei[] {
  if (wide) return wide;
  const known = catalogTree();
  const used = new Set(known.map((l) => l.code));
  const made: Lei[] = [];
  for (let c = 200; c <= 299; c++) {
    const code = String(c);
    if (used.has(code)) continue;
    const kuan: Kuan[] = [];
    for (let k = 1; k <= 10; k++) {
      const kc = `${code}${String(k).padStart(2, '0')}`;
      const xiang = Array.from({ length: 15 }, (_, x) => ({ code: `${kc}${String(x + 1).padStart(2, '0')}`, name: `其他支出项目${c}-${k}-${x + 1}` }));
      kuan.push({ code: kc, name: `其他支出款${c}-${k}`, xiang });
    }
    made.push({ code, name: `其他支出类${c}`, kuan });
  }
  return (wide = [...known, ...made]);
}

function rowsOf(leis: Lei[]): number {
  let n = 0;
  for (const l of leis) for (const k of l.kuan) n += 2 + k.xiang.length;
  return n;
}

export interface GenerateOptions {
  /**
   * Mistakes, as a share of the 项 rows: each such row's 基本支出 is printed 1.00 too high (its row's formula and its
   * 款's sum then fail: two errors) or, for a third of them, 0.01 too high (two 尾差).
   */
  mistakes?: number;
}

type JsonRow = [string, string, ...number[]];
interface JsonDocument {
  title: string;
  header: Record<string, string>;
  tables: { number: string; title: string; columns: { name: string; number?: number }[]; rows: JsonRow[]; notes: string[]; rules: string[] }[];
  glossary: { term: string; definition: string }[];
  narrative: { heading: string; text: string }[];
}

function fmt(cents: number): string {
  const s = (cents / 100).toFixed(2);
  const [i, f] = s.split('.');
  return `${groupThousands(i)}.${f}`;
}

/**
 * A document with about `rows` table rows, in 支出表 of at most `perTable` rows built from the catalog's 类/款/项 (and
 * made-up ones past the catalog's size: one table of 10,000 rows prints each code once).
 */
export function generate(rows: number, seed = 1, perTable = 120, options: GenerateOptions = {}): Generated {
  const r = rng(seed);
  const leis = perTable + 1 > rowsOf(catalogTree()) ? wideTree() : catalogTree();
  const mistakes = options.mistakes ?? 0;
  const out: string[] = ['# 某部门 2023 年度部门决算', '部门：某部门', '年度：2023', '类型：决算', '金额单位：万元', ''];
  const data: JsonDocument = { title: '某部门 2023 年度部门决算', header: { 部门: '某部门', 年度: '2023', 类型: '决算', 金额单位: '万元' }, tables: [], glossary: [], narrative: [] };
  let made = 0;
  let tableNo = 1;
  while (made < rows) {
    out.push(`## 表 公开${String(tableNo).padStart(2, '0')}表 支出决算表${tableNo}`, '列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3]');
    const body: string[] = [];
    const jsonRows: JsonRow[] = [];
    let total = [0, 0, 0];
    const n = Math.max(4, Math.min(perTable, rows - made));
    let inTable = 0;
    // Each table takes 类 in turn from a random start, each with some of its 款 and their 项.
    const first = Math.floor(r() * leis.length);
    for (let li = 0; li < leis.length && inTable < n - 1; li++) {
      const lei = leis[(first + li) % leis.length];
      const leiRows: string[] = [];
      const leiJson: JsonRow[] = [];
      let leiSum = [0, 0, 0];
      for (const kuan of lei.kuan) {
        if (inTable + leiRows.length + 2 + kuan.xiang.length > n - 1 && leiRows.length) break;
        const xiangRows: string[] = [];
        const xiangJson: JsonRow[] = [];
        let kuanSum = [0, 0, 0];
        for (const x of kuan.xiang) {
          const a = Math.floor(r() * 5_000_000);
          const b = Math.floor(r() * 2_000_000);
          const v = [a + b, a, b];
          kuanSum = kuanSum.map((s, i) => s + v[i]);
          if (mistakes && r() < mistakes) v[1] += r() < 1 / 3 ? 1 : 100;
          xiangRows.push(`${x.code} | ${x.name} | ${fmt(v[0])} | ${fmt(v[1])} | ${fmt(v[2])}`);
          xiangJson.push([x.code, x.name, ...v.map((c) => c / 100)]);
        }
        leiSum = leiSum.map((s, i) => s + kuanSum[i]);
        leiRows.push(`${kuan.code} | ${kuan.name} | ${fmt(kuanSum[0])} | ${fmt(kuanSum[1])} | ${fmt(kuanSum[2])}`, ...xiangRows);
        leiJson.push([kuan.code, kuan.name, ...kuanSum.map((c) => c / 100)], ...xiangJson);
      }
      total = total.map((s, i) => s + leiSum[i]);
      body.push(`${lei.code} | ${lei.name} | ${fmt(leiSum[0])} | ${fmt(leiSum[1])} | ${fmt(leiSum[2])}`, ...leiRows);
      jsonRows.push([lei.code, lei.name, ...leiSum.map((c) => c / 100)], ...leiJson);
      inTable += 1 + leiRows.length;
    }
    out.push(` | 合计 | ${fmt(total[0])} | ${fmt(total[1])} | ${fmt(total[2])}`, ...body, '注：本表反映部门本年度各项支出情况。', '规则：1栏各行=(2+3)栏各行', '');
    data.tables.push({
      number: `公开${String(tableNo).padStart(2, '0')}表`, title: `支出决算表${tableNo}`,
      columns: [{ name: '科目编码' }, { name: '科目名称' }, { name: '本年支出合计', number: 1 }, { name: '基本支出', number: 2 }, { name: '项目支出', number: 3 }],
      rows: [['', '合计', ...total.map((c) => c / 100)], ...jsonRows],
      notes: ['注：本表反映部门本年度各项支出情况。'], rules: ['1栏各行=(2+3)栏各行'],
    });
    made += inTable + 1;
    tableNo++;
  }
  const glossary = ['一、财政拨款收入：指本级财政当年拨付的资金。', '二、三公经费：指因公出国（境）费、公务用车购置及运行维护费和公务接待费。'];
  const narrative = ['2023 年度收、支总计均为 2,098.74 万元。与 2022 年度相比，收、支总计各增加 709.32 万元，增长 51.1%。'];
  out.push('## 名词解释', ...glossary, '');
  out.push('## 情况说明', '### 一、总体情况', ...narrative, '');
  data.glossary = glossary.map((g) => { const [term, definition] = g.split('：'); return { term, definition }; });
  data.narrative = [{ heading: '一、总体情况', text: narrative[0] }];
  return { text: out.join('\n'), rows: made, json: JSON.stringify(data) };
}
