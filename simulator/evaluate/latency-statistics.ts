// Statistics of the latencies of completed requests: exact order statistics of the whole run
// (no streaming estimate), and 95% confidence intervals by the method of batch means.
import type { LatencySummary } from '../results';
import { quantileBySelection, sortNonNegative } from './order-statistics';

// Batch counts tried, most first, each with Student's t at 97.5% for count - 1 degrees of freedom.
const BATCH_COUNTS: readonly (readonly [number, number])[] = [
  [20, 2.093],
  [10, 2.262],
  [5, 2.776],
];
// Batch means correlated beyond this at lag 1 are not independent: fewer, longer batches are
// tried. (With 20 independent batches the estimate exceeds 0.3 about 8% of the time, which
// only costs a slightly wider interval.)
const MAX_LAG1_CORRELATION = 0.3;
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
// system's memory, so the spread of their means (and of their p95s) gives the intervals. Where
// the system remembers longer (a user's long outage, a slow queue draining), neighbouring batch
// means move together and their spread understates the uncertainty: then fewer, longer batches.
export function batchIntervals(completed: Float64Array): LatencySummary['ci95'] | undefined {
  for (const [count, t] of BATCH_COUNTS) {
    const size = Math.floor(completed.length / count);
    if (size < MIN_PER_BATCH) continue;
    const means = Array.from({ length: count }, (_, batch) => {
      let sum = 0;
      for (let index = batch * size; index < (batch + 1) * size; index++) sum += completed[index];
      return sum / size;
    });
    const fewest = count === BATCH_COUNTS[BATCH_COUNTS.length - 1][0];
    if (!fewest && lag1Correlation(means) > MAX_LAG1_CORRELATION) continue;
    const p95s = means.map((_, batch) => quantileBySelection(completed.slice(batch * size, (batch + 1) * size), 0.95));
    return { mean: interval(means, t), p95: interval(p95s, t) };
  }
  return undefined;
}

function lag1Correlation(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  let products = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const deviation = values[index] - mean;
    squares += deviation * deviation;
    if (index > 0) products += deviation * (values[index - 1] - mean);
  }
  return squares === 0 ? 0 : products / squares;
}

function interval(values: number[], t: number): [number, number] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = t * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}
