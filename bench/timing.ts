/** Timing helpers of the benchmarks: medians and percentiles of samples, the median time of a function. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
/**
 * `first` and `second` run alternately `reps` times after `warm` pairs not counted: their median times in ms, and the
 * medians of the ratios of each pair, first/second and second/first (a ratio of two runs a few milliseconds apart moves
 * much less with the machine's load than either time).
 */
export function paired(first: () => void, second: () => void, reps: number, warm = 2): { first: number; second: number; ratio: number; inverse: number } {
  for (let i = 0; i < warm; i++) { first(); second(); }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  const inverses: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    first();
    const x = performance.now() - t0;
    t0 = performance.now();
    second();
    const y = performance.now() - t0;
    a.push(x);
    b.push(y);
    ratios.push(x / y);
    inverses.push(y / x);
  }
  return { first: median(a), second: median(b), ratio: median(ratios), inverse: median(inverses) };
}

/**
 * Functions run in turn, `rounds` times after `warm` rounds not counted, the order reversed every other round (each
 * sees the same load): each one's times in ms, by name, round by round.
 */
export function inTurn(runs: ReadonlyMap<string, () => void>, rounds: number, warm = 3): Map<string, number[]> {
  const names = [...runs.keys()];
  const times = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let i = 0; i < warm; i++) for (const run of runs.values()) run();
  for (let i = 0; i < rounds; i++) {
    for (const n of i % 2 ? names : [...names].reverse()) {
      const t0 = performance.now();
      runs.get(n)!();
      times.get(n)!.push(performance.now() - t0);
    }
  }
  return times;
}

/** The median of `reps` runs, after `warm` runs not counted. */
export function time(fn: () => void, reps: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** The median of `reps` runs of an asynchronous function, each awaited, after `warm` runs not counted. */
export async function timeAsync(fn: () => unknown, reps: number, warm = 0): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}
