// Reads and validates a scenario file for a command; every problem becomes a UsageError whose
// message is one `FILE: PATH: message` line per problem.
import { readRegularFileSync, UnreadableFileError } from '../bench/files/read-regular-file';
import { formatScenarioError, parseScenarioText, RunLimitError, type Scenario } from '../simulator';
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

export function loadScenarioFile(file: string): Scenario {
  const parsed = parseScenarioText(readScenarioText(file));
  if (!parsed.ok) throw new UsageError(parsed.errors.map((error) => formatScenarioError(file, error)).join('\n'));
  return parsed.scenario;
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
