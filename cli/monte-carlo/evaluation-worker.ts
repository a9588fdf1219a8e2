// Entry of a Monte Carlo worker thread (bundled to dist/monte-carlo-worker.mjs): evaluates the
// tasks it is sent, one at a time, and posts each outcome back with the task's index.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateWithValues } from '../../simulator/uncertainty';
import type { ResultMessage, TaskMessage, WorkerSetup } from './worker-protocol';

const { uncertain } = workerData as WorkerSetup;

parentPort!.on('message', ({ index, task }: TaskMessage) => {
  let reply: ResultMessage;
  try {
    reply = { index, outcome: evaluateWithValues(uncertain, task) };
  } catch (error) {
    reply = { index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
