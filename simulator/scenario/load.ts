// Reads a scenario from text (YAML or JSON) and validates it. File reading is the caller's:
// this module also runs in a Web Worker.
import { type Document, isMap, isSeq, type LineCounter } from 'yaml';
import { findUncertainValues } from '../uncertainty/find-uncertain';
import { substituteNominalValues } from '../uncertainty/substitute-values';
import type { UncertainScenario } from '../uncertainty/uncertain-value';
import { checkReferences } from './references';
import { referenceErrorsDespiteSchema } from './references-despite-schema';
import { runLimitErrors } from './run-limits';
import type { ScenarioError } from './scenario-error';
import { type Scenario, scenarioSchema } from './schema';
import { readYaml } from './yaml-reading';
import { issuesToErrors } from './zod-issues';

export type ScenarioParse =
  | {
      ok: true;
      scenario: Scenario;
      /** Present when some numbers are uncertain (`scenario` then holds their nominal values): for Monte Carlo. */
      uncertain?: UncertainScenario;
    }
  | { ok: false; errors: ScenarioError[] };

/** A scenario file read as YAML or JSON, not yet validated. */
export type ScenarioRead =
  | { ok: true; raw: Record<string, unknown>; lineOf(error: ScenarioError): ScenarioError }
  | { ok: false; errors: ScenarioError[] };

/**
 * Reads a scenario's text as YAML or JSON into a mapping, without validating it: a file that
 * reads can be opened and repaired in the app even when it does not validate.
 */
export function readScenarioText(text: string): ScenarioRead {
  const read = readYaml(text, claimsScenario);
  if (!read.ok) return read;
  const { document, lineCounter, value: raw } = read;
  const lineOf = (error: ScenarioError): ScenarioError => ({
    ...error,
    line: error.line ?? lineAt(document, lineCounter, error.path),
  });
  // claimsScenario let only a mapping through.
  return { ok: true, raw: raw as Record<string, unknown>, lineOf };
}

// A file is read as a scenario only when it says it is one, with the format version at its top:
// the messages about any other file (a password file, a key) must not quote a byte of it.
function claimsScenario(document: Document.Parsed): ScenarioError | undefined {
  if (isMap(document.contents) && document.contents.has('placewise')) return undefined;
  const syntax = document.errors.length > 0 ? 'not valid YAML or JSON, and ' : '';
  return {
    path: '',
    message: `not a Placewise scenario: ${syntax}no \`placewise: 1\` at its top (a scenario is a mapping with placewise, name, components, workload, pipeline and options)`,
  };
}

export function parseScenarioText(text: string): ScenarioParse {
  const read = readScenarioText(text);
  if (!read.ok) return read;
  const validated = validateScenario(read.raw);
  return validated.ok ? validated : { ok: false, errors: validated.errors.map(read.lineOf) };
}

/**
 * Validates an already-parsed scenario object (the app's in-memory edits). Uncertain values
 * (`{ range: [a, b] }`, `{ uncertain: DISTRIBUTION }`) take their nominal value; the paths
 * are unchanged by that, so errors still point at the field as written.
 */
export function validateScenario(raw: unknown): ScenarioParse {
  const uncertainty = findUncertainValues(raw);
  const validated = validatePlainScenario(substituteNominalValues(raw, uncertainty.parameters));
  if (uncertainty.errors.length === 0) {
    if (!validated.ok || uncertainty.parameters.length === 0) return validated;
    return { ...validated, uncertain: { input: raw, parameters: uncertainty.parameters } };
  }
  // A malformed uncertain value is reported once, by what is wrong inside it.
  const inside = (path: string) =>
    uncertainty.invalidPaths.some((bad) => path === bad || path.startsWith(`${bad}.`) || path.startsWith(`${bad}[`));
  const others = validated.ok ? [] : validated.errors.filter((error) => !inside(error.path));
  return { ok: false, errors: [...uncertainty.errors, ...others] };
}

/** Validates a scenario object whose numbers are all plain numbers (Monte Carlo samples). */
export function validatePlainScenario(raw: unknown): ScenarioParse {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const { issues } = parsed.error;
    return { ok: false, errors: [...issuesToErrors(issues), ...referenceErrorsDespiteSchema(raw, issues)] };
  }
  return checkSchemaValid(parsed.data);
}

/** The checks after the schema's: of a scenario that the schema accepts (`scenario`, its output). */
export function checkSchemaValid(scenario: Scenario): ScenarioParse {
  const references = checkReferences(scenario);
  // Limits are about figures that are otherwise right: checked once the references hold.
  const errors = references.length > 0 ? references : runLimitErrors(scenario);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario };
}

function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return segments;
}

// The line of the deepest node of `path` that exists in the document.
function lineAt(document: Document.Parsed, lineCounter: LineCounter, path: string): number | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const segment of pathSegments(path)) {
    if (isMap(node) || isSeq(node)) {
      const child = node.get(segment, true);
      if (child === undefined) break;
      node = child;
      const range = (child as { range?: [number, number, number] }).range;
      if (range) offset = range[0];
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
