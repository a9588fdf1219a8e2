// Every distribution form against its moments: the sample mean within 4 standard errors of
// the exact mean (a correct sampler fails with probability about 6e-5), the sample variance
// within a few per cent of the exact one, and the quantile function against the samples.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../simulator/random/random-stream';
import { compileDistribution, constantSampler, mixtureSampler } from '../../../simulator/random/sampler';
import type { DistributionSpec } from '../../../simulator/scenario/distribution-spec';

const cases: [string, DistributionSpec, number, number][] = [
  // name, spec, exact mean, exact variance
  ['constant', { constant: 4 }, 4, 0],
  ['uniform', { uniform: [40, 200] }, 120, 160 ** 2 / 12],
  ['exponential', { exponential: 30 }, 30, 900],
  ['normal far from 0', { normal: { mean: 100, sd: 10 } }, 100, 100],
  // Truncated at 0 with mean = sd: alpha = -1, lambda = phi(1) / (1 - Phi(-1)) = 0.2876.
  [
    'normal truncated at 0',
    { normal: { mean: 10, sd: 10 } },
    10 + 10 * 0.28759997,
    100 * (1 - 0.28759997 - 0.28759997 ** 2),
  ],
  [
    'lognormal',
    { lognormal: { median: 50, p95: 120 } },
    50 * Math.exp((Math.log(120 / 50) / 1.6448536) ** 2 / 2),
    Number.NaN,
  ],
  ['triangular', { triangular: [2, 3, 10] }, 5, (4 + 9 + 100 - 6 - 20 - 30) / 18],
  ['empirical', { empirical: [1, 2, 3, 10] }, 4, (9 + 4 + 1 + 36) / 4],
];

describe('distributions', () => {
  for (const [name, spec, mean, variance] of cases) {
    it(`${name}: samples match the exact mean and variance`, () => {
      const sampler = compileDistribution(spec);
      const random = new RandomStream(3, name);
      const n = 200_000;
      let sum = 0;
      let sumSquares = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let index = 0; index < n; index++) {
        const value = sampler.sample(random);
        min = Math.min(min, value);
        sum += value;
        sumSquares += value * value;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      const sampleMean = sum / n;
      const sampleVariance = sumSquares / n - sampleMean ** 2;
      expect(sampler.mean).toBeCloseTo(mean, 4);
      const exactVariance = Number.isNaN(variance) ? sampler.scv * mean * mean : variance;
      expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual(4 * Math.sqrt(exactVariance / n) + 1e-12);
      if (exactVariance === 0) expect(sampleVariance).toBeLessThan(1e-9);
      else expect(Math.abs(sampleVariance / exactVariance - 1)).toBeLessThan(0.05);
      expect(sampler.scv).toBeCloseTo(exactVariance / mean ** 2, 3);
    });
  }

  it('lognormal: the median and p95 given are the median and p95 of the samples', () => {
    const sampler = compileDistribution({ lognormal: { median: 50, p95: 120 } });
    const random = new RandomStream(1, 'lognormal-quantiles');
    const samples = Float64Array.from({ length: 100_000 }, () => sampler.sample(random)).sort();
    // A sample p-quantile of n draws has a standard error of sqrt(p (1 - p) / n) / f(x_p), with
    // the lognormal density f(x) = phi(z) / (x sigma), sigma = ln(120 / 50) / 1.645: 0.106 ms at
    // the median, 0.427 ms at the p95. Each within 4 of them.
    const sigma = Math.log(120 / 50) / 1.6448536;
    const standardError = (p: number, x: number, z: number) =>
      Math.sqrt((p * (1 - p)) / samples.length) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) / (x * sigma));
    expect(Math.abs(samples[50_000] - 50)).toBeLessThan(4 * standardError(0.5, 50, 0));
    expect(Math.abs(samples[95_000] - 120)).toBeLessThan(4 * standardError(0.95, 120, 1.6448536));
    expect(sampler.quantile(0.95)).toBeCloseTo(120, 4);
  });

  it('streams with different names are independent and the same name repeats', () => {
    const a = new RandomStream(7, 'arrivals');
    const b = new RandomStream(7, 'arrivals');
    const c = new RandomStream(7, 'latency:lte');
    const first = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(first);
  });

  it('a mixture draws one uniform to pick its part, then the part draws on: of constants, their values', () => {
    // Parts that draw nothing are picked by value; a part that draws takes its draws after the pick.
    const weights = [1, 3, 6];
    const constants = mixtureSampler(weights.map((weight, part) => ({ weight, sampler: constantSampler(part + 1) })));
    const mixed = mixtureSampler([
      { weight: 1, sampler: constantSampler(1) },
      { weight: 3, sampler: compileDistribution({ uniform: [10, 20] }) },
      { weight: 6, sampler: constantSampler(3) },
    ]);
    const drawn = new RandomStream(3, 'mixture');
    const expected = new RandomStream(3, 'mixture');
    const bounds = [0.1, 0.4];
    const partOf = (u: number) => bounds.filter((bound) => u >= bound).length;
    for (let draw = 0; draw < 2000; draw++) {
      expect(constants.sample(drawn)).toBe(partOf(expected.next()) + 1);
      const part = partOf(expected.next());
      expect(mixed.sample(drawn)).toBe(part === 1 ? 10 + 10 * expected.next() : part === 0 ? 1 : 3);
    }
    expect(constants.mean).toBeCloseTo(0.1 * 1 + 0.3 * 2 + 0.6 * 3, 12);
  });

  it('Poisson counts have the right mean for small and large means', () => {
    const random = new RandomStream(2, 'poisson');
    for (const mean of [0.3, 4, 200]) {
      let sum = 0;
      const n = 50_000;
      for (let index = 0; index < n; index++) sum += random.poisson(mean);
      expect(Math.abs(sum / n - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
    }
  });
});
