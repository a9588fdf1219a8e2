// Independent replications: the scenario run again with other seeds, and 95% confidence
// intervals of each option's figures across the runs. Unlike the batch means of one run, they
// cover what a run draws once (which users start in an outage, say) and the warm-up's bias.
import type { OptionResult, ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { type EvaluateSettings, evaluateScenario } from './evaluate-scenario';

type ReplicatedFigures = NonNullable<OptionResult['replications']>;

// Student's t at 97.5% by degrees of freedom (1 to 30); beyond 30 the normal's 1.96 is close enough.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function studentInterval(values: readonly number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return [mean, mean];
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = (T_975[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

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
      const figure = (pick: (result: (typeof same)[number]) => number) => studentInterval(same.map(pick));
      const replicated: ReplicatedFigures = {
        count: replications,
        latency_ms: {
          mean: figure((result) => result.latency_ms.mean),
          p95: figure((result) => result.latency_ms.p95),
          p99: figure((result) => result.latency_ms.p99),
        },
        monthly_usd: figure((result) => result.monthly_usd.total),
        success_rate: figure((result) => result.success_rate),
      };
      return { ...option, replications: replicated };
    }),
  };
}
