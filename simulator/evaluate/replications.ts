// Independent replications: the scenario run again with other seeds, and 95% confidence
// intervals of each option's figures across the runs. Unlike the batch means of one run, they
// cover what a run draws once (which users start in an outage, say) and the warm-up's bias.
import type { OptionResult, ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { type EvaluateSettings, evaluateScenario } from './evaluate-scenario';
import { studentInterval } from './latency-statistics';

type ReplicatedFigures = NonNullable<OptionResult['replications']>;

/**
 * Runs the scenario `replications` times (seeds seed, seed + 1, ...) and returns the first
 * run's results with each option's `replications` figures added.
 */
export function replicateScenario(
  scenario: Scenario,
  replications: number,
  settings: Omit<EvaluateSettings, 'onOption'> = {},
): ScenarioResults {
  const seed = settings.seed ?? scenario.seed;
  const runs = Array.from({ length: replications }, (_, index) =>
    evaluateScenario(scenario, { ...settings, seed: seed + index }),
  );
  const [first] = runs;
  return {
    ...first,
    options: first.options.map((option, index) => {
      const same = runs.map((run) => run.options[index]);
      // Each interval is kept within the figure's range (latency and cost at least 0, a share
      // at most 1); the names of the intervals that were cut are listed.
      const clamped: string[] = [];
      const figure = (name: string, pick: (result: (typeof same)[number]) => number, highest = Infinity) => {
        const [low, high] = studentInterval(same.map(pick));
        if (low < 0 || high > highest) clamped.push(name);
        return [Math.max(0, low), Math.min(highest, high)] as [number, number];
      };
      const replicated: ReplicatedFigures = {
        count: replications,
        latency_ms: {
          mean: figure('latency_ms.mean', (result) => result.latency_ms.mean),
          p95: figure('latency_ms.p95', (result) => result.latency_ms.p95),
          p99: figure('latency_ms.p99', (result) => result.latency_ms.p99),
        },
        monthly_usd: figure('monthly_usd', (result) => result.monthly_usd.total),
        success_rate: figure('success_rate', (result) => result.success_rate, 1),
      };
      if (clamped.length > 0) replicated.clamped = clamped;
      return { ...option, replications: replicated };
    }),
  };
}
