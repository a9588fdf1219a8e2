// What the results say about their own trustworthiness: Student's t from a function, intervals
// that never reach below 0 ms, no batch-means interval for a run that is not stationary, and a
// disagreement with the queueing estimate explained by its cause.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, replicateScenario, type ScenarioInput } from '../../../simulator';
import { batchIntervals, studentInterval } from '../../../simulator/evaluate/latency-statistics';
import { logGamma, studentCdf, studentQuantile } from '../../../simulator/evaluate/student-t';
import type { Scenario } from '../../../simulator/scenario/schema';
import { scenarioFrom, singleStation } from './queue-scenarios';

describe("Student's t", () => {
  it('has the tabulated 97.5% quantiles, with no jump to 1.96 past 30 degrees of freedom', () => {
    // Abramowitz and Stegun table 26.10, and R's qt().
    const known: [number, number, number][] = [
      [0.975, 1, 12.706204736],
      [0.975, 2, 4.30265273],
      [0.975, 5, 2.570581836],
      [0.975, 19, 2.093024054],
      [0.975, 31, 2.039513446],
      [0.975, 40, 2.02107539],
      [0.975, 120, 1.979930405],
      [0.995, 10, 3.169272673],
      [0.9, 3, 1.637744354],
    ];
    for (const [p, df, quantile] of known) {
      expect(studentQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(quantile, 8);
      expect(studentQuantile(1 - p, df)).toBeCloseTo(-quantile, 8);
      expect(studentCdf(quantile, df)).toBeCloseTo(p, 10);
    }
    expect(studentQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('has log Gamma below 1/2 by the reflection formula', () => {
    // Gamma(1/4) = 3.625609908221908 and Gamma(-1/2) = -2 sqrt(pi) (DLMF 5.4.iii, 5.5.1): log |Gamma|.
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
  });
});

describe('confidence intervals', () => {
  it('start at 0 ms where batch means would put them below, and say so', () => {
    // 20 batches of 50 latencies: 19 of about 1 ms and one of 1000 ms. Their mean is 51 ms with a
    // standard error of 50 ms, so the symmetric interval reaches about -53 ms.
    const latencies = new Float64Array(1000).fill(1);
    latencies.fill(1000, 950);
    const ci95 = batchIntervals(latencies)!;
    expect(ci95.mean![0]).toBe(0);
    expect(ci95.mean![1]).toBeGreaterThan(100);
    expect(ci95.clamped_at_zero).toContain('mean');
  });

  /**
   * Checks the replications of `scenario` against its runs at seeds seed and seed + 1: each
   * interval kept in its figure's range, and exactly the cut ones named. Returns those.
   */
  function expectReplicated(scenario: Scenario): string[] {
    const runs = [scenario.seed, scenario.seed + 1].map((seed) => evaluateScenario(scenario, { seed }).options[0]);
    const figures = replicateScenario(scenario, 2).options[0].replications!;
    const cut: string[] = [];
    const expectFigure = (name: string, actual: [number, number], values: number[], highest = Infinity) => {
      const [low, high] = studentInterval(values);
      if (low < 0 || high > highest) cut.push(name);
      expect(actual, name).toEqual([Math.max(0, low), Math.min(highest, high)]);
    };
    expectFigure(
      'latency_ms.mean',
      figures.latency_ms.mean,
      runs.map((run) => run.latency_ms.mean),
    );
    expectFigure(
      'latency_ms.p95',
      figures.latency_ms.p95,
      runs.map((run) => run.latency_ms.p95),
    );
    expectFigure(
      'latency_ms.p99',
      figures.latency_ms.p99,
      runs.map((run) => run.latency_ms.p99),
    );
    expectFigure(
      'monthly_usd',
      figures.monthly_usd,
      runs.map((run) => run.monthly_usd.total),
    );
    expectFigure(
      'success_rate',
      figures.success_rate,
      runs.map((run) => run.success_rate),
      1,
    );
    expect(figures.count).toBe(2);
    expect(figures.clamped).toEqual(cut.length > 0 ? cut : undefined);
    return cut;
  }

  it('across replications come from the runs at seeds seed, seed + 1, each kept in its range and named when cut', () => {
    // Two short runs of a busy M/M/1 queue: with one degree of freedom (t = 12.7) their latency
    // intervals reach far below 0.
    const busy = singleStation({ ratePerS: 95, service: { exponential: 10 }, requests: 200, seed: 2 });
    expect(expectReplicated(busy)).toEqual(['latency_ms.mean', 'latency_ms.p95', 'latency_ms.p99']);
    // A link down about a tenth of the time and no fallback: the runs' success rates differ, and
    // their interval reaches past 1. Nothing is priced: a cost of 0 in both runs, [0, 0], is not cut.
    const flaky = scenarioFrom({
      placewise: 1,
      name: 'flaky link',
      seed: 4,
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', usd_per_hour: 0 },
      ],
      links: [
        {
          id: 'lte',
          between: ['phone', 'cloud'],
          tech: 'lte',
          latency_ms: 0,
          usd_per_gb: 0,
          outages: { every_s: 2, lasting_s: 0.2 },
        },
      ],
      workload: { users: 1, per_user_rps: 90, source: 'phone', requests: 400 },
      pipeline: [{ id: 'infer', at: 'cloud', compute_ms: { exponential: 10 } }],
      options: [{ id: 'remote' }],
    });
    expect(expectReplicated(flaky)).toEqual(['success_rate']);
    // Constant work at a steady pace: both runs the same, nothing to cut, no list.
    expect(
      expectReplicated(singleStation({ ratePerS: 10, service: 5, arrivals: 'periodic', requests: 100, seed: 1 })),
    ).toEqual([]);
  });

  const profiled = (profile: number[]) =>
    scenarioFrom({
      placewise: 1,
      name: 'a load step',
      seed: 3,
      hardware: { box: { cores: 1, gflops: 10 } },
      components: [{ id: 'server', kind: 'cloud', hardware: 'box' }],
      workload: { users: 1, per_user_rps: 10, source: 'server', duration_s: 7200, load_profile: profile },
      pipeline: [{ id: 'serve', at: 'server', compute_ms: { exponential: 10 } }],
      options: [{ id: 'only' }],
    });

  it('are left out of a run whose load steps up, which says why', () => {
    const stepped = evaluateScenario(profiled([1, 8, ...Array(22).fill(1)])).options[0];
    expect(stepped.latency_ms.ci95).toBeUndefined();
    expect(stepped.nonstationary).toEqual(['the load profile changes the load at hour 1 of the run']);
    const flat = evaluateScenario(profiled(Array(24).fill(1))).options[0];
    expect(flat.latency_ms.ci95?.mean).toBeDefined();
    expect(flat.nonstationary).toBeUndefined();
  });

  it('are left out of a run with a scheduled outage', () => {
    const option = evaluateScenario(
      scenarioFrom({
        placewise: 1,
        name: 'scheduled outage',
        components: [
          { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
          { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
        ],
        links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', outages: { schedule: [[100, 200]] } }],
        workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 2000 },
        pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 5 }],
        options: [{ id: 'remote', fallback: { infer: { at: 'phone' } } }],
      }),
    ).options[0];
    expect(option.latency_ms.ci95).toBeUndefined();
    expect(option.nonstationary).toEqual(['link lte has a scheduled outage during the run (100-200 s)']);
  });
});

describe('a simulated mean far from the queueing estimate', () => {
  it('says the run may be too short when more requests could change it', () => {
    // M/M/1 at utilisation 0.95 forgets its empty start in about 1,500 arrivals; 300 are far too few.
    const option = evaluateScenario(singleStation({ ratePerS: 95, service: { exponential: 10 }, requests: 300 }))
      .options[0];
    expect(option.warnings).toHaveLength(1);
    expect(option.warnings[0]).toMatch(/differ by \d+%: the run may be too short/);
  });

  it('names what the estimate leaves out, such as serverless cold starts, instead', () => {
    // Requests 2 s apart on average find their instance reclaimed after 1 s of keep-warm: most
    // start cold (500 ms), which the M/G/c estimate of 50 ms leaves out. 20,000 requests
    // pin the mean to within a few ms.
    const option = evaluateScenario(
      scenarioFrom({
        placewise: 1,
        name: 'cold starts',
        seed: 3,
        components: [
          { id: 'client', kind: 'phone', hardware: 'phone-midrange' },
          { id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', keep_warm_s: 1, cold_start_ms: 500 },
        ],
        links: [{ id: 'net', between: ['client', 'fn'], tech: 'ethernet', latency_ms: 0 }],
        workload: { users: 1, per_user_rps: 0.5, source: 'client', requests: 20_000 },
        pipeline: [{ id: 'serve', at: 'fn', compute_ms: 50 }],
        options: [{ id: 'only' }],
      }),
    ).options[0];
    expect(option.warnings).toHaveLength(1);
    expect(option.warnings[0]).toMatch(/the estimate leaves out serverless cold starts \(fn\)$/);
    expect(option.warnings[0]).not.toMatch(/too short/);
  });

  it('blames the estimate’s approximation when the run is long and nothing is left out', () => {
    // Two deterministic 9 ms stations in tandem under Poisson arrivals at 100/s: the first spaces
    // its departures at least 9 ms apart, so nobody waits at the second; the estimate, which
    // takes arrivals at every station as Poisson, gives it an M/D/1 wait of 40.5 ms.
    const input: ScenarioInput = {
      placewise: 1,
      name: 'smoothed tandem',
      seed: 5,
      hardware: { box: { cores: 1, gflops: 1 } },
      components: [
        { id: 'a', kind: 'cloud', hardware: 'box' },
        { id: 'b', kind: 'cloud', hardware: 'box' },
      ],
      links: [{ id: 'a-b', between: ['a', 'b'], tech: 'ethernet', latency_ms: 0, mbps: 1e6 }],
      workload: { users: 1, per_user_rps: 100, source: 'a', sink: 'b', requests: 200_000 },
      pipeline: [
        { id: 'first', at: 'a', compute_ms: 9 },
        { id: 'second', at: 'b', compute_ms: 9 },
      ],
      options: [{ id: 'only' }],
    };
    const option = evaluateScenario(scenarioFrom(input)).options[0];
    expect(option.latency_ms.mean).toBeLessThan(0.75 * option.analytic.mean_latency_ms!);
    expect(option.warnings).toHaveLength(1);
    expect(option.warnings[0]).toMatch(/far beyond the run's 95% interval .* the estimate's M\/G\/c approximation/);
    expect(option.warnings[0]).not.toMatch(/too short/);
  });
});
