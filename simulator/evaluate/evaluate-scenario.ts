import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';

export interface EvaluateSettings {
  /** Simulated requests per option; default from the scenario's workload. */
  requests?: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Evaluate only these options (default: all). */
  options?: string[];
}

export function evaluateScenario(_scenario: Scenario, _settings: EvaluateSettings = {}): ScenarioResults {
  throw new Error('the simulation engine is being written (lands within the hour)');
}
