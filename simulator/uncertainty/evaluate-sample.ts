// One Monte Carlo or tornado evaluation: the scenario with its uncertain values set, validated,
// simulated at the given fidelity. Pure, so a CLI worker thread and the app's Web Worker alike run it.
import { evaluateScenario } from '../evaluate/evaluate-scenario';
import { validatePlainScenario } from '../scenario/load';
import type { ScenarioError } from '../scenario/scenario-error';
import { type OptionOutcome, optionOutcome } from './sample-metrics';
import { substituteValues } from './substitute-values';
import type { UncertainScenario } from './uncertain-value';

export interface EvaluationTask {
  /** One value per parameter, in the order of `parameters`. */
  values: number[];
  seed: number;
  requests: number;
  /** Evaluate only these options (default: all). */
  options?: string[];
}

export type EvaluationOutcome = { ok: true; options: OptionOutcome[] } | { ok: false; errors: ScenarioError[] };

export function evaluateWithValues(uncertain: UncertainScenario, task: EvaluationTask): EvaluationOutcome {
  const parsed = validatePlainScenario(substituteValues(uncertain.input, uncertain.parameters, task.values));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const results = evaluateScenario(parsed.scenario, {
    requests: task.requests,
    seed: task.seed,
    options: task.options,
    // A sample needs its figures' spread across the parameters, not full per-user detail.
    fidelity: 'preview',
  });
  return { ok: true, options: results.options.map(optionOutcome) };
}
