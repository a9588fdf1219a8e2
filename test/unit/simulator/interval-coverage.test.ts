// The 95% intervals mean what they say: over many independent runs of an M/M/1 queue, about 95%
// of the batch-means intervals of the mean latency contain the exact mean, and their width
// matches how much the runs' means actually vary.
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../simulator';
import { singleStation } from './queue-scenarios';

const RUNS = 100;
const SERVICE_MS = 10;
const RHO = 0.5;
// Exponential with rate mu - lambda: mean service / (1 - rho).
const EXACT_MEAN = SERVICE_MS / (1 - RHO);

/** P(X <= k) for X ~ Binomial(n, p). */
function binomialCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = 0;
  for (let x = 0; x <= k; x++) {
    sum += term;
    term *= ((n - x) / (x + 1)) * (p / (1 - p));
  }
  return sum;
}

describe('the batch-means interval of the mean', () => {
  it(`covers the exact M/M/1 mean in about 95% of ${RUNS} short runs`, () => {
    // 10,000 requests a run: batches of 500, far longer than the queue's memory at rho = 0.5
    // (about 6 arrivals, run-shape.ts), so batch means are nearly independent.
    const scenario = singleStation({
      ratePerS: (RHO / SERVICE_MS) * 1000,
      service: { exponential: SERVICE_MS },
      requests: 10_000,
    });
    const runs = Array.from({ length: RUNS }, (_, index) => {
      const latency = evaluateScenario(scenario, { seed: index + 1 }).options[0].latency_ms;
      const [low, high] = latency.ci95!.mean!;
      return { mean: latency.mean, low, high };
    });
    const covered = runs.filter(({ low, high }) => low <= EXACT_MEAN && EXACT_MEAN <= high).length;
    // The fewest covering intervals (85 of 100) that a correct engine reaches but for a chance
    // below 1e-4: with a true coverage of 95%, fewer happens less than once in 10,000 suites.
    let fewest = 0;
    while (binomialCdf(fewest, RUNS, 0.95) < 1e-4) fewest++;

    expect(covered).toBeGreaterThanOrEqual(fewest);

    // Width: a half-width is t(0.975, 19) x s / sqrt(20) from 20 batch means, and a run's mean is
    // the mean of its batch means, so the average half-width is about t x c4 = 2.07 times the
    // standard deviation of the runs' means. Noise: that standard deviation from 100 runs is
    // within 7.1% (1 / sqrt(2 x 99)), the average of 100 half-widths within 1.6%; 4 standard
    // errors of their ratio are 29%. Intervals twice or half as wide as they should be fail.
    const meanOfMeans = runs.reduce((sum, run) => sum + run.mean, 0) / RUNS;
    const spread = Math.sqrt(runs.reduce((sum, run) => sum + (run.mean - meanOfMeans) ** 2, 0) / (RUNS - 1));
    const halfWidth = runs.reduce((sum, run) => sum + (run.high - run.low) / 2, 0) / RUNS;
    expect(halfWidth / spread).toBeGreaterThan(2.07 * (1 - 0.29));
    expect(halfWidth / spread).toBeLessThan(2.07 * (1 + 0.29));
  });
});
