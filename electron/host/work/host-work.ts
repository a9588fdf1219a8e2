// The host's two pools of worker threads: simulations (exports' figures, and the reading and
// parsing of results files and scenarios for benchmarks) and benchmarks, which run one at a
// time because side by side they would measure each other. README.md, "Limits", documents the
// sizes.
import { availableParallelism } from 'node:os';
import { type PoolLimits, WorkPool } from './work-pool';

export interface HostWork {
  simulations: WorkPool;
  benchmarks: WorkPool;
}

export const SIMULATION_QUEUE = 256;
export const BENCHMARK_QUEUE = 4;

export function createHostWork(
  limits: { simulations?: Partial<PoolLimits>; benchmarks?: Partial<PoolLimits> } = {},
): HostWork {
  return {
    // One core stays with the event loop (and the renderer, on a desktop).
    simulations: new WorkPool({
      workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
      queue: SIMULATION_QUEUE,
      what: 'simulations',
      ...limits.simulations,
    }),
    benchmarks: new WorkPool({ workers: 1, queue: BENCHMARK_QUEUE, what: 'benchmarks', ...limits.benchmarks }),
  };
}

let shared: HostWork | undefined;

/** The process's pools, made on first use: one host per process shares them. */
export function sharedHostWork(): HostWork {
  shared ??= createHostWork();
  return shared;
}
