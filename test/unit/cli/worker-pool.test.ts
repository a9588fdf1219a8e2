// The Monte Carlo worker pool: every task taken once from the shared counter, outcomes in task
// order whatever the number of workers, and an abort that ends the workers while they run.
import { describe, expect, it } from 'vitest';
import { evaluateOnWorkers } from '../../../cli/monte-carlo/worker-pool';
import { evaluateWithValues, planMonteCarlo } from '../../../simulator';
import { uncertainStation } from '../uncertainty/uncertain-station';
import { buildCliFirst } from '../support/placewise-cli';

buildCliFirst();

describe('evaluateOnWorkers', () => {
  const uncertain = uncertainStation();
  const { tasks } = planMonteCarlo(uncertain, { samples: 12, seed: 5, requests: 300 });

  it('evaluates each task once, in task order, as this thread does', async () => {
    const outcomes = await evaluateOnWorkers(uncertain, tasks, { workers: 3 });
    expect(outcomes).toEqual(tasks.map((task) => evaluateWithValues(uncertain, task)));
  });

  it('ends its workers and rejects with the reason when aborted after they started', async () => {
    const abort = new AbortController();
    const reason = new Error('the host thread’s own run failed');
    const many = planMonteCarlo(uncertain, { samples: 2000, seed: 5, requests: 2000 }).tasks;
    const run = evaluateOnWorkers(uncertain, many, {
      workers: 2,
      signal: abort.signal,
      onStarted: () => abort.abort(reason),
    });
    await expect(run).rejects.toBe(reason);
  });
});
