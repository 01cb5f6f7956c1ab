/**
 * Where a benchmark's time goes, by stage: V8's sampling profiler (node:inspector) over two functions run alternately
 * (a pass with a feature and one without it, seeing the same load), and the time of every sample whose stack holds a
 * function of a given name (inclusive: what it calls counts), per run of each. A sample outside both (the garbage
 * collector's) counts for the one that ran last. Sampled, so a stage of a few tens of microseconds is only roughly
 * right, and the profiler's own cost is in every figure: read the shares. The stages are known by their functions'
 * names (`name`, or `file:name` for a name several files use: `standard/shapes:apply`); a stage none of whose samples
 * was met on a side is undefined there (not called, or renamed since: the caller says which), never zero.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One function's stages per run, in ms (undefined: the stage's function never ran); `gc`: the garbage collector's. */
export interface Stages {
  byName: Map<string, number | undefined>;
  gc: number;
  total: number;
}

// The two sides, by their names in the profile.
function benchFirstSide(fn: () => void): void {
  fn();
}
function benchSecondSide(fn: () => void): void {
  fn();
}

/** Profiles `runs` pairs of `first` and `second`, alternately (after `warm` pairs not profiled), and times their stages. */
export async function pairedStages(first: () => void, second: () => void, names: readonly string[], runs: number, warm = 5): Promise<[Stages, Stages]> {
  for (let i = 0; i < warm; i++) { first(); second(); }
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) {
      benchFirstSide(first);
      benchSecondSide(second);
    }
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    return timesIn(profile, names, runs);
  } finally {
    session.disconnect();
  }
}

function timesIn(profile: Profile, names: readonly string[], runs: number): [Stages, Stages] {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  // Each node's stage (a name asked for), worked out once.
  const specs = names.map((spec) => {
    const k = spec.lastIndexOf(':');
    return { spec, file: k < 0 ? undefined : `${spec.slice(0, k)}.js`, name: k < 0 ? spec : spec.slice(k + 1) };
  });
  const stageOf = new Map<number, string | undefined>();
  for (const n of profile.nodes) {
    const s = specs.find((x) => x.name === n.callFrame.functionName && (!x.file || n.callFrame.url.endsWith(x.file)));
    stageOf.set(n.id, s?.spec);
  }
  const sides = [0, 1].map(() => ({ sums: new Map<string, number>(), gc: 0, total: 0 }));
  let side = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') return;
    const stack: number[] = [];
    let own: number | undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      stack.push(cur);
      const f = byId.get(cur)!.callFrame.functionName;
      if (f === 'benchFirstSide') own = 0;
      else if (f === 'benchSecondSide') own = 1;
    }
    if (own === undefined && leaf !== '(garbage collector)') return;
    side = own ?? side;
    const s = sides[side];
    s.total += dt;
    if (leaf === '(garbage collector)') s.gc += dt;
    // Each stage once per sample, however deep its function recurses.
    const seen = new Set<string>();
    for (const cur of stack) {
      const name = stageOf.get(cur);
      if (name !== undefined && !seen.has(name)) {
        seen.add(name);
        s.sums.set(name, (s.sums.get(name) ?? 0) + dt);
      }
    }
  });
  const perRun = (us: number) => us / 1000 / runs;
  const stages = (s: (typeof sides)[number]): Stages => ({
    byName: new Map(names.map((n) => [n, s.sums.has(n) ? perRun(s.sums.get(n)!) : undefined])),
    gc: perRun(s.gc),
    total: perRun(s.total),
  });
  return [stages(sides[0]), stages(sides[1])];
}
