// A run that cannot be simulated within bounded time and memory: bad input, reported like a
// scenario error (`FILE: PATH: message`; the CLI exits 2), never an internal error.
import type { ScenarioError } from '../scenario/scenario-error';

export class RunLimitError extends Error {
  override name = 'RunLimitError';
  constructor(readonly scenarioError: ScenarioError) {
    super(scenarioError.message);
  }
}
