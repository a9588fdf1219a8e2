// Regenerates scenarios/placewise.schema.json from the zod definition (npm run schema).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../simulator/scenario/json-schema';

writeFileSync(
  new URL('../scenarios/placewise.schema.json', import.meta.url),
  `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
);
