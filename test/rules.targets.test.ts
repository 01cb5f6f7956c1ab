/**
 * What a rule's reference resolves to (rules/declared.ts `Target`): a row is named by its part and number, in a range
 * `a+…+b` as after `a+…` (no row's view made to find it); and a reference a binder resolved (`BoundRef`) is taken as
 * found only when the column name it hands over names the column it found.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { messages } from '../server/src/i18n/messages';
import type { Relation } from '../server/src/rules/relation';
import { columnIn, DeclaredRules, type BoundRef, type Naming } from '../server/src/rules/declared';
import { forgetTemplates } from '../server/src/standard/shapes';
import type { Table } from '../server/src/model/document';
import type { RefNode, Span } from '../server/src/syntax/ast';
import { realAndGenerated } from './support/documents';

/**
 * Ranges of every kind, each formula holding as printed: rows between two quoted names, rows numbered between two
 * 行次, columns numbered between two 栏次, rows of another table (one figure column: the first), and a range whose
 * ends are rows of two parts (a problem).
 */
const RANGES = [
  '# 测试单位', '年度：2023', '',
  '## 表 表1 甲表', '金额单位：万元', '列：项目 | 行次 | 本年[1] | 上年[2] | 前年[3] | 合计[4]',
  '甲 | 1 | 1.00 | 2.00 | 3.00 | 6.00', '乙 | 2 | 2.00 | 3.00 | 4.00 | 9.00', '丙 | 3 |  | - | 1.00 | 1.00',
  '丁 | 4 | 4.00 | 5.00 | 6.00 | 15.00', '合计 | 5 | 7.00 | 10.00 | 14.00 | 31.00', '除甲 | 6 | 6.00 | 8.00 | 11.00 | 25.00',
  '规则：「合计」行=（「甲」+「乙」+…+「丁」）行；「除甲」行=（2+…+5）行-「合计」行',
  '规则：4栏各行=（1+…+3）栏各行', '',
  '## 表 表2 乙表', '金额单位：万元', '列：项目 | 金额 | 上年', '合计 | 7.00 | 10.00', '前三 | 3.00 | 5.00',
  '规则：「合计」行=表1（「甲」+…+「丁」）行；「前三」行=表1（1+…+3）行', '',
  '## 表 表3 丙表', '金额单位：万元', '### 收入', '列：项目 | 金额', '收入合计 | 3.00', '甲 | 1.00',
  '### 支出', '列：项目 | 金额', '乙 | 2.00', '规则：「收入合计」行=（「甲」+…+「乙」）行', '',
].join('\n');

/** A relation as text: its rule, its target and terms by table, row label and column name. */
function described(r: Relation): string {
  const at = (c: Relation['target']) => `${c.row.part.table.number ?? ''}${c.row.label}/${c.column?.name ?? ''}`;
  return `${r.rule} ${at(r.target)} = ${r.terms.map((t) => `${t.sign < 0 ? '-' : '+'}${at(t.cell)}`).join(' ')}`;
}

/** The private expansion step a test turns off (the relations are then made as objects). */
type RowOver = { rowOver: (...args: unknown[]) => boolean };

const NOWHERE: Span = { start: 0, end: 0 };

describe('rule references: rows by part and number', () => {
  it('a range names the rows (or columns) strictly between its ends, in the arrays as in objects', () => {
    const proto = DeclaredRules.prototype as unknown as RowOver;
    const arrays = proto.rowOver;
    let used = 0;
    const analysed = (way: RowOver['rowOver']) => {
      proto.rowOver = way;
      try {
        return analyze(RANGES, { locale: 'zh', standard: false });
      } finally {
        proto.rowOver = arrays;
      }
    };
    const a = analysed(function (this: DeclaredRules, ...args: unknown[]) {
      const done = arrays.apply(this, args);
      if (done) used++;
      return done;
    });
    const objects = analysed(() => false);
    // Four row formulas over stored rows went into the arrays: 表1's two, 表2's two.
    assert.equal(used, 4);
    assert.deepEqual(a.relations.map(described), objects.relations.map(described));
    assert.deepEqual(a.relations.map(described), [
      // 「合计」行=（「甲」+「乙」+…+「丁」）行: 丙 between 乙 and 丁; each figure column (丙's blank and dash are terms).
      ...['本年', '上年', '前年', '合计'].map((c) => `row-formula 表1合计/${c} = +表1甲/${c} +表1乙/${c} +表1丙/${c} +表1丁/${c}`),
      // 「除甲」行=（2+…+5）行-「合计」行: 行次 3 and 4 between 行次 2 and 5.
      ...['本年', '上年', '前年', '合计'].map((c) => `row-formula 表1除甲/${c} = +表1乙/${c} +表1丙/${c} +表1丁/${c} +表1合计/${c} -表1合计/${c}`),
      // 4栏各行=（1+…+3）栏各行: 栏 2 between 栏 1 and 3, in every row.
      ...['甲', '乙', '丙', '丁', '合计', '除甲'].map((r) => `column-formula 表1${r}/合计 = +表1${r}/本年 +表1${r}/上年 +表1${r}/前年`),
      // Rows of another table: its first figure column only.
      'cross-table 表2合计/金额 = +表1甲/本年 +表1乙/本年 +表1丙/本年 +表1丁/本年',
      'cross-table 表2前三/金额 = +表1甲/本年 +表1乙/本年 +表1丙/本年',
    ]);
    // Every formula holds; the range over two parts is a problem at the group.
    const errors = a.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => [f.rule, f.message]), [['rule-reference', messages('zh').rangeSamePart]]);
    assert.equal(RANGES.slice(errors[0].span.start, errors[0].span.end), '（「甲」+…+「乙」）行');
  });
});

describe('rule references: what a binder found', () => {
  const text = ['# 测试单位', '年度：2023', '', '## 表 表1 甲表', '金额单位：万元', '列：项目 | 本年 | 上年', '甲 | 1.00 | 2.00', '乙 | 3.00 | 4.00', ''].join('\n');

  it('is taken as found: the row by part and number, the column by the name handed over', () => {
    const doc = analyze(text, { standard: false }).document;
    const table = doc.tables[0];
    const resolver = new DeclaredRules(doc, messages('zh'));
    // `「乙」行「本年」栏` with row 甲 said found (not 乙: shows that what was found is taken, not looked up again).
    const ref: BoundRef = {
      kind: 'ref',
      atoms: [{ value: '乙', quoted: true, unit: 'row', span: NOWHERE }, { value: '本年', quoted: true, unit: 'column', span: NOWHERE }],
      span: NOWHERE,
      found: { table, at: { part: table.parts[0], row: 0 }, columnName: '本年' },
    };
    const t = resolver.resolveRef(ref, table);
    assert.equal(t?.at?.row, 0);
    assert.equal(t?.columnName, '本年');
    assert.deepEqual(resolver.problems, []);
  });

  it('the binder hands over a column name that names a column of a part the reference reads (seeds, corpus, generated documents)', () => {
    const proto = DeclaredRules.prototype;
    const plain = proto.resolveRef;
    let checked = 0;
    proto.resolveRef = function (this: DeclaredRules, ref: RefNode, current: Table, naming?: Naming) {
      const found = (ref as BoundRef).found;
      if (found?.columnName !== undefined) {
        // In the part it names, else in one of its table's, the expansion finds a column by the name.
        const parts = found.part ? [found.part] : found.table.parts;
        assert.ok(parts.some((p) => columnIn(p, { columnName: found.columnName })), `${found.columnName}: names no column of the parts it reads`);
        checked++;
      }
      return plain.call(this, ref, current, naming);
    };
    try {
      for (const [name, text] of realAndGenerated()) {
        forgetTemplates();
        assert.ok(analyze(text, { standard: { byShape: false } }).document.tables.length, name);
      }
    } finally {
      proto.resolveRef = plain;
      forgetTemplates();
    }
    assert.ok(checked > 300, `${checked} bound column names checked`);
  });
});
