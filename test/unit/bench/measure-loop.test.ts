import { describe, expect, it } from 'vitest';
import { type LoopClock, measureLoop, serverArrivals } from '../../../bench/runner/measure-loop';

// A virtual clock: inference advances time by a scripted service time, sleeping jumps to the
// wake-up time. The loop's scheduling is then checked exactly, with no wall-clock timing.
function virtualClock(serviceTimes: number[]) {
  let now = 1000;
  let run = 0;
  const clock: LoopClock = {
    now: () => now,
    sleepUntil: async (time) => {
      now = Math.max(now, time);
    },
  };
  const infer = async () => {
    now += serviceTimes[run++ % serviceTimes.length];
  };
  return { clock, infer, runs: () => run };
}

describe('measureLoop', () => {
  it('single-stream: each latency is its own service time, back to back', async () => {
    const { clock, infer } = virtualClock([5, 7, 6]);
    const result = await measureLoop({ mode: 'single-stream', iterations: 6, seed: 1 }, infer, clock);
    expect(result.latencies).toEqual([5, 7, 6, 5, 7, 6]);
    expect(result.wallMs).toBe(36);
  });

  it('server: latency runs from the scheduled Poisson arrival, so queueing behind a slow run counts', async () => {
    const { clock, infer } = virtualClock([50]);
    const rate = 100; // mean gap 10 ms, service 50 ms: every query after the first waits
    const result = await measureLoop({ mode: 'server', iterations: 5, rateQps: rate, seed: 3 }, infer, clock);
    const scheduled = serverArrivals(rate, 5, 3, 1000);
    let free = 1000;
    const expected = scheduled.map((arrival) => {
      const start = Math.max(free, arrival);
      free = start + 50;
      return free - arrival;
    });
    for (const [i, latency] of result.latencies.entries()) expect(latency).toBeCloseTo(expected[i], 9);
    expect(result.latencies[4]).toBeGreaterThan(50);
  });

  it('server: an idle server waits for the next arrival and measures service time alone', async () => {
    const { clock, infer } = virtualClock([1]);
    const result = await measureLoop({ mode: 'server', iterations: 20, rateQps: 1, seed: 9 }, infer, clock);
    // Mean gap 1000 ms against 1 ms of service: no query ever waits.
    expect(result.latencies.every((latency) => Math.abs(latency - 1) < 1e-9)).toBe(true);
  });

  it('duration: stops at the deadline', async () => {
    const { clock, infer, runs } = virtualClock([10]);
    const result = await measureLoop({ mode: 'offline', durationS: 0.1, seed: 1 }, infer, clock);
    expect(runs()).toBe(10);
    expect(result.latencies).toHaveLength(10);
  });

  it('server with a duration: stops at the deadline when behind, counting the arrivals it did not serve', async () => {
    // 120 arrivals in 300 ms (mean gap 2.5 ms) against 10 ms of service: far past saturation.
    const { clock, infer, runs } = virtualClock([10]);
    const progress: [number, number][] = [];
    const plan = { mode: 'server' as const, durationS: 0.3, rateQps: 400, seed: 1 };
    const result = await measureLoop(plan, infer, clock, (done, total) => progress.push([done, total]));
    const [first] = serverArrivals(400, 120, 1, 1000);
    // The server is busy from the first arrival on; every run that starts before the 300 ms
    // deadline is served, the rest of the arrivals are counted.
    const served = Math.ceil((300 - (first - 1000)) / 10);
    expect(runs()).toBe(served);
    expect(result.latencies).toHaveLength(served);
    expect(result.wallMs).toBeCloseTo(first - 1000 + served * 10, 9);
    expect(result.busyMs).toBeCloseTo(served * 10, 9);
    expect(result.unserved).toBe(120 - served);
    expect(progress.length).toBeGreaterThan(0);
    for (const [i, [done, total]] of progress.entries()) {
      expect(total).toBe(300);
      expect(done).toBeLessThanOrEqual(total);
      if (i > 0) expect(done).toBeGreaterThanOrEqual(progress[i - 1][0]);
    }
  });

  it('server with a duration: a run that ends past the deadline reports progress of at most the total', async () => {
    const { clock, infer } = virtualClock([70]);
    const progress: number[] = [];
    const plan = { mode: 'server' as const, durationS: 0.1, rateQps: 1000, seed: 2 };
    const result = await measureLoop(plan, infer, clock, (done) => progress.push(done));
    // Two runs start before the 100 ms deadline (the first arrival, then 70 ms later); the
    // second ends 140 ms after the first arrival, past the deadline.
    const first = serverArrivals(1000, 100, 2, 1000)[0] - 1000;
    expect(result.latencies).toHaveLength(2);
    expect(result.wallMs).toBeCloseTo(first + 140, 9);
    expect(progress).toEqual([100]);
  });

  it('server with a duration that keeps up serves every arrival, rate x duration of them', async () => {
    const { clock, infer } = virtualClock([1]);
    const result = await measureLoop({ mode: 'server', durationS: 1, rateQps: 20, seed: 4 }, infer, clock);
    expect(result.latencies).toHaveLength(20);
    expect(result.unserved).toBe(0);
  });

  it('server: a server that keeps up achieves the offered rate, however long its last query waits', async () => {
    // Service 1 ms, except the last query's predecessor (30 ms), which makes the last one wait.
    const arrivals = serverArrivals(10, 20, 5, 1000);
    const { clock, infer } = virtualClock([...Array<number>(18).fill(1), arrivals[19] - arrivals[18] + 30, 1]);
    const result = await measureLoop({ mode: 'server', iterations: 20, rateQps: 10, seed: 5 }, infer, clock);
    expect(result.latencies[19]).toBeGreaterThan(30);
    // The span is the schedule's (20 queries at 10/s: 2 s): the least wait of the last two is 0.
    expect(result.achievedSpanMs).toBeCloseTo(2000, 9);
  });

  it('server: a server that cannot keep up falls behind the schedule by its backlog', async () => {
    // 20 queries at 100/s (200 ms) against 20 ms each (400 ms of work): far behind at the end.
    const { clock, infer } = virtualClock([20]);
    const result = await measureLoop({ mode: 'server', iterations: 20, rateQps: 100, seed: 6 }, infer, clock);
    const arrivals = serverArrivals(100, 20, 6, 1000);
    // One lane busy from the first arrival: the last two queries start at first + 18 x 20 and + 19 x 20 ms.
    const behind = Math.min(arrivals[0] + 18 * 20 - arrivals[18], arrivals[0] + 19 * 20 - arrivals[19]);
    expect(behind).toBeGreaterThan(0);
    expect(result.achievedSpanMs).toBeCloseTo(200 + behind, 9);
  });

  it('server: several lanes serve queries side by side', async () => {
    // Virtual time where each lane's run ends 50 ms after it starts, independently of the others.
    let now = 0;
    const pending: { at: number; resolve: () => void }[] = [];
    const clock: LoopClock = {
      now: () => now,
      sleepUntil: async (time) => {
        while (now < time && pending.length > 0 && pending[0].at <= time) await advance();
        now = Math.max(now, time);
      },
    };
    const advance = async () => {
      pending.sort((a, b) => a.at - b.at);
      const first = pending.shift()!;
      now = first.at;
      first.resolve();
      await Promise.resolve();
    };
    const lanesUsed = new Set<number>();
    const infer = (lane: number) => {
      lanesUsed.add(lane);
      return new Promise<void>((resolve) => pending.push({ at: now + 50, resolve }));
    };
    const plan = { mode: 'server' as const, iterations: 4, rateQps: 1000, concurrency: 4, seed: 1 };
    const run = measureLoop(plan, infer, clock);
    while (lanesUsed.size < 4 || pending.length > 0) {
      if (pending.length > 0) await advance();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await run;
    // Four arrivals within 4 ms, four lanes: none waits for another, each takes 50 ms.
    expect(lanesUsed).toEqual(new Set([0, 1, 2, 3]));
    expect(result.latencies.every((latency) => latency >= 50 && latency < 55)).toBe(true);
    expect(result.achievedSpanMs).toBeCloseTo(4, 9);
  });

  it('offline: the lanes share the queue, each taking the next run as soon as it is free', async () => {
    // Virtual time where each lane's runs take their own time, independently of the others: each
    // call schedules one step, which moves time to the earliest pending end (the other lanes'
    // next calls are made, as microtasks, before the step after it).
    let now = 0;
    const pending: { at: number; resolve: () => void }[] = [];
    const clock: LoopClock = { now: () => now, sleepUntil: async () => {} };
    const serviceMs = [10, 30];
    const runsPerLane = [0, 0];
    const infer = (lane: number) => {
      runsPerLane[lane]++;
      setImmediate(() => {
        pending.sort((a, b) => a.at - b.at);
        const first = pending.shift()!;
        now = first.at;
        first.resolve();
      });
      return new Promise<void>((resolve) => pending.push({ at: now + serviceMs[lane], resolve }));
    };
    const result = await measureLoop({ mode: 'offline', iterations: 8, concurrency: 2, seed: 1 }, infer, clock);
    // Lane 0 starts runs at 0, 10, 20, 30, 40 and 50 ms, lane 1 at 0 and 30: eight runs in 60 ms,
    // where one lane alone would take 80 (the faster) or 240 (the slower).
    expect(runsPerLane).toEqual([6, 2]);
    expect(result.wallMs).toBe(60);
    expect(result.busyMs).toBe(6 * 10 + 2 * 30);
    expect([...result.latencies].sort((a, b) => a - b)).toEqual([10, 10, 10, 10, 10, 10, 30, 30]);
  });

  it('serverArrivals: exponential gaps scaled so the last arrival is at count / rate, repeatable for a seed', () => {
    const times = serverArrivals(50, 20000, 42, 0);
    expect(times[times.length - 1]).toBe(400_000);
    expect(times.every((time, i) => i === 0 || time > times[i - 1])).toBe(true);
    // Exponential gaps have a coefficient of variation of 1 (a regular schedule would have 0).
    const gaps = times.map((time, i) => time - (times[i - 1] ?? 0));
    const mean = 20;
    const sd = Math.sqrt(gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length);
    // The sample sd over the mean of n = 20000 exponential gaps has sd sqrt((kurtosis - 1) / 4n) = 0.01; allow 10 of them.
    expect(Math.abs(sd / mean - 1)).toBeLessThan(0.1);
    expect(serverArrivals(50, 20000, 42, 0)).toEqual(times);
  });
});
