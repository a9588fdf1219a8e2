// Statistics of the latencies of completed requests: exact order statistics of the whole run
// (no streaming estimate), and 95% confidence intervals by the method of batch means.
import type { LatencySummary } from '../results';
import { quantileBySelection, sortNonNegative } from './order-statistics';

const BATCHES = 20;
// Student's t at 97.5% with BATCHES - 1 = 19 degrees of freedom.
const T_19 = 2.093;
// Below this many completed requests per batch, batch statistics are too noisy to report.
const MIN_PER_BATCH = 50;

/** Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const low = Math.floor(position);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export interface LatencyStatistics {
  summary: LatencySummary;
  quantiles: number[];
}

export function summarizeLatencies(latencies: Float64Array): LatencyStatistics | null {
  let count = 0;
  for (let index = 0; index < latencies.length; index++) if (!Number.isNaN(latencies[index])) count++;
  if (count === 0) return null;
  const completed = new Float64Array(count);
  let write = 0;
  let sum = 0;
  for (let index = 0; index < latencies.length; index++) {
    const value = latencies[index];
    if (!Number.isNaN(value)) {
      completed[write++] = value;
      sum += value;
    }
  }
  const ci95 = batchIntervals(completed);
  const sorted = sortNonNegative(completed);
  const summary: LatencySummary = {
    mean: sum / count,
    p50: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
    p95: quantileOfSorted(sorted, 0.95),
    p99: quantileOfSorted(sorted, 0.99),
    max: sorted[count - 1],
  };
  if (ci95) summary.ci95 = ci95;
  const quantiles: number[] = [];
  for (let percent = 0; percent <= 100; percent++) quantiles.push(quantileOfSorted(sorted, percent / 100));
  return { summary, quantiles };
}

// Consecutive batches of requests are nearly independent when each is much longer than the
// system's memory, so the spread of their means (and of their p95s) gives the intervals.
function batchIntervals(completed: Float64Array): LatencySummary['ci95'] | undefined {
  const size = Math.floor(completed.length / BATCHES);
  if (size < MIN_PER_BATCH) return undefined;
  const means: number[] = [];
  const p95s: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const slice = completed.slice(batch * size, (batch + 1) * size);
    let sum = 0;
    for (let index = 0; index < size; index++) sum += slice[index];
    means.push(sum / size);
    p95s.push(quantileBySelection(slice, 0.95));
  }
  return { mean: interval(means), p95: interval(p95s) };
}

function interval(values: number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = T_19 * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}
