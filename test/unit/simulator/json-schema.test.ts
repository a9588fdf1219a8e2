import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../simulator/scenario/json-schema';

describe('the published JSON Schema', () => {
  it('is the one generated from the scenario definition (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../scenarios/placewise.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('describes the sections of a scenario and rejects unknown top-level fields', () => {
    const schema = scenarioJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['placewise', 'name', 'components', 'workload', 'pipeline', 'options']),
    );
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['links', 'models', 'budgets', 'decision']));
    expect(schema.additionalProperties).toBe(false);
  });
});
