/**
 * Realistic synthetic documents for benchmarks and robustness tests: 支出表 rows with 类/款/项 codes, names and figures
 * that add up (so the checker does its full work), the printed rules, a glossary and narrative.
 */
export interface Generated {
  text: string;
  rows: number;
  /** The same figures as JSON (the floor of what JavaScript can do with them). */
  json: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

const NAMES = ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '事业运行', '一般行政管理事务', '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出', '卫生健康支出', '行政事业单位医疗', '事业单位医疗', '住房保障支出', '住房改革支出', '住房公积金'];

function fmt(cents: number): string {
  const s = (cents / 100).toFixed(2);
  const [i, f] = s.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** A document with about `rows` table rows, in tables of at most `perTable` rows. */
export function generate(rows: number, seed = 1, perTable = 500): Generated {
  const r = rng(seed);
  const out: string[] = ['# 某部门 2023 年度部门决算', '部门：某部门', '年度：2023', '类型：决算', '金额单位：万元', ''];
  const figures: number[][] = [];
  let made = 0;
  let tableNo = 1;
  while (made < rows) {
    out.push(`## 表 公开${String(tableNo).padStart(2, '0')}表 支出决算表${tableNo}`, '列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3]');
    const body: string[] = [];
    let total = [0, 0, 0];
    const n = Math.min(perTable, rows - made);
    let inTable = 0;
    let lei = 201;
    while (inTable < n - 1) {
      const kuanCount = 1 + Math.floor(r() * 4);
      const leiRows: string[] = [];
      let leiSum = [0, 0, 0];
      for (let k = 1; k <= kuanCount && inTable < n - 1; k++) {
        const kuan = `${lei}${String(k).padStart(2, '0')}`;
        const xiangCount = 1 + Math.floor(r() * 5);
        const xiangRows: string[] = [];
        let kuanSum = [0, 0, 0];
        for (let x = 1; x <= xiangCount; x++) {
          const a = Math.floor(r() * 5_000_000);
          const b = Math.floor(r() * 2_000_000);
          const v = [a + b, a, b];
          figures.push(v);
          kuanSum = kuanSum.map((s, i) => s + v[i]);
          xiangRows.push(`${kuan}${String(x).padStart(2, '0')} | ${NAMES[Math.floor(r() * NAMES.length)]} | ${fmt(v[0])} | ${fmt(v[1])} | ${fmt(v[2])}`);
        }
        leiSum = leiSum.map((s, i) => s + kuanSum[i]);
        leiRows.push(`${kuan} | ${NAMES[Math.floor(r() * NAMES.length)]} | ${fmt(kuanSum[0])} | ${fmt(kuanSum[1])} | ${fmt(kuanSum[2])}`, ...xiangRows);
        inTable += 1 + xiangCount;
      }
      total = total.map((s, i) => s + leiSum[i]);
      body.push(`${lei} | ${NAMES[Math.floor(r() * NAMES.length)]} | ${fmt(leiSum[0])} | ${fmt(leiSum[1])} | ${fmt(leiSum[2])}`, ...leiRows);
      inTable += 1;
      lei++;
      if (lei > 299) lei = 201;
    }
    out.push(` | 合计 | ${fmt(total[0])} | ${fmt(total[1])} | ${fmt(total[2])}`, ...body, '注：本表反映部门本年度各项支出情况。', '规则：1栏各行=(2+3)栏各行', '');
    made += inTable + 1;
    tableNo++;
  }
  out.push('## 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。', '二、三公经费：指因公出国（境）费、公务用车购置及运行维护费和公务接待费。', '');
  out.push('## 情况说明', '### 一、总体情况', '2023 年度收、支总计均为 2,098.74 万元。与 2022 年度相比，收、支总计各增加 709.32 万元，增长 51.1%。', '');
  return { text: out.join('\n'), rows: made, json: JSON.stringify(figures) };
}
