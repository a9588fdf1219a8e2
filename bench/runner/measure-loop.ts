// The timed loop of one configuration, after MLPerf LoadGen's scenarios:
// - single-stream: the next query is issued when the previous one completes;
// - server: queries arrive as a Poisson process at `rateQps`, and a query's latency runs from its
//   scheduled arrival (so time spent waiting behind a slow predecessor counts, as a user sees it);
// - offline: queries run back to back for maximum throughput; latency is each run's service time.
// The loop is independent of onnxruntime (it gets `infer`) so its scheduling is testable.
import { seededRandom } from '../inputs/seeded-random';
import type { BenchMode } from './protocol';

export interface LoopPlan {
  mode: BenchMode;
  iterations?: number;
  durationS?: number;
  rateQps?: number;
  seed: number;
}

export interface LoopClock {
  now(): number;
  sleepUntil(time: number): Promise<void>;
}

export interface LoopResult {
  latencies: number[];
  /** Wall time of the measured phase, from its start to the last completion (ms). */
  wallMs: number;
  /** Time spent inside `infer` (ms): over the number of runs, the mean service time. */
  busyMs: number;
  /**
   * Server mode with a duration: queries that had arrived by the deadline but were not started
   * because the server was still busy with earlier ones (0 when it kept up).
   */
  unserved: number;
}

export const realClock: LoopClock = {
  now: () => performance.now(),
  // Timers can wake late by a millisecond or more; sleep to just short of the arrival and spin
  // the rest, so that the harness does not add its own lateness to server-mode latencies.
  async sleepUntil(time) {
    const coarse = time - performance.now() - 2;
    if (coarse > 0) await new Promise((resolve) => setTimeout(resolve, coarse));
    while (performance.now() < time) {
      /* spin: the remaining wait is under 2 ms */
    }
  },
};

export async function measureLoop(
  plan: LoopPlan,
  infer: () => Promise<void>,
  clock: LoopClock = realClock,
  onProgress?: (done: number, total: number) => void,
): Promise<LoopResult> {
  const latencies: number[] = [];
  const start = clock.now();
  const byDuration = plan.iterations === undefined;
  const deadline = byDuration ? start + (plan.durationS ?? 1) * 1000 : Number.POSITIVE_INFINITY;
  const limit = plan.iterations ?? Number.POSITIVE_INFINITY;
  const total = plan.iterations ?? Math.round((plan.durationS ?? 1) * 1000);
  const arrivals = plan.mode === 'server' ? poissonArrivals(plan.rateQps ?? 1, plan.seed, start) : undefined;
  let end = start;
  let lastProgress = start;
  let busyMs = 0;
  let unserved = 0;
  while (latencies.length < limit) {
    const scheduled = arrivals ? arrivals() : clock.now();
    if (scheduled >= deadline) break;
    // A server that fell behind still has arrivals queued from before the deadline. Serving
    // them would stretch the run without bound past saturation; it stops at the deadline
    // instead and counts them (the first query always runs, so a run has a sample).
    if (arrivals && latencies.length > 0 && clock.now() >= deadline) {
      unserved = 1 + countBefore(arrivals, deadline);
      break;
    }
    if (arrivals) await clock.sleepUntil(scheduled);
    const issued = clock.now();
    await infer();
    end = clock.now();
    busyMs += end - issued;
    latencies.push(end - (plan.mode === 'server' ? scheduled : issued));
    if (onProgress && end - lastProgress >= 100) {
      lastProgress = end;
      // The last run may end after the deadline: progress stops at the total.
      onProgress(byDuration ? Math.min(total, Math.round(end - start)) : latencies.length, total);
    }
  }
  return { latencies, wallMs: end - start, busyMs, unserved };
}

/** How many more arrivals come before `deadline` (drawing them from the process). */
function countBefore(arrivals: () => number, deadline: number): number {
  let count = 0;
  while (arrivals() < deadline) count++;
  return count;
}

/** Arrival times (ms) of a Poisson process: exponential gaps with mean 1000 / rate. */
export function poissonArrivals(rateQps: number, seed: number, start: number): () => number {
  const random = seededRandom(seed);
  let time = start;
  return () => {
    time += (-Math.log(1 - random.next()) * 1000) / rateQps;
    return time;
  };
}
