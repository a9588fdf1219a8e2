// The cost arithmetic of DESIGN.md section 2, checked against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

describe('monthly cost', () => {
  const scenario = scenarioFrom({
    placewise: 1,
    name: 'cost',
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 3, usd_per_hour: 0.2 },
      { id: 'spare', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 5, usd_per_hour: 1 },
    ],
    links: [
      { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', latency_ms: 1, usd_per_gb: 10 },
      { id: 'dc', between: ['cloud', 'spare'], tech: 'ethernet' },
    ],
    models: [
      { id: 'big', size_mb: 100, gflop: 1, updates_per_month: 2 },
      { id: 'small', size_mb: 20, gflop: 0.1, updates_per_month: 3 },
    ],
    workload: { users: 1000, per_user_rps: 0.1, hours_per_day: 2, source: 'phone', requests: 2000 },
    pipeline: [
      { id: 'prepare', at: 'phone', model: 'small', output_kb: 50 },
      { id: 'infer', model: 'big', output_kb: 2 },
    ],
    options: [
      { id: 'remote', place: { infer: 'cloud' }, telemetry: { sample_rate: 0.1, kb: 500, to: 'cloud' } },
      { id: 'local', place: { infer: 'phone' } },
      // The fallback runs `small` on the phone, which already holds it for `prepare`.
      { id: 'remote-fallback', place: { infer: 'cloud' }, fallback: { infer: { at: 'phone', model: 'small' } } },
    ],
  });
  // Each test runs the scenario itself, so that Stryker's per-test coverage sees which test
  // reaches which code (a run at describe level is reached by none).
  const options = () => evaluateScenario(scenario).options;
  // Requests per month = users x rps x 3600 x hours_per_day x 730 / 24.
  const requestsPerMonth = (1000 * 0.1 * 3600 * 2 * 730) / 24;

  it('charges shared compute only where the option runs a step', () => {
    const [remote, local] = options();
    expect(remote.monthly_usd.compute).toBeCloseTo(3 * 0.2 * 730, 9);
    expect(local.monthly_usd.compute).toBe(0);
  });

  it('charges traffic per gigabyte over priced links: 50 kB up and 2 kB back per request', () => {
    const [remote] = options();
    const gb = ((50 + 2) * requestsPerMonth) / 1e6;
    expect(remote.monthly_usd.network).toBeCloseTo(10 * gb, 6);
    expect(remote.links.find((link) => link.id === 'lte')?.gb_per_month).toBeGreaterThan(gb);
  });

  it('charges model updates shipped to every per-user holder', () => {
    const [remote, local] = options();
    // remote keeps only `small` on the phone; local keeps both.
    expect(remote.monthly_usd.updates).toBeCloseTo((10 * 20 * 3 * 1000) / 1000, 9);
    expect(local.monthly_usd.updates).toBeCloseTo((10 * (20 * 3 + 100 * 2) * 1000) / 1000, 9);
  });

  it('ships each model once to a holder that runs it for two steps', () => {
    const [, , remoteFallback] = options();
    expect(remoteFallback.monthly_usd.updates).toBeCloseTo((10 * 20 * 3 * 1000) / 1000, 9);
  });

  it('charges sampled telemetry', () => {
    const [remote] = options();
    expect(remote.monthly_usd.telemetry).toBeCloseTo((10 * 0.1 * 500 * requestsPerMonth) / 1e6, 6);
    expect(remote.monthly_usd.total).toBeCloseTo(
      remote.monthly_usd.compute +
        remote.monthly_usd.network +
        remote.monthly_usd.updates +
        remote.monthly_usd.telemetry,
      9,
    );
  });

  it('ships model updates from the cloud, even when another shared component comes first', () => {
    const updates = scenarioFrom({
      placewise: 1,
      name: 'update origin',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'edge', kind: 'edge', hardware: 'aws-c7i-xlarge' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
      ],
      links: [
        { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', usd_per_gb: 100 },
        { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', usd_per_gb: 10 },
      ],
      models: [{ id: 'small', size_mb: 20, gflop: 0.1, updates_per_month: 3 }],
      workload: { users: 1000, per_user_rps: 0.1, source: 'phone', requests: 200 },
      pipeline: [{ id: 'infer', at: 'phone', model: 'small' }],
      options: [{ id: 'local' }],
    });
    // 20 MB x 3 a month to each of 1,000 phones over LTE at 10 USD/GB.
    expect(evaluateScenario(updates).options[0].monthly_usd.updates).toBeCloseTo((10 * 20 * 3 * 1000) / 1000, 9);
  });

  it('ships updates from a shared edge server where there is no cloud', () => {
    const updates = scenarioFrom({
      placewise: 1,
      name: 'edge origin',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'edge', kind: 'edge', hardware: 'aws-c7i-xlarge' },
      ],
      links: [{ id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', usd_per_gb: 100 }],
      models: [{ id: 'small', size_mb: 20, gflop: 0.1, updates_per_month: 3 }],
      workload: { users: 1000, per_user_rps: 0.1, source: 'phone', requests: 200 },
      pipeline: [{ id: 'infer', at: 'phone', model: 'small' }],
      options: [{ id: 'local' }],
    });
    // 20 MB x 3 a month to each of 1,000 phones over wifi at 100 USD/GB.
    expect(evaluateScenario(updates).options[0].monthly_usd.updates).toBeCloseTo((100 * 20 * 3 * 1000) / 1000, 9);
  });

  it('ships no updates where nothing shared could send them', () => {
    const alone = scenarioFrom({
      placewise: 1,
      name: 'phone alone',
      components: [{ id: 'phone', kind: 'phone', hardware: 'phone-midrange' }],
      models: [{ id: 'small', size_mb: 20, gflop: 0.1, updates_per_month: 3 }],
      workload: { users: 1000, per_user_rps: 0.1, source: 'phone', requests: 200 },
      pipeline: [{ id: 'infer', at: 'phone', model: 'small' }],
      options: [{ id: 'local' }],
    });
    expect(evaluateScenario(alone).options[0].monthly_usd).toEqual({
      total: 0,
      compute: 0,
      network: 0,
      updates: 0,
      telemetry: 0,
    });
  });

  it('ships no updates to a shared holder, nor of a model that is never updated', () => {
    const held = scenarioFrom({
      placewise: 1,
      name: 'shared holder',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
        { id: 'edge', kind: 'edge', hardware: 'aws-c7i-xlarge' },
      ],
      links: [
        { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', usd_per_gb: 10 },
        { id: 'dc', between: ['cloud', 'edge'], tech: 'ethernet', usd_per_gb: 10 },
      ],
      models: [
        { id: 'fixed', size_mb: 20, gflop: 0.1 },
        { id: 'big', size_mb: 100, gflop: 1, updates_per_month: 2 },
      ],
      workload: { users: 1000, per_user_rps: 0.1, source: 'phone', requests: 200 },
      pipeline: [
        { id: 'prepare', at: 'phone', model: 'fixed', output_kb: 0 },
        { id: 'infer', at: 'edge', model: 'big', output_kb: 0 },
      ],
      options: [{ id: 'split' }],
    });
    expect(evaluateScenario(held).options[0].monthly_usd.updates).toBe(0);
  });
});
