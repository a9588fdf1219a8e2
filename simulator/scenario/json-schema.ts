// The scenario format as JSON Schema, generated from the zod definition so the two never drift;
// committed as scenarios/placewise.schema.json for editors (a test keeps the file current).
import { z } from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Placewise scenario, format version 1',
  };
}
