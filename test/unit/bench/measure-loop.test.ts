import { describe, expect, it } from 'vitest';
import { type LoopClock, measureLoop, poissonArrivals } from '../../../bench/runner/measure-loop';

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
    const arrivals = poissonArrivals(rate, 3, 1000);
    const scheduled = Array.from({ length: 5 }, () => arrivals());
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
    // Mean gap 2.5 ms against 10 ms of service: far past saturation, the queue grows all run.
    const { clock, infer, runs } = virtualClock([10]);
    const progress: [number, number][] = [];
    const plan = { mode: 'server' as const, durationS: 0.3, rateQps: 400, seed: 1 };
    const result = await measureLoop(plan, infer, clock, (done, total) => progress.push([done, total]));
    const arrivals = poissonArrivals(400, 1, 1000);
    const first = arrivals();
    let arrived = 1;
    while (arrivals() < 1300) arrived++;
    // The server is busy from the first arrival on; every run that starts before the 300 ms
    // deadline is served, the rest of the arrivals are counted.
    const served = Math.ceil((300 - (first - 1000)) / 10);
    expect(runs()).toBe(served);
    expect(result.latencies).toHaveLength(served);
    expect(result.wallMs).toBeCloseTo(first - 1000 + served * 10, 9);
    expect(result.busyMs).toBe(served * 10);
    expect(result.unserved).toBe(arrived - served);
    expect(result.unserved).toBeGreaterThan(0);
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
    const first = poissonArrivals(1000, 2, 1000)() - 1000;
    expect(result.latencies).toHaveLength(2);
    expect(result.wallMs).toBeCloseTo(first + 140, 9);
    expect(progress).toEqual([100]);
  });

  it('server with a duration that keeps up leaves nothing unserved', async () => {
    const { clock, infer } = virtualClock([1]);
    const result = await measureLoop({ mode: 'server', durationS: 1, rateQps: 20, seed: 4 }, infer, clock);
    const arrivals = poissonArrivals(20, 4, 1000);
    let arrived = 0;
    while (arrivals() < 2000) arrived++;
    expect(result.latencies).toHaveLength(arrived);
    expect(result.unserved).toBe(0);
  });

  it('poissonArrivals: gaps average 1000 / rate ms and repeat for a seed', () => {
    const next = poissonArrivals(50, 42, 0);
    const times = Array.from({ length: 20000 }, () => next());
    const meanGap = times[times.length - 1] / times.length;
    // Exponential gaps: the sample mean of n = 20000 has sd 20 / sqrt(n) = 0.14 ms; allow 4 sd.
    expect(Math.abs(meanGap - 20)).toBeLessThan(0.6);
    const again = poissonArrivals(50, 42, 0);
    expect(again()).toBe(times[0]);
  });
});
