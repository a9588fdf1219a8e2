import { describe, expect, test } from 'vitest';
import { STARTER_DEVICES, STARTER_PATTERNS, starterScenario } from '../../../app/new-scenario/starters';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { validateScenario } from '../../../simulator/scenario/load';

describe('File › New starting points', () => {
  test.each(STARTER_PATTERNS.flatMap((pattern) => STARTER_DEVICES.map((device) => [pattern, device] as const)))(
    '%s with a %s is valid and simulates with every request completing',
    (pattern, device) => {
      const validated = validateScenario(starterScenario(pattern, device));
      if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
      const { scenario } = validated;
      expect(scenario.components[0]).toMatchObject({ id: device, kind: device });
      if (pattern !== 'blank') {
        expect(scenario.components.map((component) => component.kind)).toEqual([device, 'phone', 'cloud']);
        expect(scenario.links.map((link) => link.between)).toEqual([
          [device, 'phone'],
          ['phone', 'cloud'],
        ]);
        expect(scenario.options.some((option) => option.pattern === pattern)).toBe(true);
      }
      const results = evaluateScenario(scenario, { fidelity: 'preview', requests: 300 });
      for (const option of results.options) {
        expect(option.failed, option.id).toBe(0);
        expect(
          option.warnings.filter((warning) => warning.includes('saturated')),
          option.id,
        ).toEqual([]);
      }
    },
  );
});
