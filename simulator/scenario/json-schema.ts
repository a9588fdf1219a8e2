// The scenario format as JSON Schema, generated from the zod definition so the two never drift;
// committed as scenarios/placewise.schema.json for editors (a test keeps the file current).
import * as z from 'zod';
import { distributionSchema, scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...(allowUncertainNumbers(schema) as Record<string, unknown>),
    title: 'Placewise scenario, format version 1',
    $defs: uncertainDefinitions(),
  };
}

// Any number of a scenario may be uncertain (simulator/uncertainty/): validation substitutes
// a plain number before zod sees it, so the zod definition stays about plain numbers and the
// published schema is widened here, at every number it accepts.
function allowUncertainNumbers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowUncertainNumbers);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if ((record.type === 'number' || record.type === 'integer') && !('const' in record) && !('enum' in record)) {
    const { description, default: fallback, ...number } = record;
    return {
      ...(description === undefined ? {} : { description }),
      ...(fallback === undefined ? {} : { default: fallback }),
      anyOf: [number, { $ref: '#/$defs/range' }, { $ref: '#/$defs/uncertain' }],
    };
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, allowUncertainNumbers(value)]));
}

function uncertainDefinitions(): Record<string, unknown> {
  const { $schema: _, ...distribution } = z.toJSONSchema(distributionSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    range: {
      description:
        'an uncertain number: fixed but unknown, uniform between the bounds; a normal run uses the midpoint, placewise run --monte-carlo draws it once per sample',
      type: 'object',
      properties: {
        range: {
          description: '[low, high], in the unit of the field it stands for',
          type: 'array',
          prefixItems: [
            { type: 'number', minimum: 0 },
            { type: 'number', minimum: 0 },
          ],
          items: false,
          minItems: 2,
          maxItems: 2,
        },
      },
      required: ['range'],
      additionalProperties: false,
    },
    uncertain: {
      description:
        'an uncertain number: fixed but unknown, spread as the distribution; a normal run uses its mean, placewise run --monte-carlo draws it once per sample',
      type: 'object',
      properties: { uncertain: distribution },
      required: ['uncertain'],
      additionalProperties: false,
    },
  };
}
