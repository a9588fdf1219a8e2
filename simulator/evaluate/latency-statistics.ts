// Statistics of the latencies of completed requests: exact order statistics of the whole run
// (no streaming estimate), and 95% confidence intervals by the method of batch means.
import type { LatencySummary } from '../results';
import { type HighWords, highWords, sortsWhole, valuesAtRanks } from './order-statistics';
import { sortedCopy } from './sorted-copy';
import { studentQuantile } from './student-t';

// Batch counts tried, most first.
const BATCH_COUNTS = [20, 10, 5] as const;
// Batch means correlated beyond this at lag 1 are not independent: fewer, longer batches are
// tried. (With 20 independent batches the estimate exceeds 0.3 about 8% of the time, which
// only costs a slightly wider interval.)
const MAX_LAG1_CORRELATION = 0.3;
// Below this many completed requests per batch, batch statistics are too noisy to report.
const MIN_PER_BATCH = 50;

// Student's 97.5% quantile by degrees of freedom, remembered once computed. The batch counts'
// (19, 9 and 4 degrees) are written out as studentQuantile gives them, bit for bit (a test checks
// each): computed cold, before the JIT has warmed to the bisection, they cost some 15 ms of CPU
// each, at every start of a short run.
const T975 = new Map<number, number>([
  [19, 2.0930240544083105],
  [9, 2.2621571627981965],
  [4, 2.776445105197787],
]);

/** Student's 97.5% quantile for `df` degrees of freedom, the factor of a 95% interval's half-width. */
export function t975(df: number): number {
  let quantile = T975.get(df);
  // Stryker disable next-line ConditionalExpression: computing a remembered quantile again gives it bit for bit (order-statistics.test.ts checks the written-out ones); the map only saves the time.
  if (quantile === undefined) {
    quantile = studentQuantile(0.975, df);
    T975.set(df, quantile);
  }
  return quantile;
}

/** Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  // Stryker disable next-line ConditionalExpression: without the shortcut an empty array reads sorted[-1] or sorted[0], undefined, and the arithmetic gives NaN all the same.
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

/**
 * Type-7 quantiles at `shares` of unsorted non-negative values, left as they are: quantileOfSorted
 * of the sorted values, bit for bit, from only the order statistics it reads. `range`, when known,
 * holds the values' high words (see valuesAtRanks).
 */
export function quantilesOfUnsorted(values: Float64Array, shares: readonly number[], range?: HighWords): number[] {
  const n = values.length;
  // Few values (a Monte Carlo sample's runs): one sorted copy, read directly, costs less
  // than gathering the ranks' values into a sparse stand-in for the sorted array.
  // Stryker disable next-line ConditionalExpression,BlockStatement: both ways read the same order statistics; the shortcut only saves the work.
  if (sortsWhole(n)) {
    const sorted = sortedCopy(values);
    return Array.from(shares, (share) => quantileOfSorted(sorted, share));
  }
  const ranks = shares.flatMap((share) => {
    const low = Math.floor((n - 1) * share);
    return [low, Math.min(n - 1, low + 1)];
  });
  const atRanks = valuesAtRanks(values, ranks, range);
  const sorted: { length: number; [rank: number]: number } = { length: n };
  ranks.forEach((rank, index) => (sorted[rank] = atRanks[index]));
  return Array.from(shares, (share) => quantileOfSorted(sorted, share));
}

/**
 * `intervals: false` leaves out the batch-means intervals: batches of a run that is not
 * stationary (a load step, a scheduled outage) differ by design, and their spread is no
 * measure of noise.
 */
export function summarizeLatencies(latencies: Float64Array, intervals: boolean): LatencyStatistics | null {
  const count = completedCount(latencies);
  if (count === 0) return null;
  const completed = count < latencies.length ? withoutFailed(latencies, count) : latencies;
  const sum = sumOf(completed, 0, count);
  // Found once, the range of the high words serves every order statistic below, those of each
  // batch too (see valuesAtRanks); few values are sorted instead, which needs no range.
  // Stryker disable next-line ConditionalExpression: finding the range anyway changes no value, only the work.
  const range = sortsWhole(count) ? undefined : highWords(completed);
  const ci95 = intervals ? batchIntervals(completed, range) : undefined;
  const percents = Array.from({ length: 101 }, (_, percent) => percent / 100);
  const quantiles = quantilesOfUnsorted(completed, percents, range);
  const summary: LatencySummary = {
    mean: sum / count,
    p50: quantiles[50],
    p90: quantiles[90],
    p95: quantiles[95],
    p99: quantiles[99],
    max: quantiles[100],
  };
  if (ci95) summary.ci95 = ci95;
  return { summary, quantiles };
}

// Consecutive batches of requests are nearly independent when each is much longer than the
// system's memory, so the spread of their means (and of their p95s) gives the intervals. Where
// the system remembers longer (a user's long outage, a slow queue draining), neighbouring batch
// means move together and their spread understates the uncertainty: then fewer, longer batches.
export function batchIntervals(
  completed: Float64Array,
  range: HighWords = highWords(completed),
): LatencySummary['ci95'] | undefined {
  for (const count of BATCH_COUNTS) {
    const size = Math.floor(completed.length / count);
    if (size < MIN_PER_BATCH) continue;
    const means = Array.from(
      { length: count },
      (_, batch) => sumOf(completed, batch * size, (batch + 1) * size) / size,
    );
    const fewest = count === BATCH_COUNTS[BATCH_COUNTS.length - 1];
    // Stryker disable next-line EqualityOperator: a lag-1 correlation of exactly 0.3 is a cut as good as any beside it; no test could aim at that one double.
    if (!fewest && lag1Correlation(means) > MAX_LAG1_CORRELATION) continue;
    const p95s = means.map(
      (_, batch) => quantilesOfUnsorted(completed.subarray(batch * size, (batch + 1) * size), [0.95], range)[0],
    );
    const mean = studentInterval(means);
    const p95 = studentInterval(p95s);
    const clamped = (['mean', 'p95'] as const).filter((name) => (name === 'mean' ? mean : p95)[0] < 0);
    const ci95: NonNullable<LatencySummary['ci95']> = { mean: atLeastZero(mean), p95: atLeastZero(p95) };
    if (clamped.length > 0) ci95.clamped_at_zero = clamped;
    return ci95;
  }
  return undefined;
}

// Loops of their own (see order-statistics.ts, on code after a long loop).

function completedCount(latencies: Float64Array): number {
  let count = 0;
  for (let index = 0; index < latencies.length; index++) if (!Number.isNaN(latencies[index])) count++;
  return count;
}

function withoutFailed(latencies: Float64Array, count: number): Float64Array {
  const completed = new Float64Array(count);
  let write = 0;
  for (let index = 0; index < latencies.length; index++)
    if (!Number.isNaN(latencies[index])) completed[write++] = latencies[index];
  return completed;
}

function sumOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let index = from; index < to; index++) sum += values[index];
  return sum;
}

/** The 95% interval of the mean of `values` by Student's t with n - 1 degrees of freedom. */
export function studentInterval(values: readonly number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return [mean, mean];
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

/** Latencies are never negative: an interval reaching below 0 starts at 0. */
export function atLeastZero([low, high]: [number, number]): [number, number] {
  return [Math.max(0, low), high];
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
  // Stryker disable next-line ConditionalExpression: equal batch means give 0 / 0, NaN, which is no more above the limit than 0 is.
  return squares === 0 ? 0 : products / squares;
}
