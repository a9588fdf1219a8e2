// `placewise run --monte-carlo N`: plans the samples and the tornado, runs them on worker
// threads and the host's own, and turns a sample whose drawn values break the scenario into bad input.
import {
  type CsvSample,
  csvSamples,
  formatScenarioError,
  type MonteCarloReport,
  type MonteCarloSettings,
  monteCarloReport,
  planMonteCarlo,
  type UncertainScenario,
} from '../../simulator';
import { UsageError } from '../usage-error';
import { evaluateOnThreads, type PoolSettings } from './worker-pool';

export interface MonteCarloRun {
  report: MonteCarloReport;
  /** Each sample's drawn values and outcomes, for `export --format csv --samples`. */
  samples: CsvSample[];
}

export async function runMonteCarlo(
  file: string,
  uncertain: UncertainScenario,
  settings: MonteCarloSettings,
  pool: PoolSettings,
): Promise<MonteCarloRun> {
  const plan = planMonteCarlo(uncertain, settings);
  const evaluated = await evaluateOnThreads(uncertain, plan.tasks, pool);
  const outcomes = evaluated.map((outcome, index) => {
    if (outcome.ok) return outcome.options;
    const what =
      index < settings.samples
        ? `Monte Carlo sample ${index} (seed ${settings.seed})`
        : 'the sensitivity analysis (a parameter at its 5th or 95th percentile)';
    const drawn = uncertain.parameters
      .map((parameter, position) => `${parameter.name} = ${plan.tasks[index].values[position]}`)
      .join(', ');
    throw new UsageError(
      `${outcome.errors.map((error) => formatScenarioError(file, error)).join('\n')}\n${file}: in ${what}, with ${drawn}: narrow the uncertain values so that every draw is valid`,
    );
  });
  return { report: monteCarloReport(plan, outcomes), samples: csvSamples(plan, outcomes) };
}
