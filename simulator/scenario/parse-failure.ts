// A scenario text whose reading threw instead of answering with errors (a YAML alias cycle or
// alias bomb, which the loader may not yet turn into errors of its own): one error for the
// whole file, so that the app and the host show a message rather than fail.
import { parseScenarioText, type ScenarioParse } from './load';
import type { ScenarioError } from './scenario-error';

export function parseFailure(error: unknown): ScenarioError {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return { path: '', message: `cannot be read as a scenario: ${reason}` };
}

/** parseScenarioText that never throws. */
export function parseScenarioTextSafely(text: string): ScenarioParse {
  try {
    return parseScenarioText(text);
  } catch (error) {
    return { ok: false, errors: [parseFailure(error)] };
  }
}
