// The JSON Schema of `placewise run --json`, generated from the TypeScript types the simulator
// fills (simulator/results-json.ts, ResultsDocument), so the two never drift; committed as
// docs/placewise-results.schema.json (npm run schema; a test keeps the file current).
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

export const RESULTS_SCHEMA_FILE = new URL('../docs/placewise-results.schema.json', import.meta.url);

export function resultsJsonSchema(): Record<string, unknown> {
  const generator = createGenerator({
    path: fileURLToPath(new URL('../simulator/results-json.ts', import.meta.url)),
    // Only the results' own files, no ambient typings: generating takes a second, not ten.
    tsconfig: fileURLToPath(new URL('./results-schema.tsconfig.json', import.meta.url)),
    type: 'ResultsDocument',
    // The types were checked by tsc already; the generator only reads them.
    skipTypeCheck: true,
    jsDoc: 'extended',
    sortProps: false,
    // More fields are welcome (DESIGN.md section 3): a reader must accept additions.
    additionalProperties: true,
  });
  return {
    $id: 'https://placewise.dev/schemas/placewise-results-1.json',
    title: 'Placewise results (placewise run --json), format placewise-results/1',
    ...(generator.createSchema('ResultsDocument') as Record<string, unknown>),
  };
}
