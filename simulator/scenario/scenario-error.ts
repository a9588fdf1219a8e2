// A problem found in a scenario, reported as `FILE: PATH: message` (DESIGN.md section 2).
import { escapeText, shortText } from './user-text';
export interface ScenarioError {
  /** Dotted/indexed path into the scenario, e.g. `pipeline[2].model`; empty for the whole file. */
  path: string;
  message: string;
  /** 1-based line in the source text, where known. */
  line?: number;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * `FILE: PATH: message (line N)`. The path can hold a user's keys and the file name a user's
 * folder names: both are escaped and shortened like any quoted user text, so that the line stays
 * one readable line.
 */
export function formatScenarioError(file: string, error: ScenarioError): string {
  const where = error.line === undefined ? '' : ` (line ${error.line})`;
  return `${escapeText(file)}: ${error.path ? shortText(error.path, 200) : '(file)'}: ${escapeText(error.message)}${where}`;
}
