// The Monte Carlo pool: every task taken once from the shared counter, by the worker threads and
// the host's own, outcomes in task order whatever the number of threads, the host's share of the
// tasks, a crash in the host's evaluation reported as a worker's, and an abort that ends the
// evaluation while the workers or the host's thread evaluate.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateOnThreads } from '../../../cli/monte-carlo/worker-pool';
import { planMonteCarlo } from '../../../simulator';
import { uncertainStation } from '../uncertainty/uncertain-station';
import { buildCliFirst } from '../support/placewise-cli';

// What this thread (the host's) does: the tasks it evaluates, whether it is to crash, and the
// worker threads it starts. The workers run the bundle, which these mocks do not reach.
const host = vi.hoisted(() => ({ evaluated: 0, crash: undefined as Error | undefined, workersStarted: 0 }));

vi.mock('../../../simulator/uncertainty', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../simulator/uncertainty')>();
  return {
    ...actual,
    evaluateWithValues: (...args: Parameters<typeof actual.evaluateWithValues>) => {
      if (host.crash) throw host.crash;
      host.evaluated++;
      return actual.evaluateWithValues(...args);
    },
  };
});

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      host.workersStarted++;
    }
  }
  return { ...actual, Worker: CountedWorker };
});

buildCliFirst();

/** Lets this thread's event loop turn, as the host's evaluation does between its tasks. */
function turns(count: number): Promise<void> {
  return count === 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => resolve(turns(count - 1))));
}

describe('evaluateOnThreads', () => {
  const uncertain = uncertainStation();
  const { tasks } = planMonteCarlo(uncertain, { samples: 12, seed: 5, requests: 300 });
  // Far more work than a worker does while the host's thread makes its first turn to join.
  const many = planMonteCarlo(uncertain, { samples: 300, seed: 5, requests: 2000 }).tasks;
  let expected: unknown[];

  beforeEach(async () => {
    const actual = await vi.importActual<typeof import('../../../simulator/uncertainty')>(
      '../../../simulator/uncertainty',
    );
    expected ??= tasks.map((task) => actual.evaluateWithValues(uncertain, task));
    Object.assign(host, { evaluated: 0, crash: undefined, workersStarted: 0 });
  });

  it.each([1, 2, 3])(
    'evaluates each task once, in task order, as this thread does, on %i thread(s)',
    async (threads) => {
      const outcomes = await evaluateOnThreads(uncertain, tasks, { workers: threads });
      expect(outcomes).toEqual(expected);
      expect(host.workersStarted).toBe(threads - 1);
    },
  );

  it('on one thread starts no worker: the host evaluates every task', async () => {
    const outcomes = await evaluateOnThreads(uncertain, tasks, { workers: 1 });
    expect(host.workersStarted).toBe(0);
    expect(host.evaluated).toBe(tasks.length);
    expect(outcomes).toEqual(expected);
  });

  it("takes a share of the tasks on the host's thread beside the workers", async () => {
    const progress: number[] = [];
    const outcomes = await evaluateOnThreads(uncertain, many, {
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(host.workersStarted).toBe(1);
    expect(host.evaluated).toBeGreaterThan(0);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(progress).toEqual(many.map((_, index) => index + 1));
  });

  it("waits for the host's own run before its thread takes a task", async () => {
    let runDone = () => {};
    const hostJoins = new Promise<void>((resolve) => (runDone = resolve));
    const run = evaluateOnThreads(uncertain, tasks, { workers: 1, hostJoins });
    await turns(5);
    expect(host.evaluated).toBe(0);
    runDone();
    expect(await run).toEqual(expected);
  });

  it("rejects as for a worker's crash when the host's own evaluation crashes", async () => {
    host.crash = new Error('the engine broke on the host');
    const run = evaluateOnThreads(uncertain, many, { workers: 2 });
    await expect(run).rejects.toThrow(/^Monte Carlo evaluation failed: Error: the engine broke on the host/);
  });

  it('ends its workers and rejects with the reason when aborted after they started', async () => {
    const abort = new AbortController();
    const reason = new Error('the host thread’s own run failed');
    const run = evaluateOnThreads(uncertain, many, {
      workers: 2,
      signal: abort.signal,
      onStarted: () => abort.abort(reason),
    });
    await expect(run).rejects.toBe(reason);
    expect(host.evaluated).toBe(0);
  });

  it("stops the host's evaluation and rejects with the reason when aborted while the host evaluates", async () => {
    const abort = new AbortController();
    const reason = new Error('interrupted');
    const run = evaluateOnThreads(uncertain, many, {
      workers: 1,
      signal: abort.signal,
      onProgress: (done) => {
        if (done === 3) abort.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    // The host's thread took no task after the abort, however many turns its event loop makes.
    await turns(5);
    expect(host.evaluated).toBe(3);
  });
});
