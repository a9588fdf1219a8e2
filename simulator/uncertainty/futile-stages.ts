// Which options a study simulates in full at once, without trying a stage first: those whose
// stages the nominal scenario shows futile. A stage pays only where it often decides
// (adaptive-sample.ts); where an option's verdict sits within a full run's own noise of its
// budget at the nominal values (the AR glasses-cascade's p95: 3% of its requests escalate to a
// model that takes 3 s, against the 5% a p95 allows), the samples around them are mostly as
// close, and a stage that cannot decide even what the full run leaves open is spent for nothing
// (in the AR study, 998 of 1,000 samples ran glasses-cascade's stage and then its full run).
//
// The nominal scenario is evaluated once per study and thread, as a sample (with the scenario's
// own seed): the options it had to run in full and whose verdicts that run still left undecided
// skip their stages in every sample. The choice depends only on the scenario and the study's
// settings, never on which samples a thread took, so every thread makes the same one and the
// study's outcome does not depend on the threads. Skipping a stage never changes which verdicts
// a sample decides at the full run, only the figures of the few samples a stage would have decided.
import { evaluateSample } from './adaptive-sample';
import type { SampleValidation } from './sample-validation';
import { nominalValue, type UncertainScenario } from './uncertain-value';

const NONE: ReadonlySet<string> = new Set();
const chosen = new WeakMap<UncertainScenario, Map<string, ReadonlySet<string>>>();

export function optionsWithoutStages(
  uncertain: UncertainScenario,
  validate: SampleValidation,
  settings: { requests: number; options?: string[] },
): ReadonlySet<string> {
  const key = `${settings.requests} ${settings.options?.join(' ') ?? ''}`;
  let byStudy = chosen.get(uncertain);
  if (byStudy === undefined) {
    byStudy = new Map();
    chosen.set(uncertain, byStudy);
  }
  let options = byStudy.get(key);
  if (options === undefined) {
    options = futileStages(uncertain, validate, settings);
    byStudy.set(key, options);
  }
  return options;
}

function futileStages(
  uncertain: UncertainScenario,
  validate: SampleValidation,
  settings: { requests: number; options?: string[] },
): ReadonlySet<string> {
  const nominal = validate(uncertain.parameters.map(nominalValue));
  if (!nominal.ok) return NONE;
  const outcomes = evaluateSample(nominal.scenario, {
    seed: nominal.scenario.seed,
    requests: settings.requests,
    ...(settings.options ? { options: settings.options } : {}),
  });
  return new Set(
    outcomes
      .filter(({ evaluation }) => evaluation?.method === 'full' && (evaluation.undecided?.length ?? 0) > 0)
      .map(({ id }) => id),
  );
}
