// What `placewise check` found for each scenario, as data for its JSON and JUnit forms: the
// option it judged (the decision, else the recommendation) and that option's verdict against
// each budget, or why the file could not be checked.
import type { BudgetVerdict, ScenarioResults } from '../../simulator';

export const CHECK_FORMAT = 'placewise-check/1';

export interface CheckedScenario {
  file: string;
  scenario: string;
  scenario_sha256: string;
  seed: number;
  decision: string | null;
  /** The option whose budgets are listed: the decision, else the recommendation. */
  option: string | null;
  pass: boolean;
  message: string;
  budgets: BudgetVerdict[];
  /** Seconds the simulation took. */
  seconds: number;
}

/** A file that could not be checked: it does not read or validate (exit 2). */
export interface UncheckedScenario {
  file: string;
  error: string;
}

export type ScenarioCheck = CheckedScenario | UncheckedScenario;

export interface CheckReport {
  format: typeof CHECK_FORMAT;
  placewise_version: string;
  generated_at: string;
  /** Every scenario checked and passed. */
  pass: boolean;
  scenarios: ScenarioCheck[];
}

export function checkedScenario(
  file: string,
  sha256: string,
  results: ScenarioResults,
  outcome: { pass: boolean; message: string },
  seconds: number,
): CheckedScenario {
  const option = results.decision ?? results.recommendation;
  return {
    file,
    scenario: results.scenario,
    scenario_sha256: sha256,
    seed: results.seed,
    decision: results.decision ?? null,
    option,
    pass: outcome.pass,
    message: outcome.message,
    budgets: results.options.find((candidate) => candidate.id === option)?.budgets ?? [],
    seconds,
  };
}

export function isChecked(check: ScenarioCheck): check is CheckedScenario {
  return !('error' in check);
}
