// The instant queueing estimate (simulator/analytic) on small systems worked out by hand: every
// station's load, servers, utilisation and response, the links' serialisation queues, periodic
// arrivals, caches, batches, autoscaling, saturation, and the walk of a request where links fail.
import { describe, expect, it } from 'vitest';
import { estimateScenario, type ScenarioInput } from '../../../simulator';
import { walkOption } from '../../../simulator/analytic/request-walk';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { estimateOf, scenarioFrom, singleStation } from './queue-scenarios';

const BOX = { box: { cores: 1, gflops: 1 } };

/** Every number of `actual` equal to `expected`'s to 9 decimals, with the same keys. */
function expectFigures(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') {
    expect(actual).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    expect(actual).toHaveLength(expected.length);
    expected.forEach((entry, index) => expectFigures((actual as unknown[])[index], entry));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectFigures((actual as Record<string, unknown>)[key], value);
  } else {
    expect(actual).toBe(expected);
  }
}

describe('the queueing estimate', () => {
  it('adds up M/M/1 and M/D/1 stations and a link serialiser in tandem', () => {
    // 20 requests/s: a runs 10 ms exponential (rho 0.2, response 10 / 0.8 = 12.5 ms); 5 kB over
    // 8 Mbit/s take 5 ms (rho 0.1, M/D/1 wait 0.1 x 5 / 0.9 / 2 = 5/18 ms) plus 2 ms latency;
    // b runs 20 ms constant (rho 0.4, M/D/1 wait 0.4 x 20 / 0.6 / 2 = 20/3 ms).
    const estimate = estimateOf({
      placewise: 1,
      name: 'tandem',
      hardware: BOX,
      components: [
        { id: 'a', kind: 'cloud', hardware: 'box' },
        { id: 'b', kind: 'cloud', hardware: 'box' },
        { id: 'unused', kind: 'cloud', hardware: 'box' },
      ],
      links: [
        { id: 'a-b', between: ['a', 'b'], tech: 'ethernet', mbps: 8, latency_ms: 2 },
        { id: 'b-unused', between: ['b', 'unused'], tech: 'ethernet' },
      ],
      workload: { users: 1, per_user_rps: 20, source: 'a', sink: 'b', requests: 10 },
      pipeline: [
        { id: 'first', at: 'a', compute_ms: { exponential: 10 }, output_kb: 5 },
        { id: 'second', at: 'b', compute_ms: 20 },
      ],
      options: [{ id: 'only' }],
    });
    expectFigures(estimate, {
      components: [
        { id: 'a', servers: 1, arrival_rps: 20, service_ms: 10, utilization: 0.2, mean_response_ms: 12.5 },
        { id: 'b', servers: 1, arrival_rps: 20, service_ms: 20, utilization: 0.4, mean_response_ms: 20 + 20 / 3 },
      ],
      links: [{ id: 'a-b', direction: 'a->b', utilization: 0.1, arrival_rps: 20 }],
      mean_latency_ms: 12.5 + 5 / 18 + 5 + 2 + 20 + 20 / 3,
    });
  });

  it('takes periodic arrivals as evenly spaced, per-user stations at one user’s rate, and caches as fewer visits', () => {
    // 10 users, each every 200 ms. The phone (one per user) runs 4 ms: no wait when arrivals and
    // service are both regular. Half the requests find `infer` in the phone's cache; the other
    // half cross LTE (10 kB at 10 Mbit/s: 8 ms, then 30 ms), run 40 ms exponential on the
    // cloud's 2 cores (25 requests/s: a = 1, Erlang C 1/3, M/M/2 wait 40/3 ms, halved for regular
    // arrivals: 20/3 ms) and come back (1 kB: 0.8 ms, then 30 ms).
    const estimate = estimateOf({
      placewise: 1,
      name: 'periodic and cached',
      hardware: BOX,
      components: [
        { id: 'phone', kind: 'phone', hardware: 'box' },
        { id: 'cloud', kind: 'cloud', hardware: 'box', cores: 2 },
      ],
      links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 10, latency_ms: 30 }],
      workload: { users: 10, per_user_rps: 5, arrivals: 'periodic', source: 'phone', requests: 10 },
      pipeline: [
        { id: 'prep', at: 'phone', compute_ms: 4, output_kb: 10 },
        { id: 'infer', compute_ms: { exponential: 40 }, output_kb: 1 },
      ],
      options: [{ id: 'cached', place: { infer: 'cloud' }, cache: { infer: { at: 'phone', hit_rate: 0.5 } } }],
    });
    expectFigures(estimate, {
      components: [
        { id: 'phone', servers: 1, arrival_rps: 5, service_ms: 4, utilization: 0.02, mean_response_ms: 4 },
        { id: 'cloud', servers: 2, arrival_rps: 25, service_ms: 40, utilization: 0.5, mean_response_ms: 40 + 20 / 3 },
      ],
      links: [
        { id: 'lte', direction: 'phone->cloud', utilization: 2.5 * 0.008, arrival_rps: 2.5 },
        { id: 'lte', direction: 'cloud->phone', utilization: 2.5 * 0.0008, arrival_rps: 2.5 },
      ],
      mean_latency_ms: 4 + 0.5 * (8 + 30 + 40 + 20 / 3 + 0.8 + 30),
    });
  });

  it('runs full batches at the batch curve, waits for them to form, and settles an autoscaler at its target', () => {
    // 400 inferences/s of 10 ms in batches of 4 that take 2x one inference: 5 ms of work each,
    // 2 executors busy; at a 50% target the autoscaler settles on 4. M/D/4 at a = 2: Erlang C =
    // 4/23, wait 4/23 x 5 / 2, halved for constant service: 5/23 ms. A batch of 4 fills in
    // 3 / 400 s: a request waits half that, 3.75 ms, then 20 ms for its batch.
    const estimate = estimateOf({
      placewise: 1,
      name: 'batched',
      hardware: { box: { cores: 1, gflops: 1 } },
      components: [
        {
          id: 'cloud',
          kind: 'cloud',
          hardware: 'box',
          replicas: { min: 1, max: 10, target_utilization: 0.5 },
        },
      ],
      models: [{ id: 'm', size_mb: 1, gflop: 0.01, batch_curve: [[4, 2]] }],
      workload: { users: 1, per_user_rps: 400, source: 'cloud', requests: 10 },
      pipeline: [{ id: 'infer', at: 'cloud', model: 'm' }],
      options: [{ id: 'batched', batching: { cloud: { max_batch: 4, max_wait_ms: 50 } } }],
    });
    expectFigures(estimate, {
      components: [
        { id: 'cloud', servers: 4, arrival_rps: 400, service_ms: 5, utilization: 0.5, mean_response_ms: 5 + 5 / 23 },
      ],
      links: [],
      mean_latency_ms: 5 / 23 + 3.75 + 20,
    });
  });

  it('waits at most max_wait_ms for a batch that fills slowly', () => {
    const input = (rps: number): ScenarioInput => ({
      placewise: 1,
      name: 'slow batches',
      hardware: BOX,
      components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
      models: [{ id: 'm', size_mb: 1, gflop: 0.001 }],
      workload: { users: 1, per_user_rps: rps, source: 'cloud', requests: 10 },
      pipeline: [{ id: 'infer', at: 'cloud', model: 'm' }],
      options: [{ id: 'batched', batching: { cloud: { max_batch: 8, max_wait_ms: 25 } } }],
    });
    // 1 ms inferences; a batch of 8 takes 1 + 0.3 x 7 = 3.1 ms (the default curve). At 10/s it
    // would take 0.35 s to fill half-way: the request waits the 25 ms limit.
    const slow = estimateOf(input(10));
    expect(slow.mean_latency_ms! - slow.components[0].mean_response_ms!).toBeCloseTo(25 + 3.1 - 3.1 / 8, 9);
    // At 700/s half of 7 gaps is 5 ms.
    const fast = estimateOf(input(700));
    const wait = fast.components[0].mean_response_ms! - fast.components[0].service_ms;
    expect(fast.mean_latency_ms!).toBeCloseTo(wait + 5 + 3.1, 9);
  });

  it('runs consecutive steps on one component as one job, their times adding up', () => {
    // 10 requests/s, each 10 ms exponential then 20 ms constant on one server: one job of mean
    // 30 ms and variance 100 ms^2 (E[S^2] = 1000), rho 0.3: Pollaczek-Khinchine wait
    // 0.01 x 1000 / (2 x 0.7) = 50/7 ms.
    const estimate = estimateOf({
      placewise: 1,
      name: 'two steps, one server',
      hardware: BOX,
      components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
      workload: { users: 1, per_user_rps: 10, source: 'cloud', requests: 10 },
      pipeline: [
        { id: 'first', at: 'cloud', compute_ms: { exponential: 10 } },
        { id: 'second', at: 'cloud', compute_ms: 20 },
      ],
      options: [{ id: 'only' }],
    });
    expectFigures(estimate, {
      components: [
        { id: 'cloud', servers: 1, arrival_rps: 10, service_ms: 30, utilization: 0.3, mean_response_ms: 30 + 50 / 7 },
      ],
      links: [],
      mean_latency_ms: 30 + 50 / 7,
    });
  });

  it('counts a step before a batched one on the same component as a job of its own', () => {
    // 400 requests/s: a 2 ms step, then batched 10 ms inferences at half their time each (batches
    // of 4 at 2x): 800 jobs/s of 3.5 ms on average, 0.7 of the 4 cores.
    const estimate = estimateOf({
      placewise: 1,
      name: 'a step, then a batch',
      hardware: { box: { cores: 4, gflops: 4 } },
      components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
      models: [{ id: 'm', size_mb: 1, gflop: 0.01, batch_curve: [[4, 2]] }],
      workload: { users: 1, per_user_rps: 400, source: 'cloud', requests: 10 },
      pipeline: [
        { id: 'prepare', at: 'cloud', compute_ms: 2 },
        { id: 'infer', at: 'cloud', model: 'm' },
      ],
      options: [{ id: 'batched', batching: { cloud: { max_batch: 4, max_wait_ms: 50 } } }],
    });
    expect(estimate.components[0].arrival_rps).toBeCloseTo(800, 9);
    expect(estimate.components[0].service_ms).toBeCloseTo(3.5, 9);
    expect(estimate.components[0].utilization).toBeCloseTo(0.7, 9);
  });

  it('says a saturated station has no mean response, and the whole request no mean latency', () => {
    const [estimate] = estimateScenario(singleStation({ ratePerS: 120, service: { exponential: 10 }, requests: 10 }));
    expectFigures(estimate.analytic, {
      components: [
        { id: 'server', servers: 1, arrival_rps: 120, service_ms: 10, utilization: 1.2, mean_response_ms: null },
      ],
      links: [],
      mean_latency_ms: null,
    });
  });
});

describe('the walk of a request where a link may be down', () => {
  const scenario = (withFallback: boolean) =>
    scenarioFrom({
      placewise: 1,
      name: 'walk',
      hardware: BOX,
      components: [
        { id: 'phone', kind: 'phone', hardware: 'box' },
        { id: 'cloud', kind: 'cloud', hardware: 'box' },
        { id: 'edge', kind: 'edge', hardware: 'box' },
      ],
      links: [
        { id: 'lte', between: ['phone', 'cloud'], tech: 'lte' },
        { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi' },
      ],
      workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 10 },
      pipeline: [{ id: 'infer', compute_ms: 10, output_kb: 2 }],
      options: [
        {
          id: 'remote',
          place: { infer: 'cloud' },
          ...(withFallback ? { fallback: { infer: { at: 'edge' } } } : {}),
        },
      ],
    });
  const walk = (withFallback: boolean) => {
    const system = buildSystemModel(scenario(withFallback));
    const plan = buildOptionPlan(system, system.scenario.options[0]);
    const lte = system.links.findIndex((link) => link.id === 'lte');
    const { visits } = walkOption(system, plan, [false], (link) => (link === lte ? 0.25 : 0));
    return visits.map((visit) =>
      visit.kind === 'hop'
        ? [system.links[visit.link].id, visit.direction, visit.probability, visit.kb]
        : [system.components[visit.component].id, visit.fallback, visit.probability],
    );
  };

  it('takes the fallback with the probability that the link is down, and returns over the link it came by', () => {
    // The way back crosses LTE again: it was up a moment ago, so it is up (probability 1, not 0.75).
    expect(walk(true)).toEqual([
      ['lte', 0, 0.75, 0],
      ['cloud', false, 0.75],
      ['lte', 1, 0.75, 2],
      ['wifi', 0, 0.25, 0],
      ['edge', true, 0.25],
      ['wifi', 1, 0.25, 2],
    ]);
  });

  it('without a fallback, a request that finds the link down goes nowhere', () => {
    expect(walk(false)).toEqual([
      ['lte', 0, 0.75, 0],
      ['cloud', false, 0.75],
      ['lte', 1, 0.75, 2],
    ]);
  });
});

describe('a cache on the way', () => {
  // Phones reach the cloud through a gateway that caches the first step (run in the cloud) at 50%.
  // Built inside the test: a model built at describe level is seen by no test in Stryker's
  // per-test coverage.
  const cachedSystem = () =>
    buildSystemModel(
      scenarioFrom({
        placewise: 1,
        name: 'cache on the way',
        hardware: BOX,
        components: [
          { id: 'phone', kind: 'phone', hardware: 'box' },
          { id: 'gateway', kind: 'edge', hardware: 'box' },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [
          { id: 'wifi', between: ['phone', 'gateway'], tech: 'wifi' },
          { id: 'wan', between: ['gateway', 'cloud'], tech: 'wan' },
        ],
        workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 10 },
        pipeline: [
          { id: 'first', compute_ms: 10, output_kb: 4 },
          { id: 'second', compute_ms: 10, output_kb: 1 },
        ],
        options: [
          {
            id: 'cached',
            place: { first: 'cloud', second: 'cloud' },
            cache: { first: { at: 'gateway', hit_rate: 0.5 } },
          },
        ],
      }),
    );

  it('answers where it is: the request reaches it with its input, and a hit carries the output on', () => {
    const system = cachedSystem();
    const { visits } = walkOption(system, buildOptionPlan(system, system.scenario.options[0]), [false, false]);
    const computed = (step: number) =>
      visits
        .filter((visit) => visit.kind === 'compute' && visit.step === step)
        .reduce((sum, visit) => sum + visit.probability, 0);
    expect(computed(0)).toBeCloseTo(0.5, 12);
    expect(computed(1)).toBeCloseTo(1, 12);
    /** Kilobytes a request sends over a link direction, on average. */
    const kb = (id: string, direction: number) =>
      visits
        .filter((visit) => visit.kind === 'hop' && system.links[visit.link].id === id && visit.direction === direction)
        .reduce((sum, visit) => sum + (visit.kind === 'hop' ? visit.probability * visit.kb : 0), 0);
    // Nothing goes up to the gateway (the first step has no input); half the requests carry the
    // first step's 4 kB from the gateway (a hit) to the cloud, the others start it there.
    expect(kb('wifi', 0)).toBe(0);
    expect(kb('wan', 0)).toBeCloseTo(2, 12);
    expect(kb('wifi', 1)).toBeCloseTo(1, 12);
  });
});
