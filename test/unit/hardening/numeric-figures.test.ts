// No null where a number is promised (issue 16, point 3): costs and traffic are finite or the
// input is refused; an option whose requests all fail has no latency fields, and says why.
import { describe, expect, test } from 'vitest';
import {
  evaluateScenario,
  resultsForJson,
  SCENARIO_LIMITS,
  type ScenarioInput,
  validateScenario,
} from '../../../simulator';
import { scenarioFrom } from '../simulator/queue-scenarios';

function glassesAndCloud(change: (input: ScenarioInput) => void = () => {}): ScenarioInput {
  const input: ScenarioInput = {
    placewise: 1,
    name: 'glasses and cloud',
    seed: 4,
    hardware: { glass: { cores: 1, gflops: 2, power_w: { idle: 0.3, active: 2 } } },
    components: [
      { id: 'glasses', kind: 'wearable', hardware: 'glass', battery_wh: 2 },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 2, usd_per_hour: 0.2 },
    ],
    links: [{ id: 'net', between: ['glasses', 'cloud'], tech: 'lte', latency_ms: 20, usd_per_gb: 10 }],
    models: [{ id: 'big', size_mb: 300, gflop: 5, updates_per_month: 2 }],
    workload: { users: 1000, per_user_rps: 0.5, source: 'glasses', requests: 2000 },
    pipeline: [{ id: 'translate', model: 'big', output_kb: 1 }],
    budgets: { latency_ms: { p95: 500 }, battery_hours: 2 },
    options: [
      { id: 'remote', place: { translate: 'cloud' } },
      { id: 'local', place: { translate: 'glasses' } },
    ],
  };
  change(input);
  return input;
}

describe('an option whose every request fails', () => {
  const scenario = scenarioFrom(
    glassesAndCloud((input) => (input.links![0].outages = { every_s: 0.001, lasting_s: 1e9 })),
  );
  const results = evaluateScenario(scenario);
  const remote = resultsForJson(results).options[0];

  test('has no latency fields in the JSON, rather than nulls', () => {
    expect(remote.latency_ms).toEqual({});
    expect(JSON.stringify(resultsForJson(results))).not.toMatch(/"(mean|p50|p90|p95|p99|max)":null/);
  });

  test('says why', () => {
    expect(remote.warnings).toContain('every request failed, so there is no latency: link net is always down');
  });

  test('fails its latency budget, whose value is the documented null', () => {
    expect(remote.budgets.find((verdict) => verdict.name === 'latency_ms.p95')).toEqual({
      name: 'latency_ms.p95',
      limit: 500,
      value: null,
      pass: false,
    });
  });

  test('leaves the option that completes its requests as it was', () => {
    const local = resultsForJson(results).options[1];
    expect(Object.keys(local.latency_ms)).toEqual(['mean', 'p50', 'p90', 'p95', 'p99', 'max', 'ci95']);
  });
});

describe('costs and traffic', () => {
  test('a model too large to cost is refused, saying why', () => {
    const parsed = validateScenario(glassesAndCloud((input) => (input.models![0].size_mb = 1e300)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: 'models[0].size_mb', message: 'must be at most 1e15: larger figures would overflow the results' },
    ]);
  });

  test('at the largest figures the format allows, stay finite', () => {
    const largest = SCENARIO_LIMITS.largestFigure;
    const scenario = scenarioFrom(
      glassesAndCloud((input) => {
        input.models![0].size_mb = largest;
        input.models![0].updates_per_month = largest;
        input.links![0].usd_per_gb = largest;
        input.components[1].usd_per_hour = largest;
        input.options[0].telemetry = { sample_rate: 1, kb: largest, to: 'cloud' };
        input.workload.users = 1_000_000;
        input.workload.requests = 1000;
      }),
    );
    const results = evaluateScenario(scenario, { fidelity: 'preview' });
    for (const option of results.options) {
      for (const figure of Object.values(option.monthly_usd)) expect(Number.isFinite(figure)).toBe(true);
      for (const link of option.links) expect(Number.isFinite(link.gb_per_month)).toBe(true);
    }
  });
});

describe('battery', () => {
  test('a device that draws no power has no battery figure and a warning, not infinity (null in JSON)', () => {
    const scenario = scenarioFrom(
      glassesAndCloud((input) => {
        input.hardware!.glass.power_w = { idle: 0, active: 0 };
        input.links![0].energy_j_per_mb = 0;
      }),
    );
    const remote = evaluateScenario(scenario).options[0];
    expect(remote.battery_hours).toEqual({});
    expect(remote.warnings).toContain(
      'glasses draws no power in this option (its power_w is 0 and it sends nothing), so its battery never runs down',
    );
  });
});
