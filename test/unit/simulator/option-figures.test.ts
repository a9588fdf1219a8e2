// An option's figures besides latency, on small deterministic systems worked out by hand:
// battery hours, steps, links, how many users a run simulates in detail, and a measured model's
// time on other hardware.
import { describe, expect, it } from 'vitest';
import { estimateScenario, evaluateScenario, type ScenarioInput } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

// One user every second: the phone runs 100 ms, sends 50 kB to the cloud, which runs 20 ms and
// sends 10 kB back.
const phoneAndCloud = (overrides: Partial<ScenarioInput> = {}): ScenarioInput => ({
  placewise: 1,
  name: 'phone and cloud',
  hardware: {
    handset: { cores: 1, gflops: 1, power_w: { idle: 1, active: 3 } },
    silent: { cores: 1, gflops: 1 },
    box: { cores: 1, gflops: 1 },
  },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'handset', battery_wh: 10 },
    { id: 'watch', kind: 'wearable', hardware: 'silent', battery_wh: 1 },
    { id: 'cloud', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
  ],
  links: [
    { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 100, latency_ms: 5, energy_j_per_mb: 2 },
    { id: 'bt', between: ['phone', 'watch'], tech: 'bluetooth' },
  ],
  workload: { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 1000 },
  pipeline: [
    { id: 'prepare', at: 'phone', compute_ms: 100, output_kb: 50 },
    { id: 'infer', at: 'cloud', compute_ms: 20, output_kb: 10 },
  ],
  options: [{ id: 'remote', telemetry: { sample_rate: 0.5, kb: 100, to: 'cloud' } }],
  ...overrides,
});

describe("an option's figures", () => {
  // Each test runs the scenario itself, so that Stryker's per-test coverage sees which test
  // reaches which code (a run at describe level is reached by none).
  const figures = () => evaluateScenario(scenarioFrom(phoneAndCloud())).options[0];

  it('battery hours: idle plus the busy share of active minus idle, plus radio energy', () => {
    const option = figures();
    // 60 kB a request over LTE at 2 J/MB, one request a second: 0.12 W; telemetry, 50 kB a
    // request on average: 0.1 W more.
    const busy = option.components.find((component) => component.id === 'phone')!.utilization;
    expect(busy).toBeGreaterThan(0.09);
    expect(option.battery_hours.phone).toBeCloseTo(10 / (1 + (3 - 1) * busy + 0.12 + 0.1), 9);
  });

  it('leaves out a battery whose hardware has no power figure, and says so', () => {
    const option = figures();
    expect(option.battery_hours).not.toHaveProperty('watch');
    expect(option.warnings).toContain("no battery figure for watch: its hardware 'silent' has no power_w");
  });

  it('steps: where each ran, its mean time, and the share of requests that ran it', () => {
    const option = figures();
    expect(option.steps).toEqual([
      { id: 'prepare', at: 'phone', mean_ms: 100, share: 1 },
      { id: 'infer', at: 'cloud', mean_ms: 20, share: 1 },
    ]);
    expect(option.breakdown_ms.compute).toBeCloseTo(120, 9);
    expect(option.breakdown_ms.network).toBeCloseTo((50 * 8) / 100 + 5 + (10 * 8) / 100 + 5, 9);
    expect(option.breakdown_ms.queue).toBe(0);
    // Nothing waits and nothing varies: every latency is the sum.
    expect(option.latency_ms.max).toBeCloseTo(120 + 14.8, 9);
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(120 + 14.8, 9);
  });

  it('links: the busier direction’s utilisation, throughput while in use, and the month’s traffic', () => {
    const option = figures();
    const requestsPerMonth = (1 * 1 * 3600 * 24 * 730) / 24;
    const lte = option.links.find((link) => link.id === 'lte')!;
    // 4 ms of serialisation a request up, 0.8 ms down: the busier direction is up, over the same
    // span as the phone's 100 ms a request.
    const phone = option.components.find((component) => component.id === 'phone')!;
    expect(lte.utilization / phone.utilization).toBeCloseTo(4 / 100, 9);
    expect(lte.mean_mbps).toBeCloseTo((60 * 8 * 1) / 1000, 9);
    expect(lte.gb_per_month).toBeCloseTo(((60 + 0.5 * 100) * requestsPerMonth) / 1e6, 6);
    expect(lte.tech).toBe('lte');
    // The Bluetooth link carries nothing in this option.
    expect(option.links.map((link) => link.id)).toEqual(['lte']);
    expect(option.success_rate).toBe(1);
    expect(option.offline).toEqual({ requests: 0, success_rate: null, fallback_rate: null });
    expect(option.accuracy).toBeNull();
  });
});

describe('the users a run simulates in detail', () => {
  // 1,000 users whose phones are each half busy: a queue at utilisation 0.5 forgets its start in
  // 0.5 / (1 - sqrt(0.5))^2 = 5.83 of its arrivals (run-shape.ts).
  const scenario = scenarioFrom({
    placewise: 1,
    name: 'busy phones',
    hardware: { handset: { cores: 1, gflops: 1 } },
    components: [{ id: 'phone', kind: 'phone', hardware: 'handset' }],
    workload: { users: 1000, per_user_rps: 5, source: 'phone', requests: 20_000 },
    pipeline: [{ id: 'infer', at: 'phone', compute_ms: { exponential: 100 } }],
    options: [{ id: 'local' }],
  });
  const relaxation = 0.5 / (1 - Math.sqrt(0.5)) ** 2;

  it('full fidelity gives each user 20 relaxation times of requests', () => {
    const option = evaluateScenario(scenario).options[0];
    expect(option.detailed_users).toBe(Math.ceil(20_000 / (20 * relaxation)));
    expect(option.requests).toBe(20_000);
    // And 10% more at the start as warm-up, counted in success but not in latency.
    expect(option.completed + option.failed).toBe(22_000);
  });

  it('preview fidelity settles for 2 relaxation times: here every user', () => {
    expect(evaluateScenario(scenario, { fidelity: 'preview' }).options[0].detailed_users).toBe(
      Math.min(1000, Math.ceil(20_000 / (2 * relaxation))),
    );
  });

  it('idle devices need no settling: every user is detailed, up to 20 million of their own executors', () => {
    // 1,024 cores per phone and a link (two serialisers): 20,000,000 / 1,026 users at most.
    const idle = (users: number, cores: number) =>
      evaluateScenario(
        scenarioFrom({
          placewise: 1,
          name: 'idle phones',
          components: [
            { id: 'phone', kind: 'phone', hardware: 'phone-midrange', cores },
            { id: 'server', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
          ],
          links: [{ id: 'net', between: ['phone', 'server'], tech: 'lte', latency_ms: 20 }],
          workload: { users, per_user_rps: 0.001, source: 'phone', requests: 1000 },
          pipeline: [{ id: 'infer', at: 'server', compute_ms: 1 }],
          options: [{ id: 'remote' }],
        }),
      ).options[0].detailed_users;
    expect(idle(100_000, 1)).toBe(100_000);
    expect(idle(100_000, 1024)).toBe(Math.floor(20_000_000 / 1026));
  });
});

describe("a measured model's time", () => {
  const measured = (latency: { p50: number; p95?: number; on: string }) =>
    estimateScenario(
      scenarioFrom({
        placewise: 1,
        name: 'measured',
        hardware: { fast: { cores: 1, gflops: 20 }, slow: { cores: 2, gflops: 10 } },
        components: [{ id: 'server', kind: 'cloud', hardware: 'slow' }],
        models: [{ id: 'm', size_mb: 1, gflop: 1, latency_ms: latency }],
        workload: { users: 1, per_user_rps: 1, source: 'server', requests: 10 },
        pipeline: [{ id: 'infer', at: 'server', model: 'm' }],
        options: [{ id: 'only' }],
      }),
    )[0].analytic.components[0].service_ms;

  it('is used as measured on its own hardware, unless a shared component splits it into executors', () => {
    // The slow box's 10 gflops over its 2 cores: each executor has half the box.
    expect(measured({ p50: 40, on: 'slow' })).toBeCloseTo(80, 9);
  });

  it('scales by the measuring device over the executor that runs it', () => {
    // Measured on 20 gflops, run on 5 gflops executors: four times as long.
    expect(measured({ p50: 40, on: 'fast' })).toBeCloseTo(160, 9);
  });

  it('with a p95 above its p50 is lognormal: its mean is the median times exp(sigma^2 / 2)', () => {
    const sigma = Math.log(60 / 40) / 1.6448536269514722;
    expect(measured({ p50: 40, p95: 60, on: 'fast' })).toBeCloseTo(160 * Math.exp((sigma * sigma) / 2), 6);
  });

  it('with a p95 not above its p50 has no spread to model: the p50, scaled', () => {
    expect(measured({ p50: 40, p95: 30, on: 'fast' })).toBeCloseTo(160, 9);
  });
});
