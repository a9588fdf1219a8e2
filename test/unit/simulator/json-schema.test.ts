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

  it('describes every property, so that editors show what it means and its unit on hover', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`));
      if (node === null || typeof node !== 'object') return;
      const { properties } = node as { properties?: Record<string, { description?: string }> };
      for (const [key, property] of Object.entries(properties ?? {}))
        if (!property.description) undescribed.push(`${path}.${key}`);
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(scenarioJsonSchema(), '');
    expect(undescribed).toEqual([]);
  });
});
