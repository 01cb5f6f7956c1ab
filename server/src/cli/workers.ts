/**
 * Checking many files on every core: the files are handed out in small batches to worker threads
 * (./worker, bundled as `dist/cli-worker.js`), each checking them as `checkFile` does; the results come back in
 * file order, so the output is the same as in one thread. Each worker has a small heap: a document is checked and
 * dropped. A batch whose worker runs out of memory (a huge document) is checked again in this thread.
 * A few files are checked in this thread: starting a worker would cost more than it saves.
 * BUDGET_CHECK_THREADS=N sets the number of workers (0: everything in this thread), to measure what they buy.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, FileResult } from './check';

/** Below this many files, one thread. */
const PARALLEL_FROM = 48;
const BATCH = 8;

export interface Job { id: number; files: string[] }
/** How the last `checkAll` went: its workers, the files they checked, and the batches this thread took over. */
export const stats = { workers: 0, byWorkers: 0, takenOver: 0 };
export interface Done { id: number; results: FileResult[] }

function inThread(files: string[], o: CheckOptions): FileResult[] {
  // Loaded here, not at the top: the thread that only hands out files never loads the analysis.
  const { checkFile } = require('./check') as typeof import('./check');
  return files.map((f) => checkFile(f, o));
}

/** The worker's script: the bundle's (`dist/cli-worker.js`) beside the CLI bundle, else the compiled module. */
function workerScript(): string {
  const bundled = join(__dirname, 'cli-worker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'worker.js');
}

export async function checkAll(files: string[], o: CheckOptions): Promise<FileResult[]> {
  // One core stays with this thread (reading the results, printing) and the system; at least one worker, whose
  // bounded heap keeps the memory low even when it is the only one (on 2 cores a second worker is 10–15 % faster but
  // takes the peak memory from 125 to 175 MiB, over the 150 MB the bench allows).
  const asked = process.env.BUDGET_CHECK_THREADS ? Number(process.env.BUDGET_CHECK_THREADS) : NaN;
  const wanted = Number.isInteger(asked) && asked >= 0 ? Math.min(asked, 16) : Math.max(1, Math.min(availableParallelism() - 1, 3));
  const threads = Math.max(1, Math.min(wanted, Math.ceil(files.length / BATCH)));
  if (files.length < PARALLEL_FROM || wanted === 0) return inThread(files, o);
  stats.workers = threads;
  const results: FileResult[] = new Array(files.length);
  const retry: Job[] = [];
  let next = 0;
  const take = (): Job | undefined => {
    const from = next;
    next = Math.min(files.length, next + BATCH);
    return from < next ? { id: from, files: files.slice(from, next) } : undefined;
  };
  const script = workerScript();
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve) => {
    const w = new Worker(script, { workerData: { budgetCheck: o }, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
    let current: Job | undefined;
    const give = () => {
      current = take();
      if (current) w.postMessage(current);
      else void w.terminate().then(() => resolve());
    };
    w.on('message', (d: Done) => {
      d.results.forEach((r, i) => { results[d.id + i] = r; });
      stats.byWorkers += d.results.length;
      give();
    });
    w.on('online', give);
    // Out of memory, or any other failure: this thread checks what the worker was given, and the rest goes on.
    w.on('error', () => {
      if (current) retry.push(current);
      resolve();
    });
  })));
  stats.takenOver = retry.length;
  for (const job of retry) inThread(job.files, o).forEach((r, i) => { results[job.id + i] = r; });
  // Files no worker got to (every worker failed): here.
  for (let job = take(); job; job = take()) inThread(job.files, o).forEach((r, i) => { results[job!.id + i] = r; });
  return results;
}
