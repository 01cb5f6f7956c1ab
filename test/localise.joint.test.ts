/**
 * Error localisation (server/src/checks/localise.ts) accepts a set of culprits only when one assignment of values to
 * its figures lets every relation of the group hold at once. Until session 26 a ratio, a growth or a change with two
 * free amounts (its percentage fixed) bounded neither: the sums pinned each amount on its own, and the ratio between
 * the two values so found was never checked — a set that mends the sums and breaks the ratio was named, beside the
 * one that mends both (a false tie), its fixes offered.
 *
 * The class: a 绩效自评表's 预算执行情况 (rows 年度资金总额 and its sources, columns 预算数(A) | 执行数(B) | 执行率(B/A))
 * whose one source row was typed wrong in A and in B alike, its rate computed from the wrong figures; the same with a
 * narrative's growth (本年 = 上年 × (1 + 增长率)) and change (增长率 = 增加额 ÷ 上年). Seen in no seed or corpus
 * document (a constructed case): the seeds' sets of two never meet such a relation (test/seeds.findings.ts unchanged).
 */
import { strict as assert } from 'node:assert';
import type { Cell } from '../server/src/model/document';
import { explain, type RelationSource } from '../server/src/checks/localise';
import { parseFigure } from '../server/src/numbers/decimal';
import type { Relation } from '../server/src/rules/relation';

/** A figure of its own row, named by its row's label (as test/localise.search.test.ts). */
function figure(text: string, label: string, at: number): Cell {
  const row = { label, cells: [] as Cell[], part: { rows: [], columns: [], table: { kind: 'table' } } };
  // A plain object with what the search reads of a cell (its kind, text, figure, row, span), not a model's view.
  const cell = { kind: 'figure', text, figure: parseFigure(text), row, span: { start: at, end: at + text.length } } as unknown as Cell;
  row.cells.push(cell);
  return cell;
}

const relation = (kind: Relation['kind'], target: Cell, ...terms: (Cell | [Cell, -1])[]): Relation =>
  ({ rule: 'row-formula', kind, title: '', target, terms: terms.map((t) => (Array.isArray(t) ? { sign: -1, cell: t[0] } : { sign: 1, cell: t })) });

/** The sets (each by its figures' labels) and fixes that explain `failing` among `all`, every figure weighing 1. */
function explained(failing: Relation, all: Relation[]) {
  const of = new Map<Cell, Relation[]>();
  for (const r of all) for (const x of [r.target, ...r.terms.map((t) => t.cell)]) of.set(x, [...(of.get(x) ?? []), r]);
  const src: RelationSource = {
    relationsOf: (x) => of.get(x) ?? [], stamp: () => 0, current: () => true, spanningChanged: () => new Set(), place: (x) => x.row.label,
  };
  const e = explain([failing], src, () => 1).get(failing);
  return { sets: e?.sets.map((s) => s.map((x) => x.row.label).join('+')), values: e && [...e.values].map(([x, v]) => `${x.row.label}→${v}`) };
}

const cells = (spec: string) => Object.fromEntries(spec.trim().split(/\s+/).map((n, i) => {
  const [label, text] = n.split('=');
  return [label, figure(text, label, 10 * i)];
}));

describe('error localisation: one assignment for every relation at once', () => {
  it('a ratio with both amounts changed: only the set whose values keep its rate (a row typed wrong in A and B)', () => {
    // 年度资金总额 300.00 | 240.00 | 80.00%; 当年财政拨款 110.00 | 99.00 | 90.00%; 上年结转 200.00 | 150.00 | 75.00%.
    // A: 300 ≠ 110 + 200, B: 240 ≠ 99 + 150. {A1, B1} → 100, 90: 90 ÷ 100 = 90.00% ✓. {AT, BT} → 310, 249: 80.32% ≠
    // 80.00%; {A2, B2} → 190, 141: 74.21% ≠ 75.00% — each sum mended, its rate broken: no explanation.
    const c = cells('AT=300.00 BT=240.00 PT=80.00% A1=110.00 B1=99.00 P1=90.00% A2=200.00 B2=150.00 P2=75.00%');
    const sumA = relation('sum', c.AT, c.A1, c.A2);
    const sumB = relation('sum', c.BT, c.B1, c.B2);
    const all = [sumA, sumB, relation('ratio', c.PT, c.BT, c.AT), relation('ratio', c.P1, c.B1, c.A1), relation('ratio', c.P2, c.B2, c.A2)];
    // (AT with PT, 240 ÷ 310 = 77.42 %, mends A's sum truly: B's is another group's mistake.)
    assert.deepEqual(explained(sumA, all), { sets: ['AT+PT', 'A1+B1'], values: [] });
    assert.deepEqual(explained(sumB, all), { sets: ['BT+PT', 'B1+A1'], values: [] });
  });

  it('a growth with both amounts changed: only the set that keeps the rate (本年 and 上年 typed wrong alike)', () => {
    // 合计 320.00 | 260.00 | 23.08%; 1: 132.00 | 110.00 | 20.00%; 2: 200.00 | 160.00 | 25.00% (增长率 = (本年 − 上年) ÷ 上年).
    // {C1, B1} → 120, 100: +20.00% ✓. {CT, BT} → 332, 270: +22.96% ≠ 23.08%; {C2, B2} → 188, 150: +25.33% ≠ 25.00%.
    const c = cells('CT=320.00 BT=260.00 GT=23.08% C1=132.00 B1=110.00 G1=20.00% C2=200.00 B2=160.00 G2=25.00%');
    const sumC = relation('sum', c.CT, c.C1, c.C2);
    const sumB = relation('sum', c.BT, c.B1, c.B2);
    const all = [sumC, sumB, relation('growth', c.GT, c.CT, c.BT), relation('growth', c.G1, c.C1, c.B1), relation('growth', c.G2, c.C2, c.B2)];
    assert.deepEqual(explained(sumC, all), { sets: ['CT+GT', 'C1+B1'], values: [] });
    assert.deepEqual(explained(sumB, all), { sets: ['BT+GT', 'B1+C1'], values: [] });
  });

  it('a change with both figures changed: only the set that keeps the rate (增加额 and 本年 typed wrong alike)', () => {
    // 增长率 = 增加额 ÷ (本年 − 增加额). 合计 60.00 | 320.00 | 23.08%; 1: 22.00 | 132.00 | 20.00%; 2: 40.00 | 200.00 | 25.00%.
    // {D1, C1} → 20, 120: 20 ÷ 100 = 20.00% ✓. {DT, CT} → 62, 332: 62 ÷ 270 = 22.96%; {D2, C2} → 38, 188: 38 ÷ 150 = 25.33%.
    const c = cells('DT=60.00 CT=320.00 GT=23.08% D1=22.00 C1=132.00 G1=20.00% D2=40.00 C2=200.00 G2=25.00%');
    const sumD = relation('sum', c.DT, c.D1, c.D2);
    const sumC = relation('sum', c.CT, c.C1, c.C2);
    const all = [sumD, sumC, relation('change', c.GT, c.DT, c.CT), relation('change', c.G1, c.D1, c.C1), relation('change', c.G2, c.D2, c.C2)];
    assert.deepEqual(explained(sumD, all), { sets: ['DT+GT', 'D1+C1'], values: [] });
    assert.deepEqual(explained(sumC, all), { sets: ['CT+GT', 'C1+D1'], values: [] });
  });

  it('a ratio with its percentage and its part changed: the percentage restated elsewhere pins it, and the part with it', () => {
    // T 100.00 = B 60.00 + C 30.00 fails; T, C and A are each printed again (T2, C2, A2); P = B ÷ A = 75.00%, restated Q.
    // {B, P} → B = 70, P = 70 ÷ 80 = 87.50% — but Q = P holds P to 75.00%: no explanation. {T, T2} and {C, C2} are.
    const c = cells('T=100.00 B=60.00 C=30.00 T2=100.00 C2=30.00 A=80.00 A2=80.00 P=75.00% Q=75.00%');
    const sum = relation('sum', c.T, c.B, c.C);
    const all = [sum, relation('same', c.T2, c.T), relation('same', c.C2, c.C), relation('same', c.A2, c.A), relation('ratio', c.P, c.B, c.A), relation('same', c.Q, c.P)];
    assert.deepEqual(explained(sum, all), { sets: ['T+T2', 'C+C2'], values: [] });
  });

  it('a ratio with its percentage and its whole changed: each pinned elsewhere, their product must still give the part (session 27)', () => {
    // T 100.00 = A 80.00 + C 30.00 fails; T, C and B are printed again; P = B ÷ A = 75.00% (B 60.00), restated Q. {A, P}:
    // the sum pins A to 70, Q pins P to 75.00%, and 60 ÷ 70 = 85.71%: no explanation. BASE left a ratio with its
    // percentage and its whole free unbounded and named {A, P} beside {T, T2} and {C, C2}.
    const c = cells('T=100.00 A=80.00 C=30.00 T2=100.00 C2=30.00 B=60.00 B2=60.00 P=75.00% Q=75.00%');
    const sum = relation('sum', c.T, c.A, c.C);
    const all = [sum, relation('same', c.T2, c.T), relation('same', c.C2, c.C), relation('same', c.B2, c.B), relation('ratio', c.P, c.B, c.A), relation('same', c.Q, c.P)];
    assert.deepEqual(explained(sum, all), { sets: ['T+T2', 'C+C2'], values: [] });
  });

  it('a growth or a change whose amounts are fixed pins its rate: a restatement that differs is the one at fault (session 27)', () => {
    // G = (C − B) ÷ B = (120.00 − 100.00) ÷ 100.00 = 20.00%, restated R 25.00%. G → 25.00% breaks the growth: only R → 20.00%.
    // BASE left a growth's or a change's free percentage unbounded and named G beside R, each with its fix.
    const c = cells('C=120.00 B=100.00 G=20.00% R=25.00% D=20.00 V=120.00 H=20.00% S=25.00%');
    const same = relation('same', c.R, c.G);
    assert.deepEqual(explained(same, [same, relation('growth', c.G, c.C, c.B)]), { sets: ['R'], values: ['R→20.00'] });
    // H = D ÷ (V − D) = 20.00 ÷ 100.00 = 20.00%, restated S 25.00%.
    const again = relation('same', c.S, c.H);
    assert.deepEqual(explained(again, [again, relation('change', c.H, c.D, c.V)]), { sets: ['S'], values: ['S→20.00'] });
  });

  it('a ratio with its percentage and its whole changed, the two free to agree: still an explanation (session 27)', () => {
    // As above without Q: A = 70 and P = 85.71% let every relation hold — the bound must not reject it.
    const c = cells('T=100.00 A=80.00 C=30.00 T2=100.00 C2=30.00 B=60.00 B2=60.00 P=75.00%');
    const sum = relation('sum', c.T, c.A, c.C);
    const all = [sum, relation('same', c.T2, c.T), relation('same', c.C2, c.C), relation('same', c.B2, c.B), relation('ratio', c.P, c.B, c.A)];
    assert.deepEqual(explained(sum, all), { sets: ['T+T2', 'A+P', 'C+C2'], values: [] });
  });
});
