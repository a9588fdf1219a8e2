// The evaluations a Monte Carlo study needs, and its report once they are done. Evaluations are
// independent, so the host may run them in any order and on any number of workers; the report
// depends only on the plan and the outcomes in plan order.
import type { EvaluationTask } from './evaluate-sample';
import type { MonteCarloReport } from './monte-carlo-report';
import { summarizeSamples } from './monte-carlo-summary';
import { sampleSimulationSeed, sampleValues } from './sample-draws';
import type { OptionOutcome } from './sample-metrics';
import { rankTornado } from './tornado';
import { nominalValue, type UncertainScenario, valueAt } from './uncertain-value';

/** The tornado sets each parameter to these probabilities of its spread. */
export const TORNADO_LOW = 0.05;
export const TORNADO_HIGH = 0.95;

export type { MonteCarloReport, UncertainParameterReport } from './monte-carlo-report';

export interface MonteCarloSettings {
  samples: number;
  seed: number;
  /** Simulated requests per evaluation (the per-sample fidelity). */
  requests: number;
  /** Evaluate only these options (default: all). */
  options?: string[];
}

export interface MonteCarloPlan {
  settings: MonteCarloSettings;
  uncertain: UncertainScenario;
  /** Samples first, then the nominal evaluation, then a low and a high one per parameter. */
  tasks: EvaluationTask[];
}

export function planMonteCarlo(uncertain: UncertainScenario, settings: MonteCarloSettings): MonteCarloPlan {
  const { parameters } = uncertain;
  const { samples, seed, requests, options } = settings;
  const tasks: EvaluationTask[] = [];
  for (let sample = 0; sample < samples; sample++) {
    tasks.push({
      values: sampleValues(parameters, seed, sample),
      seed: sampleSimulationSeed(seed, sample),
      requests,
      options,
      adaptive: true,
    });
  }
  // The tornado's evaluations share one simulation seed (common random numbers), so that a
  // bar's length is the parameter's effect and not the difference between two random runs.
  const nominal = parameters.map(nominalValue);
  tasks.push({ values: nominal, seed, requests, options });
  parameters.forEach((parameter, index) => {
    for (const p of [TORNADO_LOW, TORNADO_HIGH]) {
      const values = [...nominal];
      values[index] = valueAt(parameter, p);
      tasks.push({ values, seed, requests, options });
    }
  });
  return { settings, uncertain, tasks };
}

/** `outcomes[i]` is the outcome of `plan.tasks[i]`. */
export function monteCarloReport(
  plan: MonteCarloPlan,
  outcomes: readonly (readonly OptionOutcome[])[],
): MonteCarloReport {
  const { settings, uncertain } = plan;
  const nominalIndex = settings.samples;
  const runs = uncertain.parameters.map((parameter, index) => ({
    parameter: parameter.name,
    parameterLow: plan.tasks[nominalIndex + 1 + 2 * index].values[index],
    parameterHigh: plan.tasks[nominalIndex + 2 + 2 * index].values[index],
    low: outcomes[nominalIndex + 1 + 2 * index],
    high: outcomes[nominalIndex + 2 + 2 * index],
  }));
  return {
    monte_carlo: {
      samples: settings.samples,
      seed: settings.seed,
      requests_per_sample: settings.requests,
      parameters: uncertain.parameters.map((parameter, index) => ({
        parameter: parameter.name,
        nominal: plan.tasks[nominalIndex].values[index],
        low: runs[index].parameterLow,
        high: runs[index].parameterHigh,
        spread: parameter.spec,
      })),
      options: summarizeSamples(outcomes.slice(0, nominalIndex)),
    },
    sensitivity: rankTornado(outcomes[nominalIndex], runs),
  };
}
