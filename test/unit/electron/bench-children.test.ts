// Benchmark children of the host's worker threads are started by the main thread's launcher (in
// the desktop app, Electron's utility processes, since a thread cannot start one and the packaged
// binary cannot fork): a real benchmark through the pool uses it, and a cancelled one, or one
// whose thread ends, leaves no child behind.
import { afterEach, describe, expect, test } from 'vitest';
import {
  type BenchChild,
  type BenchChildLauncher,
  forkNodeChild,
  setBenchChildLauncher,
} from '../../../bench/runner/child-launcher';
import type { BenchProgress } from '../../../bench/index';
import { WorkCancelledError, WorkPool } from '../../../electron/host/work/work-pool';

interface Started {
  entryPath: string;
  killed: boolean;
  exited?: string;
}

/** Node's fork, recording each child the main thread starts and how it ends. */
function recordingLauncher(started: Started[]): BenchChildLauncher {
  return (entryPath) => {
    const record: Started = { entryPath, killed: false };
    started.push(record);
    const child: BenchChild = forkNodeChild(entryPath);
    child.onExit((how) => (record.exited = how));
    return {
      ...child,
      kill: () => {
        record.killed = true;
        child.kill();
      },
    };
  };
}

let pool: WorkPool | undefined;
afterEach(() => {
  pool?.close();
  setBenchChildLauncher(forkNodeChild);
});

const request = { model: 'bundled:paddleocr-cls', threads: [1], warmup: 1 };

describe("the host threads' benchmark children", () => {
  test("a benchmark on a worker thread runs its child through the main thread's launcher", async () => {
    const started: Started[] = [];
    setBenchChildLauncher(recordingLauncher(started));
    pool = new WorkPool({ workers: 1, queue: 1, what: 'benchmarks' });
    const report = await pool.run((worker) => worker.call('benchmark', { ...request, iterations: 5 }));
    expect(started.map((child) => child.entryPath)).toEqual([expect.stringMatching(/bench-child\.mjs$/)]);
    expect(report.results[0]?.latency_ms.p50).toBeGreaterThan(0);
    expect(started[0]?.exited).toBe('exited with code 0');
  });

  test('a cancelled benchmark kills its child in the main thread', async () => {
    const started: Started[] = [];
    setBenchChildLauncher(recordingLauncher(started));
    pool = new WorkPool({ workers: 1, queue: 1, what: 'benchmarks' });
    const controller = new AbortController();
    let measuring = false;
    const run = pool.run(
      (worker) =>
        worker.call(
          'benchmark',
          { ...request, iterations: 100_000 },
          {
            cooperative: true,
            onProgress: (progress: BenchProgress) => (measuring ||= progress.phase === 'measure'),
          },
        ),
      controller.signal,
    );
    await expect.poll(() => measuring, { timeout: 120_000 }).toBe(true);
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(WorkCancelledError);
    await expect.poll(() => started[0]?.exited, { timeout: 60_000 }).toBe('was killed by SIGKILL');
    expect(started[0]?.killed).toBe(true);
  });

  test('a thread that ends takes its children with it', async () => {
    const started: Started[] = [];
    setBenchChildLauncher(recordingLauncher(started));
    pool = new WorkPool({ workers: 1, queue: 1, what: 'benchmarks' });
    let measuring = false;
    const run = pool.run((worker) =>
      worker.call(
        'benchmark',
        { ...request, iterations: 100_000 },
        { onProgress: (progress: BenchProgress) => (measuring ||= progress.phase === 'measure') },
      ),
    );
    await expect.poll(() => measuring, { timeout: 120_000 }).toBe(true);
    pool.close();
    await expect(run).rejects.toBeInstanceOf(WorkCancelledError);
    await expect.poll(() => started[0]?.exited, { timeout: 60_000 }).toBe('was killed by SIGKILL');
  });
});
