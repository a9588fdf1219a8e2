// Nominal values, quantiles and the reading of uncertain forms.
import { describe, expect, it } from 'vitest';
import { findUncertainValues, nominalValue, type UncertainParameter, valueAt } from '../../../simulator';

const parameter = (spec: UncertainParameter['spec'], integer = false): UncertainParameter => ({
  path: ['x'],
  name: 'x',
  spec,
  integer,
});

describe('the nominal value of an uncertain number', () => {
  it('is the midpoint of a range', () => {
    expect(nominalValue(parameter({ range: [10, 30] }))).toBe(20);
  });

  it('is the mean of a distribution', () => {
    expect(nominalValue(parameter({ uncertain: { uniform: [2, 4] } }))).toBe(3);
    expect(nominalValue(parameter({ uncertain: { normal: { mean: 100, sd: 5 } } }))).toBeCloseTo(100, 6);
    expect(nominalValue(parameter({ uncertain: { triangular: [0, 3, 6] } }))).toBe(3);
    expect(nominalValue(parameter({ uncertain: { empirical: [1, 2, 6] } }))).toBe(3);
    expect(nominalValue(parameter({ uncertain: { exponential: 7 } }))).toBe(7);
    expect(nominalValue(parameter({ uncertain: 5 }))).toBe(5);
    // A lognormal's mean, not its median: exp(mu + sigma^2 / 2).
    const sigma = Math.log(2) / 1.6448536269514722;
    expect(nominalValue(parameter({ uncertain: { lognormal: { median: 10, p95: 20 } } }))).toBeCloseTo(
      10 * Math.exp((sigma * sigma) / 2),
      9,
    );
  });

  it('is rounded on whole-number fields', () => {
    expect(nominalValue(parameter({ range: [4, 7] }, true))).toBe(6);
  });
});

describe('the value at a probability of an uncertain number', () => {
  it('follows the range or distribution', () => {
    expect(valueAt(parameter({ range: [10, 30] }), 0.25)).toBe(15);
    expect(valueAt(parameter({ uncertain: { normal: { mean: 100, sd: 10 } } }), 0.95)).toBeCloseTo(116.45, 1);
  });

  it('is a whole number, each equally likely, on a whole-number field', () => {
    const replicas = parameter({ range: [4, 7] }, true);
    expect([0, 0.249, 0.25, 0.5, 0.75, 0.999].map((p) => valueAt(replicas, p))).toEqual([4, 4, 5, 6, 7, 7]);
  });
});

describe('finding uncertain numbers in a scenario as written', () => {
  it('finds them with their paths and whether the field takes whole numbers', () => {
    const scan = findUncertainValues({
      hardware: { box: { cores: { range: [2, 8] } } },
      components: [{ id: 'cloud', replicas: { range: [2, 4] } }],
      links: [{ id: 'l', latency_ms: { uniform: [{ range: [1, 2] }, 5] } }],
      workload: { per_user_rps: { uncertain: { normal: { mean: 1, sd: 0.1 } } } },
      options: [{ id: 'o', batching: { cloud: { max_batch: { range: [4, 16] }, max_wait_ms: 5 } } }],
    });
    expect(scan.errors).toEqual([]);
    expect(scan.parameters.map((found) => [found.name, found.integer])).toEqual([
      ['hardware.box.cores', true],
      ['components[0].replicas', true],
      ['links[0].latency_ms.uniform[0]', false],
      ['workload.per_user_rps', false],
      ['options[0].batching.cloud.max_batch', true],
    ]);
  });

  it('does not mistake ids named range or uncertain for uncertain numbers', () => {
    const scan = findUncertainValues({
      options: [{ id: 'o', place: { range: 'cloud' }, cache: { uncertain: { at: 'phone', hit_rate: 0.5 } } }],
    });
    expect(scan).toEqual({ parameters: [], errors: [], invalidPaths: [] });
  });

  it('reports a malformed one at its own path', () => {
    const scan = findUncertainValues({
      links: [{ mbps: { range: [40, 5] } }, { mbps: { uncertain: { normal: { mean: 3 } } } }],
    });
    expect(scan.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'links[0].mbps.range: lower bound is above upper bound',
      'links[1].mbps.uncertain.normal.sd: required',
    ]);
  });
});
