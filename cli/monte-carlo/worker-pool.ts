// Runs evaluation tasks on worker threads. Each worker takes the next task from a counter in
// shared memory when it finishes one, so the workers stay busy to the end without the host's
// thread handing tasks out: the host may run a simulation of its own meanwhile (`placewise run`
// simulates the scenario itself while its Monte Carlo study runs). Outcomes come back with their
// task's index and are kept in task order, so the result does not depend on the number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EvaluationOutcome, EvaluationTask, UncertainScenario } from '../../simulator/uncertainty';
import { monteCarloWorkerPath } from './worker-path';
import type { ResultMessage, WorkerSetup } from './worker-protocol';

export interface PoolSettings {
  /** Worker threads; default: the machine's available parallelism. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called once the workers are started: from then on they need nothing of the host's thread. */
  onStarted?: () => void;
  /** Ends the workers and rejects with the signal's reason (the host's own simulation failed). */
  signal?: AbortSignal;
}

export async function evaluateOnWorkers(
  uncertain: UncertainScenario,
  tasks: readonly EvaluationTask[],
  settings: PoolSettings = {},
): Promise<EvaluationOutcome[]> {
  const path = await monteCarloWorkerPath();
  const count = Math.max(1, Math.min(tasks.length, settings.workers ?? availableParallelism()));
  const outcomes: EvaluationOutcome[] = new Array(tasks.length);
  const setup: WorkerSetup = { uncertain, tasks, taken: new Int32Array(new SharedArrayBuffer(4)) };
  const workers = Array.from({ length: count }, () => new Worker(path, { workerData: setup, execArgv: [] }));
  settings.onStarted?.();
  let done = 0;
  let exited = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (tasks.length === 0) resolve();
      settings.signal?.throwIfAborted();
      settings.signal?.addEventListener('abort', () => reject(settings.signal!.reason as Error), { once: true });
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
        });
        worker.on('error', reject);
        // A worker ends when no task is left to take; its outcomes have all arrived by then.
        worker.on('exit', (code) => {
          exited++;
          if (code !== 0 || (exited === workers.length && done < tasks.length)) {
            reject(new Error(`Monte Carlo worker exited with code ${code}`));
          }
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
