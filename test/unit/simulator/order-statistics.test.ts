import { describe, expect, it } from 'vitest';
import {
  batchIntervals,
  quantileOfSorted,
  quantilesOfUnsorted,
  summarizeLatencies,
  t975,
} from '../../../simulator/evaluate/latency-statistics';
import { highWords, valuesAtRanks } from '../../../simulator/evaluate/order-statistics';
import { studentQuantile } from '../../../simulator/evaluate/student-t';
import { RandomStream } from '../../../simulator/random/random-stream';

function randomValues(n: number, seed: number): Float64Array {
  const random = new RandomStream(seed, 'order-statistics');
  // Mixed magnitudes, exact ties and zeros, as latencies have.
  return Float64Array.from({ length: n }, (_, index) =>
    index % 17 === 0 ? 0 : index % 5 === 0 ? 40 : random.exponential(index % 3 === 0 ? 1e-3 : 1e4),
  );
}

describe('order statistics', () => {
  const sortedCopy = (values: Float64Array) => values.slice().sort();

  it('gives the values a sort puts at the ranks asked for, in the order asked, leaving the values as they were', () => {
    for (const n of [10, 5000, 100_000]) {
      const values = randomValues(n, n);
      const before = values.slice();
      const sorted = sortedCopy(values);
      const random = new RandomStream(n, 'ranks');
      // Unordered, repeated, and both ends.
      const ranks = [n - 1, 0, ...Array.from({ length: 300 }, () => random.nextInt(n)), 0, n - 1, n >> 1, n >> 1];
      expect(Array.from(valuesAtRanks(values, ranks))).toEqual(ranks.map((rank) => sorted[rank]));
      expect(Buffer.from(values.buffer).equals(Buffer.from(before.buffer))).toBe(true);
    }
  });

  it('gives every rank of a large array right, through its buckets', () => {
    const values = randomValues(20_000, 7);
    const ranks = Array.from({ length: values.length }, (_, rank) => rank);
    const found = valuesAtRanks(values, ranks);
    expect(Buffer.from(found.buffer).equals(Buffer.from(sortedCopy(values).buffer))).toBe(true);
  });

  it('stays exact where one bucket holds most values, or the values span more than 64 binades', () => {
    const random = new RandomStream(8, 'clustered');
    // A million-fold spread at both ends around values that differ only in their last bits.
    const clustered = Float64Array.from({ length: 50_000 }, (_, index) =>
      index % 1000 === 0 ? 1e-300 * index : index % 999 === 0 ? 1e300 : 10 + random.next() * 1e-12,
    );
    const ranks = Array.from({ length: 101 }, (_, percent) => Math.round((percent / 100) * (clustered.length - 1)));
    const sorted = sortedCopy(clustered);
    expect(Array.from(valuesAtRanks(clustered, ranks))).toEqual(ranks.map((rank) => sorted[rank]));
    const equal = new Float64Array(10_000).fill(3);
    expect(Array.from(valuesAtRanks(equal, [0, 9_999]))).toEqual([3, 3]);
  });

  it('gives a rank asked for alone right, whichever bucket holds it (the first included)', () => {
    // Uniform in [1, 2): the high words spread over every bucket, so the lowest ranks fall in the
    // first few buckets, each then the only one gathered.
    const random = new RandomStream(10, 'alone');
    const values = Float64Array.from({ length: 5_000 }, () => 1 + random.next());
    const sorted = sortedCopy(values);
    for (let rank = 0; rank < 100; rank++)
      expect([rank, valuesAtRanks(values, [rank])[0]]).toEqual([rank, sorted[rank]]);
  });

  it('reads a view into a larger array from where the view starts', () => {
    const values = randomValues(30_000, 9);
    const view = values.subarray(10_001, 25_000);
    const sorted = sortedCopy(view);
    expect(Array.from(valuesAtRanks(view, [0, 7_000, view.length - 1]))).toEqual([
      sorted[0],
      sorted[7_000],
      sorted[view.length - 1],
    ]);
  });

  it('finds the lowest and highest high words of the values, wherever they stand', () => {
    const highWord = (value: number) => new DataView(Float64Array.of(value).buffer).getUint32(4, true);
    const values = Float64Array.from([3, 1e-9, 250, 0.5, 1e6, 7]);
    expect(highWords(values)).toEqual({ lowest: highWord(1e-9), highest: highWord(1e6) });
    expect(highWords(Float64Array.of(42))).toEqual({ lowest: highWord(42), highest: highWord(42) });
  });

  it('gives each part of an array its own values from the whole array’s range of high words', () => {
    // The batches of a run share the run's range: wider than each batch's own, with values of
    // other batches beyond both of its ends, it must still give each batch its exact values.
    const values = randomValues(60_000, 11);
    values[100] = 1e-300;
    values[59_000] = 1e300;
    const range = highWords(values);
    for (const [from, to] of [
      [0, 20_000],
      [20_000, 40_000],
      [40_000, 60_000],
    ]) {
      const part = values.subarray(from, to);
      const sorted = sortedCopy(part);
      const ranks = [0, 1, 9_000, 18_999, 19_000, 19_999];
      expect(Array.from(valuesAtRanks(part, ranks, range))).toEqual(ranks.map((rank) => sorted[rank]));
    }
  });

  it('gives type-7 quantiles of unsorted values bit for bit as of the sorted values', () => {
    for (const n of [1, 2, 9_999, 60_000]) {
      const values = randomValues(n, n + 1);
      const shares = [0, 0.01, 0.5, 0.9, 0.95, 0.99, 1];
      const sorted = sortedCopy(values);
      expect(quantilesOfUnsorted(values, shares)).toEqual(shares.map((share) => quantileOfSorted(sorted, share)));
    }
  });

  it('type-7 quantiles match hand-computed values', () => {
    // numpy.percentile([1, 2, 3, 4], 95) = 3.85; median of an even count interpolates.
    expect(quantileOfSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe('the latency summary', () => {
  it('counts only the completed requests (failed ones are NaN), first to last', () => {
    const { summary, quantiles } = summarizeLatencies(Float64Array.from([NaN, 30, 10, NaN, 20]), false)!;
    expect(summary).toStrictEqual({ mean: 20, p50: 20, p90: 28, p95: 29, p99: 29.8, max: 30 }); // no ci95 key
    expect(quantiles).toHaveLength(101);
    expect([quantiles[0], quantiles[25], quantiles[100]]).toEqual([10, 15, 30]);
  });

  it('of a long run, with failures among its requests, is what each statistic gives of the completed ones alone', () => {
    // One range of high words, found once, serves the run's quantiles and each batch's p95: the
    // summary must equal the figures computed one by one, each from its own values.
    const latencies = randomValues(100_000, 12);
    for (let index = 3; index < latencies.length; index += 1_000) latencies[index] = Number.NaN;
    const completed = latencies.filter((latency) => !Number.isNaN(latency));
    const { summary, quantiles } = summarizeLatencies(latencies, true)!;
    const percents = Array.from({ length: 101 }, (_, percent) => percent / 100);
    expect(quantiles).toEqual(quantilesOfUnsorted(completed.slice(), percents));
    expect(summary.ci95).toEqual(batchIntervals(completed.slice()));
    expect(summary.mean).toBe(completed.reduce((sum, latency) => sum + latency, 0) / completed.length);
  });

  it('has nothing to summarise when no request completed', () => {
    expect(summarizeLatencies(Float64Array.from([NaN, NaN]), true)).toBeNull();
  });
});

describe('batch-means confidence intervals', () => {
  // An AR(1) series x[i] = phi x[i-1] + noise with mean 10: with phi near 1 the series
  // remembers for about 1 / (1 - phi) steps: at 0.99995, 20,000, so batches of 5,000 move together.
  function ar1(phi: number, n: number, seed: number): Float64Array {
    const random = new RandomStream(seed, 'ar1');
    const values = new Float64Array(n);
    let state = 0;
    for (let index = 0; index < n; index++) {
      state = phi * state + random.standardNormal();
      values[index] = 10 + state;
    }
    return values;
  }
  // Student's 97.5% quantiles (R's qt(0.975, df)), kept here so that the intervals are checked
  // against the tables rather than against the product's own t function.
  const T975: Record<number, number> = { 4: 2.7764451051977987, 9: 2.2621571627409915, 19: 2.093024054408263 };
  const lag1 = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b) / values.length;
    let products = 0;
    let squares = 0;
    values.forEach((value, index) => {
      squares += (value - mean) ** 2;
      if (index > 0) products += (value - mean) * (values[index - 1] - mean);
    });
    return products / squares;
  };
  /** The mean's and p95's 95% intervals from `count` equal batches, computed by hand. */
  function byHand(series: Float64Array, count: number) {
    const size = Math.floor(series.length / count);
    const batches = Array.from({ length: count }, (_, batch) => series.slice(batch * size, (batch + 1) * size));
    const interval = (values: number[]): [number, number] => {
      const mean = values.reduce((a, b) => a + b) / count;
      const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1));
      const half = (T975[count - 1] * sd) / Math.sqrt(count);
      return [Math.max(0, mean - half), mean + half];
    };
    const means = batches.map((batch) => batch.reduce((a, b) => a + b) / size);
    return {
      lag1: lag1(means),
      mean: interval(means),
      p95: interval(batches.map((batch) => quantileOfSorted(batch.slice().sort(), 0.95))),
    };
  }
  const expectInterval = (actual: [number, number] | undefined, expected: [number, number]) => {
    expect(actual![0]).toBeCloseTo(expected[0], 10);
    expect(actual![1]).toBeCloseTo(expected[1], 10);
  };

  it('keeps 20 batches for an uncorrelated series, with t(0.975, 19), for the mean and the p95', () => {
    const series = ar1(0, 100_000, 1);
    const expected = byHand(series, 20);
    expect(expected.lag1).toBeLessThan(0.3);
    const intervals = batchIntervals(series)!;
    expectInterval(intervals.mean, expected.mean);
    expectInterval(intervals.p95, expected.p95);
    expect(intervals.mean![0]).toBeLessThan(10);
    expect(intervals.mean![1]).toBeGreaterThan(10);
  });

  it('uses fewer, longer batches when neighbouring batch means are correlated beyond 0.3, widening the interval', () => {
    const series = ar1(0.99995, 100_000, 2);
    const [twenty, ten, five] = [20, 10, 5].map((count) => byHand(series, count));
    expect(twenty.lag1).toBeGreaterThan(0.3);
    const expected = ten.lag1 > 0.3 ? five : ten;
    expectInterval(batchIntervals(series)!.mean, expected.mean);
    expect(expected.mean[1] - expected.mean[0]).toBeGreaterThan(twenty.mean[1] - twenty.mean[0]);
  });

  it('of latencies that never vary are [0, 0] ms, not cut at 0', () => {
    // Requests answered in 0 ms (all on the device, no compute time): no spread, nothing cut.
    expect(batchIntervals(new Float64Array(1000))).toStrictEqual({ mean: [0, 0], p95: [0, 0] });
  });

  it('name only the interval cut at 0: one slow request moves its batch’s mean, not its p95', () => {
    // 20 batches of 50 requests of 1 ms; the last request takes 1,000 s. The p95 of each batch
    // (position 46.55 of 0 to 49) stays 1 ms; the means' interval reaches far below 0.
    const latencies = new Float64Array(1000).fill(1);
    latencies[999] = 1e6;
    const ci95 = batchIntervals(latencies)!;
    expect(ci95.p95).toEqual([1, 1]);
    expect(ci95.mean![0]).toBe(0);
    expect(ci95.clamped_at_zero).toEqual(['mean']);
  });

  it('with too few requests for 20 batches of 50, uses 10 or 5; below 5 batches of 50, gives none', () => {
    const series = ar1(0, 999, 3);
    expectInterval(batchIntervals(series)!.mean, byHand(series, byHand(series, 10).lag1 > 0.3 ? 5 : 10).mean);
    const five = ar1(0, 250, 4);
    expectInterval(batchIntervals(five)!.mean, byHand(five, 5).mean);
    expect(batchIntervals(ar1(0, 249, 5))).toBeUndefined();
  });

  // The quantiles the batch counts use are written out so that a short run does not compute them
  // cold: they must be the very numbers the bisection gives, or results would change in the last digit.
  it('takes t(0.975, df) for 19, 9 and 4 degrees of freedom bit for bit as studentQuantile computes it, and others from it', () => {
    for (const df of [19, 9, 4, 1, 7, 30]) expect(t975(df)).toBe(studentQuantile(0.975, df));
  });
});
