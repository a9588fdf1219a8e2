// The analytic formulas at their edges, against values worked out by hand (the engine's checks
// against queueing theory are in queueing-theory.test.ts and queueing-estimate.test.ts).
import { describe, expect, it } from 'vitest';
import { meanWait } from '../../../simulator/analytic/erlang';
import { batchedSteps, busyExecutors } from '../../../simulator/analytic/option-estimate';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import type { AnalyticEstimate } from '../../../simulator/results';
import { estimateOf, scenarioFrom } from './queue-scenarios';

describe('mean wait of an M/G/c station', () => {
  it('is nothing without load, even on no servers (an autoscaled pool scaled to zero)', () => {
    expect(meanWait(0, 0, 10, 1)).toBe(0);
  });

  it('is endless at full load, also when arrivals and service are both regular', () => {
    // Offered load 0.1/ms x 10 ms = 1 on one server: saturated. The M/M/c wait is S / 0 there, and
    // the D/D/1 factor (0 + 0) / 2 must not turn it into 0 x Infinity = NaN.
    expect(meanWait(1, 0.1, 10, 0, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the Pollaczek-Khinchine wait for one server', () => {
    // M/D/1 at rho = 0.7, S = 10 ms: Wq = rho S / (2 (1 - rho)) = 7 / 0.6 ms.
    expect(meanWait(1, 0.07, 10, 0)).toBeCloseTo(7 / 0.6, 9);
  });
});

const BOX = { box: { cores: 1, gflops: 1 } };
// Two cores of 1 GFLOP/s each: a 0.01-GFLOP inference takes 10 ms on one.
const TWO_CORE_BOX = { box: { cores: 2, gflops: 2 } };
const MODEL = { id: 'm', size_mb: 1, gflop: 0.01, batch_curve: [[4, 2]] as [number, number][] };

describe('the queueing estimate of an option', () => {
  it('keeps every link apart, and a hop that carries nothing queues for nothing', () => {
    // 20 requests/s along a -> b -> c, all constant service (M/D/1: Wq = rho S / (2 (1 - rho))).
    // a: 10 ms, rho 0.2, Wq 1.25 ms. a-b: 5 kB at 8 Mbit/s = 5 ms, rho 0.1, Wq 5/18 ms, then 2 ms.
    // b: 20 ms, rho 0.4, Wq 20/3 ms. b-c carries 0 kB: no serialisation, no wait, 3 ms latency.
    // c: 5 ms, rho 0.1, Wq 5/18 ms.
    const estimate = estimateOf({
      placewise: 1,
      name: 'chain',
      hardware: BOX,
      components: ['a', 'b', 'c'].map((id) => ({ id, kind: 'cloud' as const, hardware: 'box' })),
      links: [
        { id: 'a-b', between: ['a', 'b'], tech: 'ethernet', mbps: 8, latency_ms: 2 },
        { id: 'b-c', between: ['b', 'c'], tech: 'ethernet', mbps: 8, latency_ms: 3 },
      ],
      workload: { users: 1, per_user_rps: 20, source: 'a', sink: 'c', requests: 10 },
      pipeline: [
        { id: 'first', at: 'a', compute_ms: 10, output_kb: 5 },
        { id: 'second', at: 'b', compute_ms: 20, output_kb: 0 },
        { id: 'third', at: 'c', compute_ms: 5 },
      ],
      options: [{ id: 'only' }],
    });
    expect(estimate.links).toEqual([
      { id: 'a-b', direction: 'a->b', utilization: expect.closeTo(0.1, 9), arrival_rps: 20 },
      { id: 'b-c', direction: 'b->c', utilization: 0, arrival_rps: 20 },
    ]);
    expect(estimate.components.map((station) => station.mean_response_ms)).toEqual([
      expect.closeTo(11.25, 9),
      expect.closeTo(20 + 20 / 3, 9),
      expect.closeTo(5 + 5 / 18, 9),
    ]);
    expect(estimate.mean_latency_ms).toBeCloseTo(11.25 + 5 / 18 + 5 + 2 + (20 + 20 / 3) + 3 + (5 + 5 / 18), 9);
  });

  it('lets a batch form at the whole rate of the misses that reach it', () => {
    // 2 users x 200 requests/s; half hit the cache, so 200 inferences/s reach the batcher, in
    // batches of 4 taking 2 x 10 ms: 5 ms of work each, one of the two cores busy. A batch fills
    // in 3 / 200 s, a request waits half that (7.5 ms), then 20 ms. M/D/2 at a = 1: Erlang C 1/3,
    // Wq = 1/3 x 5 / (2 - 1) / 2 = 5/6 ms. A hit costs nothing.
    const estimate = estimateOf({
      placewise: 1,
      name: 'batches behind a cache',
      hardware: TWO_CORE_BOX,
      components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
      models: [MODEL],
      workload: { users: 2, per_user_rps: 200, source: 'cloud', requests: 10 },
      pipeline: [{ id: 'infer', at: 'cloud', model: 'm' }],
      options: [
        {
          id: 'batched',
          batching: { cloud: { max_batch: 4, max_wait_ms: 50 } },
          cache: { infer: { at: 'cloud', hit_rate: 0.5 } },
        },
      ],
    });
    expect(estimate.components[0]).toMatchObject({ servers: 2, arrival_rps: 200 });
    expect(estimate.components[0].service_ms).toBeCloseTo(5, 9);
    expect(estimate.mean_latency_ms).toBeCloseTo(0.5 * (5 / 6 + 7.5 + 20), 9);
  });

  it('settles an autoscaler on whole replicas, each with all its cores', () => {
    // 300 inferences/s of 10 ms keep 3 cores busy; at a 50% target that takes 6 cores: three
    // replicas of two.
    const estimate = estimateOf({
      placewise: 1,
      name: 'two-core replicas',
      hardware: TWO_CORE_BOX,
      components: [
        { id: 'cloud', kind: 'cloud', hardware: 'box', replicas: { min: 1, max: 10, target_utilization: 0.5 } },
      ],
      models: [MODEL],
      workload: { users: 1, per_user_rps: 300, source: 'cloud', requests: 10 },
      pipeline: [{ id: 'infer', at: 'cloud', model: 'm' }],
      options: [{ id: 'plain' }],
    });
    expect(estimate.components[0].servers).toBe(6);
    expect(estimate.components[0].utilization).toBeCloseTo(0.5, 9);
  });

  it('batches the model steps of the options that batch their component, and no other step', () => {
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'a step, then a batch',
      hardware: TWO_CORE_BOX,
      components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
      models: [MODEL],
      workload: { users: 1, per_user_rps: 100, source: 'cloud', requests: 10 },
      pipeline: [
        { id: 'prepare', at: 'cloud', compute_ms: 2 },
        { id: 'infer', at: 'cloud', model: 'm' },
      ],
      options: [{ id: 'batched', batching: { cloud: { max_batch: 4, max_wait_ms: 50 } } }, { id: 'plain' }],
    });
    const system = buildSystemModel(scenario);
    expect(scenario.options.map((option) => batchedSteps(system, buildOptionPlan(system, option)))).toEqual([
      [false, true],
      [false, false],
    ]);
  });

  it('counts the executors an estimate keeps busy on a component, and none on one it does not load', () => {
    const estimate: AnalyticEstimate = {
      components: [{ id: 'a', servers: 2, arrival_rps: 50, service_ms: 30, utilization: 0.75, mean_response_ms: 60 }],
      links: [],
      mean_latency_ms: 60,
    };
    expect(busyExecutors(estimate, 'a')).toBeCloseTo(1.5, 12);
    expect(busyExecutors(estimate, 'b')).toBe(0);
  });
});
