// Entry of a Monte Carlo worker thread (bundled to dist/monte-carlo-worker.mjs): takes the next
// task from the shared counter until none is left, and posts each outcome back with the task's
// index. Taking tasks needs nothing of the host's thread, which may be busy meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateWithValues } from '../../simulator/uncertainty';
import type { ResultMessage, WorkerSetup } from './worker-protocol';

const { uncertain, tasks, taken } = workerData as WorkerSetup;

for (let index = Atomics.add(taken, 0, 1); index < tasks.length; index = Atomics.add(taken, 0, 1)) {
  let reply: ResultMessage;
  try {
    reply = { index, outcome: evaluateWithValues(uncertain, tasks[index]) };
  } catch (error) {
    reply = { index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
  if ('crash' in reply) break;
}
