// Summary statistics of a latency sample. Percentiles interpolate linearly between the two
// nearest order statistics (numpy's default, Hyndman-Fan type 7), so p50 of an even-sized sample
// is the mean of the middle two; the standard deviation is the sample one (n - 1).

import { quantileOfSorted } from '../../simulator/evaluate/latency-statistics';

export interface LatencySummary {
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  sd: number;
}

/** The q-quantile (0 <= q <= 1) of an ascending-sorted sample: the simulator's definition. */
export const quantileSorted = quantileOfSorted;

export function summarizeLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  return {
    min: sorted[0] ?? Number.NaN,
    mean,
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[n - 1] ?? Number.NaN,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
  };
}

/** Rounds every figure to microseconds: more digits than that are timer noise in a results file. */
export function roundSummary(summary: LatencySummary): LatencySummary {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    min: round(summary.min),
    mean: round(summary.mean),
    p50: round(summary.p50),
    p90: round(summary.p90),
    p95: round(summary.p95),
    p99: round(summary.p99),
    max: round(summary.max),
    sd: round(summary.sd),
  };
}
