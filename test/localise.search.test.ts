/**
 * The search of error localisation (server/src/checks/localise.ts `explain`) over a small system of relations, where the
 * group's scale grows while the search runs: a figure reached by growing a set brings a relation printed with more
 * decimals, so the interval sums of equations and the bounds of ratios worked out at the first scale are worked out
 * again. The answers are those the search gave before it kept them (main @219c88d: the sets, their order, the fix).
 * Neither the seeds nor the corpus reach this path.
 */
import { strict as assert } from 'node:assert';
import type { Cell } from '../server/src/model/document';
import { explain, searches, type RelationSource } from '../server/src/checks/localise';
import { parseFigure } from '../server/src/numbers/decimal';
import type { Relation } from '../server/src/rules/relation';

/** A figure of its own row, outside any table's columns (its precision is its own), named by its row's label. */
function figure(text: string, label: string, at: number): Cell {
  const row = { label, cells: [] as Cell[], part: { rows: [], columns: [], table: { kind: 'table' } } };
  // A plain object with what the search reads of a cell (its kind, text, figure, row, span), not a model's view.
  const cell = { kind: 'figure', text, figure: parseFigure(text), row, span: { start: at, end: at + text.length } } as unknown as Cell;
  row.cells.push(cell);
  return cell;
}

const relation = (kind: Relation['kind'], target: Cell, ...terms: Cell[]): Relation =>
  ({ rule: 'row-formula', kind, title: '', target, terms: terms.map((cell) => ({ sign: 1, cell })) });

/**
 * 合计 T = A + B fails (T printed `t` against 9.00); A = C and B = D hold; G = C + E holds with E printed to three
 * decimals; P = B ÷ S holds (P printed `p`). Every figure weighs 1 but T (`tWeight`).
 */
function system(tWeight: number, t = '10.00', p = '60.00%') {
  const names = [`T ${t}`, 'A 3.00', 'B 6.00', 'C 3.00', 'D 6.00', 'E 1.000', 'G 4.00', `P ${p}`, 'S 10.00'];
  const c = Object.fromEntries(names.map((n, i) => [n.split(' ')[0], figure(n.split(' ')[1], n.split(' ')[0], 10 * i)]));
  const failing = relation('sum', c.T, c.A, c.B);
  const all = [failing, relation('same', c.A, c.C), relation('same', c.B, c.D), relation('sum', c.G, c.C, c.E), relation('ratio', c.P, c.B, c.S)];
  const of = new Map<Cell, Relation[]>();
  for (const r of all) for (const x of [r.target, ...r.terms.map((t) => t.cell)]) of.set(x, [...(of.get(x) ?? []), r]);
  const src: RelationSource = {
    relationsOf: (x) => of.get(x) ?? [], stamp: () => 0, current: () => true, spanningChanged: () => new Set(), place: (x) => x.row.label,
  };
  const e = explain([failing], src, (x) => (x === c.T ? tWeight : 1)).get(failing);
  return { sets: e?.sets.map((s) => s.map((x) => x.row.label).join('')), values: e && [...e.values].map(([x, v]) => `${x.row.label}→${v}`) };
}

describe('error localisation: the search when its scale grows', () => {
  it('names the lightest sets in the order found, after taking a relation of finer figures', () => {
    const before = searches.count;
    // T weighs more than three other figures: the sets of three that mend T = A + B without breaking what holds.
    assert.deepEqual(system(5), { sets: ['ACG', 'ACE', 'BDP', 'BDS'], values: [] });
    assert.equal(searches.count, before + 1);
  });

  it('proposes the lone culprit’s value at the scale the search ended at', () => {
    // T weighs as much as two figures: sets of two are tried (the scale grows) and break what holds; T alone it is.
    assert.deepEqual(system(2), { sets: ['T'], values: ['T→9.00'] });
  });

  it('bounds a share’s free amount at the scale reached: B and D mend T = A + B within P = B ÷ S', () => {
    // 9.05 = 3.00 + B: B = 6.05 keeps 60 % (59.5 %–60.5 % of S) — judged once B's bound is worked out at the new scale.
    assert.deepEqual(system(5, '9.05', '60%'), { sets: ['BD'], values: [] });
  });
});

describe('error localisation: a figure whose every relation reads a text cell', () => {
  it('is no candidate: the group is still explained (it was left unexplained)', () => {
    // T = A + B fails; A = C and B = D hold; Z = A + X reads a text cell X (never judged): Z constrains nothing.
    const names = ['T 10.00', 'A 3.00', 'B 6.00', 'C 3.00', 'D 6.00', 'Z 5.00'];
    const c = Object.fromEntries(names.map((n, i) => [n.split(' ')[0], figure(n.split(' ')[1], n.split(' ')[0], 10 * i)]));
    const x = figure('说明', 'X', 100);
    (x as { kind: string; figure?: unknown }).kind = 'text';
    (x as { figure?: unknown }).figure = undefined;
    const failing = relation('sum', c.T, c.A, c.B);
    const all = [failing, relation('same', c.A, c.C), relation('same', c.B, c.D), relation('sum', c.Z, c.A, x)];
    const of = new Map<Cell, Relation[]>();
    for (const r of all) for (const y of [r.target, ...r.terms.map((t) => t.cell)]) of.set(y, [...(of.get(y) ?? []), r]);
    const src: RelationSource = {
      relationsOf: (y) => of.get(y) ?? [], stamp: () => 0, current: () => true, spanningChanged: () => new Set(), place: (y) => y.row.label,
    };
    const e = explain([failing], src, (y) => (y === c.T ? 5 : 1)).get(failing);
    assert.deepEqual(e?.sets.map((s) => s.map((y) => y.row.label).join('')), ['AC', 'BD']);
  });
});
