// The app's worker simulates the option on the canvas first and then the rest, reusing it: the
// results must be those of one whole run, since an option's figures depend only on the scenario,
// the settings and the seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { parseScenarioText } from '../../../simulator/scenario/load';

const root = join(import.meta.dirname, '..', '..', '..');
const parsed = parseScenarioText(readFileSync(join(root, 'scenarios', 'ar-translation.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('the AR scenario does not load');
const scenario = parsed.scenario;

describe('an option evaluated first and reused', () => {
  it('gives the results of one whole run, and is reused as it is', () => {
    const settings = { fidelity: 'preview' as const, requests: 500 };
    const whole = evaluateScenario(scenario, settings);
    const first = evaluateScenario(scenario, { ...settings, options: ['hybrid'] }).options;
    const started: string[] = [];
    const reused = evaluateScenario(scenario, {
      ...settings,
      known: first,
      onOption: (_index, _count, option) => started.push(option),
    });
    expect(reused).toEqual(whole);
    expect(reused.options.find((option) => option.id === 'hybrid')).toBe(first[0]);
    // Progress still counts every option.
    expect(started).toEqual(scenario.options.map((option) => option.id));
  });
});
