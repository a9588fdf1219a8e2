import { describe, expect, test } from 'vitest';
import { optionFigures, warningsBySubject } from '../../../app/canvas/model/figures';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { validateScenario } from '../../../simulator/scenario/load';
import { setField } from '../../../app/editing/edits';
import { threeTierDraft } from './factories';

describe('warnings on the canvas', () => {
  test('go to the component or link they name, the rest to the header', () => {
    const sorted = warningsBySubject(
      [
        'cloud is saturated (utilisation 1.20): its queue grows without bound',
        'link phone-cloud (phone->cloud) is saturated (utilisation 1.05)',
        'no battery figure for phone: its hardware has no power_w',
        'no request completed',
      ],
      ['phone', 'cloud', 'cloud-2'],
      ['phone-cloud', 'phone-cloud-2'],
    );
    expect(Object.fromEntries(sorted.components)).toEqual({
      cloud: ['cloud is saturated (utilisation 1.20): its queue grows without bound'],
      phone: ['no battery figure for phone: its hardware has no power_w'],
    });
    expect(Object.fromEntries(sorted.links)).toEqual({
      'phone-cloud': ['link phone-cloud (phone->cloud) is saturated (utilisation 1.05)'],
    });
    expect(sorted.general).toEqual(['no request completed']);
  });

  test('a saturated cloud is marked and carries its warning; the index is the same object for the same results', () => {
    const overloaded = setField(
      setField(threeTierDraft(), ['workload', 'users'], 200000),
      ['components', 2, 'replicas'],
      1,
    );
    const validated = validateScenario(overloaded);
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    const results = evaluateScenario(validated.scenario, { fidelity: 'preview' });
    const figures = optionFigures(results, validated.scenario, 'in-cloud')!;
    const cloud = figures.components.get('cloud')!;
    expect(cloud.saturated).toBe(true);
    expect(cloud.overBudget).toBe(true);
    expect(cloud.warnings.join('\n')).toContain('cloud is saturated');
    expect(figures.components.get('phone')!.saturated).toBe(false);
    expect(optionFigures(results, validated.scenario, 'in-cloud')).toBe(figures);
    expect(optionFigures(results, validated.scenario, 'no-such-option')).toBeNull();
  });
});
