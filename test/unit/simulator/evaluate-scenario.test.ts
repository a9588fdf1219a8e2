// What evaluateScenario does with its settings and how it assembles an option's figures, on tiny
// deterministic scenarios (a few periodic requests, nothing queues).
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type ScenarioInput } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

// One user sends a request every second from the phone; 'a', 'b' and 'c' place the step on the
// phone, the edge or the cloud.
const threeOptions = (overrides: Partial<ScenarioInput> = {}): ScenarioInput => ({
  placewise: 1,
  name: 'three options',
  seed: 5,
  hardware: { box: { cores: 1, gflops: 1 } },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'box' },
    { id: 'edge', kind: 'edge', hardware: 'box' },
    { id: 'cloud', kind: 'cloud', hardware: 'box' },
  ],
  links: [
    { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 1 },
    { id: 'wan', between: ['edge', 'cloud'], tech: 'ethernet', latency_ms: 1 },
  ],
  workload: { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 10 },
  pipeline: [{ id: 'infer', compute_ms: 10 }],
  options: [
    { id: 'a', place: { infer: 'phone' } },
    { id: 'b', place: { infer: 'edge' } },
    { id: 'c', place: { infer: 'cloud' } },
  ],
  ...overrides,
});

describe('evaluating a scenario', () => {
  it("evaluates the options asked for, in the scenario's order, saying which it starts", () => {
    const started: [number, number, string][] = [];
    const results = evaluateScenario(scenarioFrom(threeOptions()), {
      options: ['c', 'a'],
      onOption: (index, count, id) => started.push([index, count, id]),
    });
    expect(results.options.map((option) => option.id)).toEqual(['a', 'c']);
    expect(started).toEqual([
      [0, 2, 'a'],
      [1, 2, 'c'],
    ]);
  });

  it('reuses the results it is given for an option as they are', () => {
    const scenario = scenarioFrom(threeOptions());
    const first = evaluateScenario(scenario, { options: ['b'] }).options[0];
    const again = evaluateScenario(scenario, { known: [first] });
    expect(again.options[1]).toBe(first);
    expect(again.options.map((option) => option.id)).toEqual(['a', 'b', 'c']);
  });

  it("reports the seed used, the measured requests, the recommendation and the scenario's decision", () => {
    const scenario = scenarioFrom(threeOptions({ decision: 'b' }));
    const results = evaluateScenario(scenario, { seed: 9, requests: 20 });
    expect(results.scenario).toBe('three options');
    expect(results.seed).toBe(9);
    expect(results.requests).toBe(20);
    expect(results.decision).toBe('b');
    // Every option passes (no budgets) and costs nothing: the fastest, on the phone, is recommended.
    expect(results.recommendation).toBe('a');
    expect(results.recommendation_reason).not.toBe('');
    expect(evaluateScenario(scenario).seed).toBe(5);
    expect(evaluateScenario(scenarioFrom(threeOptions())).decision).toBeNull();
  });

  it('without latency intervals leaves out only the batch-means intervals and what is said of them', () => {
    // Exponential arrivals and enough requests for batches: intervals, and a warning about them, to leave out.
    const scenario = scenarioFrom(
      threeOptions({
        workload: { users: 1, per_user_rps: 50, source: 'phone', requests: 2000 },
        pipeline: [{ id: 'infer', compute_ms: { exponential: 15 } }],
      }),
    );
    const full = evaluateScenario(scenario);
    const lean = evaluateScenario(scenario, { latencyIntervals: false });
    expect(full.options.every((option) => option.latency_ms.ci95 !== undefined)).toBe(true);
    const withoutIntervals = full.options.map(({ latency_ms: { ci95: _, ...latency }, warnings: __, ...option }) => ({
      ...option,
      latency_ms: latency,
    }));
    expect(lean.options.map(({ warnings: _, ...option }) => option)).toEqual(withoutIntervals);
    // The warnings of a run, less those about its intervals.
    lean.options.forEach((option, index) =>
      expect(full.options[index].warnings).toEqual(expect.arrayContaining(option.warnings)),
    );
  });

  it('with no option to evaluate, reports none and no requests', () => {
    const results = evaluateScenario(scenarioFrom(threeOptions()), { options: [] });
    expect(results.options).toEqual([]);
    expect(results.requests).toBe(0);
    expect(results.recommendation).toBeNull();
  });
});

describe("an option's figures at their edges", () => {
  it('a battery device that draws nothing has no battery life, and says why', () => {
    const scenario = threeOptions({
      hardware: { box: { cores: 1, gflops: 1 }, idle: { cores: 1, gflops: 1, power_w: { idle: 0, active: 0 } } },
      components: [
        { id: 'phone', kind: 'phone', hardware: 'idle', battery_wh: 10 },
        { id: 'edge', kind: 'edge', hardware: 'box' },
        { id: 'cloud', kind: 'cloud', hardware: 'box' },
      ],
    });
    const [local] = evaluateScenario(scenarioFrom(scenario), { options: ['a'] }).options;
    expect(local.battery_hours).toEqual({});
    expect(local.warnings).toContain(
      'phone draws no power in this option (its power_w is 0 and it sends nothing), so its battery never runs down',
    );
  });

  // The one user's phone is of a tier with no power figure (90% of the population); the other
  // tier's devices, with `power`, have no user and idle.
  const population = (power: { idle: number; active: number }) => {
    const scenario = threeOptions({
      hardware: { box: { cores: 1, gflops: 1 }, other: { cores: 1, gflops: 1, power_w: power } },
      components: [
        {
          id: 'phone',
          kind: 'phone',
          battery_wh: 10,
          hardware_mix: [
            { hardware: 'box', share: 0.9 },
            { hardware: 'other', share: 0.1 },
          ],
        },
        { id: 'edge', kind: 'edge', hardware: 'box' },
        { id: 'cloud', kind: 'cloud', hardware: 'box' },
      ],
    });
    return evaluateScenario(scenarioFrom(scenario), { options: ['a'] }).options[0];
  };

  it("a population's tier without a power figure is left out of the battery life, and named", () => {
    const local = population({ idle: 1, active: 2 });
    expect(local.hardware_mix![0].tiers.map((tier) => tier.users)).toEqual([1, 0]);
    // The powered tier's devices idle at 1 W.
    expect(local.battery_hours.phone).toBe(10);
    expect(local.hardware_mix![0].tiers.map((tier) => tier.battery_hours)).toEqual([
      undefined,
      local.battery_hours.phone,
    ]);
    expect(local.warnings).toContain('no battery figure for phone on box: that hardware has no power_w');
  });

  it('a population none of whose tiers has a battery life gives the component none', () => {
    const local = population({ idle: 0, active: 0 });
    expect(local.battery_hours).toEqual({});
    expect(local.hardware_mix![0].tiers.map((tier) => tier.battery_hours)).toEqual([undefined, undefined]);
  });

  it('a fallback that never ran is not listed among the steps', () => {
    const scenario = threeOptions({
      options: [{ id: 'c', place: { infer: 'cloud' }, fallback: { infer: { at: 'phone' } } }],
    });
    const [remote] = evaluateScenario(scenarioFrom(scenario)).options;
    expect(remote.steps).toEqual([{ id: 'infer', at: 'cloud', mean_ms: 10, share: 1 }]);
  });

  it("a step a cache always answers never runs: its time is the model's, its share 0", () => {
    const scenario = threeOptions({
      options: [{ id: 'c', place: { infer: 'cloud' }, cache: { infer: { at: 'phone', hit_rate: 1 } } }],
    });
    const [cached] = evaluateScenario(scenarioFrom(scenario)).options;
    expect(cached.steps).toEqual([{ id: 'infer', at: 'cloud', mean_ms: 10, share: 0 }]);
    // Nothing crosses a link or runs anywhere.
    expect(cached.links).toEqual([]);
    expect(cached.components).toEqual([]);
    expect(cached.latency_ms.max).toBe(0);
  });

  it('the accuracy of an option whose only model with an accuracy is a fallback', () => {
    const scenario = threeOptions({
      links: [
        { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 1, outages: { schedule: [[0, 1e6]] } },
        { id: 'wan', between: ['edge', 'cloud'], tech: 'ethernet', latency_ms: 1 },
      ],
      models: [{ id: 'small', size_mb: 1, gflop: 0.01, accuracy: 0.7 }],
      options: [{ id: 'c', place: { infer: 'cloud' }, fallback: { infer: { at: 'phone', model: 'small' } } }],
    });
    const [fallback] = evaluateScenario(scenarioFrom(scenario)).options;
    // The link is always down: every request runs the small model on the phone.
    expect(fallback.accuracy).toBeCloseTo(0.7, 12);
    expect(fallback.offline).toEqual({ requests: 11, success_rate: 1, fallback_rate: 1 });
    expect(fallback.steps).toEqual([
      { id: 'infer', at: 'cloud', mean_ms: 10, share: 0 },
      { id: 'infer', at: 'phone', mean_ms: 10, share: 1 },
    ]);
  });
});

describe('the battery of a shared device', () => {
  // Two users' phones each send 100 kB a second to a shared hub on battery, over Wi-Fi at 1 J/MB,
  // and as much again in telemetry; the hub draws 1 W whether busy or not.
  const hub = (telemetry: boolean) =>
    scenarioFrom(
      threeOptions({
        hardware: { box: { cores: 1, gflops: 1 }, steady: { cores: 1, gflops: 1, power_w: { idle: 1, active: 1 } } },
        components: [
          { id: 'phone', kind: 'phone', hardware: 'box' },
          { id: 'edge', kind: 'edge', hardware: 'steady', battery_wh: 10 },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [
          { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 1, energy_j_per_mb: 1 },
          { id: 'wan', between: ['edge', 'cloud'], tech: 'ethernet', latency_ms: 1 },
        ],
        workload: { users: 2, per_user_rps: 1, arrivals: 'periodic', source: 'phone', sink: 'edge', requests: 10 },
        pipeline: [{ id: 'infer', compute_ms: 10, output_kb: 100 }],
        options: [
          {
            id: 'a',
            place: { infer: 'phone' },
            ...(telemetry ? { telemetry: { sample_rate: 1, kb: 100, to: 'edge' } } : {}),
          },
        ],
      }),
    );

  it("spends radio energy on every user's traffic, requests and telemetry", () => {
    // 2 users x 0.1 MB a second x 1 J/MB: 0.2 W for the requests, 0.2 W more with telemetry.
    expect(evaluateScenario(hub(false)).options[0].battery_hours.edge).toBeCloseTo(10 / 1.2, 9);
    expect(evaluateScenario(hub(true)).options[0].battery_hours.edge).toBeCloseTo(10 / 1.4, 9);
  });
});

describe("a component's utilisation", () => {
  it('of a per-user device is per device: the work over every detailed user’s device and the span', () => {
    // Four users, each sending a request a second of 10 ms on their phone: 1% each. The 220
    // requests (20 of warm-up, at least 50 a user: all four detailed) span 54 to 55 s, 55 a user.
    const scenario = threeOptions({
      workload: { users: 4, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 200 },
    });
    const [local] = evaluateScenario(scenarioFrom(scenario), { options: ['a'] }).options;
    expect(local.detailed_users).toBe(4);
    const phone = local.components.find((component) => component.id === 'phone')!.utilization;
    expect(phone).toBeGreaterThanOrEqual((220 * 10) / (4 * 55_000));
    expect(phone).toBeLessThanOrEqual((220 * 10) / (4 * 54_000));
  });

  it('of an autoscaled component is over the replicas it had on average', () => {
    // 100 users at a request a second of 10 ms on the cloud: one executor's worth of work,
    // which an autoscaler aiming at 50% spreads over about two replicas.
    const scenario = threeOptions({
      components: [
        { id: 'phone', kind: 'phone', hardware: 'box' },
        { id: 'edge', kind: 'edge', hardware: 'box' },
        { id: 'cloud', kind: 'cloud', hardware: 'box', replicas: { min: 1, max: 4, target_utilization: 0.5 } },
      ],
      workload: { users: 100, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 2000 },
    });
    const [remote] = evaluateScenario(scenarioFrom(scenario), { options: ['c'] }).options;
    const cloud = remote.components.find((component) => component.id === 'cloud')!.utilization;
    const replicas = remote.autoscaling![0].mean_replicas;
    expect(replicas).toBeGreaterThan(1.5);
    // Busy executors: utilisation times replicas, one executor's worth to within the edges of the span.
    expect(Math.abs(cloud * replicas - 1)).toBeLessThan(0.1);
  });
});

describe('evaluating without details', () => {
  const budgets = { latency_ms: { p95: 30 }, monthly_usd: 1000, success_rate: 0.9 };
  // The step's output crosses the links back to the phone, so that they carry something.
  const pipeline = [{ id: 'infer', compute_ms: 10, output_kb: 100 }];

  it('gives the same figures and verdicts, without the steps, links and caveats only a report reads', () => {
    const scenario = scenarioFrom(threeOptions({ budgets, pipeline }));
    const detailed = evaluateScenario(scenario).options;
    const lean = evaluateScenario(scenario, { details: false }).options;
    expect(detailed[2].steps.length).toBeGreaterThan(0);
    expect(detailed[2].links.length).toBeGreaterThan(0);
    lean.forEach((option, index) => {
      const { steps, links, warnings, ...figures } = option;
      const { steps: _steps, links: _links, warnings: _warnings, ...detailedFigures } = detailed[index];
      expect(figures).toEqual(detailedFigures);
      expect(steps).toEqual([]);
      expect(links).toEqual([]);
      expect(warnings).toEqual([]);
    });
  });

  it("keeps the links' figures where a budget limits their utilisation", () => {
    const scenario = scenarioFrom(threeOptions({ budgets: { ...budgets, link_utilization: 0.5 }, pipeline }));
    const detailed = evaluateScenario(scenario).options[2];
    const lean = evaluateScenario(scenario, { details: false }).options[2];
    expect(lean.links).toEqual(detailed.links);
    expect(lean.budgets).toEqual(detailed.budgets);
    expect(lean.budgets.some((verdict) => verdict.name.startsWith('link_utilization.'))).toBe(true);
  });
});
