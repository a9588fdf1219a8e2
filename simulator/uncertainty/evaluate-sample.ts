// One Monte Carlo or tornado evaluation: the scenario with its uncertain values set, validated,
// simulated at the given fidelity. Pure, so a CLI worker thread and the app's Web Worker alike run it.
// A sample is evaluated adaptively (adaptive-sample.ts); a tornado evaluation always in full,
// so that its bars compare runs of the same length and seed.
import { evaluateScenario } from '../evaluate/evaluate-scenario';
import type { ScenarioError } from '../scenario/scenario-error';
import { type OptionOutcome, optionOutcome } from './sample-metrics';
import { evaluateSample } from './adaptive-sample';
import { optionsWithoutStages } from './futile-stages';
import { type SampleValidation, sampleValidation } from './sample-validation';
import type { UncertainScenario } from './uncertain-value';

export interface EvaluationTask {
  /** One value per parameter, in the order of `parameters`. */
  values: number[];
  seed: number;
  requests: number;
  /** Evaluate only these options (default: all). */
  options?: string[];
  /** Addition: a Monte Carlo sample, evaluated adaptively; `requests` is then the most per option. */
  adaptive?: boolean;
}

export type EvaluationOutcome = { ok: true; options: OptionOutcome[] } | { ok: false; errors: ScenarioError[] };

// A study's tasks all substitute into the same scenario (a worker's copy of it): what of its
// validation holds for every sample is worked out once per scenario object.
const validations = new WeakMap<UncertainScenario, SampleValidation>();

export function evaluateWithValues(uncertain: UncertainScenario, task: EvaluationTask): EvaluationOutcome {
  let validate = validations.get(uncertain);
  if (validate === undefined) {
    validate = sampleValidation(uncertain);
    validations.set(uncertain, validate);
  }
  const parsed = validate(task.values);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (task.adaptive) {
    const withoutStages = optionsWithoutStages(uncertain, validate, task);
    return { ok: true, options: evaluateSample(parsed.scenario, { ...task, withoutStages }) };
  }
  const results = evaluateScenario(parsed.scenario, {
    requests: task.requests,
    seed: task.seed,
    options: task.options,
    // A sample needs its figures' spread across the parameters, not full per-user detail.
    fidelity: 'preview',
    latencyIntervals: false,
    details: false,
  });
  return { ok: true, options: results.options.map(optionOutcome) };
}
