// Runs evaluation tasks on W threads: W - 1 worker threads and the host's own. Each thread takes
// the next task from a counter in shared memory when it finishes one, so the workers stay busy
// to the end without the host's thread handing tasks out: the host may run a simulation of its
// own meanwhile (`placewise run` simulates the scenario itself while its Monte Carlo study runs),
// then joins in. The host's thread is worth a worker's: it has just warmed the engine's code by
// simulating the scenario, where each worker pays its own JIT warm-up, and on a machine of W
// cores a worker beside the host's own simulation would be one busy thread too many. Outcomes
// are kept by their task's index, so the result does not depend on the number of threads or on
// which thread took which task.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EvaluationOutcome, EvaluationTask, UncertainScenario } from '../../simulator/uncertainty';
import { evaluateTask } from './evaluate-task';
import { monteCarloWorkerPath } from './worker-path';
import type { ResultMessage, WorkerSetup } from './worker-protocol';

export interface PoolSettings {
  /** Threads that evaluate: the host's and this many minus one worker threads; default: the machine's available parallelism. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called once the workers are started (at once when there are none): from then on they need nothing of the host's thread. */
  onStarted?: () => void;
  /** The host's thread takes tasks once this settles (its own simulation done); at once by default. */
  hostJoins?: Promise<unknown>;
  /** Ends the evaluation and rejects with the signal's reason (the host's own simulation failed). */
  signal?: AbortSignal;
}

export async function evaluateOnThreads(
  uncertain: UncertainScenario,
  tasks: readonly EvaluationTask[],
  settings: PoolSettings = {},
): Promise<EvaluationOutcome[]> {
  const threads = Math.max(1, Math.min(tasks.length, settings.workers ?? availableParallelism()));
  const outcomes: EvaluationOutcome[] = new Array(tasks.length);
  const taken = new Int32Array(new SharedArrayBuffer(4));
  const setup: WorkerSetup = { uncertain, tasks, taken };
  // One thread is the host's alone: no worker, and no worker bundle to find or build.
  const path = threads > 1 ? await monteCarloWorkerPath() : '';
  const workers = Array.from({ length: threads - 1 }, () => new Worker(path, { workerData: setup, execArgv: [] }));
  settings.onStarted?.();
  let done = 0;
  let exited = 0;
  let hostFinished = false;
  let settled = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        settled = true;
        reject(error);
      };
      const receive = (message: ResultMessage) => {
        if ('crash' in message) {
          fail(new Error(`Monte Carlo evaluation failed: ${message.crash}`));
          return;
        }
        outcomes[message.index] = message.outcome;
        done++;
        settings.onProgress?.(done, tasks.length);
        if (done === tasks.length) {
          settled = true;
          resolve();
        }
      };
      // A thread stops when no task is left to take, its outcomes all delivered by then: once
      // every thread has stopped, an outcome still missing was lost.
      const checkNoneLost = () => {
        if (hostFinished && exited === workers.length && done < tasks.length) {
          fail(
            new Error(`Monte Carlo evaluation ended with ${tasks.length - done} of ${tasks.length} tasks unanswered`),
          );
        }
      };
      // The host's thread takes one task at a time and yields to its event loop between tasks, so
      // that the workers' outcomes, the progress and an abort are handled while it evaluates.
      const hostTakesTask = () => {
        if (settled) return;
        const index = Atomics.add(taken, 0, 1);
        if (index >= tasks.length) {
          hostFinished = true;
          checkNoneLost();
          return;
        }
        const message = evaluateTask(uncertain, tasks, index);
        receive(message);
        setImmediate(hostTakesTask);
      };
      if (tasks.length === 0) resolve();
      if (settings.signal?.aborted) fail(settings.signal.reason);
      settings.signal?.addEventListener('abort', () => fail(settings.signal!.reason), { once: true });
      for (const worker of workers) {
        worker.on('message', receive);
        worker.on('error', fail);
        worker.on('exit', (code) => {
          exited++;
          if (code !== 0) fail(new Error(`Monte Carlo worker exited with code ${code}`));
          else checkNoneLost();
        });
      }
      const join = () => setImmediate(hostTakesTask);
      void (settings.hostJoins ?? Promise.resolve()).then(join, join);
    });
  } finally {
    settled = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
