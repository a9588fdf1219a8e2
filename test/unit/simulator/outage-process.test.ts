// Outages start in their long-run state for every distribution, are spread over users, never
// loop, and periods shorter than a microsecond are refused.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, validateScenario } from '../../../simulator';
import { alternatingOutages, NEVER_DOWN, scheduledOutages } from '../../../simulator/engine/outage-process';
import { residualLifeSampler } from '../../../simulator/random/length-biased';
import { RandomStream } from '../../../simulator/random/random-stream';
import { compileDistribution } from '../../../simulator/random/sampler';
import type { DistributionSpec } from '../../../simulator/scenario/distribution-spec';
import { scenarioFrom } from './queue-scenarios';

/** Four binomial standard errors of a share p estimated from n independent draws. */
const binomialTolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

function shareDown(every: DistributionSpec, lasting: DistributionSpec, instances: number, timeS: number): number {
  const outages = alternatingOutages(every, lasting, instances, 5, 'net');
  let down = 0;
  for (let instance = 0; instance < instances; instance++) if (outages.isDown(instance, timeS * 1000)) down++;
  return down / instances;
}

describe('the residual life of a period in progress', () => {
  // A renewal process seen at a random instant: the period in progress has E[X^2] / (2 E[X]) left,
  // which is mean x (1 + scv) / 2 in terms of the distribution's mean and squared variation.
  const kinds: [string, DistributionSpec][] = [
    ['constant', 90],
    ['uniform', { uniform: [60, 120] }],
    ['exponential', { exponential: 30 }],
    ['normal', { normal: { mean: 10, sd: 4 } }],
    ['lognormal', { lognormal: { median: 50, p95: 120 } }],
    ['triangular', { triangular: [0, 10, 30] }],
    ['empirical', { empirical: [1, 2, 10] }],
  ];
  for (const [name, spec] of kinds) {
    it(`${name}: its mean is E[X^2] / (2 E[X])`, () => {
      const { mean, scv } = compileDistribution(spec);
      const residual = residualLifeSampler(spec);
      const random = new RandomStream(3, `residual:${name}`);
      const n = 200_000;
      let sum = 0;
      let squares = 0;
      for (let draw = 0; draw < n; draw++) {
        const value = residual(random);
        sum += value;
        squares += value * value;
      }
      const sampleMean = sum / n;
      const standardError = Math.sqrt((squares / n - sampleMean ** 2) / n);
      expect(Math.abs(sampleMean - (mean * (1 + scv)) / 2)).toBeLessThanOrEqual(4 * standardError);
    });
  }
});

describe('alternating outages', () => {
  it('constant periods are spread over users: at any time about every_s / lasting_s of them are down', () => {
    const instances = 10_000;
    const tolerance = binomialTolerance(0.1, instances);
    for (const timeS of [0, 5, 20, 45, 70, 95, 1000]) {
      expect(Math.abs(shareDown(90, 10, instances, timeS) - 0.1), `at ${timeS} s`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('non-exponential periods start in their long-run state too', () => {
    const instances = 10_000;
    const tolerance = binomialTolerance(0.1, instances);
    for (const timeS of [0, 3, 12, 40]) {
      const share = shareDown({ uniform: [60, 120] }, { uniform: [5, 15] }, instances, timeS);
      expect(Math.abs(share - 0.1), `at ${timeS} s`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('says when an instance’s state next changes: constant periods alternate 90 s up and 10 s down', () => {
    const outages = alternatingOutages(90, 10, 100, 5, 'net');
    for (let instance = 0; instance < 100; instance++) {
      // Queries in time order, as the engine makes them: the state holds until each change and flips there.
      let time = 0;
      let down = outages.isDown(instance, time);
      const changes: number[] = [];
      const first = outages.nextChange(instance, time);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(down ? 10_000 : 90_000);
      for (let change = 0; change < 5; change++) {
        const next = outages.nextChange(instance, time);
        if (change > 0) expect(next - time).toBeCloseTo(down ? 10_000 : 90_000, 6);
        expect(outages.isDown(instance, next - 1e-6)).toBe(down);
        expect(outages.isDown(instance, next)).toBe(!down);
        down = !down;
        time = next;
        changes.push(next);
      }
      // The same from nextChange alone, on an identical process.
      const again = alternatingOutages(90, 10, 100, 5, 'net');
      let at = 0;
      expect(changes.map(() => (at = again.nextChange(instance, at)))).toEqual(changes);
    }
  });

  it('starts an instance when it is first asked about, with the same draws whatever the order', () => {
    // The engine asks only about the users who send requests, in the order they do: an instance's
    // states must not depend on which others were asked first (or at all).
    const times = [0, 500_000, 2_000_000, 9_000_000];
    const states = (order: number[]) => {
      const outages = alternatingOutages({ exponential: 30 }, { exponential: 10 }, 1000, 5, 'net');
      const seen = new Map<number, boolean[]>();
      for (const instance of order) seen.set(instance, []);
      for (const time of times) for (const instance of order) seen.get(instance)!.push(outages.isDown(instance, time));
      return seen;
    };
    const forwards = states([0, 1, 2, 500, 999]);
    const backwards = states([999, 500, 2]);
    for (const instance of [2, 500, 999]) expect(backwards.get(instance)).toEqual(forwards.get(instance));
    expect(new Set([...forwards.values()].map((list) => list.join())).size).toBeGreaterThan(1);
  });

  it('gives two links with the same periods draws of their own', () => {
    // Links down together by construction would make every outage a double one on a path that
    // crosses both: each link's stream is its own, named after it.
    const changes = (linkId: string) => {
      const outages = alternatingOutages({ exponential: 30 }, { exponential: 10 }, 1, 5, linkId);
      const seen: number[] = [];
      for (let time = 0; seen.length < 5; time = seen[seen.length - 1]) seen.push(outages.nextChange(0, time));
      return seen;
    };
    expect(changes('lte')).toEqual(changes('lte'));
    expect(changes('wifi')).not.toEqual(changes('lte'));
  });

  it('skips whole cycles: constant periods keep their phase however far a query jumps', () => {
    const outages = alternatingOutages(90, 10, 200, 5, 'net');
    const near = Array.from({ length: 200 }, (_, instance) => outages.isDown(instance, 1000));
    // 10^9 cycles of 100 s later, in one query per instance.
    const far = Array.from({ length: 200 }, (_, instance) => outages.isDown(instance, 1000 + 1e14));
    expect(far).toEqual(near);
    // And 10^9 cycles and 45 s: as 46 s is on an identical process.
    const again = alternatingOutages(90, 10, 200, 5, 'net');
    const offset = Array.from({ length: 200 }, (_, instance) => outages.isDown(instance, 46_000 + 1e14));
    expect(offset).toEqual(Array.from({ length: 200 }, (_, instance) => again.isDown(instance, 46_000)));
    expect(offset).not.toEqual(near);
  });

  it('forgets its state over a far jump when a period is random: the states before and after are independent', () => {
    // Up for an exponential 90 s, down a constant 10 s: down 10% of the time. Ten million cycles
    // apart, an instance's two states agree with probability 0.9^2 + 0.1^2 = 0.82.
    const instances = 10_000;
    const outages = alternatingOutages({ exponential: 90 }, 10, instances, 5, 'net');
    const near = Array.from({ length: instances }, (_, instance) => outages.isDown(instance, 1000));
    const far = Array.from({ length: instances }, (_, instance) => outages.isDown(instance, 1000 + 1e12));
    const agree = near.filter((down, instance) => down === far[instance]).length / instances;
    expect(Math.abs(agree - 0.82)).toBeLessThanOrEqual(binomialTolerance(0.82, instances));
  });

  it('answers a query far ahead of microsecond periods at once, in the long-run state', () => {
    const instances = 10_000;
    const outages = alternatingOutages({ exponential: 0.000003 }, { exponential: 0.000001 }, instances, 5, 'net');
    let down = 0;
    for (let instance = 0; instance < instances; instance++) if (outages.isDown(instance, 3.6e9)) down++;
    expect(Math.abs(down / instances - 0.25)).toBeLessThanOrEqual(binomialTolerance(0.25, instances));
  });

  it('a 30 s run with outages of 10 s every 90 s sees about 10% of its requests offline', () => {
    // 30,000 users with one request each on average: each request finds its user's link down
    // with probability 0.1. A user's requests share the user's phase, so the count varies more
    // than a binomial's: by at most E[k^2] / E[k] = 2 times for Poisson(1) requests per user.
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'short run',
      seed: 4,
      hardware: { box: { cores: 8, gflops: 10 } },
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'box' },
      ],
      links: [
        {
          id: 'net',
          between: ['phone', 'cloud'],
          tech: 'lte',
          latency_ms: 10,
          outages: { every_s: 90, lasting_s: 10 },
        },
      ],
      workload: { users: 30_000, per_user_rps: 1 / 30, source: 'phone', duration_s: 30 },
      pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 1 }],
      options: [{ id: 'remote' }],
    });
    const option = evaluateScenario(scenario).options[0];
    const requests = option.completed + option.failed;
    expect(option.detailed_users).toBe(30_000);
    const tolerance = 4 * Math.sqrt((2 * 0.1 * 0.9) / requests);
    expect(Math.abs(option.offline.requests / requests - 0.1)).toBeLessThanOrEqual(tolerance);
  });
});

describe('a link without outages', () => {
  it('is never down and never changes', () => {
    expect([0, 1e9].map((time) => NEVER_DOWN.isDown(3, time))).toEqual([false, false]);
    expect(NEVER_DOWN.nextChange(3, 5)).toBe(Number.POSITIVE_INFINITY);
    expect([NEVER_DOWN.downShare, NEVER_DOWN.meanCycleMs]).toEqual([0, Number.POSITIVE_INFINITY]);
  });
});

describe('scheduled outages', () => {
  // Windows in any order, overlapping or touching ([10, 20], [15, 30] and [30, 35] make one
  // outage from 10 s to 35 s), one within another, one past the 150 s horizon and one across it.
  const schedule: [number, number][] = [
    [50, 60],
    [300, 400],
    [10, 20],
    [100, 200],
    [15, 30],
    [120, 150],
    [30, 35],
  ];

  it('are down from each merged window’s start until its end, for every instance alike', () => {
    const outages = scheduledOutages(schedule, 150);
    const at = (timeS: number) => [0, 7].map((instance) => outages.isDown(instance, timeS * 1000));
    for (const timeS of [0, 9.999, 35, 49.999, 60, 99.999, 200, 299.999, 400])
      expect(at(timeS), `${timeS} s`).toEqual([false, false]);
    for (const timeS of [10, 20, 30, 34.999, 50, 59.999, 100, 150, 160, 199.999, 300])
      expect(at(timeS), `${timeS} s`).toEqual([true, true]);
  });

  it('say when the state next changes, and that it never does after the last window', () => {
    const outages = scheduledOutages(schedule, 150);
    const next = (timeS: number) => outages.nextChange(0, timeS * 1000) / 1000;
    expect([0, 10, 20, 35, 55, 60, 100, 300].map(next)).toEqual([10, 35, 35, 50, 60, 100, 200, 400]);
    expect(next(400)).toBe(Number.POSITIVE_INFINITY);
    expect(outages.meanCycleMs).toBe(Number.POSITIVE_INFINITY);
  });

  it('are down for the share of the horizon their windows cover', () => {
    // 25 s + 10 s + the 50 s of [100, 200] before 150 s, of 150 s.
    expect(scheduledOutages(schedule, 150).downShare).toBeCloseTo(85 / 150, 12);
    expect(scheduledOutages(schedule, 0).downShare).toBe(0);
    expect(scheduledOutages([], 100).downShare).toBe(0);
  });
});

describe('outage periods', () => {
  it('shorter than a microsecond on average are refused, saying why', () => {
    const input = (outages: object) => ({
      placewise: 1,
      name: 'fast outages',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
      ],
      links: [{ id: 'net', between: ['phone', 'cloud'], tech: 'lte', outages }],
      workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 100 },
      pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 1 }],
      options: [{ id: 'remote' }],
    });
    const refused = validateScenario(input({ every_s: 0, lasting_s: { exponential: 0.0000001 } }));
    expect(refused.ok).toBe(false);
    const errors = refused.ok ? [] : refused.errors;
    expect(errors.map((error) => error.path)).toEqual(['links[0].outages.every_s', 'links[0].outages.lasting_s']);
    for (const error of errors) expect(error.message).toMatch(/at least 1 µs .*unbounded work/);
    expect(validateScenario(input({ every_s: 0.000001, lasting_s: { uniform: [0, 0.000002] } })).ok).toBe(true);
  });
});
