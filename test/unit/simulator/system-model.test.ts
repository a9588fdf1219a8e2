// The system model a scenario compiles to, read field by field: servers, serverless pricing and
// its defaults, autoscaling in milliseconds, shared links, routes, and the load profile's rates.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { buildSystemModel, resolveHardware, SERVERLESS_DEFAULTS } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

function modelOf(change: (input: ScenarioInput) => void = () => {}) {
  const input: ScenarioInput = {
    placewise: 1,
    name: 'system model',
    hardware: { twin: { cores: 2, gflops: 10 } },
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 3 },
      { id: 'fn', kind: 'serverless', hardware: 'twin' },
      { id: 'spare', kind: 'cloud', hardware: 'twin' },
    ],
    links: [
      { id: 'lte', between: ['phone', 'cloud'], tech: 'lte' },
      { id: 'dc', between: ['cloud', 'fn'], tech: 'ethernet' },
    ],
    workload: { users: 10, per_user_rps: 0.5, source: 'phone', requests: 100 },
    pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 1 }],
    options: [{ id: 'only' }],
  };
  change(input);
  return buildSystemModel(scenarioFrom(input));
}

describe('hardware', () => {
  it('is the scenario’s own profile or the library’s, labelled; an unknown id is an error naming it', () => {
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'hardware',
      hardware: { twin: { cores: 2, gflops: 10 } },
      components: [{ id: 'box', kind: 'cloud', hardware: 'twin' }],
      workload: { users: 1, per_user_rps: 1, source: 'box', requests: 10 },
      pipeline: [{ id: 'infer', at: 'box', compute_ms: 1 }],
      options: [{ id: 'only' }],
    });
    expect(resolveHardware(scenario, 'twin')).toEqual({ label: 'twin', cores: 2, gflops: 10 });
    expect(resolveHardware(scenario, 'aws-c7i-xlarge').cores).toBe(4);
    expect(() => resolveHardware(scenario, 'abacus')).toThrow("unknown hardware 'abacus'");
  });
});

describe('components', () => {
  it('give a shared component its hardware’s cores on every replica', () => {
    const cloud = modelOf().components[1];
    expect([cloud.cores, cloud.replicas, cloud.servers]).toEqual([4, 3, 12]);
  });

  it('give a serverless function one core per instance, as many servers as its concurrency, and the default prices', () => {
    const fn = modelOf().components[2];
    expect(fn.cores).toBe(1);
    expect(fn.executor.gflops).toBe(10);
    expect(fn.servers).toBe(SERVERLESS_DEFAULTS.concurrency);
    expect(fn.serverless).toMatchObject({
      usdPerMillion: SERVERLESS_DEFAULTS.usdPerMillion,
      usdPerGbS: SERVERLESS_DEFAULTS.usdPerGbS,
      memoryGb: SERVERLESS_DEFAULTS.memoryGb,
      keepWarmMs: SERVERLESS_DEFAULTS.keepWarmS * 1000,
      concurrency: SERVERLESS_DEFAULTS.concurrency,
    });
    expect(fn.serverless!.coldStart.mean).toBe(0);
    expect(modelOf().components[1].serverless).toBeUndefined();
  });

  it('keep a serverless function’s own prices, memory, keep-warm time, concurrency and cold start', () => {
    const fn = modelOf((input) =>
      Object.assign(input.components[2], {
        usd_per_million: 0.4,
        usd_per_gb_s: 0.00002,
        memory_gb: 1,
        keep_warm_s: 30,
        concurrency: 7,
        cold_start_ms: 250,
      }),
    ).components[2];
    expect(fn.serverless).toMatchObject({
      usdPerMillion: 0.4,
      usdPerGbS: 0.00002,
      memoryGb: 1,
      keepWarmMs: 30_000,
      concurrency: 7,
    });
    expect(fn.serverless!.coldStart.mean).toBe(250);
    expect(fn.servers).toBe(7);
  });

  it('take an autoscaler’s interval in milliseconds, and start it at its minimum', () => {
    const cloud = modelOf(
      (input) => (input.components[1].replicas = { min: 2, max: 5, target_utilization: 0.6, scale_interval_s: 15 }),
    ).components[1];
    expect(cloud.autoscaling).toMatchObject({ min: 2, max: 5, targetUtilization: 0.6, intervalMs: 15_000 });
    expect([cloud.replicas, cloud.servers]).toEqual([2, 8]);
  });
});

describe('links and routes', () => {
  it('make a link shared only between two shared components', () => {
    const [lte, dc] = modelOf().links;
    expect([lte.shared, dc.shared]).toEqual([false, true]);
  });

  it('leave no route to a component no link reaches', () => {
    const system = modelOf();
    expect(system.routes[0][2]).toEqual([
      { link: 0, direction: 0, to: 1 },
      { link: 1, direction: 0, to: 2 },
    ]);
    expect(system.routes[2][0]).toEqual([
      { link: 1, direction: 1, to: 1 },
      { link: 0, direction: 1, to: 0 },
    ]);
    expect(system.routes[0][3]).toBeUndefined();
  });
});

describe('the load profile', () => {
  const profile = [1, 4, 2, ...Array(21).fill(0)];

  it('runs the simulation at its busiest hour and counts the month by its total multiplier', () => {
    const system = modelOf((input) => (input.workload.load_profile = profile));
    expect(system.perUserRps).toBe(0.5 * 4);
    // 10 users x 0.5 requests per second x 3600 s x (1 + 4 + 2) hours x 730 / 24 days.
    expect(system.requestsPerMonth).toBeCloseTo((10 * 0.5 * 3600 * 7 * 730) / 24, 6);
    expect(system.hourlyAcceptance).toBeUndefined();
  });

  it('thins Poisson arrivals hour by hour, by each hour’s share of the busiest, in a duration run only', () => {
    const duration = (arrivals: 'poisson' | 'periodic') =>
      modelOf((input) => {
        input.workload = { ...input.workload, load_profile: profile, arrivals, duration_s: 60, requests: undefined };
      });
    expect(duration('poisson').hourlyAcceptance).toEqual([0.25, 1, 0.5, ...Array(21).fill(0)]);
    expect(duration('periodic').hourlyAcceptance).toBeUndefined();
  });

  it('is 24 hours a day of the same rate without one, or hours_per_day of it', () => {
    expect(modelOf().requestsPerMonth).toBeCloseTo((10 * 0.5 * 3600 * 24 * 730) / 24, 6);
    expect(modelOf((input) => (input.workload.hours_per_day = 8)).requestsPerMonth).toBeCloseTo(
      (10 * 0.5 * 3600 * 8 * 730) / 24,
      6,
    );
  });
});
