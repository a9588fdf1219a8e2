import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';

/**
 * The option an export shows when none is asked for: the scenario's recorded decision, else
 * the simulator's recommendation, else the first option (nothing recommended when every
 * option breaks a budget, yet a diagram still needs an option to draw).
 */
export function defaultExportOption(scenario: Scenario, results: ScenarioResults | null): string {
  return scenario.decision ?? results?.recommendation ?? scenario.options[0].id;
}
