// A Monte Carlo sample re-validates only the parts of the scenario that hold its uncertain
// values: what it gives must be what validating the whole substituted scenario gives, the
// scenario of a valid draw and the errors of a draw that breaks it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, planMonteCarlo, type UncertainScenario } from '../../../simulator';
import { validatePlainScenario } from '../../../simulator/scenario/load';
import { sampleValidation } from '../../../simulator/uncertainty/sample-validation';
import { substituteOnPaths, substituteValues } from '../../../simulator/uncertainty/substitute-values';
import { UNCERTAIN_STATION } from './uncertain-station';

function uncertainOf(text: string): UncertainScenario {
  const parsed = parseScenarioText(text);
  if (!parsed.ok || !parsed.uncertain) throw new Error('the scenario should load with uncertain values');
  return parsed.uncertain;
}

const ar = uncertainOf(readFileSync('scenarios/ar-translation.yaml', 'utf8'));

// Validation of the whole scenario with the values drawn: what every sample did before.
const wholly = (uncertain: UncertainScenario, values: readonly number[]) =>
  validatePlainScenario(substituteValues(uncertain.input, uncertain.parameters, values));

/** The values of the nominal draw with one parameter, by name, set to `value`. */
function drawWith(uncertain: UncertainScenario, name: string, value: number): number[] {
  const index = uncertain.parameters.findIndex((parameter) => parameter.name === name);
  expect(index).toBeGreaterThanOrEqual(0);
  const { tasks } = planMonteCarlo(uncertain, { samples: 0, seed: 1, requests: 10 });
  const values = [...tasks[0].values];
  values[index] = value;
  return values;
}

describe('validating a Monte Carlo sample', () => {
  it('gives the scenario that validating the whole gives, field for field and in the same order', () => {
    const validate = sampleValidation(ar);
    // Uncertain values in list entries (links, models, options) and in a mapping (workload).
    expect(new Set(ar.parameters.map((parameter) => parameter.path[0]))).toEqual(
      new Set(['links', 'models', 'workload', 'options']),
    );
    const { tasks } = planMonteCarlo(ar, { samples: 20, seed: 5, requests: 10 });
    for (const { values } of tasks) {
      const sample = validate(values);
      const whole = wholly(ar, values);
      expect(sample.ok).toBe(true);
      expect(sample).toStrictEqual(whole);
      expect(JSON.stringify(sample)).toBe(JSON.stringify(whole));
    }
  });

  it('reports the errors of a draw that breaks a list entry or a mapping as validating the whole does', () => {
    const validate = sampleValidation(ar);
    const broken = [
      drawWith(ar, 'links[0].mbps', -1),
      // The distribution's own check, of its two bounds together.
      drawWith(ar, 'links[0].latency_ms.uniform[0]', 500),
      drawWith(ar, 'options[4].cache.translate.hit_rate', 1.5),
      drawWith(ar, 'workload.hours_per_day', 30),
    ];
    for (const values of broken) {
      const sample = validate(values);
      expect(sample.ok).toBe(false);
      expect(sample).toStrictEqual(wholly(ar, values));
    }
  });

  it('re-validates a field that is not a list whole, and checks the limits of the whole scenario', () => {
    const station = uncertainOf(
      UNCERTAIN_STATION.replace('cores: 1,', 'cores: { range: [1, 4] },').replace(
        'users: 1',
        'users: { range: [1, 9] }',
      ),
    );
    expect(station.parameters.map((parameter) => parameter.name)).toEqual([
      'hardware.box.cores',
      'components[0].usd_per_hour',
      'workload.users',
      'pipeline[0].compute_ms.exponential',
    ]);
    const validate = sampleValidation(station);
    const draws = [
      drawWith(station, 'hardware.box.cores', 3),
      drawWith(station, 'hardware.box.cores', 0),
      drawWith(station, 'components[0].usd_per_hour', -4),
      // Past the users a run holds: no schema error, a run limit's.
      drawWith(station, 'workload.users', 900_000_000),
    ];
    const outcomes = draws.map((values) => validate(values));
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false, false]);
    outcomes.forEach((outcome, index) => expect(outcome).toStrictEqual(wholly(station, draws[index])));
    expect(outcomes[3]).toMatchObject({ ok: false, errors: [{ path: 'workload.users' }] });
  });
});

describe('substituting values on their paths only', () => {
  it('gives the scenario substituteValues gives, leaving the input as it was', () => {
    const before = JSON.stringify(ar.input);
    const values = ar.parameters.map((_, index) => index + 0.5);
    const substituted = substituteOnPaths(ar.input, ar.parameters, values);
    expect(substituted).toStrictEqual(substituteValues(ar.input, ar.parameters, values));
    expect(JSON.stringify(ar.input)).toBe(before);
  });

  it('copies each mapping or list on the way once, when two values share it', () => {
    const input = { a: { b: { range: [1, 2] }, c: { range: [3, 4] } }, d: [{ e: 1 }] };
    const parameters = [{ path: ['a', 'b'] }, { path: ['a', 'c'] }];
    expect(substituteOnPaths(input, parameters, [1.5, 3.5])).toEqual({ a: { b: 1.5, c: 3.5 }, d: [{ e: 1 }] });
    expect(input.a).toEqual({ b: { range: [1, 2] }, c: { range: [3, 4] } });
  });
});
