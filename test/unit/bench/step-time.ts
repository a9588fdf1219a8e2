// The simulated time of a scenario's first step under its first option: what importing a
// measurement should change.
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { parseScenarioText } from '../../../simulator/scenario/load';

/** The mean time of the first step (ms), as the simulator plans it. */
export function firstStepMean(text: string): number {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('invalid scenario');
  const system = buildSystemModel(parsed.scenario);
  return buildOptionPlan(system, parsed.scenario.options[0]).steps[0].primary.service.mean;
}
