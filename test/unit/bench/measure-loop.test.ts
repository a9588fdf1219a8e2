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
