// Reads and validates a scenario file for a command; every problem becomes a UsageError whose
// message is one `FILE: PATH: message` line per problem.
import { readRegularFileSync, UnreadableFileError } from '../bench/files/read-regular-file';
import { formatScenarioError, parseScenarioText, type Scenario } from '../simulator';
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
