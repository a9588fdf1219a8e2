// Regenerates the committed JSON Schemas (npm run schema): scenarios/placewise.schema.json from
// the scenario's zod definition, docs/placewise-results.schema.json from the results' types.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../simulator/scenario/json-schema';
import { RESULTS_SCHEMA_FILE, resultsJsonSchema } from './results-schema';

writeFileSync(
  new URL('../scenarios/placewise.schema.json', import.meta.url),
  `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
);
writeFileSync(RESULTS_SCHEMA_FILE, `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
