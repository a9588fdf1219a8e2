// A Monte Carlo study evaluated on one thread, in plan order, with progress: the app's Monte
// Carlo worker and the host's export worker run it. The CLI spreads the same plan over worker
// threads (cli/monte-carlo); the report depends only on the plan and its seed either way.
import { formatScenarioError } from '../scenario/scenario-error';
import { evaluateWithValues } from './evaluate-sample';
import { type MonteCarloReport, type MonteCarloSettings, monteCarloReport, planMonteCarlo } from './monte-carlo-plan';
import type { OptionOutcome } from './sample-metrics';
import type { UncertainScenario } from './uncertain-value';

/** A draw of the uncertain values made the scenario invalid: the message names the draw and the errors. */
export class MonteCarloDrawError extends Error {
  override name = 'MonteCarloDrawError';
}

export function monteCarloInOrder(
  uncertain: UncertainScenario,
  settings: MonteCarloSettings,
  onProgress?: (done: number, total: number) => void,
): MonteCarloReport {
  const plan = planMonteCarlo(uncertain, settings);
  const outcomes: OptionOutcome[][] = [];
  for (const [index, task] of plan.tasks.entries()) {
    const outcome = evaluateWithValues(uncertain, task);
    if (!outcome.ok) {
      const drawn = uncertain.parameters
        .map((parameter, position) => `${parameter.name} = ${task.values[position]}`)
        .join(', ');
      const errors = outcome.errors.map((error) => formatScenarioError('scenario', error)).join('; ');
      throw new MonteCarloDrawError(
        `${errors} (with ${drawn}): narrow the uncertain values so that every draw is valid`,
      );
    }
    outcomes.push(outcome.options);
    onProgress?.(index + 1, plan.tasks.length);
  }
  return monteCarloReport(plan, outcomes);
}
