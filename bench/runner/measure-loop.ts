// The timed loop of one configuration, after MLPerf LoadGen's scenarios:
// - single-stream: the next query is issued when the previous one completes;
// - server: queries arrive as a Poisson process at `rateQps` and are served by `concurrency`
//   lanes (one session each) in arrival order; a query's latency runs from its scheduled arrival
//   (so time spent waiting behind slow predecessors counts, as a user sees it);
// - offline: every query is issued at once and `concurrency` lanes (one session each, as in
//   server mode) work through the shared queue, one batch per run, each lane taking the next
//   batch as soon as it is free, for throughput; latency is each run's service time.
// The loop is independent of onnxruntime (it gets `infer`) so its scheduling is testable.
import { seededRandom } from '../inputs/seeded-random';
import type { BenchMode } from './protocol';

export interface LoopPlan {
  mode: BenchMode;
  iterations?: number;
  durationS?: number;
  rateQps?: number;
  /** Server and offline modes: runs at once, each lane with its own session (default 1). */
  concurrency?: number;
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
   * because every lane was still busy with earlier ones (0 when it kept up).
   */
  unserved: number;
  /**
   * Server mode: the span of the achieved rate (ms): from the start to the schedule's last
   * arrival, plus how far behind the schedule the lanes still were at the end of the run, which
   * is the least wait among the last tenth of the queries served. A server that keeps up serves
   * some of them at once (a single late query on a busy machine does not count against it); one
   * that cannot falls further behind with every query, and all of them wait.
   */
  achievedSpanMs?: number;
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

/** Runs one inference on the given lane (its own session; always 0 in single-stream mode). */
export type Infer = (lane: number) => Promise<void>;

export async function measureLoop(
  plan: LoopPlan,
  infer: Infer,
  clock: LoopClock = realClock,
  onProgress?: (done: number, total: number) => void,
): Promise<LoopResult> {
  const progress = progressReporter(plan, clock.now(), onProgress);
  return plan.mode === 'server'
    ? serveArrivals(plan, infer, clock, progress)
    : runBackToBack(plan, infer, clock, progress);
}

interface Progress {
  start: number;
  deadline: number;
  /** Called after each completion with the number completed so far. */
  completed(end: number, count: number): void;
}

function progressReporter(plan: LoopPlan, start: number, onProgress?: (done: number, total: number) => void): Progress {
  const byDuration = plan.iterations === undefined;
  const total = plan.iterations ?? Math.round((plan.durationS ?? 1) * 1000);
  let lastProgress = start;
  return {
    start,
    deadline: byDuration ? start + (plan.durationS ?? 1) * 1000 : Number.POSITIVE_INFINITY,
    completed(end, count) {
      if (!onProgress || end - lastProgress < 100) return;
      lastProgress = end;
      // The last run may end after the deadline: progress stops at the total.
      onProgress(byDuration ? Math.min(total, Math.round(end - start)) : count, total);
    },
  };
}

/**
 * Single-stream (one lane) and offline (`concurrency` lanes): each lane takes the next run from
 * the queue as soon as it is free, until the runs or the time are up.
 */
async function runBackToBack(plan: LoopPlan, infer: Infer, clock: LoopClock, progress: Progress): Promise<LoopResult> {
  const latencies: number[] = [];
  const limit = plan.iterations ?? Number.POSITIVE_INFINITY;
  let taken = 0;
  let end = progress.start;
  let busyMs = 0;
  const lane = async (index: number) => {
    while (taken < limit && clock.now() < progress.deadline) {
      taken++;
      const issued = clock.now();
      await infer(index);
      const done = clock.now();
      end = Math.max(end, done);
      busyMs += done - issued;
      latencies.push(done - issued);
      progress.completed(done, latencies.length);
    }
  };
  await inLanes(plan.mode === 'offline' ? plan : {}, lane);
  return { latencies, wallMs: end - progress.start, busyMs, unserved: 0 };
}

async function serveArrivals(plan: LoopPlan, infer: Infer, clock: LoopClock, progress: Progress): Promise<LoopResult> {
  const { start, deadline } = progress;
  const rate = plan.rateQps ?? 1;
  const count = plan.iterations ?? Math.max(1, Math.floor(rate * (plan.durationS ?? 1)));
  const arrivals = serverArrivals(rate, count, plan.seed, start);
  const latencies: number[] = [];
  let next = 0;
  let end = start;
  let busyMs = 0;
  let unserved = 0;
  const waits: number[] = [];
  const lane = async (index: number) => {
    let free = start;
    while (next < arrivals.length) {
      const scheduled = arrivals[next];
      // A server that fell behind still has arrivals queued from before the deadline. Serving
      // them would stretch the run without bound past saturation; it stops at the deadline
      // instead and counts them (the first query always runs, so a run has a sample).
      if (next > 0 && clock.now() >= deadline && clock.now() > scheduled) {
        unserved = arrivals.length - next;
        next = arrivals.length;
        break;
      }
      const query = next++;
      await clock.sleepUntil(scheduled);
      // How long the query waited for a free lane; the harness's own lateness in waking does not count.
      waits[query] = Math.max(0, free - scheduled);
      const issued = clock.now();
      await infer(index);
      end = Math.max(end, clock.now());
      free = clock.now();
      busyMs += free - issued;
      latencies.push(free - scheduled);
      progress.completed(free, latencies.length);
    }
  };
  await inLanes(plan, lane);
  const served = waits.length;
  const behind = Math.min(...waits.slice(Math.floor(served * 0.9)));
  return { latencies, wallMs: end - start, busyMs, unserved, achievedSpanMs: arrivals[count - 1] - start + behind };
}

/** Runs `lane` once per lane (`concurrency`, at least 1), side by side, until each has finished. */
async function inLanes({ concurrency = 1 }: Pick<LoopPlan, 'concurrency'>, lane: (index: number) => Promise<void>) {
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, (_, index) => lane(index)));
}

/**
 * Arrival times (ms from `start`) of `count` queries of a Poisson process at `rateQps`:
 * exponential gaps, scaled so that the last arrives at exactly count / rate seconds. The run
 * then offers exactly the rate asked for (as LoadGen's schedule does over its long runs), and
 * the achieved rate of a short run is not judged against the luck of its draw. Given the time
 * of the last arrival, this is still a Poisson process (the arrivals before it are uniform).
 */
export function serverArrivals(rateQps: number, count: number, seed: number, start: number): number[] {
  const random = seededRandom(seed);
  const gaps = Array.from({ length: count }, () => -Math.log(1 - random.next()));
  const scale = (count * 1000) / rateQps / gaps.reduce((sum, gap) => sum + gap, 0);
  let time = 0;
  const arrivals = gaps.map((gap) => start + (time += gap * scale));
  arrivals[count - 1] = start + (count * 1000) / rateQps;
  return arrivals;
}
