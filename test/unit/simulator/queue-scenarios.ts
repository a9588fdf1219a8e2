// Small scenarios for checking the engine against queueing theory: one or two shared servers
// fed by a single Poisson (or periodic) source, built as scenario objects so that the tests
// go through the same validation and evaluation path as a scenario file.
import { estimateScenario, type Scenario, type ScenarioInput, validateScenario } from '../../../simulator';
import type { AnalyticEstimate } from '../../../simulator/results';

export function scenarioFrom(input: ScenarioInput): Scenario {
  const parsed = validateScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return parsed.scenario;
}

/** The queueing estimate of one option of a scenario given as an object. */
export function estimateOf(input: ScenarioInput, option = 0): AnalyticEstimate {
  return estimateScenario(scenarioFrom(input))[option].analytic;
}

/** A single c-server FIFO station with arrivals at `rate` per second and the given service in ms. */
export function singleStation(options: {
  ratePerS: number;
  service: ScenarioInput['pipeline'][number]['compute_ms'];
  servers?: number;
  requests: number;
  arrivals?: 'poisson' | 'periodic';
  users?: number;
  seed?: number;
}): Scenario {
  const users = options.users ?? 1;
  return scenarioFrom({
    placewise: 1,
    name: 'single station',
    seed: options.seed ?? 11,
    hardware: { box: { cores: options.servers ?? 1, gflops: 1 } },
    components: [{ id: 'server', kind: 'cloud', hardware: 'box' }],
    workload: {
      users,
      per_user_rps: options.ratePerS / users,
      arrivals: options.arrivals ?? 'poisson',
      source: 'server',
      requests: options.requests,
    },
    pipeline: [{ id: 'serve', at: 'server', compute_ms: options.service }],
    options: [{ id: 'only' }],
  });
}

/**
 * Four standard errors of a utilisation measured over `arrivals` Poisson arrivals whose service
 * times have squared coefficient of variation `serviceScv` (1 exponential, 0 constant): the busy
 * time is a sum of the services (relative variance scv / n) and the span a sum of the exponential
 * gaps (1 / n), independent of each other, so the ratio's relative variance is (1 + scv) / n.
 * A correct engine lands outside with a probability of about 6e-5.
 */
export function utilizationTolerance(rho: number, arrivals: number, serviceScv: number): number {
  return 4 * rho * Math.sqrt((1 + serviceScv) / arrivals);
}
