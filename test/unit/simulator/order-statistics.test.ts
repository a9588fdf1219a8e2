import { describe, expect, it } from 'vitest';
import { quantileOfSorted } from '../../../simulator/evaluate/latency-statistics';
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
