// The normal quantile in each of its three regions, against values to 16 digits (R's qnorm),
// its symmetry, and NaN outside (0, 1).
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../simulator/uncertainty/normal-quantile';

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.7, 0.5244005127080407],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.9975, 2.807033768343811],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798409],
  ])('at %s is %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });

  it('is antisymmetric about one half', () => {
    for (const p of [0.01, 0.2, 0.4, 0.49]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 13);
  });

  it('is NaN outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(normalQuantile(p)).toBeNaN();
  });
});
