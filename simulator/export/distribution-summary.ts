// Summaries of a scenario's distributions for labels ("40–200 ms") and for the mean one-way
// latency of a hop in the sequence diagram (the simulator reports no per-hop times).
import type { DistributionSpec } from '../scenario/distribution-spec';
import { trim } from './figures';

const Z95 = 1.6448536269514722;

/** The distribution's mean (a normal's truncation at 0 is ignored: it matters only when sd is near the mean). */
export function distributionMean(spec: DistributionSpec): number {
  if (typeof spec === 'number') return spec;
  if ('constant' in spec) return spec.constant;
  if ('uniform' in spec) return (spec.uniform[0] + spec.uniform[1]) / 2;
  if ('exponential' in spec) return spec.exponential;
  if ('normal' in spec) return spec.normal.mean;
  if ('lognormal' in spec) {
    const sigma = Math.log(spec.lognormal.p95 / spec.lognormal.median) / Z95;
    return spec.lognormal.median * Math.exp((sigma * sigma) / 2);
  }
  if ('triangular' in spec) return (spec.triangular[0] + spec.triangular[1] + spec.triangular[2]) / 3;
  return spec.empirical.reduce((sum, value) => sum + value, 0) / spec.empirical.length;
}

/** A short human description in the given unit: `40–200 ms`, `50 ms median, 120 p95`. */
export function describeDistribution(spec: DistributionSpec, unit: string): string {
  if (typeof spec === 'number') return `${trim(spec)} ${unit}`;
  if ('constant' in spec) return `${trim(spec.constant)} ${unit}`;
  if ('uniform' in spec) return `${trim(spec.uniform[0])}–${trim(spec.uniform[1])} ${unit}`;
  if ('exponential' in spec) return `exp. mean ${trim(spec.exponential)} ${unit}`;
  if ('normal' in spec) return `${trim(spec.normal.mean)} ± ${trim(spec.normal.sd)} ${unit}`;
  if ('lognormal' in spec) return `${trim(spec.lognormal.median)} ${unit} median, ${trim(spec.lognormal.p95)} p95`;
  if ('triangular' in spec) return `${trim(spec.triangular[0])}–${trim(spec.triangular[2])} ${unit}`;
  return `mean ${trim(distributionMean(spec))} ${unit}`;
}
