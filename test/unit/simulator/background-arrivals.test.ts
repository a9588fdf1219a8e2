// The background users' arrivals on one station, on their own: a Poisson stream generated lazily
// gap by gap, each arrival once, in time order, within its gap, with the service drawn from the
// routing's mix, and within the run's budget of arrivals.
import { describe, expect, it } from 'vitest';
import { BackgroundBudget } from '../../../simulator/engine/background-budget';
import { BackgroundLoad } from '../../../simulator/engine/background-load';
import { RunLimitError } from '../../../simulator/engine/run-limit-error';
import { RandomStream } from '../../../simulator/random/random-stream';
import { constantSampler } from '../../../simulator/random/sampler';

/** Admits the background up to each of `times` in turn; returns every [call, arrival, service]. */
function admitted(load: BackgroundLoad, times: number[]): [number, number, number][] {
  const jobs: [number, number, number][] = [];
  times.forEach((time, call) =>
    load.admitUntil(time, {
      admit: (arrival, service) => {
        jobs.push([call, arrival, service]);
        return arrival;
      },
    }),
  );
  return jobs;
}

describe('background arrivals', () => {
  it('form a Poisson stream of the rate set: as many as the rate says, each placed uniformly in its gap', () => {
    // 0.2 per ms over 50 s: 10,000 arrivals, standard deviation 100; gaps between calls drawn at random.
    const rate = 0.2;
    const load = new BackgroundLoad(new RandomStream(4, 'background'), new BackgroundBudget(1e9));
    load.setRate(rate, constantSampler(3));
    const gaps = new RandomStream(4, 'calls');
    const times: number[] = [];
    for (let time = 0; time < 50_000;) times.push((time += gaps.exponential(20)));
    const jobs = admitted(load, times);
    const span = times.at(-1)!;
    expect(Math.abs(jobs.length - rate * span)).toBeLessThanOrEqual(4 * Math.sqrt(rate * span));
    expect(jobs.every(([, , service]) => service === 3)).toBe(true);
    // Each within its gap (after the previous call, strictly before this one), in time order.
    let previous = 0;
    for (const [call, arrival] of jobs) {
      expect(arrival).toBeGreaterThan(Math.max(previous, call === 0 ? 0 : times[call - 1]));
      expect(arrival).toBeLessThan(times[call]);
      previous = arrival;
    }
    // Uniform in its gap: the mean position is 1/2, with a standard error of sqrt(1/12 / n).
    const positions = jobs.map(([call, arrival]) => {
      const from = call === 0 ? 0 : times[call - 1];
      return (arrival - from) / (times[call] - from);
    });
    const meanPosition = positions.reduce((sum, position) => sum + position, 0) / positions.length;
    expect(Math.abs(meanPosition - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(1 / 12 / positions.length));
  });

  it('need no service where the routing sends none, and stop at a rate of 0', () => {
    const load = new BackgroundLoad(new RandomStream(5, 'background'), new BackgroundBudget(1e9));
    load.setRate(0.5, undefined);
    const before = admitted(load, [100]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every(([, , service]) => service === 0)).toBe(true);
    load.setRate(0, constantSampler(1));
    expect(admitted(load, [200, 300])).toEqual([]);
  });

  it('place a gap with hundreds of arrivals as well as one with a few', () => {
    // Counts past the 256 arrivals the first buffer holds, its exact size among them.
    for (const count of [256, 257, 600]) {
      const stream = new RandomStream(6, 'background');
      const random = Object.assign(Object.create(stream) as RandomStream, { poisson: () => count });
      const load = new BackgroundLoad(random, new BackgroundBudget(1e9));
      load.setRate(1, constantSampler(1));
      const jobs = admitted(load, [1000]);
      expect(jobs.length).toBe(count);
      const arrivals = jobs.map(([, arrival]) => arrival);
      expect(arrivals.every((arrival, index) => arrival > (arrivals[index - 1] ?? 0) && arrival < 1000)).toBe(true);
    }
  });

  it('take their arrivals from the run’s budget, which allows exactly as many as it holds', () => {
    const budget = new BackgroundBudget(10);
    budget.take(4);
    budget.take(6);
    expect(() => budget.take(1)).toThrow(RunLimitError);
    try {
      budget.take(1);
    } catch (error) {
      // Told like a scenario error, at the workload.
      expect([(error as RunLimitError).name, (error as RunLimitError).scenarioError.path]).toEqual([
        'RunLimitError',
        'workload',
      ]);
    }
    const load = new BackgroundLoad(new RandomStream(7, 'background'), new BackgroundBudget(100));
    load.setRate(1, constantSampler(1));
    expect(() => admitted(load, [50])).not.toThrow();
    expect(() => admitted(load, [1000])).toThrow(/more than a run can simulate/);
  });
});
