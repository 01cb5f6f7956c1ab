/**
 * rules/compact.ts `RelationList.copyRange`: relations copied from another list, into a list that already holds some
 * (its own numbers for parts, titles and terms), with the parts swapped for those that replace them.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../server/src/analysis';
import { StoredPart, storeOf } from '../server/src/model/rows';
import { RelationList } from '../server/src/rules/compact';
import type { Relation } from '../server/src/rules/relation';

const TEXT = `# 测试\n部门：测试部门\n年度：2023\n类型：决算\n金额单位：万元\n标准表：无\n\n## 表 表1 测试表\n列：项目 | 金额 | 其他\n甲 | 1.00 | 2.00\n乙 | 3.00 | 4.00\n合计 | 4.00 | 6.00\n`;

function partOf(text: string): StoredPart {
  const p = analyze(text).document.tables[0].parts[0];
  assert.ok(p instanceof StoredPart);
  return p;
}

/** Cell `i` (a column's index) of row `r`, by its number in the store. */
const at = (p: StoredPart, r: number, i: number) => storeOf(p)!.cellAt(r, i);

/** A relation as plain text: its rule, kind, title, target and signed terms by row and column. */
function show(r: Relation): string {
  const c = (x: Relation['target']) => `${x.row.part.table.title}:${x.row.index}.${x.row.cells.indexOf(x)}`;
  return `${r.rule}/${r.kind}/${r.title} ${c(r.target)} = ${r.terms.map((t) => `${t.sign > 0 ? '+' : '-'}${c(t.cell)}`).join(' ')}`;
}

describe('RelationList.copyRange', () => {
  const p = partOf(TEXT);
  /** The column sums of the table (two), and an object relation between them. */
  const source = () => {
    const a = new RelationList();
    const n = a.part(p);
    for (const col of [1, 2]) {
      a.begin('column-formula', 'sum', `第${col}栏`, undefined, n, 2, at(p, 2, col));
      a.term(n, 0, at(p, 0, col), 1);
      a.term(n, 1, at(p, 1, col), 1);
      a.end();
    }
    a.add({ rule: 'row-formula', kind: 'same', title: '对象', target: p.cellAt(2, at(p, 2, 1)), terms: [{ sign: -1, cell: p.cellAt(0, at(p, 0, 2)) }] });
    return a;
  };

  it('appends after relations of its own: the same relations, their terms read at their own places', () => {
    const a = source();
    const b = new RelationList();
    const n = b.part(p);
    // Three terms of its own first: the copied terms are not where they were in `a`.
    b.begin('row-formula', 'sum', '自有', undefined, n, 2, at(p, 2, 2));
    for (const r of [0, 1, 0]) b.term(n, r, at(p, r, 2), 1);
    b.end();
    b.copyRange(a, 1, 3);
    assert.equal(b.count, 3);
    assert.equal(show(b.relation(0)), 'row-formula/sum/自有 测试表:2.2 = +测试表:0.2 +测试表:1.2 +测试表:0.2');
    assert.equal(show(b.relation(1)), show(a.relation(1)));
    assert.equal(show(b.relation(2)), show(a.relation(2)));
  });

  it('into an empty list, from the first: the same relations, numbered as there', () => {
    const a = source();
    const b = new RelationList();
    b.copyRange(a, 0, 3);
    assert.equal(b.count, 3);
    for (let i = 0; i < 3; i++) assert.equal(show(b.relation(i)), show(a.relation(i)));
    assert.ok(b.samePrefix(a, 3));
    // Appended after: its own numbers go on from there.
    const n = b.part(p);
    b.begin('row-formula', 'same', '其后', undefined, n, 0, at(p, 0, 1));
    b.term(n, 1, at(p, 1, 1), 1);
    b.end();
    assert.equal(show(b.relation(3)), 'row-formula/same/其后 测试表:0.1 = +测试表:1.1');
  });

  it('with a part swapped, names the cells of the part that replaces it (the object relation too)', () => {
    const a = source();
    const q = partOf(TEXT);
    assert.notEqual(q, p);
    const b = new RelationList();
    b.copyRange(a, 0, 3, new Map([[p, q]]));
    for (let i = 0; i < 3; i++) {
      const r = b.relation(i);
      assert.equal(show(r), show(a.relation(i)));
      for (const c of [r.target, ...r.terms.map((t) => t.cell)]) assert.equal(c.row.part, q, `relation ${i}`);
    }
    // (an object relation about a swapped part is never the same: its cells are others)
    assert.ok(b.samePrefix(a, 2, 0, new Map([[p, q]])));
    assert.ok(!b.samePrefix(a, 2, 0), 'without the swap, the parts differ');
  });
});

describe('RelationList.touching', () => {
  /**
   * Every cell's relations, and every range's, against a scan of the list: each relation once, in the list's order —
   * over two parts, a relation holding one cell twice (its target and a term, and two terms), and relations kept as
   * objects (the one-cell path of error localisation reads the index alone when no object relation holds the cell).
   */
  it('gives the relations a scan of the list gives, each once, in order, for every cell and range', () => {
    const p = partOf(TEXT);
    const q = partOf(TEXT.replace('1.00', '5.00'));
    const list = new RelationList();
    const np = list.part(p);
    const nq = list.part(q);
    list.begin('column-formula', 'sum', '甲', undefined, np, 2, at(p, 2, 1));
    list.term(np, 0, at(p, 0, 1), 1);
    list.term(np, 1, at(p, 1, 1), 1);
    list.end();
    // Its target is a term too, and a term twice.
    list.begin('row-formula', 'sum', '乙', undefined, nq, 0, at(q, 0, 2));
    list.term(nq, 0, at(q, 0, 2), 1);
    list.term(nq, 1, at(q, 1, 1), 1);
    list.term(nq, 1, at(q, 1, 1), -1);
    list.end();
    list.add({ rule: 'row-formula', kind: 'same', title: '对象', target: p.cellAt(1, at(p, 1, 1)), terms: [{ sign: -1, cell: q.cellAt(1, at(q, 1, 1)) }] });
    list.begin('column-formula', 'same', '丙', undefined, nq, 1, at(q, 1, 1));
    list.term(np, 2, at(p, 2, 1), 1);
    list.end();
    const scan = (part: StoredPart, from: number, to: number) => {
      const out: number[] = [];
      for (let i = 0; i < list.count; i++) {
        const r = list.relation(i);
        if ([r.target, ...r.terms.map((t) => t.cell)].some((c) => c.row.part === part && storeOf(part)!.cellAt(c.row.index, c.row.cells.indexOf(c)) >= from && storeOf(part)!.cellAt(c.row.index, c.row.cells.indexOf(c)) < to)) out.push(i);
      }
      return out;
    };
    let asked = 0;
    for (const part of [p, q, partOf(TEXT)]) {
      const cells = storeOf(part)!.cellCount;
      for (let from = 0; from <= cells; from++) {
        for (let to = from + 1; to <= cells + 1; to++) {
          assert.deepEqual(list.touching(part, from, to), scan(part, from, to), `cells [${from}, ${to})`);
          asked++;
        }
      }
    }
    assert.ok(asked > 50);
    assert.deepEqual(list.touching(q, at(q, 1, 1), at(q, 1, 1) + 1), [1, 2, 3]);
    assert.deepEqual(list.touching(q, at(q, 0, 2), at(q, 0, 2) + 1), [1]);
  });
});
