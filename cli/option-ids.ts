// The deployment options a command is asked about (`--option ID`), checked against the
// scenario. The message names the flag and the scenario's options, so that an option id the
// scenario lacks never reads like an unknown command-line flag.
import type { Scenario } from '../simulator';
import { UsageError } from './usage-error';

export function checkOptionIds(file: string, scenario: Scenario, ids: readonly string[]): void {
  const known = scenario.options.map((option) => option.id);
  for (const id of ids) {
    if (!known.includes(id))
      throw new UsageError(`--option ${id}: ${file} has no option '${id}' (its options: ${known.join(', ')})`);
  }
}
