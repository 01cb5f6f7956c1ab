/** A worker thread of `budget-check` (./workers): checks the batches of files it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckOptions } from './check';
import type { Done, Job } from './workers';

const data = workerData as { budgetCheck?: CheckOptions } | undefined;
const port = parentPort;
if (port && data?.budgetCheck) {
  const o = data.budgetCheck;
  port.on('message', (job: Job) => {
    const results = job.files.map((f) => checkFile(f, o));
    const done: Done = { id: job.id, results };
    port.postMessage(done);
  });
}
