/**
 * Error localisation's feasibility test (server/src/checks/localise.ts): the elimination over arrays, and the one-figure
 * path (interval arithmetic), give the verdict of the elimination error localisation was written with — over maps of
 * cells, kept here as the reference — on random systems, including those past its budgets.
 */
import { strict as assert } from 'node:assert';
import { eliminate, feasible, type Ineq } from '../server/src/checks/localise';
import { rng } from '../bench/generate';

/** c + Σ coef·x ≥ 0, the coefficients by variable (the reference's form). */
interface MapIneq { coef: Map<number, bigint>; c: bigint }

/** The reference: Fourier–Motzkin elimination as first written for error localisation (maps by variable). */
function reference(ineqs: MapIneq[], vars: number[]): boolean | undefined {
  const lower = new Map<number, MapIneq>();
  const upper = new Map<number, MapIneq>();
  let rows: MapIneq[] = [];
  for (const r of ineqs) {
    if (r.coef.size !== 1) { rows.push(r); continue; }
    const [[v, a]] = r.coef;
    if (a === 0n) { if (r.c < 0n) return false; continue; }
    const side = a > 0n ? lower : upper;
    const was = side.get(v);
    const abs = (x: bigint) => (x < 0n ? -x : x);
    if (!was) side.set(v, r);
    else {
      const [wa, ra] = [abs(was.coef.get(v)!), abs(a)];
      if (r.c * wa < was.c * ra) side.set(v, r);
    }
  }
  rows = rows.concat([...lower.values()], [...upper.values()]);
  for (const v of vars) {
    const pos: MapIneq[] = [];
    const neg: MapIneq[] = [];
    const rest: MapIneq[] = [];
    for (const r of rows) {
      const a = r.coef.get(v) ?? 0n;
      (a > 0n ? pos : a < 0n ? neg : rest).push(r);
    }
    if (pos.length * neg.length > 4000) return undefined;
    for (const p of pos) for (const n of neg) {
      const ap = p.coef.get(v)!;
      const an = -n.coef.get(v)!;
      const coef = new Map<number, bigint>();
      for (const [k, x] of p.coef) if (k !== v) coef.set(k, x * an);
      for (const [k, x] of n.coef) if (k !== v) coef.set(k, (coef.get(k) ?? 0n) + x * ap);
      for (const [k, x] of coef) if (x === 0n) coef.delete(k);
      rest.push({ coef, c: p.c * an + n.c * ap });
    }
    if (rest.length > 3000) return undefined;
    rows = rest;
  }
  return rows.every((r) => r.coef.size > 0 || r.c >= 0n);
}

/** The reference's form of an inequality: its non-zero coefficients by variable (as error localisation built them). */
const asMap = (r: Ineq): MapIneq => ({ coef: new Map(r.coef.flatMap((a, i) => (a === 0n ? [] : [[i, a] as [number, bigint]]))), c: r.c });

/**
 * A random system over k figures: `n` inequalities, each bounding `per` figures at most (error localisation's are
 * mostly of one figure: a relation with one free figure, a figure's sign), coefficients and constants small and signed.
 */
function system(r: () => number, k: number, n: number, per: number, spread: number): Ineq[] {
  const out: Ineq[] = [];
  const int = (m: number) => BigInt(Math.floor(r() * (2 * m + 1)) - m);
  for (let j = 0; j < n; j++) {
    const coef = new Array<bigint>(k).fill(0n);
    const many = 1 + Math.floor(r() * per);
    for (let t = 0; t < many; t++) coef[Math.floor(r() * k)] = int(4);
    out.push({ coef, c: int(spread) });
  }
  return out;
}

const verdicts = (xs: (boolean | undefined)[]) => ({ yes: xs.filter((x) => x === true).length, no: xs.filter((x) => x === false).length, over: xs.filter((x) => x === undefined).length });

describe('error localisation: feasibility', () => {
  it('one figure: interval arithmetic gives the elimination’s verdict (the reference’s and this one’s)', () => {
    const r = rng(7);
    const seen: (boolean | undefined)[] = [];
    for (let i = 0; i < 4000; i++) {
      const ineqs = system(r, 1, Math.floor(r() * 12), 1, 1 + Math.floor(r() * 30));
      const want = reference(ineqs.map(asMap), [0]);
      assert.equal(feasible(ineqs, 1), want, JSON.stringify(ineqs, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)));
      assert.equal(eliminate(ineqs, 1), want);
      seen.push(want);
    }
    const v = verdicts(seen);
    assert.ok(v.yes > 500 && v.no > 500, JSON.stringify(v));
  });

  it('one figure past the budget: more than 3,000 constants and the pair of bounds is no answer, as before', () => {
    const constants = (n: number, c: bigint): Ineq[] => Array.from({ length: n }, () => ({ coef: [0n], c }));
    const bounds: Ineq[] = [{ coef: [1n], c: 0n }, { coef: [-1n], c: 10n }];
    for (const [n, c] of [[2999, 1n], [3000, 1n], [3001, 1n], [3000, -1n], [2999, -1n]] as const) {
      const ineqs = [...constants(n, c), ...bounds];
      const want = reference(ineqs.map(asMap), [0]);
      assert.equal(feasible(ineqs, 1), want, `${n} constants of ${c}`);
      assert.equal(eliminate(ineqs, 1), want, `${n} constants of ${c}`);
    }
    assert.equal(feasible([...constants(2999, 1n), ...bounds], 1), true);
    assert.equal(feasible([...constants(3000, 1n), ...bounds], 1), undefined);
  });

  it('two to four figures: the elimination over arrays gives the reference’s verdict, budgets included', () => {
    const r = rng(11);
    const seen: (boolean | undefined)[] = [];
    for (let i = 0; i < 3000; i++) {
      const k = 2 + Math.floor(r() * 3);
      // Mostly small systems; some of 150–250 inequalities over several figures each, which reach the budgets.
      const big = r() < 0.05;
      const ineqs = system(r, k, big ? 150 + Math.floor(r() * 100) : Math.floor(r() * 25), big ? k : 1 + Math.floor(r() * k), 1 + Math.floor(r() * 40));
      const want = reference(ineqs.map(asMap), Array.from({ length: k }, (_, j) => j));
      assert.equal(eliminate(ineqs, k), want);
      // A yes exactly when the reference's is (a no found before the elimination may be one it ran out of budget on).
      assert.equal(feasible(ineqs, k) === true, want === true);
      if (want !== undefined) assert.equal(feasible(ineqs, k), want);
      seen.push(want);
    }
    const v = verdicts(seen);
    assert.ok(v.yes > 300 && v.no > 300 && v.over > 10, JSON.stringify(v));
  });
});
