// Reads and validates a scenario file for a command; every problem becomes a UsageError whose
// message is one `FILE: PATH: message` line per problem.
import { readFileSync, statSync } from 'node:fs';
import { formatScenarioError, parseScenarioText, READING_LIMITS, RunLimitError, type Scenario } from '../simulator';
import { UsageError } from './usage-error';

// UTF-8 takes at most 4 bytes a character: a file larger than this cannot be within the limit
// on characters, and is refused before it is read.
const MOST_BYTES = 4 * READING_LIMITS.characters;

export function readScenarioText(file: string): string {
  try {
    // A device or a pipe (/dev/zero, a FIFO) might never end: only regular files are read.
    const stats = statSync(file);
    if (stats.isFile() && stats.size > MOST_BYTES) {
      throw new UsageError(
        `${file}: (file): the file has ${stats.size.toLocaleString('en-US')} bytes; a scenario file has at most ${READING_LIMITS.characters.toLocaleString('en-US')} characters`,
      );
    }
    if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${file}: is not a regular file`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
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

/** Runs a simulation of the file's scenario; a load past what a run can hold is bad input (exit 2). */
export function simulateFile<T>(file: string, simulate: () => T): T {
  try {
    return simulate();
  } catch (error) {
    if (error instanceof RunLimitError) throw new UsageError(formatScenarioError(file, error.scenarioError));
    throw error;
  }
}
