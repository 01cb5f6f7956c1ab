/**
 * The memory a pass allocates — every object, those collected since counted too (V8's sampling heap profiler) — over
 * the seeds and the corpus (13 real documents), without the standard sets and with them the three ways
 * bench/standard.ts measures (shapes met for the first time, met before, the document read afresh before). Unlike a
 * time, it hardly moves with the machine's load: it says what the garbage collector will have to do, and compares
 * builds run at different times. This build, and each other build named (`npx tsc -p .` in a worktree of it):
 *
 *   node out/bench/allocation.js [OTHER_ROOT …] [passes]
 */
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { realDocuments } from '../test/support/documents';
import { moduleOf } from './builds';

interface Build {
  analyze: (text: string, options?: { standard?: false | { recall?: boolean } }) => unknown;
  forgetTemplates: () => void;
}

interface HeapNode { selfSize: number; children?: HeapNode[] }

function load(root: string): Build {
  const out = join(root, 'out');
  const { analyze } = moduleOf<Pick<Build, 'analyze'>>(out, 'server', 'src', 'analysis.js');
  const { forgetTemplates } = moduleOf<Pick<Build, 'forgetTemplates'>>(out, 'server', 'src', 'standard', 'shapes.js');
  return { analyze, forgetTemplates };
}

function total(n: HeapNode): number {
  let t = n.selfSize;
  for (const c of n.children ?? []) t += total(c);
  return t;
}

/** Megabytes allocated per call of `run`, over `passes` calls (after five not counted). */
async function allocated(session: Session, run: () => void, passes: number): Promise<number> {
  for (let i = 0; i < 5; i++) run();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < passes; i++) run();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  return total(profile.head) / passes / 1e6;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passes = args.length && /^\d+$/.test(args[args.length - 1]) ? Number(args.pop()) : 10;
  const roots = [resolve(__dirname, '..', '..'), ...args.map((a) => resolve(a))];
  const docs = realDocuments().map(([, text]) => text);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  console.log(`MB allocated per pass of the ${docs.length} real documents (${passes} passes each):`);
  console.log('| build | without the sets | first time | shapes met before | read afresh before |');
  console.log('|---|---|---|---|---|');
  for (const root of roots) {
    const b = load(root);
    const each = (options?: { standard?: false | { recall?: boolean } }) => () => { for (const t of docs) b.analyze(t, options); };
    const off = await allocated(session, each({ standard: false }), passes);
    const first = await allocated(session, () => { b.forgetTemplates(); each()(); }, passes);
    const met = await allocated(session, each({ standard: { recall: false } }), passes);
    const again = await allocated(session, each(), passes);
    const cell = (x: number) => `${x.toFixed(2)} (+${(x - off).toFixed(2)})`;
    console.log(`| ${root} | ${off.toFixed(2)} | ${cell(first)} | ${cell(met)} | ${cell(again)} |`);
  }
  session.disconnect();
}

void main();
