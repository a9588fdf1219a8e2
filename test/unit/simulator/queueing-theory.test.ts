// The engine against exact queueing results. Each comparison allows the simulation's own 95%
// batch-means confidence interval, widened to about 4 standard errors (two half-widths) so a
// correct engine fails with a probability below 1e-4, and also checks that the interval is
// narrow (a few percent) so that a wide interval cannot hide a wrong answer.
import { describe, expect, it } from 'vitest';
import { estimateScenario, evaluateScenario, type OptionResult, replicateScenario } from '../../../simulator';
import { studentInterval } from '../../../simulator/evaluate/latency-statistics';
import { erlangC } from '../../../simulator/analytic/erlang';
import { scenarioFrom, singleStation, utilizationTolerance } from './queue-scenarios';

function onlyOption(results: ReturnType<typeof evaluateScenario>): OptionResult {
  return results.options[0];
}

function expectWithinCi(
  value: number,
  interval: [number, number] | undefined,
  theory: number,
  maxRelativeHalfWidth: number,
) {
  expect(interval).toBeDefined();
  const [low, high] = interval!;
  const halfWidth = (high - low) / 2;
  expect(halfWidth / theory).toBeLessThan(maxRelativeHalfWidth);
  expect(Math.abs(value - theory)).toBeLessThanOrEqual(2 * halfWidth);
}

describe('M/M/1', () => {
  for (const rho of [0.5, 0.8]) {
    it(`response time is exponential with rate mu - lambda at utilisation ${rho}`, () => {
      const serviceMs = 10;
      const ratePerS = (rho / serviceMs) * 1000;
      const option = onlyOption(
        evaluateScenario(singleStation({ ratePerS, service: { exponential: serviceMs }, requests: 400_000 })),
      );
      const meanResponse = serviceMs / (1 - rho);
      expectWithinCi(option.latency_ms.mean, option.latency_ms.ci95?.mean, meanResponse, 0.04);
      // Percentiles of an exponential with that mean; the p95's own interval bounds p50 and p99 too,
      // since they are estimated from the same run with similar relative precision.
      expectWithinCi(option.latency_ms.p95, option.latency_ms.ci95?.p95, meanResponse * Math.log(20), 0.04);
      const relativeTolerance =
        (2 * (option.latency_ms.ci95!.p95![1] - option.latency_ms.ci95!.p95![0])) / 2 / option.latency_ms.p95;
      expect(Math.abs(option.latency_ms.p50 / (meanResponse * Math.log(2)) - 1)).toBeLessThan(relativeTolerance);
      expect(Math.abs(option.latency_ms.p99 / (meanResponse * Math.log(100)) - 1)).toBeLessThan(2 * relativeTolerance);
      // Utilisation of the server is rho (Little's law on the busy servers).
      const arrivals = option.completed + option.failed;
      expect(Math.abs(option.components[0].utilization - rho)).toBeLessThan(utilizationTolerance(rho, arrivals, 1));
    });
  }
});

describe('M/M/c', () => {
  it('mean response time follows Erlang C', () => {
    const servers = 4;
    const serviceMs = 20;
    const rho = 0.75;
    const ratePerMs = (rho * servers) / serviceMs;
    const option = onlyOption(
      evaluateScenario(
        singleStation({ ratePerS: ratePerMs * 1000, service: { exponential: serviceMs }, servers, requests: 400_000 }),
      ),
    );
    // Offered load a = 3 on c = 4 servers: Erlang C = (a^4 / 4! x c / (c - a)) / (sum of a^k / k!
    // for k < 4 + that) = 13.5 / 26.5 = 27/53, and the mean wait C x S / (c - a) = 540/53 ms.
    const wait = 540 / 53;
    expect(ratePerMs * serviceMs).toBe(3);
    expectWithinCi(option.latency_ms.mean, option.latency_ms.ci95?.mean, wait + serviceMs, 0.03);
  });

  it('Erlang C matches a hand-computed value', () => {
    // c = 2, a = 1: C = (a^2/2!) / ((1 - a/2)(1 + a) + a^2/2!) = 0.5 / (0.5 * 2 + 0.5) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(4, 3)).toBeCloseTo(27 / 53, 12);
    // A single server waits with probability rho; a saturated station always.
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 12);
    expect(erlangC(3, 3)).toBe(1);
  });
});

describe('M/D/1', () => {
  it('mean wait follows Pollaczek-Khinchine', () => {
    const serviceMs = 10;
    const rho = 0.7;
    const option = onlyOption(
      evaluateScenario(singleStation({ ratePerS: (rho / serviceMs) * 1000, service: serviceMs, requests: 400_000 })),
    );
    const wait = (rho * serviceMs) / (2 * (1 - rho));
    expectWithinCi(option.latency_ms.mean, option.latency_ms.ci95?.mean, wait + serviceMs, 0.03);
  });
});

describe('many users as background load', () => {
  it('an M/M/1 server shared by 2,000,000 users, half of them background, still matches theory', () => {
    // A run details at most a million users; the other million are background load.
    const serviceMs = 10;
    const rho = 0.7;
    const results = evaluateScenario(
      singleStation({
        ratePerS: (rho / serviceMs) * 1000,
        service: { exponential: serviceMs },
        users: 2_000_000,
        requests: 200_000,
      }),
    );
    const option = onlyOption(results);
    expect(option.detailed_users).toBe(1_000_000);
    expectWithinCi(option.latency_ms.mean, option.latency_ms.ci95?.mean, serviceMs / (1 - rho), 0.05);
    // The detailed users' arrivals alone: the background's add jobs and only narrow the noise.
    const arrivals = option.completed + option.failed;
    expect(Math.abs(option.components[0].utilization - rho)).toBeLessThan(utilizationTolerance(rho, arrivals, 1));
  });
});

describe('the instant estimate', () => {
  it('gives the M/M/c mean response of every option without simulating', () => {
    const [estimate] = estimateScenario(
      singleStation({ ratePerS: 150, service: { exponential: 20 }, servers: 4, requests: 10 }),
    );
    // a = 0.15/ms x 20 ms = 3 on 4 servers: the mean response 20 + 540/53 ms (see M/M/c above).
    expect(estimate.analytic.mean_latency_ms).toBeCloseTo(20 + 540 / 53, 9);
    expect(estimate.analytic.components[0].utilization).toBeCloseTo(0.75, 12);
  });
});

describe('preview fidelity', () => {
  it('simulates more users over a shorter span and stays near the full answer', () => {
    // Each of 1,000 users' phones is 35% busy (an M/M/1 queue of 5 s jobs), before a shared
    // M/M/1 server at 70%. A full run gives each detailed user 20 relaxation times of its phone,
    // 20 x 0.35 / (1 - sqrt(0.35))^2 = 41.96 requests (20,000 of them: 477 users), preview 2
    // relaxation times (4,767 users), so preview details every user.
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'busy phones',
      seed: 11,
      hardware: { box: { cores: 1, gflops: 1 } },
      components: [
        { id: 'phone', kind: 'phone', hardware: 'box' },
        { id: 'server', kind: 'cloud', hardware: 'box' },
      ],
      links: [{ id: 'net', between: ['phone', 'server'], tech: 'ethernet', latency_ms: 0 }],
      workload: { users: 1000, per_user_rps: 0.07, source: 'phone', sink: 'server', requests: 20_000 },
      pipeline: [
        { id: 'prepare', at: 'phone', compute_ms: { exponential: 5000 } },
        { id: 'serve', at: 'server', compute_ms: { exponential: 10 } },
      ],
      options: [{ id: 'only' }],
    });
    const full = evaluateScenario(scenario).options[0];
    const preview = evaluateScenario(scenario, { fidelity: 'preview' }).options[0];
    expect(full.detailed_users).toBe(477);
    expect(preview.detailed_users).toBe(1000);
    // Both estimate the same mean, the two M/M/1 means added; each within its own 4 standard errors.
    const theory = 5000 / (1 - 0.35) + 10 / (1 - 0.7);
    for (const option of [full, preview]) {
      const [low, high] = option.latency_ms.ci95!.mean!;
      expect(Math.abs(option.latency_ms.mean - theory)).toBeLessThan(2 * (high - low));
    }
  });
});

describe('replications', () => {
  it('report the first run as is, with intervals across runs of the following seeds that cover theory', () => {
    const scenario = singleStation({ ratePerS: 70, service: { exponential: 10 }, requests: 40_000, seed: 21 });
    const replicated = replicateScenario(scenario, 6);
    const first = evaluateScenario(scenario);
    expect(replicated.options[0].latency_ms).toEqual(first.options[0].latency_ms);
    const figures = replicated.options[0].replications!;
    expect(figures.count).toBe(6);
    const [low, high] = figures.latency_ms.mean;
    expect(low).toBeLessThan(10 / (1 - 0.7));
    expect(high).toBeGreaterThan(10 / (1 - 0.7));
    expect((high - low) / 2 / (10 / (1 - 0.7))).toBeLessThan(0.05);
  });

  it("use Student's t: three values 1, 2, 3 give 2 +- t(0.975, 2) / sqrt(3), t(0.975, 2) = 4.3027", () => {
    const [low, high] = studentInterval([1, 2, 3]);
    expect(low).toBeCloseTo(2 - 4.302652729911275 / Math.sqrt(3), 9);
    expect(high).toBeCloseTo(2 + 4.302652729911275 / Math.sqrt(3), 9);
  });

  it('of one value have no spread to measure: the value itself', () => {
    expect(studentInterval([7])).toEqual([7, 7]);
  });
});
