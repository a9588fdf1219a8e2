// The inspector's structured editors map what the user sees to the scenario's YAML values and
// back; these are those mappings, checked value by value.
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { setField } from '../../../app/editing/edits';
import {
  choiceEntries,
  distributionKind,
  distributionMean,
  nextBatchPoint,
  nextOutage,
  nominalOf,
  outageMode,
  parseNumber,
  parseNumberList,
  profileFromHours,
  profileScale,
  profileValueAt,
  readNumber,
  replicasMode,
  withDistributionKind,
  withEntry,
  withEntryKey,
  withHour,
  withOutageMode,
  withoutEntry,
  withReplicasMode,
  withUncertainty,
} from '../../../app/editing/value-forms';
import { validateScenario } from '../../../simulator/scenario/load';
import { DISTRIBUTION_KINDS } from '../../../simulator/scenario/distribution-spec';
import { twoTierDraft } from './scenario-draft';

const flow = (value: unknown) => stringify(value, { collectionStyle: 'flow' }).trim();

describe('numbers that may be uncertain', () => {
  test('read a number, a range, an uncertain distribution, and leave anything else as written', () => {
    expect(readNumber(20)).toEqual({ mode: 'fixed', value: 20 });
    expect(readNumber(undefined)).toEqual({ mode: 'fixed', value: undefined });
    expect(readNumber({ range: [5, 20] })).toEqual({ mode: 'range', low: 5, high: 20 });
    expect(readNumber({ uncertain: { normal: { mean: 9, sd: 1 } } })).toEqual({
      mode: 'distribution',
      distribution: { normal: { mean: 9, sd: 1 } },
    });
    expect(readNumber([1, 2]).mode).toBe('other');
  });

  test('a fixed number becomes a ±20% range, a range a uniform distribution, and back to the nominal value', () => {
    const range = withUncertainty(20, 'range');
    expect(flow(range)).toBe('{ range: [ 16, 24 ] }');
    const distribution = withUncertainty(range, 'distribution');
    expect(distribution).toEqual({ uncertain: { uniform: [16, 24] } });
    expect(withUncertainty(distribution, 'fixed')).toBe(20);
    expect(withUncertainty({ range: [5, 20] }, 'fixed')).toBe(12.5);
    // Whole-number fields keep whole bounds and at least one apart.
    expect(withUncertainty(2, 'range', true)).toEqual({ range: [1, 3] });
    expect(withUncertainty({ range: [3, 6] }, 'fixed', true)).toBe(5);
  });

  test('every uncertain form the editor writes validates, and the nominal value is what a run uses', () => {
    for (const mode of ['range', 'distribution'] as const) {
      const value = withUncertainty(10, mode);
      const draft = setField(twoTierDraft(), ['links', 0, 'mbps'], value);
      const parsed = validateScenario(draft);
      expect(parsed.ok, mode).toBe(true);
      if (parsed.ok) expect(parsed.scenario.links[0].mbps).toBeCloseTo(nominalOf(value)!, 9);
    }
  });

  test('typed numbers: commas as thousands, whole numbers where required, lists for empirical', () => {
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('abc')).toBe('not a number');
    expect(parseNumber('2.5', true)).toBe('a whole number');
    expect(parseNumberList('12, 15 40')).toEqual([12, 15, 40]);
    expect(parseNumberList('12, x')).toBe('numbers separated by commas');
  });
});

describe('distributions', () => {
  test('each kind is recognised, and an unknown form is left as written', () => {
    expect(distributionKind(5)).toBe('number');
    expect(distributionKind({ range: [1, 2] })).toBe('number');
    for (const kind of DISTRIBUTION_KINDS) expect(distributionKind(withDistributionKind(10, kind))).toBe(kind);
    expect(distributionKind({ uniform: [1, 2], exponential: 3 })).toBeNull();
  });

  test('changing the kind keeps the mean, and every kind written validates as a compute time', () => {
    const start = { lognormal: { median: 50, p95: 120 } };
    const mean = distributionMean(start)!;
    for (const kind of ['number', 'constant', 'uniform', 'exponential', 'normal', 'triangular'] as const) {
      const next = withDistributionKind(start, kind);
      // Within 0.1%: the normal is truncated at zero, which moves its mean a little.
      expect(Math.abs(distributionMean(next)! / Number(mean.toPrecision(3)) - 1), kind).toBeLessThan(0.001);
    }
    for (const kind of ['number', ...DISTRIBUTION_KINDS] as const) {
      const draft = setField(twoTierDraft(), ['pipeline', 0, 'compute_ms'], withDistributionKind(start, kind));
      expect(validateScenario(draft).ok, kind).toBe(true);
    }
    expect(flow(withDistributionKind(10, 'lognormal'))).toBe('{ lognormal: { median: 10, p95: 20 } }');
  });

  test('the mean counts uncertain parameters at their nominal values', () => {
    expect(distributionMean({ exponential: { uncertain: { uniform: [5, 15] } } })).toBe(10);
    expect(distributionMean({ uniform: [{ range: [0, 2] }, 3] })).toBe(2);
  });
});

describe('outages, replicas and the load profile', () => {
  test('outages: none, alternating periods or a schedule, each valid on a link', () => {
    expect(outageMode(undefined)).toBe('none');
    for (const mode of ['alternating', 'schedule'] as const) {
      const value = withOutageMode(mode);
      expect(outageMode(value)).toBe(mode);
      expect(validateScenario(setField(twoTierDraft(), ['links', 0, 'outages'], value)).ok, mode).toBe(true);
    }
    expect(withOutageMode('none')).toBeUndefined();
    expect(nextOutage([[60, 120]])).toEqual([180, 240]);
  });

  test('replicas: a number or an autoscaling range, keeping the count', () => {
    expect(replicasMode(3)).toBe('fixed');
    expect(replicasMode({ range: [2, 4] })).toBe('fixed');
    const scaled = withReplicasMode(3, 'autoscaled');
    expect(scaled).toEqual({ min: 3, max: 12, target_utilization: 0.6 });
    expect(validateScenario(setField(twoTierDraft(), ['components', 1, 'replicas'], scaled)).ok).toBe(true);
    expect(withReplicasMode(scaled, 'fixed')).toBe(12);
  });

  test('a profile from hours of use keeps the peak and the daily volume; bars map to multipliers', () => {
    const profile = profileFromHours(10);
    expect(profile).toHaveLength(24);
    expect(profile.reduce((sum, value) => sum + value, 0)).toBe(10);
    expect(profile[8]).toBe(1);
    expect(profile[7]).toBe(0);
    expect(profileFromHours(undefined).every((value) => value === 1)).toBe(true);
    expect(profileScale([0.5, 3, { range: [1, 2] }])).toBe(4);
    expect(profileValueAt(48, 96, 2)).toBe(1);
    expect(profileValueAt(200, 96, 2)).toBe(2);
    const edited = withHour(profile, 3, { range: [0.2, 0.4] });
    const draft = setField(twoTierDraft(), ['workload', 'load_profile'], edited);
    expect(validateScenario(draft).ok).toBe(true);
  });
});

describe('maps by id and lists of pairs', () => {
  test('entries are added, moved to another key in place, and the last removal removes the map', () => {
    const record = withEntry({ detect: { at: 'camera' } }, 'capture', { at: 'cloud' });
    expect(Object.keys(withEntryKey(record, 'detect', 'classify'))).toEqual(['classify', 'capture']);
    expect(withEntryKey(record, 'detect', 'capture')).toBe(record);
    expect(withoutEntry(withoutEntry(record, 'detect'), 'capture')).toBeUndefined();
  });

  test('a batch curve grows by doubling the batch', () => {
    expect(nextBatchPoint([])).toEqual([4, 2.2]);
    expect(nextBatchPoint([[4, 2.2]])).toEqual([8, 3.96]);
  });

  test('a select lists each value once', () => {
    const values = (entries: [string, string][]) => entries.map(([value]) => value);
    // An optional select whose value is one of the choices: the value once, and one empty entry.
    const optional = choiceEntries('cloud', ['camera', 'cloud'], true, 'placed per option');
    expect(values(optional)).toEqual(['', 'camera', 'cloud']);
    expect(optional[0][1]).toBe('— placed per option');
    // A value no longer among the choices appears once, marked.
    expect(choiceEntries('edge', ['camera', 'cloud'], true)).toEqual([
      ['', '—'],
      ['edge', 'edge (unknown)'],
      ['camera', 'camera'],
      ['cloud', 'cloud'],
    ]);
    expect(values(choiceEntries('cloud', ['cloud', 'cloud'], false))).toEqual(['cloud']);
  });
});
