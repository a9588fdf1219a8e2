// Entry of a Monte Carlo worker thread (bundled to dist/monte-carlo-worker.mjs): takes the next
// task from the shared counter until none is left, and posts each outcome back with the task's
// index. Taking tasks needs nothing of the host's thread, which may be busy meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateTask } from './evaluate-task';
import type { WorkerSetup } from './worker-protocol';

const { uncertain, tasks, taken } = workerData as WorkerSetup;

for (let index = Atomics.add(taken, 0, 1); index < tasks.length; index = Atomics.add(taken, 0, 1)) {
  const reply = evaluateTask(uncertain, tasks, index);
  parentPort!.postMessage(reply);
  if ('crash' in reply) break;
}
