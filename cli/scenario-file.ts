// Reads and validates a scenario file for a command; every problem becomes a UsageError whose
// message is one `FILE: PATH: message` line per problem.
import { readFileSync } from 'node:fs';
import { formatScenarioError, parseScenarioText, type Scenario } from '../simulator';
import { UsageError } from './usage-error';

export function readScenarioText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a scenario file'
          : `cannot be read (${code})`;
    throw new UsageError(`${file}: ${reason}`);
  }
}

export function loadScenarioFile(file: string): Scenario {
  const parsed = parseScenarioText(readScenarioText(file));
  if (!parsed.ok) throw new UsageError(parsed.errors.map((error) => formatScenarioError(file, error)).join('\n'));
  return parsed.scenario;
}
