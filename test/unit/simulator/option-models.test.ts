// Which model a step runs, option by option: a model of the option's own (options[].models), a
// cascade that escalates a share of requests to a second model elsewhere (options[].cascade),
// the accuracy budget, and whether the models an option keeps on a device fit its memory. Each
// on a small deterministic system worked out by hand.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, formatScenarioError, parseScenarioText, type ScenarioInput } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

// One user, one request a second. The phone captures (no time, 50 kB out) and the step `infer`
// runs `large` (2 GFLOP, 95% accurate) unless the option says otherwise; `small` is 0.1 GFLOP and
// 80% accurate. The phone does 1 GFLOP/s (small: 100 ms), the cloud 10 (large: 200 ms). LTE:
// 100 Mbit/s, 5 ms each way, $10 a GB.
const LTE: NonNullable<ScenarioInput['links']>[number] = {
  id: 'lte',
  between: ['phone', 'cloud'],
  tech: 'lte',
  mbps: 100,
  latency_ms: 5,
  energy_j_per_mb: 0,
  usd_per_gb: 10,
};

const phoneAndCloud = (overrides: Partial<ScenarioInput> = {}): ScenarioInput => ({
  placewise: 1,
  name: 'small on the phone, large in the cloud',
  hardware: {
    handset: { cores: 1, gflops: 1, ram_mb: 256, power_w: { idle: 1, active: 3 } },
    box: { cores: 1, gflops: 10 },
  },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'handset', battery_wh: 10 },
    { id: 'cloud', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
  ],
  links: [LTE],
  models: [
    { id: 'small', size_mb: 10, gflop: 0.1, accuracy: 0.8, updates_per_month: 2 },
    { id: 'large', size_mb: 300, gflop: 2, accuracy: 0.95, updates_per_month: 1 },
  ],
  workload: { users: 1, per_user_rps: 1, arrivals: 'periodic', source: 'phone', requests: 2000 },
  pipeline: [
    { id: 'capture', at: 'phone', compute_ms: 0, output_kb: 50 },
    { id: 'infer', model: 'large', output_kb: 1 },
  ],
  options: [
    { id: 'local', place: { infer: 'phone' }, models: { infer: 'small' } },
    { id: 'remote', place: { infer: 'cloud' } },
    {
      id: 'cascade',
      place: { infer: 'phone' },
      models: { infer: 'small' },
      cascade: { infer: { model: 'large', at: 'cloud', escalate_rate: 0.3 } },
    },
  ],
  ...overrides,
});

/** The errors of a scenario that must be refused, as `placewise` prints them for a file s.json. */
function errorsOf(input: ScenarioInput): string[] {
  const parsed = parseScenarioText(JSON.stringify(input));
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.errors.map((error) => formatScenarioError('s.json', error));
}

const byId = (results: ReturnType<typeof evaluateScenario>, id: string) =>
  results.options.find((option) => option.id === id)!;

// An escalated request: the first answer on the phone (100 ms), the step's 50 kB input to the
// cloud (4 ms serialisation + 5 ms), large there (200 ms), 1 kB back (0.08 ms + 5 ms).
const FIRST_MS = 100;
const ESCALATED_MS = 100 + 9 + 200 + 5.08;

// Each test simulates its own scenario (a few milliseconds) rather than sharing one run made at
// describe level: a run made outside any test is seen by no test in Stryker's per-test coverage,
// so the mutants it reaches would be left out as static (stryker.config.mjs).
const threeOptions = () => evaluateScenario(scenarioFrom(phoneAndCloud()));

describe("an option's own model for a step", () => {
  it("runs the option's model where the step is placed: its time, accuracy and battery", () => {
    const local = byId(threeOptions(), 'local');
    expect(local.steps).toEqual([
      { id: 'capture', at: 'phone', mean_ms: 0, share: 1 },
      { id: 'infer', at: 'phone', mean_ms: 100, share: 1 },
    ]);
    expect(local.latency_ms.max).toBeCloseTo(FIRST_MS, 9);
    expect(local.accuracy).toBeCloseTo(0.8, 12);
    // small keeps the phone 100 ms of each second busy (large would take 2 s): 1 W idle + 2 W x 0.1.
    const busy = local.components.find((component) => component.id === 'phone')!.utilization;
    expect(busy).toBeCloseTo(0.1, 3);
    expect(local.battery_hours.phone).toBeCloseTo(10 / (1 + 2 * busy), 9);
  });

  it("ships the option's model's updates, not the step's own model's", () => {
    const results = threeOptions();
    const local = byId(results, 'local');
    // small: 10 MB x 2 updates x 1 user = 0.02 GB over LTE at $10.
    expect(local.monthly_usd.updates).toBeCloseTo(0.2, 12);
    // The cloud keeps large itself: nothing to ship.
    expect(byId(results, 'remote').monthly_usd.updates).toBe(0);
    expect(byId(results, 'remote').accuracy).toBeCloseTo(0.95, 12);
  });

  it('is reported as unknown when it names a step or model that does not exist', () => {
    const input = phoneAndCloud({
      options: [{ id: 'local', place: { infer: 'phone' }, models: { infer: 'tiny', capture: 'small', nope: 'small' } }],
    });
    expect(errorsOf(input)).toEqual([
      "s.json: options[0].models.infer: unknown model 'tiny' (known: small, large) (line 1)",
      "s.json: options[0].models.capture: step 'capture' has a fixed compute_ms, not a model, so it has no model to replace (line 1)",
      "s.json: options[0].models.nope: unknown step 'nope' (known: capture, infer) (line 1)",
    ]);
  });
});

describe('a cascade (two-phase prediction)', () => {
  const cascadeOption = () => {
    const cascade = byId(threeOptions(), 'cascade');
    return { cascade, entry: cascade.cascade![0] };
  };

  it('gives each request the first answer or the escalated one, and nothing between', () => {
    const { cascade } = cascadeOption();
    const quantiles = cascade.latency_quantiles_ms;
    for (const latency of quantiles) {
      expect(Math.min(Math.abs(latency - FIRST_MS), Math.abs(latency - ESCALATED_MS))).toBeLessThan(1e-9);
    }
    // With 30% escalated, the median is a first answer and the p95 an escalated one.
    expect(cascade.latency_ms.p50).toBeCloseTo(FIRST_MS, 9);
    expect(cascade.latency_ms.p95).toBeCloseTo(ESCALATED_MS, 9);
  });

  it('has a mean latency that is the mixture of the two, weighted by the share escalated', () => {
    const { cascade, entry } = cascadeOption();
    // The share of measured requests that escalated, read from the mean of a two-point mixture.
    const share = (cascade.latency_ms.mean - FIRST_MS) / (ESCALATED_MS - FIRST_MS);
    // Binomial: 4.4 standard errors of 0.3 over the measured requests (99.999%).
    const bound = 4.4 * Math.sqrt((0.3 * 0.7) / cascade.requests);
    expect(Math.abs(share - 0.3)).toBeLessThan(bound);
    expect(Math.abs(entry.escalation_rate - 0.3)).toBeLessThan(4.4 * Math.sqrt((0.3 * 0.7) / cascade.completed));
    // The queueing estimate is the exact mixture (nothing waits).
    expect(cascade.analytic.mean_latency_ms).toBeCloseTo(FIRST_MS + 0.3 * (ESCALATED_MS - FIRST_MS), 9);
  });

  it("has the second model's accuracy for escalated requests and the first's for the others", () => {
    const { cascade, entry } = cascadeOption();
    expect(entry).toMatchObject({ step: 'infer', model: 'large', at: 'cloud', fell_back: 0, fell_back_share: 0 });
    const escalated = entry.escalations / cascade.completed;
    expect(cascade.accuracy).toBeCloseTo(0.8 + (0.95 - 0.8) * escalated, 12);
    // Where each ran: the first model for every request, the second for the escalated ones.
    expect(cascade.steps.filter((step) => step.id === 'infer')).toEqual([
      { id: 'infer', at: 'phone', mean_ms: 100, share: 1 },
      { id: 'infer', at: 'cloud', mean_ms: 200, share: escalated },
    ]);
  });

  it('keeps the first answer when the link to the second model is down, and counts it', () => {
    const offline = evaluateScenario(
      scenarioFrom(
        phoneAndCloud({
          links: [{ ...LTE, outages: { schedule: [[0, 1e6]] } }],
        }),
      ),
      { options: ['cascade'] },
    ).options[0];
    const [fellBack] = offline.cascade!;
    expect(fellBack.escalations).toBeGreaterThan(0);
    expect(fellBack.fell_back).toBe(fellBack.escalations);
    expect(fellBack.fell_back_share).toBe(1);
    expect(offline.success_rate).toBe(1);
    expect(offline.accuracy).toBeCloseTo(0.8, 12);
    expect(offline.latency_ms.max).toBeCloseTo(FIRST_MS, 9);
  });

  it('is reported when it names an unknown step, model or component', () => {
    const input = phoneAndCloud({
      options: [
        {
          id: 'c',
          place: { infer: 'phone' },
          cascade: {
            infer: { model: 'huge', at: 'edge', escalate_rate: 0.1 },
            nope: { model: 'large', at: 'cloud', escalate_rate: 1 },
          },
        },
      ],
    });
    expect(errorsOf(input)).toEqual([
      "s.json: options[0].cascade.infer.model: unknown model 'huge' (known: small, large) (line 1)",
      "s.json: options[0].cascade.infer.at: unknown component 'edge' (known: phone, cloud) (line 1)",
      "s.json: options[0].cascade.nope: unknown step 'nope' (known: capture, infer) (line 1)",
    ]);
  });
});

describe('the accuracy budget', () => {
  it('holds the mean accuracy of completed requests to a floor', () => {
    const results = evaluateScenario(scenarioFrom(phoneAndCloud({ budgets: { accuracy: 0.9 } })));
    const [local] = byId(results, 'local').budgets;
    const [remote] = byId(results, 'remote').budgets;
    expect(local).toMatchObject({ name: 'accuracy', limit: 0.9, value: byId(results, 'local').accuracy, pass: false });
    expect(local.value).toBeCloseTo(0.8, 12);
    expect(remote).toMatchObject({ name: 'accuracy', limit: 0.9, pass: true });
    expect(remote.value).toBeCloseTo(0.95, 12);
    expect(results.recommendation).toBe('remote');
  });

  it('fails when no model of the option has an accuracy to hold up', () => {
    const input = phoneAndCloud({ budgets: { accuracy: 0.9 } });
    input.models = input.models!.map(({ accuracy: _dropped, ...model }) => model);
    const [local] = evaluateScenario(scenarioFrom(input), { options: ['local'] }).options;
    expect(local.budgets).toEqual([{ name: 'accuracy', limit: 0.9, value: null, pass: false }]);
  });
});

describe('whether the models fit', () => {
  // The phone has 256 MB of RAM: large (300 MB) does not fit on it.
  const results = () =>
    evaluateScenario(
      scenarioFrom(
        phoneAndCloud({
          options: [
            { id: 'large-on-phone', place: { infer: 'phone' } },
            {
              id: 'cascade',
              place: { infer: 'phone' },
              models: { infer: 'small' },
              cascade: { infer: { model: 'large', at: 'cloud', escalate_rate: 0.3 } },
              fallback: { infer: { at: 'phone', model: 'small' } },
            },
          ],
          workload: { users: 1, per_user_rps: 0.1, arrivals: 'periodic', source: 'phone', requests: 50 },
        }),
      ),
    );

  it('fails an option whose models exceed a device memory, saying which and by how much', () => {
    const misfit = byId(results(), 'large-on-phone');
    expect(misfit.fit).toEqual([
      {
        component: 'phone',
        models: ['large'],
        size_mb: 300,
        ram_mb: 256,
        pass: false,
        reason: 'large 300 MB > phone 256 MB RAM',
      },
    ]);
    expect(misfit.budgets).toContainEqual({ name: 'fit.phone.ram_mb', limit: 256, value: 300, pass: false });
    expect(misfit.pass).toBe(false);
  });

  it('counts every model kept on a device once, fallback and cascade ones included', () => {
    const fits = byId(results(), 'cascade');
    expect(fits.fit).toEqual([
      { component: 'phone', models: ['small'], size_mb: 10, ram_mb: 256, pass: true },
      { component: 'cloud', models: ['large'], size_mb: 300, pass: true },
    ]);
    expect(fits.pass).toBe(true);
  });

  it('adds every model a device keeps and checks storage too', () => {
    const input = phoneAndCloud({
      hardware: { handset: { cores: 1, gflops: 1, ram_mb: 1000, storage_gb: 0.2 }, box: { cores: 1, gflops: 10 } },
      options: [
        {
          id: 'both',
          place: { infer: 'phone' },
          models: { infer: 'small' },
          cascade: { infer: { model: 'large', at: 'phone', escalate_rate: 0.1 } },
        },
      ],
      workload: { users: 1, per_user_rps: 0.1, arrivals: 'periodic', source: 'phone', requests: 20 },
    });
    const [both] = evaluateScenario(scenarioFrom(input)).options;
    expect(both.fit![0].reason).toBe('small 10 MB + large 300 MB > phone 0.2 GB storage');
    expect(both.budgets).toContainEqual({ name: 'fit.phone.storage_gb', limit: 0.2, value: 0.31, pass: false });
  });

  it('holds a device population to its smallest device, naming that tier', () => {
    const input = phoneAndCloud({
      hardware: {
        handset: { cores: 1, gflops: 1, ram_mb: 512 },
        old: { cores: 1, gflops: 1, ram_mb: 128 },
        box: { cores: 1, gflops: 10 },
      },
      components: [
        {
          id: 'phone',
          kind: 'phone',
          hardware_mix: [
            { hardware: 'handset', share: 0.7 },
            { hardware: 'old', share: 0.3 },
          ],
        },
        { id: 'cloud', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
      ],
      options: [
        { id: 'small-on-phone', place: { infer: 'phone' }, models: { infer: 'small' } },
        { id: 'large-on-phone', place: { infer: 'phone' } },
      ],
      workload: { users: 1, per_user_rps: 0.1, arrivals: 'periodic', source: 'phone', requests: 20 },
    });
    const results = evaluateScenario(scenarioFrom(input));
    expect(byId(results, 'small-on-phone').fit).toEqual([
      { component: 'phone', models: ['small'], size_mb: 10, ram_mb: 128, pass: true },
    ]);
    expect(byId(results, 'large-on-phone').fit![0]).toMatchObject({
      ram_mb: 128,
      pass: false,
      reason: 'large 300 MB > phone (old) 128 MB RAM',
    });
  });

  /** large (300 MB) alone on the phone, made of these handsets (one, or a mix of two halves). */
  const largeOn = (...handsets: { ram_mb?: number; storage_gb?: number }[]) => {
    const hardware = Object.fromEntries(
      handsets.map((limits, index) => [`h${index}`, { cores: 1, gflops: 1, ...limits }]),
    );
    const input = phoneAndCloud({
      hardware: { ...hardware, box: { cores: 1, gflops: 10 } },
      components: [
        handsets.length === 1
          ? { id: 'phone', kind: 'phone', hardware: 'h0' }
          : {
              id: 'phone',
              kind: 'phone',
              hardware_mix: handsets.map((_, index) => ({ hardware: `h${index}`, share: 0.5 })),
            },
        { id: 'cloud', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
      ],
      options: [{ id: 'large-on-phone', place: { infer: 'phone' } }],
      workload: { users: 1, per_user_rps: 0.1, arrivals: 'periodic', source: 'phone', requests: 20 },
    });
    return evaluateScenario(scenarioFrom(input)).options[0];
  };

  it('fits models exactly the size of the RAM and storage, and lists only the limits the device has', () => {
    const exact = largeOn({ ram_mb: 300, storage_gb: 0.3 });
    expect(exact.fit).toStrictEqual([
      { component: 'phone', models: ['large'], size_mb: 300, ram_mb: 300, storage_gb: 0.3, pass: true },
    ]);
    expect(exact.budgets).toEqual([]);
    // 300 MB in 1 GB of storage, with no RAM figure: no ram_mb key, not even an undefined one.
    expect(largeOn({ storage_gb: 1 }).fit).toStrictEqual([
      { component: 'phone', models: ['large'], size_mb: 300, storage_gb: 1, pass: true },
    ]);
    expect(largeOn({ ram_mb: 1000 }).fit).toStrictEqual([
      { component: 'phone', models: ['large'], size_mb: 300, ram_mb: 1000, pass: true },
    ]);
  });

  it('gives every limit a model set breaks, in one reason and one verdict each', () => {
    const over = largeOn({ ram_mb: 299, storage_gb: 0.299 });
    expect(over.fit![0].reason).toBe('large 300 MB > phone 299 MB RAM; large 300 MB > phone 0.299 GB storage');
    expect(over.budgets).toEqual([
      { name: 'fit.phone.ram_mb', limit: 299, value: 300, pass: false },
      { name: 'fit.phone.storage_gb', limit: 0.299, value: 0.3, pass: false },
    ]);
  });

  it("takes a population's tightest RAM among the tiers that state one", () => {
    // The first half's handset gives no RAM figure: the other's 256 MB is the limit.
    expect(largeOn({}, { ram_mb: 256 }).fit![0]).toMatchObject({
      ram_mb: 256,
      pass: false,
      reason: 'large 300 MB > phone (h1) 256 MB RAM',
    });
  });
});
