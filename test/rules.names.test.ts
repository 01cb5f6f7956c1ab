/**
 * A part's rows by name (rules/declared.ts `namesOf`, `rowsUnder`): by code, by label without blanks, by that without
 * its numbering, each index kept with the part's store while its heads (and, for codes, its codes) stay the same.
 * What a name finds must be what reading every row would find, in a part of a few rows (read row by row) and in a long
 * one (indexed), in one part and over a table's parts, and after edits that keep or change the rows' heads. (Written by
 * the helper nameidx for a one-pass index that was not kept: it measured no faster. The code index kept across a
 * code's edit, and a short part's label and bare keys swapped, each fail it; so does the text-code index — helper firstbind —
 * made empty, or read for a numeric code.)
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { norm, withoutItemNumber } from '../server/src/model/classify';
import type { Part, Table } from '../server/src/model/document';
import { rowCode, rowCount, rowLabel } from '../server/src/model/rows';
import { findRows, firstRowAt } from '../server/src/rules/declared';
import type { AtomNode } from '../server/src/syntax/ast';
import { generate } from '../bench/generate';

const atom = (value: string): AtomNode => ({ value, quoted: true, unit: 'row', span: { start: 0, end: 0 } });

/**
 * The rows a quoted name names, read from every row: the rows with its code; else with its label (blanks aside); else
 * with its label without numbering — each kind over all of `parts` before the next.
 */
function expected(parts: readonly Part[], name: string): [Part, number][] {
  const v = norm(name);
  const kinds: ((p: Part, r: number) => boolean)[] = [
    (p, r) => rowCode(p, r) === v,
    (p, r) => norm(rowLabel(p, r)) === v,
    (p, r) => withoutItemNumber(norm(rowLabel(p, r))) === withoutItemNumber(v),
  ];
  for (const named of kinds) {
    const out: [Part, number][] = [];
    for (const p of parts) for (let r = 0; r < rowCount(p); r++) if (named(p, r)) out.push([p, r]);
    if (out.length) return out;
  }
  return [];
}

/** Asserts that each name finds in `t` (or its part `part`) what reading every row finds. */
function findsAsRead(t: Table, names: readonly string[], part?: Part, what = ''): void {
  const parts = part ? [part] : t.parts;
  for (const name of names) {
    const want = expected(parts, name);
    const rows = findRows(t, atom(name), part);
    assert.deepEqual(rows.map((r) => [r.part, r.index]), want, `${what} ${name}: all`);
    const first = firstRowAt(t, atom(name), part);
    assert.deepEqual(first && [first.part, first.row], want[0], `${what} ${name}: first`);
  }
}

/** Every name a part's rows go by, and each label with its numbering and blanks taken out. */
function namesIn(parts: readonly Part[]): string[] {
  const out = new Set<string>();
  for (const p of parts) {
    for (let r = 0; r < rowCount(p); r++) {
      const code = rowCode(p, r);
      if (code) out.add(code);
      const label = rowLabel(p, r);
      out.add(label);
      out.add(norm(label));
      out.add(withoutItemNumber(norm(label)));
    }
  }
  return [...out];
}

/** Rows whose names cross kinds: numbered and plain labels alike, blanks, a label that is another row's code, repeats. */
const ROWS = [
  '301 | 一、工资福利支出 | 10.00',
  '30101 | （一）基本工资 | 4.00',
  '30102 | 1.津贴补贴 | 3.00',
  '30103 | 奖 金 | 3.00',
  ' | 工资福利支出 | 1.00',
  ' | 30101 | 2.00',
  '302 | 二、商品和服务支出 | 5.00',
  '30201 | 办公费 | 2.00',
  '30201 | （二）办公费 | 3.00',
  ' | 合计 | 15.00',
  ' | 2.合计 | 15.00',
  '303 | 奖金 | 1.00',
  // Codes that are not numbers (looked up by text, without the part's numeric codes: declared.ts `textCodeRows`).
  'A0101 | 项目甲 | 1.00',
  '42000021Y0001 | 项目丙 | 3.00',
  ' | A0101 | 1.00',
  '2023420000000000123 | 项目乙 | 2.00',
  'A0101 | 项目丁 | 1.00',
];

const EXTRA = ['合 计', '（一）工资福利支出', '二、办公费', '一、奖金', '津贴补贴', '三、其他', '999', '', 'A 0101', '项目乙', 'A0102', '20234200000000001234'];

function doc(rows: readonly string[], parts: number): string {
  const body = parts === 1 ? ['列：科目编码 | 科目名称 | 金额', ...rows] : rows.length ? Array.from({ length: parts }, (_, i) => [`### 部分${i + 1}`, '列：科目编码 | 科目名称 | 金额', ...rows.filter((_, j) => j % parts === i)]).flat() : [];
  return ['# 某单位 2023 年度部门决算', '部门：某单位', '年度：2023', '类型：决算', '金额单位：万元', '', '## 表 公开05表 支出决算表', ...body, ''].join('\n');
}

describe('rules: a part’s rows by name, as reading every row finds them', () => {
  it('finds by code, else label, else label without numbering, as reading every row does: a long part, a short one', () => {
    for (const rows of [ROWS, ROWS.slice(0, 7)]) {
      const t = analyze(doc(rows, 1), { standard: false }).document.tables[0];
      assert.equal(t.parts.length, 1);
      assert.equal(rowCount(t.parts[0]), rows.length);
      const names = [...namesIn(t.parts), ...EXTRA];
      findsAsRead(t, names, undefined, `${rows.length} rows, table:`);
      findsAsRead(t, names, t.parts[0], `${rows.length} rows, part:`);
    }
  });

  it('a code that is not a number, asked before any numeric code (the part’s numeric codes not indexed), then after', () => {
    const text = ['A0101', 'A 0101', '42000021Y0001', '2023420000000000123', '项目甲', 'A0102', '20234200000000001234'];
    for (const parts of [1, 2]) {
      const t = analyze(doc(ROWS, parts), { standard: false }).document.tables[0];
      findsAsRead(t, text, undefined, `${parts} parts, text codes first:`);
      findsAsRead(t, [...text, ...namesIn(t.parts)], undefined, `${parts} parts, then all:`);
    }
  });

  it('over a table’s parts, each kind of name in every part before the next kind', () => {
    for (const [rows, parts] of [[[...ROWS, ...ROWS], 2], [ROWS, 3]] as [string[], number][]) {
      const t = analyze(doc(rows, parts), { standard: false }).document.tables[0];
      assert.equal(t.parts.length, parts);
      const names = [...namesIn(t.parts), ...EXTRA];
      findsAsRead(t, names, undefined, `${parts} parts:`);
      for (const p of t.parts) findsAsRead(t, names, p, `${parts} parts, ${p.name}:`);
    }
  });

  it('an edit that keeps a long part’s heads keeps what its names find right; a code, a label or a row changed is found anew', function () {
    this.timeout(60_000);
    let text = generate(1000, 4, 1000).text;
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    const table = () => analyzer.analysis().document.tables.find((t) => t.parts.some((p) => rowCount(p) > 500))!;
    const sample = (t: Table) => {
      const all = namesIn(t.parts);
      return all.filter((_, i) => i % 157 === 0);
    };
    const lines = () => [...text.matchAll(/^\d{3,7} \|[^\n]*\n/gm)].map((m) => ({ start: m.index!, line: m[0] }));
    const check = (what: string, names: string[]) => findsAsRead(table(), [...new Set([...names, ...sample(table())])], undefined, what);
    check('first', []);
    // A figure retyped (the part renewed, its heads the same).
    {
      const { start, line } = lines()[300];
      const at = start + line.lastIndexOf('.') - 1;
      text = text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
      analyzer.analyze(text);
      check('figure', []);
    }
    // A code's digit changed: the row is found by its new code, not its old one.
    {
      const { start, line } = lines()[400];
      const old = line.slice(0, line.indexOf(' |'));
      const code = String((Number(old[1]) + 3) % 10);
      text = text.slice(0, start + 1) + code + text.slice(start + 2);
      analyzer.analyze(text);
      check('code', [old, old[0] + code + old.slice(2)]);
    }
    // A label retyped, a row added, a row deleted.
    {
      const { start, line } = lines()[500];
      const at = start + line.indexOf(' | ') + 3;
      const label = line.slice(line.indexOf(' | ') + 3, line.indexOf(' | ', line.indexOf(' | ') + 3));
      text = `${text.slice(0, at)}新${text.slice(at)}`;
      analyzer.analyze(text);
      check('label', [label, `新${label}`]);
    }
    {
      const { start, line } = lines()[600];
      text = text.slice(0, start) + line.replace(/^\d+/, '9999999') + text.slice(start);
      analyzer.analyze(text);
      check('row', ['9999999']);
      text = text.slice(0, start) + text.slice(start + line.replace(/^\d+/, '9999999').length);
      analyzer.analyze(text);
      check('unrow', ['9999999']);
    }
  });
});
