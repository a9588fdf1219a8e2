import { describe, expect, it } from 'vitest';
import { batchIntervals, quantileOfSorted } from '../../../simulator/evaluate/latency-statistics';
import { quantileBySelection, selectKth, sortNonNegative } from '../../../simulator/evaluate/order-statistics';
import { RandomStream } from '../../../simulator/random/random-stream';

function randomValues(n: number, seed: number): Float64Array {
  const random = new RandomStream(seed, 'order-statistics');
  // Mixed magnitudes, exact ties and zeros, as latencies have.
  return Float64Array.from({ length: n }, (_, index) =>
    index % 17 === 0 ? 0 : index % 5 === 0 ? 40 : random.exponential(index % 3 === 0 ? 1e-3 : 1e4),
  );
}

describe('order statistics', () => {
  it('the radix sort agrees with the comparison sort', () => {
    for (const n of [10, 5000, 100_000]) {
      const values = randomValues(n, n);
      expect(Array.from(sortNonNegative(values.slice()))).toEqual(Array.from(values.slice().sort()));
    }
  });

  it('selection finds the k-th smallest', () => {
    const values = randomValues(20_001, 3);
    const sorted = values.slice().sort();
    for (const k of [0, 1, 10_000, 19_000, 20_000]) expect(selectKth(values.slice(), k)).toBe(sorted[k]);
  });

  it('quantiles by selection equal type-7 quantiles of the sorted values', () => {
    const values = randomValues(9_999, 4);
    const sorted = values.slice().sort();
    for (const p of [0, 0.5, 0.9, 0.95, 0.99, 1])
      expect(quantileBySelection(values.slice(), p)).toBe(quantileOfSorted(sorted, p));
  });

  it('type-7 quantiles match hand-computed values', () => {
    // numpy.percentile([1, 2, 3, 4], 95) = 3.85; median of an even count interpolates.
    expect(quantileOfSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
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
  const halfWidth = (interval: [number, number]) => (interval[1] - interval[0]) / 2;

  it('keeps 20 batches for an uncorrelated series, and its interval covers the mean', () => {
    const intervals = batchIntervals(ar1(0, 100_000, 1))!;
    const [low, high] = intervals.mean!;
    expect(low).toBeLessThan(10);
    expect(high).toBeGreaterThan(10);
    // 20 batches of 5,000 unit-variance values: t(19) x sqrt(1 / 5,000 / 20).
    expect(halfWidth(intervals.mean!)).toBeCloseTo(2.093 * Math.sqrt(1 / 100_000), 2);
  });

  it('uses fewer, longer batches when neighbouring batch means are correlated, widening the interval', () => {
    const series = ar1(0.99995, 100_000, 2);
    const naive = (() => {
      const means = Array.from(
        { length: 20 },
        (_, batch) => series.slice(batch * 5000, (batch + 1) * 5000).reduce((a, b) => a + b) / 5000,
      );
      const mean = means.reduce((a, b) => a + b) / 20;
      return 2.093 * Math.sqrt(means.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 19 / 20);
    })();
    expect(halfWidth(batchIntervals(series)!.mean!)).toBeGreaterThan(naive);
  });
});
