// Student's t at the edges of its domain, and the incomplete beta function it rests on, against
// values worked out by hand (the tabulated quantiles are in run-caveats.test.ts).
import { describe, expect, it } from 'vitest';
import { regularizedBeta, studentCdf, studentQuantile } from '../../../simulator/evaluate/student-t';

describe('the regularized incomplete beta function', () => {
  it('is a binomial tail for whole a and b, on either side of the continued fraction’s switch', () => {
    // I_x(2, 3) = P(at least 2 successes in 4 trials of probability x).
    const tail = (x: number) => 6 * x ** 2 * (1 - x) ** 2 + 4 * x ** 3 * (1 - x) + x ** 4;
    expect(regularizedBeta(0.4, 2, 3)).toBeCloseTo(tail(0.4), 14);
    expect(regularizedBeta(0.9, 2, 3)).toBeCloseTo(tail(0.9), 14);
  });

  it('is 0 below its range and 1 above it', () => {
    expect(regularizedBeta(-0.5, 2, 3)).toBe(0);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(1.5, 2, 3)).toBe(1);
  });
});

describe("Student's t quantile", () => {
  it('is exactly 0 at the median, and the CDF one half at 0', () => {
    expect(studentQuantile(0.5, 7)).toBe(0);
    expect(studentCdf(0, 7)).toBe(0.5);
  });

  it('is undefined (NaN) outside 0 < p < 1 or for no degrees of freedom', () => {
    for (const [p, df] of [
      [0, 5],
      [1, 5],
      [-0.1, 5],
      [1.2, 5],
      [0.975, 0],
      [0.975, -3],
      [Number.NaN, 5],
      [0.975, Number.NaN],
    ])
      expect(studentQuantile(p, df), `t(${p}, ${df})`).toBeNaN();
  });
});
