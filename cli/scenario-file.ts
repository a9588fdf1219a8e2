// Reads and validates a scenario file for a command; every problem becomes a UsageError whose
// message is one `FILE: PATH: message` line per problem.
import { readRegularFileSync, UnreadableFileError } from '../bench/files/read-regular-file';
import {
  formatScenarioError,
  parseScenarioText,
  RunLimitError,
  type Scenario,
  type UncertainScenario,
} from '../simulator';
import { UsageError } from './usage-error';

/** The text of a scenario file: a regular file within the scenario size limit, else a UsageError saying why. */
export function readScenarioText(file: string): string {
  try {
    return readRegularFileSync(file, 'scenario').toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UsageError(error.message);
    throw error;
  }
}

export interface ScenarioFile {
  text: string;
  scenario: Scenario;
  /** Present when some numbers are uncertain, for Monte Carlo. */
  uncertain?: UncertainScenario;
}

/** The file's text and its valid scenario, else a UsageError with every problem. */
export function readScenarioFile(file: string): ScenarioFile {
  const text = readScenarioText(file);
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((error) => formatScenarioError(file, error)).join('\n'));
  return { text, scenario: parsed.scenario, uncertain: parsed.uncertain };
}

export function loadScenarioFile(file: string): Scenario {
  return readScenarioFile(file).scenario;
}

/** Runs a simulation of the file's scenario; a load past what a run can hold is bad input (exit 2). */
export function simulateFile<T>(file: string, simulate: () => T): T {
  try {
    return simulate();
  } catch (error) {
    if (error instanceof RunLimitError) throw new UsageError(formatScenarioError(file, error.scenarioError));
    throw error;
  }
}
