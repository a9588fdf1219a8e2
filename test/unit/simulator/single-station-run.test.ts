// The direct run of an option whose requests stay at one station (single-station-run.ts) against
// the event loop (simulate-option.ts): which options take it, and that it runs the same requests.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type OptionResult, type ScenarioInput } from '../../../simulator';
import { estimateOption } from '../../../simulator/analytic/option-estimate';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { planRun } from '../../../simulator/evaluate/run-shape';
import { singleStation } from '../../../simulator/evaluate/single-station-run';
import { buildStations } from '../../../simulator/evaluate/station-set';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

// Three servers at 80%: two steps on the cloud, exponential preparation and a model of 4 ms.
const base = (): ScenarioInput => ({
  placewise: 1,
  name: 'one station',
  seed: 5,
  hardware: { box: { cores: 3, gflops: 1 } },
  components: [{ id: 'cloud', kind: 'cloud', hardware: 'box' }],
  models: [{ id: 'm', size_mb: 1, gflop: 0.004, accuracy: 0.9 }],
  workload: { users: 1, per_user_rps: 300, source: 'cloud', requests: 20_000 },
  pipeline: [
    { id: 'prepare', at: 'cloud', compute_ms: { exponential: 4 } },
    { id: 'infer', at: 'cloud', model: 'm' },
  ],
  options: [{ id: 'only' }],
});

// The same system with a user's phone and its link, which no request uses: the event loop's run.
const withIdlePhone = (input: ScenarioInput): ScenarioInput => ({
  ...input,
  components: [...input.components, { id: 'phone', kind: 'phone', hardware: 'box' }],
  links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', mbps: 8, latency_ms: 5 }],
});

// A second shared component beside the cloud, which the variants below send a step or a request's
// end to (shared, so no user has a station of their own and only that rule decides).
const withEdge = (input: ScenarioInput): ScenarioInput => ({
  ...input,
  components: [...input.components, { id: 'edge', kind: 'edge', hardware: 'box' }],
  links: [{ id: 'lan', between: ['cloud', 'edge'], tech: 'ethernet', mbps: 1000, latency_ms: 1 }],
});

function takesDirectRun(input: ScenarioInput): boolean {
  const system = buildSystemModel(scenarioFrom(input));
  const plan = buildOptionPlan(system, system.scenario.options[0]);
  const shape = planRun(system, estimateOption(system, plan), undefined);
  const set = buildStations(system, plan, shape, 1, { batchService: () => 0, dispatch: () => undefined });
  return singleStation(system, plan, set) !== undefined;
}

describe('the direct run of requests that stay at one station', () => {
  it('is taken only where nothing but the station’s own queue decides a request’s time', () => {
    expect(takesDirectRun(base())).toBe(true);
    // An unused shared component changes nothing: the variants beside it differ by one rule each.
    expect(takesDirectRun(withEdge(base()))).toBe(true);
    const input = base();
    const variants: Record<string, ScenarioInput> = {
      'periodic arrivals': { ...input, workload: { ...input.workload, arrivals: 'periodic' } },
      'a load profile': {
        ...input,
        workload: {
          ...input.workload,
          load_profile: [1, 2, ...Array(22).fill(1)],
          duration_s: 60,
          requests: undefined,
        },
      },
      'a cache': { ...input, options: [{ id: 'only', cache: { infer: { at: 'cloud', hit_rate: 0.5 } } }] },
      batching: { ...input, options: [{ id: 'only', batching: { cloud: { max_batch: 4, max_wait_ms: 5 } } }] },
      autoscaling: {
        ...input,
        components: [{ ...input.components[0], replicas: { min: 1, max: 4, target_utilization: 0.5 } }],
      },
      'background users': { ...input, workload: { ...input.workload, users: 2_000_000, per_user_rps: 0.00015 } },
      'an idle phone': withIdlePhone(input),
      'a step across a link': {
        ...withIdlePhone(input),
        pipeline: [{ ...input.pipeline[0], at: 'phone' }, input.pipeline[1]],
      },
      'a sink elsewhere': { ...withIdlePhone(input), workload: { ...input.workload, sink: 'phone' } },
      'a step on another shared component': {
        ...withEdge(input),
        pipeline: [input.pipeline[0], { ...input.pipeline[1], at: 'edge' }],
      },
      'a sink on another shared component': { ...withEdge(input), workload: { ...input.workload, sink: 'edge' } },
      'a fallback': { ...withEdge(input), options: [{ id: 'only', fallback: { infer: { at: 'edge' } } }] },
      'a cascade': {
        ...input,
        models: [...input.models!, { id: 'large', size_mb: 1, gflop: 0.008, accuracy: 0.95 }],
        options: [{ id: 'only', cascade: { infer: { model: 'large', at: 'cloud', escalate_rate: 0.3 } } }],
      },
    };
    for (const [name, variant] of Object.entries(variants))
      expect([name, takesDirectRun(variant)]).toEqual([name, false]);
  });

  it('runs the same requests as the event loop: the same latencies, steps, utilisation and accuracy', () => {
    const inputs = [base(), { ...base(), workload: { users: 3, per_user_rps: 100, source: 'cloud', duration_s: 60 } }];
    for (const input of inputs) {
      expect(takesDirectRun(input)).toBe(true);
      const direct = evaluateScenario(scenarioFrom(input)).options[0];
      const loop = evaluateScenario(scenarioFrom(withIdlePhone(input))).options[0];
      const figures = (option: OptionResult) => ({
        latency: option.latency_ms,
        quantiles: option.latency_quantiles_ms,
        steps: option.steps,
        components: option.components,
        accuracy: option.accuracy,
        completed: option.completed,
        successRate: option.success_rate,
      });
      expect(figures(direct)).toStrictEqual(figures(loop));
      expect(direct.completed).toBeGreaterThan(15_000);
      // The breakdown's sums add the same terms in another order (arrival, not departure): each
      // naive sum of n terms is within (n - 1) x 2^-53 of their total, so the two means are
      // within twice that (and the divisions), relative.
      const bound = 2 * (direct.completed + 1) * 2 ** -53;
      for (const part of ['queue', 'compute', 'network'] as const) {
        const difference = Math.abs(direct.breakdown_ms[part] - loop.breakdown_ms[part]);
        expect(difference).toBeLessThanOrEqual(bound * loop.breakdown_ms[part]);
      }
      expect(direct.breakdown_ms.queue).toBeGreaterThan(0);
    }
  });
});
