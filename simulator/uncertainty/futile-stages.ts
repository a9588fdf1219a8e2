// Which options a study simulates in full at once, without trying a stage first: those whose
// stages a few looks before the study show futile. A stage pays only where it often decides
// (adaptive-sample.ts); where no stage decides an option's verdicts in the scenario at its
// nominal values nor in a few samples of it, the study's samples are mostly alike, and their
// stages are spent for nothing (in the AR study, glasses-cascade's stage of 250 requests decided
// none of 1,000 samples: 3% of its requests escalate to a model that takes 3 s on the glasses, so
// its p95 and the glasses' battery are known only to within what a few escalations more or less
// move them).
//
// The looks are the nominal scenario and LOOKS - 1 samples drawn with the scenario's own seed,
// evaluated as samples once per study and thread: an option that every look ran in full skips
// its stages in every sample. The choice depends only on the scenario and the study's settings,
// never on which samples a thread took, so every thread makes the same one and the study's
// outcome does not depend on the threads. Skipping a stage never changes a sample's verdicts at
// the full run, only the figures of the few samples a stage would have decided (now those of
// their full run). Where stages decide half the samples, all four looks miss them one time in 16.
import { evaluateSample } from './adaptive-sample';
import type { SampleValidation } from './sample-validation';
import { sampleSimulationSeed, sampleValues } from './sample-draws';
import { nominalValue, type UncertainScenario } from './uncertain-value';

const NONE: ReadonlySet<string> = new Set();
/** The nominal scenario and this many less one samples of it. */
const LOOKS = 4;
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
  const { parameters } = uncertain;
  const nominal = validate(parameters.map(nominalValue));
  if (!nominal.ok) return NONE;
  const seed = nominal.scenario.seed;
  const looks = [{ scenario: nominal.scenario, seed }];
  for (let sample = 0; sample < LOOKS - 1; sample++) {
    const drawn = validate(sampleValues(parameters, seed, sample));
    if (drawn.ok) looks.push({ scenario: drawn.scenario, seed: sampleSimulationSeed(seed, sample) });
  }
  const staged = new Set<string>();
  const full = new Set<string>();
  for (const look of looks) {
    const outcomes = evaluateSample(look.scenario, {
      seed: look.seed,
      requests: settings.requests,
      ...(settings.options ? { options: settings.options } : {}),
    });
    for (const { id, evaluation } of outcomes) (evaluation?.method === 'full' ? full : staged).add(id);
  }
  return new Set([...full].filter((id) => !staged.has(id)));
}
