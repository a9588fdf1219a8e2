// The saved AR scenario and its simulated results, as the export tests use them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { buildOptionPlan, type OptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel, type SystemModel } from '../../../simulator/evaluate/system-model';
import type { ScenarioResults } from '../../../simulator/results';
import { parseScenarioText } from '../../../simulator/scenario/load';
import type { Scenario } from '../../../simulator/scenario/schema';

const root = join(import.meta.dirname, '..', '..', '..');

export function loadScenario(path: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(root, path), 'utf8'));
  if (!parsed.ok)
    throw new Error(`${path}: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  return parsed.scenario;
}

export const AR_SCENARIO_FILE = join(root, 'scenarios', 'ar-translation.yaml');

let cached: { scenario: Scenario; results: ScenarioResults; text: string } | undefined;

/** scenarios/ar-translation.yaml, simulated with its own seed and request count, and its text. */
export function arScenario(): { scenario: Scenario; results: ScenarioResults; text: string } {
  if (!cached) {
    const scenario = loadScenario('scenarios/ar-translation.yaml');
    cached = { scenario, results: evaluateScenario(scenario), text: readFileSync(AR_SCENARIO_FILE, 'utf8') };
  }
  return cached;
}

export const FIXTURE_FILE = 'test/unit/export/fixtures/ar-translation.yaml';

/** The stand-in scenario with hand-made results (fixtures/), for cases the saved scenario does not show. */
export function fixtureScenario(): Scenario {
  return loadScenario('test/unit/export/fixtures/ar-translation.yaml');
}

/** One option of scenarios/ar-translation.yaml as the engine takes it: its system model and plan. */
export function arOption(id: string): { scenario: Scenario; system: SystemModel; plan: OptionPlan } {
  const scenario = loadScenario('scenarios/ar-translation.yaml');
  const system = buildSystemModel(scenario);
  const option = scenario.options.find((entry) => entry.id === id);
  if (!option) throw new Error(`the AR scenario has no option ${id}`);
  return { scenario, system, plan: buildOptionPlan(system, option) };
}
