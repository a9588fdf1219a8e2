// A problem found in a scenario, reported as `FILE: PATH: message` (DESIGN.md section 2).
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

export function formatScenarioError(file: string, error: ScenarioError): string {
  const where = error.line === undefined ? '' : ` (line ${error.line})`;
  return `${file}: ${error.path || '(file)'}: ${error.message}${where}`;
}
