// Paths of a request through the simulation (simulate-option.ts) that few scenarios take: a cache
// on the way to a step and one on the component that runs it, after another step there. One
// user sends a request every second, so nothing queues and every latency is one of a few sums.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type ScenarioInput } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

const REQUESTS = 400;
const cached = (
  cache: Record<string, { at: string; hit_rate: number }>,
  { prepareAt = 'cloud', option = {} as object, lte = {} as object } = {},
): ScenarioInput => ({
  placewise: 1,
  name: 'cached',
  seed: 4,
  hardware: { box: { cores: 1, gflops: 1 } },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'box' },
    { id: 'cloud', kind: 'cloud', hardware: 'box' },
  ],
  links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 8, latency_ms: 5, ...lte }],
  models: [{ id: 'm', size_mb: 1, gflop: 0.02, accuracy: 0.9 }],
  workload: { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: REQUESTS },
  // 10 ms of preparation on the cloud, then the model's 20 ms there; 1 kB each way (1 ms at 8 Mbit/s).
  pipeline: [
    { id: 'prepare', at: prepareAt, compute_ms: 10, output_kb: 1 },
    { id: 'infer', at: 'cloud', model: 'm', output_kb: 1 },
  ],
  options: [{ id: 'only', cache, ...option }],
});

/** Four standard errors of a binomial share `p` over `n` trials. */
const binomialBound = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('a cache on the component that runs the step', () => {
  it("answers a share of requests after the step before, skipping the model's time but keeping its accuracy", () => {
    const option = evaluateScenario(scenarioFrom(cached({ infer: { at: 'cloud', hit_rate: 0.5 } }))).options[0];
    // The way there and back: 5 ms + 0 ms (the request carries nothing) and 5 ms + 1 ms.
    const hit = 11 + 10;
    const miss = hit + 20;
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(hit, 9);
    expect(option.latency_ms.max).toBeCloseTo(miss, 9);
    const [prepare, infer] = option.steps;
    expect(prepare).toEqual({ id: 'prepare', at: 'cloud', mean_ms: 10, share: 1 });
    expect(infer.mean_ms).toBeCloseTo(20, 9);
    expect(Math.abs(infer.share! - 0.5)).toBeLessThan(binomialBound(0.5, REQUESTS * 1.1));
    // The mean latency is the mixture at the share of measured requests that missed.
    const missShare = (option.latency_ms.mean - hit) / (miss - hit);
    expect(Math.abs(missShare - 0.5)).toBeLessThan(binomialBound(0.5, REQUESTS));
    // A cached answer is the model's: every request has its accuracy.
    expect(option.accuracy).toBeCloseTo(0.9, 12);
  });
});

describe("a user's own device", () => {
  it('is busy for its own work only, apart from its own link', () => {
    // Preparation (10 ms) runs on the user's phone, a request a second: busy 1% of the time, to
    // within one request of the 440 at the run's edges. The link's 1 ms is not the phone's.
    const option = evaluateScenario(scenarioFrom(cached({}, { prepareAt: 'phone' }))).options[0];
    const phone = option.components.find((component) => component.id === 'phone')!;
    expect(Math.abs(phone.utilization - 0.01)).toBeLessThanOrEqual(0.01 / 400);
  });
});

describe('a cache on the way to the step', () => {
  it('answers a share of requests where they are, before they cross the link', () => {
    const option = evaluateScenario(scenarioFrom(cached({ prepare: { at: 'phone', hit_rate: 0.5 } }))).options[0];
    // A hit skips the preparation and goes on to the cloud with the prepared 1 kB (6 ms).
    const hit = 6 + 20 + 6;
    const miss = 5 + 10 + 20 + 6;
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(hit, 9);
    expect(option.latency_ms.max).toBeCloseTo(miss, 9);
    const [prepare, infer] = option.steps;
    expect(Math.abs(prepare.share! - 0.5)).toBeLessThan(binomialBound(0.5, REQUESTS * 1.1));
    expect(infer).toMatchObject({ at: 'cloud', share: 1 });
    expect(option.accuracy).toBeCloseTo(0.9, 12);
  });
});

describe('a cache on the device, for the step after one run there', () => {
  it("answers there with the model's accuracy", () => {
    const option = evaluateScenario(
      scenarioFrom(cached({ infer: { at: 'phone', hit_rate: 0.5 } }, { prepareAt: 'phone' })),
    ).options[0];
    const hit = 10;
    const miss = 10 + 6 + 20 + 6;
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(hit, 9);
    expect(option.latency_ms.max).toBeCloseTo(miss, 9);
    expect(Math.abs(option.steps[1].share! - 0.5)).toBeLessThan(binomialBound(0.5, REQUESTS * 1.1));
    expect(option.accuracy).toBeCloseTo(0.9, 12);
  });

  it('is asked once a request, even when the link is down and the step falls back to the device', () => {
    const option = evaluateScenario(
      scenarioFrom(
        cached(
          { infer: { at: 'phone', hit_rate: 0.5 } },
          {
            prepareAt: 'phone',
            option: { fallback: { infer: { at: 'phone' } } },
            lte: { outages: { schedule: [[0, 1e6]] } },
          },
        ),
      ),
    ).options[0];
    // Half the requests miss and run the model on the phone instead.
    const fallback = option.steps.find((step) => step.at === 'phone' && step.id === 'infer')!;
    expect(Math.abs(fallback.share! - 0.5)).toBeLessThan(binomialBound(0.5, REQUESTS * 1.1));
    expect(option.success_rate).toBe(1);
  });
});
