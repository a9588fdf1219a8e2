// Runs evaluation tasks on worker threads, each worker taking the next task when it finishes
// one. Outcomes come back in task order, so the result does not depend on the number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EvaluationOutcome, EvaluationTask, UncertainScenario } from '../../simulator/uncertainty';
import { monteCarloWorkerPath } from './worker-path';
import type { ResultMessage, TaskMessage, WorkerSetup } from './worker-protocol';

export interface PoolSettings {
  /** Worker threads; default: the machine's available parallelism. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function evaluateOnWorkers(
  uncertain: UncertainScenario,
  tasks: readonly EvaluationTask[],
  settings: PoolSettings = {},
): Promise<EvaluationOutcome[]> {
  const path = await monteCarloWorkerPath();
  const count = Math.max(1, Math.min(tasks.length, settings.workers ?? availableParallelism()));
  const outcomes: EvaluationOutcome[] = new Array(tasks.length);
  const setup: WorkerSetup = { uncertain };
  const workers = Array.from({ length: count }, () => new Worker(path, { workerData: setup, execArgv: [] }));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (tasks.length === 0) resolve();
      const give = (worker: Worker) => {
        if (next >= tasks.length) return;
        const message: TaskMessage = { index: next, task: tasks[next] };
        next++;
        worker.postMessage(message);
      };
      for (const worker of workers) {
        worker.on('message', (message: ResultMessage) => {
          if ('crash' in message) {
            reject(new Error(`Monte Carlo worker failed: ${message.crash}`));
            return;
          }
          outcomes[message.index] = message.outcome;
          done++;
          settings.onProgress?.(done, tasks.length);
          if (done === tasks.length) resolve();
          else give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < tasks.length) reject(new Error(`Monte Carlo worker exited with code ${code}`));
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
