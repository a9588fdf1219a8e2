// Three format additions pinned against hand calculations: memory-bound time (the roofline of
// hardware.memory_gbps and a model's mb_per_inference), a device population (hardware_mix) as
// the mixture of its tiers, and personal data leaving the users' own devices.
import { describe, expect, it } from 'vitest';
import { estimateScenario, evaluateScenario, type ScenarioInput, validateScenario } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

// One model step on a shared server of one core, so that the executor is the whole device.
const onServer = (
  hardware: Record<string, { cores: number; gflops: number; memory_gbps?: number }>,
  model: Record<string, unknown>,
) =>
  estimateScenario(
    scenarioFrom({
      placewise: 1,
      name: 'roofline',
      hardware,
      components: [{ id: 'server', kind: 'cloud', hardware: 'target' }],
      models: [{ id: 'm', size_mb: 400, ...model }] as ScenarioInput['models'],
      workload: { users: 1, per_user_rps: 1, source: 'server', requests: 10 },
      pipeline: [{ id: 'infer', at: 'server', model: 'm' }],
      options: [{ id: 'only' }],
    }),
  )[0].analytic.components[0].service_ms;

describe('memory-bound time (roofline)', () => {
  it('takes the memory time when reading the weights takes longer than the arithmetic', () => {
    // 400 MB at 50 GB/s: 8 ms; 0.2 GFLOP at 100 GFLOPS: 2 ms. The larger wins.
    expect(onServer({ target: { cores: 1, gflops: 100, memory_gbps: 50 } }, { gflop: 0.2 })).toBeCloseTo(8, 9);
  });

  it('reads mb_per_inference rather than size_mb where given, and stays compute-bound when the arithmetic is longer', () => {
    // 40 MB at 50 GB/s: 0.8 ms < 2 ms of arithmetic.
    const time = onServer({ target: { cores: 1, gflops: 100, memory_gbps: 50 } }, { gflop: 0.2, mb_per_inference: 40 });
    expect(time).toBeCloseTo(2, 9);
  });

  it('is FLOPs only where the hardware has no memory_gbps (old files keep their figures)', () => {
    expect(onServer({ target: { cores: 1, gflops: 100 } }, { gflop: 0.2 })).toBeCloseTo(2, 9);
  });

  it('splits a shared device`s bandwidth over its executors as it splits its throughput', () => {
    // 4 executors of 25 GFLOPS and 12.5 GB/s: max(0.2 / 25, 0.4 / 12.5) s = 32 ms.
    expect(onServer({ target: { cores: 4, gflops: 100, memory_gbps: 50 } }, { gflop: 0.2 })).toBeCloseTo(32, 9);
  });

  it('projects a measured latency by the ratio of the two rooflines', () => {
    // Measured 10 ms on `lab` (no bandwidth known): the work it implies is 10 ms x 100 GFLOPS =
    // 1 GFLOP. On the target, max(1 / 100, 0.4 / 20) s = 20 ms against lab's 10 ms: twice as long,
    // where the throughputs alone (equal) would have kept it at 10 ms.
    const time = onServer(
      { lab: { cores: 1, gflops: 100 }, target: { cores: 1, gflops: 100, memory_gbps: 20 } },
      { latency_ms: { p50: 10, on: 'lab' } },
    );
    expect(time).toBeCloseTo(20, 9);
  });

  it('keeps a measured latency as measured on its own hardware', () => {
    const time = onServer(
      { target: { cores: 1, gflops: 100, memory_gbps: 20 } },
      { gflop: 0.2, latency_ms: { p50: 7, on: 'target' } },
    );
    expect(time).toBeCloseTo(7, 9);
  });

  it('gives every built-in hardware profile a memory bandwidth with its source', async () => {
    const { HARDWARE_LIBRARY } = await import('../../../simulator');
    for (const [id, profile] of Object.entries(HARDWARE_LIBRARY)) {
      expect(profile.memory_gbps, id).toBeGreaterThan(0);
      expect(profile.source, id).toContain('memory_gbps');
    }
  });
});

// Users on phones of two tiers, each request 100 ms of fixed work on the phone at 1 GFLOPS or
// 4 GFLOPS (0.1 GFLOP: 100 ms or 25 ms), then 10 ms over a link. Periodic arrivals far apart:
// nothing queues, so each tier's latency is exact and the population's is their mixture.
const population = (mix: { hardware: string; share: number }[]): ScenarioInput => ({
  placewise: 1,
  name: 'population',
  hardware: {
    slow: { cores: 1, gflops: 1, power_w: { idle: 1, active: 3 } },
    quick: { cores: 1, gflops: 4, power_w: { idle: 1, active: 2 } },
    box: { cores: 1, gflops: 1 },
  },
  components: [
    { id: 'phone', kind: 'phone', hardware_mix: mix, battery_wh: 10 },
    { id: 'cloud', kind: 'cloud', hardware: 'box' },
  ],
  links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 1000, latency_ms: 5 }],
  models: [{ id: 'm', size_mb: 1, gflop: 0.1 }],
  workload: { users: 1000, per_user_rps: 0.01, arrivals: 'periodic', source: 'phone', requests: 4000 },
  pipeline: [
    { id: 'infer', at: 'phone', model: 'm', output_kb: 0 },
    { id: 'store', at: 'cloud', compute_ms: 0, output_kb: 0 },
  ],
  options: [{ id: 'only' }],
});

describe('a device population (hardware_mix)', () => {
  // Each test simulates the population itself (a few milliseconds): a run made at describe level
  // is seen by no test in Stryker's per-test coverage, and its mutants would be left out as static.
  const simulated = () => {
    const option = evaluateScenario(
      scenarioFrom(
        population([
          { hardware: 'slow', share: 0.3 },
          { hardware: 'quick', share: 0.7 },
        ]),
      ),
    ).options[0];
    return { option, tiers: option.hardware_mix![0].tiers };
  };
  const slow = 100 + 10;
  const quick = 25 + 10;

  it("gives each tier its own hardware's latency", () => {
    const { option, tiers } = simulated();
    expect(option.hardware_mix![0].component).toBe('phone');
    expect(tiers.map((tier) => [tier.hardware, tier.share])).toEqual([
      ['slow', 0.3],
      ['quick', 0.7],
    ]);
    expect(tiers[0].latency_ms).toMatchObject({ mean: slow, p50: slow, p95: slow, max: slow });
    expect(tiers[1].latency_ms).toMatchObject({ mean: quick, p50: quick, p95: quick, max: quick });
  });

  it('apportions the detailed users to the tiers by share', () => {
    const { option, tiers } = simulated();
    const users = tiers[0].users + tiers[1].users;
    expect(users).toBe(option.detailed_users);
    expect(tiers[0].users).toBe(Math.round(0.3 * users));
  });

  it("makes the population's latency the mixture of the tiers'", () => {
    const { option, tiers } = simulated();
    // Each request is from a user drawn at random, so its tier is slow with probability
    // slowUsers / users: the mean is the mixture at the requests' shares, and 30% slow places
    // the median at the quick latency and the p95 at the slow one.
    const requests = tiers[0].requests + tiers[1].requests;
    const slowShare = tiers[0].requests / requests;
    expect(option.latency_ms.mean).toBeCloseTo(slowShare * slow + (1 - slowShare) * quick, 6);
    expect(option.latency_ms.p50).toBeCloseTo(quick, 9);
    expect(option.latency_ms.p95).toBeCloseTo(slow, 9);
    // The requests' share of slow users is binomial around the users' share: within 4 sd.
    const users = tiers[0].users / option.detailed_users;
    expect(Math.abs(slowShare - users)).toBeLessThan(4 * Math.sqrt((users * (1 - users)) / requests));
  });

  it('gives each tier its battery life, and the component the shortest', () => {
    const { option, tiers } = simulated();
    // Busy 100 ms (slow) or 25 ms (quick) every 100 s: utilisation 0.001 and 0.00025.
    expect(tiers[0].battery_hours).toBeCloseTo(10 / (1 + 2 * 0.001), 3);
    expect(tiers[1].battery_hours).toBeCloseTo(10 / (1 + 1 * 0.00025), 3);
    expect(option.battery_hours.phone).toBe(Math.min(tiers[0].battery_hours!, tiers[1].battery_hours!));
  });

  it('is a mixture in the queueing estimate too', () => {
    const estimate = estimateScenario(
      scenarioFrom(
        population([
          { hardware: 'slow', share: 0.3 },
          { hardware: 'quick', share: 0.7 },
        ]),
      ),
    )[0].analytic;
    expect(estimate.components.find((component) => component.id === 'phone')!.service_ms).toBeCloseTo(
      0.3 * 100 + 0.7 * 25,
      9,
    );
  });

  it('rejects a mix whose shares do not sum to 1, one beside hardware, one on a shared component, and an unknown tier', () => {
    const errors = (input: ScenarioInput) => {
      const parsed = validateScenario(input);
      return parsed.ok ? [] : parsed.errors.map((error) => `${error.path}: ${error.message}`);
    };
    expect(
      errors(
        population([
          { hardware: 'slow', share: 0.3 },
          { hardware: 'quick', share: 0.6 },
        ]),
      ),
    ).toEqual([
      'components[0].hardware_mix: the shares sum to 0.9, not 1 (within 0.001): each share is the part of users with that hardware',
    ]);
    const both = population([{ hardware: 'slow', share: 1 }]);
    both.components[0].hardware = 'slow';
    expect(errors(both)).toEqual([
      'components[0].hardware_mix: give hardware or hardware_mix, not both (a hardware_mix replaces hardware)',
    ]);
    const shared = population([{ hardware: 'nope', share: 1 }]);
    shared.components[0].scope = 'shared';
    expect(errors(shared)).toEqual([
      "components[0].hardware_mix: a hardware_mix is a population of users' own devices: it applies to per-user components only",
      expect.stringMatching(
        /^components\[0\]\.hardware_mix\[0\]\.hardware: unknown hardware 'nope' \(known: slow, quick, box, /,
      ),
    ]);
    const neither = population([]);
    delete neither.components[0].hardware_mix;
    expect(errors(neither)).toEqual([
      'components[0]: give the hardware (a profile id) or a hardware_mix (a device population)',
    ]);
  });
});

// A phone records 200 kB of the user's voice (personal) and sends it to a cloud that turns it
// into 1 kB of text; 1 user, 1 request a second, 24 hours a day.
const dictation = (place: string, budget?: number, telemetry?: { personal: boolean; to?: string }): ScenarioInput => ({
  placewise: 1,
  name: 'dictation',
  hardware: { box: { cores: 1, gflops: 1 } },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'box' },
    { id: 'watch', kind: 'wearable', hardware: 'box' },
    { id: 'cloud', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
  ],
  links: [
    { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 1000, latency_ms: 1 },
    { id: 'bt', between: ['phone', 'watch'], tech: 'bluetooth', mbps: 1000, latency_ms: 1 },
  ],
  workload: { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 100 },
  pipeline: [
    { id: 'record', at: 'phone', compute_ms: 1, output_kb: 200, personal: true },
    { id: 'transcribe', compute_ms: 1, output_kb: 1 },
  ],
  budgets: budget === undefined ? {} : { personal_gb_per_month: budget },
  options: [
    {
      id: 'only',
      place: { transcribe: place },
      ...(telemetry ? { telemetry: { sample_rate: 0.5, kb: 10, to: 'cloud', ...telemetry } } : {}),
    },
  ],
});

describe('personal data leaving the users’ devices', () => {
  // A month of requests: 1 x 3600 x 24 x 730 / 24 = 2,628,000.
  const requestsPerMonth = 3600 * 730;

  it('counts a personal step’s output sent from a per-user device to a shared one, per month', () => {
    const option = evaluateScenario(scenarioFrom(dictation('cloud', 100))).options[0];
    expect(option.personal_gb_per_month).toBeCloseTo((requestsPerMonth * 200) / 1e6, 6);
    expect(option.budgets).toEqual([
      { name: 'personal_gb_per_month', limit: 100, value: option.personal_gb_per_month, pass: false },
    ]);
  });

  it('counts nothing while it stays on the user’s own devices, the watch included', () => {
    const option = evaluateScenario(scenarioFrom(dictation('watch', 0))).options[0];
    expect(option.personal_gb_per_month).toBe(0);
    expect(option.pass).toBe(true);
  });

  it('counts telemetry marked personal whose route leaves the user’s devices', () => {
    const sampled = (requestsPerMonth * 0.5 * 10) / 1e6;
    const personal = evaluateScenario(scenarioFrom(dictation('watch', 0, { personal: true }))).options[0];
    expect(personal.personal_gb_per_month).toBeCloseTo(sampled, 9);
    const other = evaluateScenario(scenarioFrom(dictation('watch', 0, { personal: false }))).options[0];
    expect(other.personal_gb_per_month).toBe(0);
  });

  it('counts no telemetry that stays on the user’s own devices', () => {
    const kept = evaluateScenario(scenarioFrom(dictation('watch', 0, { personal: true, to: 'watch' }))).options[0];
    expect(kept.personal_gb_per_month).toBe(0);
  });

  it('counts nothing, rather than NaN, in a run no request arrived in', () => {
    const input = dictation('cloud');
    // One request in 1,000 s on average: none arrives in 1 s (at this seed).
    input.workload = {
      ...input.workload,
      per_user_rps: 0.001,
      arrivals: 'poisson',
      requests: undefined,
      duration_s: 1,
    };
    const option = evaluateScenario(scenarioFrom(input)).options[0];
    expect(option.completed + option.failed).toBe(0);
    expect(option.personal_gb_per_month).toBe(0);
  });
});
