// Whether a scenario field takes whole numbers, read from the zod definition itself so that a
// new integer field (replicas, users, cores, max_batch) needs no list kept here: an uncertain
// value on such a field is rounded, or every draw of `replicas: { range: [4, 8] }` would be
// rejected as "expected int".
import type { z } from 'zod';
import { scenarioSchema } from '../scenario/schema';

/** The parts of a zod schema's definition that walking it needs. */
export interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

// The schemas a value at `path` below `schema` may be checked against (several under a union).
function schemasAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return schemasAt(def.innerType, path);
  // A pipe checks its input against `in` (a preprocess's checks are in `out`, after its transform).
  if (def.type === 'pipe') return [def.in, def.out].flatMap((side) => (side ? schemasAt(side, path) : []));
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => schemasAt(option, path));
  if (path.length === 0) return [schema];
  const [head, ...rest] = path;
  const child =
    def.type === 'object'
      ? def.shape?.[String(head)]
      : def.type === 'array'
        ? def.element
        : def.type === 'tuple'
          ? (def.items?.[Number(head)] ?? def.rest ?? undefined)
          : def.type === 'record'
            ? def.valueType
            : undefined;
  return child ? schemasAt(child, rest) : [];
}

/** True when every number the schema accepts at `path` must be whole. */
export function isWholeNumberField(path: readonly (string | number)[], schema: z.ZodType = scenarioSchema): boolean {
  const numbers = schemasAt(schema, path).filter((candidate) => defOf(candidate).type === 'number');
  return (
    numbers.length > 0 && numbers.every((candidate) => (candidate as unknown as { isInt?: boolean }).isInt === true)
  );
}
