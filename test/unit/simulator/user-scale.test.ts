// Scale in users (issue 15, point 3). At a fixed total load, a run among a million users details
// every one of them, as a run among a thousand does: the sample is sized by what the per-user
// queues need (here, idle phones need nothing), not by the population. So the two runs are the
// same model at different scales and agree within their intervals; and the million users cost
// no more stations than the users who actually send a request.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type OptionResult, type Scenario } from '../../../simulator';
import { estimateOption } from '../../../simulator/analytic/option-estimate';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { planRun } from '../../../simulator/evaluate/run-shape';
import { simulateOption } from '../../../simulator/evaluate/simulate-option';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom, utilizationTolerance } from './queue-scenarios';

const TOTAL_RPS = 2000;
const REQUESTS = 20_000;

/** test/perf/fixtures/users-scale.yaml at `users` users: each phone prepares a request and sends it to a shared service. */
function usersScale(users: number): Scenario {
  return scenarioFrom({
    placewise: 1,
    name: 'user scale',
    seed: 1,
    hardware: { 'phone-soc': { cores: 8, gflops: 20 }, 'gpu-box': { cores: 1, gflops: 10000 } },
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-soc' },
      { id: 'service', kind: 'cloud', hardware: 'gpu-box', replicas: 8 },
    ],
    links: [{ id: 'uplink', between: ['phone', 'service'], tech: 'lte', latency_ms: 30, mbps: 20 }],
    workload: { users, per_user_rps: TOTAL_RPS / users, source: 'phone', requests: REQUESTS },
    pipeline: [
      { id: 'prepare', at: 'phone', compute_ms: { exponential: 5 } },
      { id: 'infer', at: 'service', compute_ms: { exponential: 3 } },
    ],
    options: [{ id: 'only' }],
  });
}

/** Half the width of a 95% interval. */
const halfWidth = (interval: [number, number] | undefined) => (interval![1] - interval![0]) / 2;

describe('scale in users', () => {
  it('a million users give the latency of a thousand at the same total load, within both runs’ intervals', () => {
    const [few, many] = [1000, 1_000_000].map((users) => evaluateScenario(usersScale(users)).options[0]);
    expect(few.detailed_users).toBe(1000);
    expect(many.detailed_users).toBe(1_000_000);
    // Two independent runs: their difference has a standard error of hypot(se1, se2), and a 95%
    // half-width is about two standard errors, so four standard errors are 2 x hypot(half-widths).
    for (const figure of ['mean', 'p95'] as const) {
      const interval = (option: OptionResult) => halfWidth(option.latency_ms.ci95?.[figure]);
      expect(Math.abs(many.latency_ms[figure] - few.latency_ms[figure]), figure).toBeLessThanOrEqual(
        2 * Math.hypot(interval(few), interval(many)),
      );
    }
    // The shared service is 75% busy (2,000 requests a second of 3 ms on 8 executors) in both.
    const busy = (option: OptionResult) => option.components.find((component) => component.id === 'service')!;
    const tolerance = (option: OptionResult) => utilizationTolerance(0.75, option.completed + option.failed, 1);
    expect(Math.abs(busy(many).utilization - busy(few).utilization)).toBeLessThan(
      Math.hypot(tolerance(few), tolerance(many)),
    );
  });

  it('makes a user’s own stations only when it sends a request', () => {
    const scenario = usersScale(1_000_000);
    const system = buildSystemModel(scenario);
    const plan = buildOptionPlan(system, scenario.options[0]);
    const shape = planRun(system, estimateOption(system, plan), undefined);
    const run = simulateOption(system, plan, shape, scenario.seed);
    // 22,000 arrivals among a million users come from 1e6 x (1 - exp(-0.022)) = 21,760 users on
    // average, with a standard deviation below sqrt(21,760 x 0.022) = 22: the stations of those,
    // not of a million.
    const expected = 1e6 * -Math.expm1(-run.simulatedRequests / 1e6);
    expect(Math.abs(run.usersWithStations - expected)).toBeLessThan(
      4 * Math.sqrt(expected * (run.simulatedRequests / 1e6)),
    );
    expect(run.usersWithStations).toBeLessThanOrEqual(run.simulatedRequests);
  });
});
