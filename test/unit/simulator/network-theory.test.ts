// Queues joined by links, link contention, and scheduled outages with and without a fallback.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type ScenarioInput } from '../../../simulator';
import { scenarioFrom, utilizationTolerance } from './queue-scenarios';

type Workload = ScenarioInput['workload'];

const twoServers = ({
  linkLatencyMs,
  outputKb,
  mbps,
  ...overrides
}: Partial<ScenarioInput> & { linkLatencyMs?: number; outputKb?: number; mbps?: number }): ScenarioInput => ({
  placewise: 1,
  name: 'tandem',
  seed: 5,
  hardware: { box: { cores: 1, gflops: 1 } },
  components: [
    { id: 'a', kind: 'cloud', hardware: 'box' },
    { id: 'b', kind: 'cloud', hardware: 'box' },
  ],
  links: [{ id: 'a-b', between: ['a', 'b'], tech: 'ethernet', latency_ms: linkLatencyMs ?? 5, mbps: mbps ?? 1000 }],
  workload: { users: 1, per_user_rps: 50, source: 'a', sink: 'b', requests: 300_000 },
  pipeline: [
    { id: 'first', at: 'a', compute_ms: { exponential: 10 }, output_kb: outputKb ?? 0 },
    { id: 'second', at: 'b', compute_ms: { exponential: 12 } },
  ],
  options: [{ id: 'only' }],
  ...overrides,
});

function expectTheory(mean: number, interval: [number, number] | undefined, theory: number) {
  expect(interval).toBeDefined();
  const halfWidth = (interval![1] - interval![0]) / 2;
  expect(halfWidth / theory).toBeLessThan(0.04);
  expect(Math.abs(mean - theory)).toBeLessThanOrEqual(2 * halfWidth);
}

describe('queues in tandem', () => {
  it('two M/M/1 queues joined by a link add up (Jackson network: Burke makes the second input Poisson)', () => {
    const option = evaluateScenario(scenarioFrom(twoServers({}))).options[0];
    const lambda = 0.05; // per ms
    const theory = 1 / (1 / 10 - lambda) + 5 + 1 / (1 / 12 - lambda);
    expectTheory(option.latency_ms.mean, option.latency_ms.ci95?.mean, theory);
    expect(option.breakdown_ms.network).toBeCloseTo(5, 6);
  });
});

describe('contention on a link', () => {
  it('messages wait for the link as an M/D/1 queue (Pollaczek-Khinchine) behind a Poisson departure stream', () => {
    // One M/M/1 server whose output (Poisson, by Burke's theorem) crosses the link to the sink:
    // 50 messages/s of 100 kB over 50 Mbit/s are 16 ms each, link utilisation 0.8.
    const base = twoServers({ outputKb: 100, mbps: 50 });
    const option = evaluateScenario(scenarioFrom({ ...base, pipeline: [base.pipeline[0]] })).options[0];
    const lambda = 0.05;
    const serialisation = (100 * 8) / 50;
    const rho = lambda * serialisation;
    const linkWait = (rho * serialisation) / (2 * (1 - rho));
    const theory = 1 / (1 / 10 - lambda) + linkWait + serialisation + 5;
    expectTheory(option.latency_ms.mean, option.latency_ms.ci95?.mean, theory);
    const link = option.links.find((entry) => entry.id === 'a-b')!;
    // Constant serialisation: only the span of the Poisson arrivals varies.
    const arrivals = option.completed + option.failed;
    expect(Math.abs(link.utilization - rho)).toBeLessThan(utilizationTolerance(rho, arrivals, 0));
    expect(link.mean_mbps).toBeCloseTo((100 * 8 * 50) / 1000, 6);
  });
});

describe('a periodic workload with a scheduled outage', () => {
  const outageScenario = (
    withFallback: boolean,
    { latencyMs = 10, computeMs = 5, workload }: { latencyMs?: number; computeMs?: number; workload?: Workload } = {},
  ) =>
    scenarioFrom({
      placewise: 1,
      name: 'outage',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
      ],
      links: [
        {
          id: 'lte',
          between: ['phone', 'cloud'],
          tech: 'lte',
          latency_ms: latencyMs,
          outages: { schedule: [[100, 200]] },
        },
      ],
      workload: workload ?? { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 1000 },
      pipeline: [{ id: 'infer', compute_ms: computeMs }],
      budgets: { offline_success: 0.95 },
      options: [
        {
          id: 'remote',
          place: { infer: 'cloud' },
          ...(withFallback ? { fallback: { infer: { at: 'phone' } } } : {}),
        },
      ],
    });

  // 1,100 requests one second apart, 100 of them warm-up: those starting in [100 s, 200 s) are
  // exactly the measured requests 0..99, and success counts every request of the run.
  it('without a fallback, the requests that start during the outage fail', () => {
    const option = evaluateScenario(outageScenario(false)).options[0];
    expect(option.offline.requests).toBe(100);
    expect(option.offline.success_rate).toBe(0);
    expect(option.success_rate).toBe(1000 / 1100);
    expect(option.budgets.find((verdict) => verdict.name === 'offline_success')?.pass).toBe(false);
    expect(option.latency_ms.max).toBeCloseTo(25, 6);
  });

  it('with a fallback, they run on the phone and complete', () => {
    const option = evaluateScenario(outageScenario(true)).options[0];
    expect(option.offline.requests).toBe(100);
    expect(option.offline.success_rate).toBe(1);
    expect(option.offline.fallback_rate).toBe(1);
    expect(option.success_rate).toBe(1);
    // Fallback requests take the 5 ms step on the phone with no network: the minimum latency.
    expect(option.latency_ms.p50).toBeCloseTo(25, 6);
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(5, 6);
    const fallbackStep = option.steps.find((step) => step.id === 'infer' && step.at === 'phone');
    expect(fallbackStep?.share).toBeCloseTo(100 / 1100, 6);
  });

  it('success counts every request: a 1000 s run at 10 requests/s with a 100 s outage completes exactly 90%', () => {
    // Arrivals 100 ms apart: exactly 1,000 of the 10,000 start in [100 s, 200 s). The warm-up
    // (the first 10%, here exactly the first 100 s) is left out of latency only.
    const workload: Workload = { users: 1, per_user_rps: 10, arrivals: 'periodic', source: 'phone', duration_s: 1000 };
    const option = evaluateScenario(outageScenario(false, { latencyMs: 0, computeMs: 0, workload })).options[0];
    expect(option.completed + option.failed).toBe(10_000);
    expect(option.failed).toBe(1000);
    expect(option.offline.requests).toBe(1000);
    expect(option.success_rate).toBe(0.9);
    expect(option.requests).toBe(9000);
  });
});

describe('reproducibility', () => {
  it('the same scenario and seed give byte-identical JSON, another seed does not', () => {
    const scenario = scenarioFrom(
      twoServers({ workload: { users: 1, per_user_rps: 50, source: 'a', sink: 'b', requests: 5000 } }),
    );
    const first = JSON.stringify(evaluateScenario(scenario));
    expect(JSON.stringify(evaluateScenario(scenario))).toBe(first);
    expect(JSON.stringify(evaluateScenario(scenario, { seed: 99 }))).not.toBe(first);
  });
});

describe('duration mode', () => {
  it('simulates the arrivals of the given span for all users, less the 10% warm-up', () => {
    const scenario = scenarioFrom({
      ...twoServers({}),
      workload: { users: 4, per_user_rps: 5, source: 'a', sink: 'b', duration_s: 600 },
    });
    // A Poisson count of mean 12,000 arrivals: within 4 standard deviations, less 1,200 of warm-up.
    const expected = 4 * 5 * 600;
    expect(Math.abs(evaluateScenario(scenario).requests - 0.9 * expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});
