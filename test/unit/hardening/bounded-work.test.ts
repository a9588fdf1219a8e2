// Bounded time and memory (issue 16, point 2): figures that would take unbounded work are refused
// saying why, and the engine's loops (outages, autoscaling, background users) are bounded by
// arithmetic, whatever the periods and counts.
import { describe, expect, test } from 'vitest';
import { evaluateScenario, SCENARIO_LIMITS, type ScenarioInput, validateScenario } from '../../../simulator';
import { alternatingOutages } from '../../../simulator/engine/outage-process';
import { limitText } from '../../../simulator/scenario/limits';
import { scenarioFrom } from '../simulator/queue-scenarios';

/** A phone calling a shared cloud over one link: the shape most figures below are about. */
function phoneAndCloud(change: (input: ScenarioInput) => void = () => {}): ScenarioInput {
  const input: ScenarioInput = {
    placewise: 1,
    name: 'phone and cloud',
    seed: 2,
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 4, usd_per_hour: 0.2 },
    ],
    links: [{ id: 'net', between: ['phone', 'cloud'], tech: 'lte', latency_ms: 20 }],
    workload: { users: 100, per_user_rps: 1, source: 'phone', requests: 2000 },
    pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 5, output_kb: 1 }],
    options: [{ id: 'remote' }],
  };
  change(input);
  return input;
}

function refusedAt(input: ScenarioInput): { path: string; message: string }[] {
  const parsed = validateScenario(input);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.errors.map(({ path, message }) => ({ path, message }));
}

describe('outages', () => {
  test('lasting 0 s is refused, saying why', () => {
    const errors = refusedAt(phoneAndCloud((input) => (input.links![0].outages = { every_s: 60, lasting_s: 0 })));
    expect(errors).toEqual([
      {
        path: 'links[0].outages.lasting_s',
        message: expect.stringMatching(/^an outage period must last at least 1 µs .*unbounded work to simulate$/),
      },
    ]);
  });

  test('of a microsecond, far shorter than the gaps between requests, answer with the long-run share', () => {
    // One request every 100 s; the link flips every microsecond and is down half the time: a
    // request crosses it there and back, and fails unless it finds it up both times.
    const scenario = scenarioFrom(
      phoneAndCloud((input) => {
        input.workload = { users: 1, per_user_rps: 0.01, source: 'phone', requests: 2000 };
        input.links![0].outages = { every_s: { exponential: 0.000001 }, lasting_s: { exponential: 0.000001 } };
      }),
    );
    const option = evaluateScenario(scenario).options[0];
    const requests = option.completed + option.failed;
    expect(Math.abs(option.failed / requests - 0.75)).toBeLessThanOrEqual(4 * Math.sqrt((0.75 * 0.25) / requests));
  });

  test('a query where the clock cannot resolve the periods answers in the long-run state', () => {
    // At 10^13 ms a double steps by about 0.002 ms: a 1 µs period added to it is rounded to a
    // whole step (or, at 2 x 10^13, to nothing), so stepping period by period from there would
    // get the share wrong, or never reach the query.
    const instances = 4000;
    const outages = alternatingOutages(0.000001, 0.000003, instances, 9, 'net');
    let down = 0;
    for (let instance = 0; instance < instances; instance++) {
      for (const time of [1e13, 1e13 + 1, 2e13]) down += outages.isDown(instance, time) ? 1 : 0;
      expect(outages.nextChange(instance, 2e13)).toBeGreaterThan(2e13);
    }
    const share = down / (3 * instances);
    expect(Math.abs(share - 0.75)).toBeLessThanOrEqual(4 * Math.sqrt((0.75 * 0.25) / instances));
  });
});

describe('counts beyond what a run holds are refused, saying why', () => {
  // Whole numbers are grouped without Intl (its first call costs every start some 35 ms).
  test('a limit is written as en-US writes it, or in exponent form from a billion', () => {
    for (const value of [0, 7, 999, 1000, 1024, 65_536, 999_999, 1_000_000, 123_456_789, -1234, 0.25, 1e-6]) {
      expect(limitText(value), String(value)).toBe(value.toLocaleString('en-US'));
    }
    expect(limitText(1e12)).toBe('1e12');
  });
  const limits = SCENARIO_LIMITS;
  const cases: [string, (input: ScenarioInput) => void, string, RegExp][] = [
    ['users', (input) => (input.workload.users = limits.users + 1), 'workload.users', /^at most 100,000,000 users/],
    [
      'requests',
      (input) => (input.workload.requests = limits.requests + 1),
      'workload.requests',
      /^10,000,001 requests are more than a run holds: at most 10,000,000 per option$/,
    ],
    [
      'users x requests',
      (input) => {
        input.workload.users = 10_000_000;
        input.workload.requests = 1_000_000;
      },
      'workload.requests',
      /users x requests is at most 1e12/,
    ],
    [
      'a duration run of every user',
      (input) => {
        input.workload = { users: 1_000_000, per_user_rps: 10, source: 'phone', duration_s: 3600 };
      },
      'workload.duration_s',
      /^a duration run simulates every user's requests: 3.6e10 at the busiest rate, more than the 100,000,000/,
    ],
    [
      'executors of a shared component',
      (input) => (input.components[1].replicas = 30_000),
      'components[1].replicas',
      /^120,000 executors \(replicas x cores\) are more than a run holds/,
    ],
    [
      'cores of a device',
      (input) => (input.components[0].cores = 4096),
      'components[0].cores',
      /^a per-user device has at most 1,024 cores/,
    ],
    [
      'an empirical list',
      (input) => (input.pipeline[0].compute_ms = { empirical: Array(limits.listLength + 1).fill(1) }),
      'pipeline[0].compute_ms.empirical',
      /^a list has at most 10,000 entries$/,
    ],
    ['a long text', (input) => (input.name = 'x'.repeat(limits.textLength + 1)), 'name', /^a text has at most 10,000/],
    [
      'a figure too large',
      (input) => (input.workload.per_user_rps = 1e16),
      'workload.per_user_rps',
      /^must be at most 1e15: larger figures would overflow the results$/,
    ],
    [
      'a divisor too small',
      (input) => (input.links![0].mbps = 1e-12),
      'links[0].mbps',
      /^must be at least 1e-9: smaller figures are below what a run resolves$/,
    ],
  ];
  for (const [name, change, path, message] of cases) {
    test(name, () => {
      expect(refusedAt(phoneAndCloud(change))).toEqual([{ path, message: expect.stringMatching(message) }]);
    });
  }
});

describe('within the limits, the engine bounds its own work', () => {
  test('a hundred million users: more are detailed so that the background stays bounded, and the results say so', () => {
    // Each phone is half busy showing the answers (500 ms of work a second), so its queue takes
    // 0.5 / (1 - sqrt(0.5))^2 = 5.83 arrivals to settle: preview's 2 of those for 500 requests
    // ask for 43 users.
    const scenario = scenarioFrom(
      phoneAndCloud((input) => {
        input.workload.users = 100_000_000;
        input.pipeline.push({ id: 'show', at: 'phone', compute_ms: 500 });
      }),
    );
    const option = evaluateScenario(scenario, { requests: 500, fidelity: 'preview' }).options[0];
    // 550 arrivals: 20,000,000 background arrivals at most, so 100,000,000 x 550 / (2e7 + 550) detailed users.
    expect(option.detailed_users).toBe(Math.ceil((100_000_000 * 550) / (20_000_000 + 550)));
    expect(option.warnings).toContainEqual(
      expect.stringMatching(/^2750 users were simulated in detail rather than the 43 their devices' queues need/),
    );
    expect(Number.isFinite(option.latency_ms.p95)).toBe(true);
  });

  test('an autoscaler with a tiny interval over a long run decides at most a million times, and says so', () => {
    const scenario = scenarioFrom(
      phoneAndCloud((input) => {
        input.components[1].replicas = { min: 1, max: 4, target_utilization: 0.5, scale_interval_s: 0.000001 };
        input.workload = { users: 1, per_user_rps: 0.01, source: 'phone', requests: 1000 };
      }),
    );
    const option = evaluateScenario(scenario).options[0];
    expect(option.warnings).toContainEqual(
      expect.stringMatching(/^the autoscaler of cloud decided every 0\.165 s rather than every scale_interval_s/),
    );
  });
});
