// Validation of a Monte Carlo sample's scenario, done per study where it can be. Samples differ
// from the nominal scenario only in their uncertain values, and the schema checks each field of
// the scenario, and each entry of a list, on its own (the lists' own checks are of their
// length): the parts that hold no uncertain value validate as the nominal scenario's do, to the
// same output. So the nominal scenario is validated once, and a sample re-validates only the
// top-level fields and list entries that hold its uncertain values, then checks references and
// run limits of the whole as ever. The other parts are the nominal scenario's own objects,
// shared by every sample (nothing downstream writes to a scenario). Where a part fails, the
// whole scenario is validated as before, so that a draw that breaks the scenario reports
// exactly the errors it always did.
import { checkSchemaValid, type ScenarioParse, validatePlainScenario } from '../scenario/load';
import { type Scenario, scenarioSchema } from '../scenario/schema';
import { substituteNominalValues, substituteOnPaths } from './substitute-values';
import type { UncertainScenario } from './uncertain-value';

type Schema = { safeParse(input: unknown): { success: true; data: unknown } | { success: false } };
type Shape = Record<string, Schema>;
type Fields = Record<string, unknown>;

/** A part of the scenario to re-validate: a top-level field, whole or some entries of its list. */
interface Part {
  key: string;
  /** The list entries' schema and the entries holding uncertain values; absent: the whole field. */
  entries?: { schema: Schema; indices: number[] };
}

/** Validates the scenario with the values drawn, `values[i]` for `uncertain.parameters[i]`. */
export type SampleValidation = (values: readonly number[]) => ScenarioParse;

export function sampleValidation(uncertain: UncertainScenario): SampleValidation {
  const { input, parameters } = uncertain;
  const whole = (values: readonly number[]) => validatePlainScenario(substituteOnPaths(input, parameters, values));
  const nominal = validatePlainScenario(substituteNominalValues(input, parameters));
  const parts = partsToCheck(parameters);
  // Stryker disable next-line ConditionalExpression: validating every sample whole gives the same outcomes, only slower.
  if (!nominal.ok || parts === undefined) return whole;
  const shape = scenarioSchema.shape as unknown as Shape;
  const base = nominal.scenario as unknown as Fields;
  const baseKeys = Object.keys(base);
  return (values) => {
    const raw = substituteOnPaths(input, parameters, values) as Fields;
    // Copied key by key rather than spread: a spread copy takes another hidden class once V8's
    // cache for its site warms up (after a few samples), and a scenario of a second shape
    // deoptimised every function reading it, the simulation's own among them.
    const fields: Fields = {};
    for (const key of baseKeys) fields[key] = base[key];
    for (const { key, entries } of parts) {
      if (!entries) {
        const parsed = shape[key].safeParse(raw[key]);
        if (!parsed.success) return validatePlainScenario(raw);
        fields[key] = parsed.data;
        continue;
      }
      const list = [...(base[key] as unknown[])];
      for (const index of entries.indices) {
        const parsed = entries.schema.safeParse((raw[key] as unknown[])[index]);
        if (!parsed.success) return validatePlainScenario(raw);
        list[index] = parsed.data;
      }
      fields[key] = list;
    }
    return checkSchemaValid(fields as unknown as Scenario);
  };
}

// The parts holding uncertain values, or undefined where some uncertain value is not inside a
// field of the scenario's schema (then every sample is validated whole).
function partsToCheck(parameters: UncertainScenario['parameters']): Part[] | undefined {
  const shape = scenarioSchema.shape as unknown as Record<string, unknown>;
  const wholeFields = new Set<string>();
  const entries = new Map<string, { schema: Schema; indices: number[] }>();
  for (const { path } of parameters) {
    const [key, index] = path;
    if (typeof key !== 'string' || !Object.hasOwn(shape, key)) return undefined;
    const schema = listEntrySchema(shape[key]);
    if (schema === undefined || typeof index !== 'number') {
      wholeFields.add(key);
      continue;
    }
    const listed = entries.get(key) ?? { schema, indices: [] };
    if (!listed.indices.includes(index)) listed.indices.push(index);
    entries.set(key, listed);
  }
  return [
    ...[...wholeFields].map((key) => ({ key })),
    ...[...entries].filter(([key]) => !wholeFields.has(key)).map(([key, listed]) => ({ key, entries: listed })),
  ];
}

// zod's definition of a schema (its internals: any shape not recognised here is validated whole).
interface Definition {
  type: string;
  innerType?: { _zod: { def: Definition } };
  element?: Schema;
  checks?: { _zod: { def: { check: string } } }[];
}

/**
 * The entries' schema of a list field whose own checks are only of its length, looking through
 * a default or an optional (which decide nothing for a field that is there, as a field holding
 * an uncertain value is); undefined for any other schema.
 */
function listEntrySchema(schema: unknown): Schema | undefined {
  let definition = (schema as { _zod: { def: Definition } })._zod.def;
  while (['default', 'prefault', 'optional'].includes(definition.type) && definition.innerType) {
    definition = definition.innerType._zod.def;
  }
  if (definition.type !== 'array' || !definition.element) return undefined;
  const lengthOnly = (definition.checks ?? []).every((check) =>
    ['min_length', 'max_length', 'length_equals'].includes(check._zod.def.check),
  );
  return lengthOnly ? definition.element : undefined;
}
