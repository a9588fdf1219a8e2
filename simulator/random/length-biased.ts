// Residual life: how long the period in progress at a random instant still lasts, for periods that
// follow a distribution back to back (a renewal process seen in its long-run state). The period in
// progress is not a typical one: a random instant falls in a period with probability proportional
// to its length, so it follows the length-biased distribution x f(x) / mean; the instant is uniform
// within it, so the residual is U x that period (Cox, Renewal Theory, 1962, ch. 5).
import type { DistributionSpec } from '../scenario/distribution-spec';
import type { RandomStream } from './random-stream';
import { compileDistribution } from './sampler';

// The standard normal's p95, as in sampler.ts's lognormal parameters.
const Z95 = 1.6448536269514722;
// A truncated normal's length-biased draw accepts x with probability x / bound; beyond this many
// standard deviations above the mean (probability below 1e-15) the bound does not hold.
const NORMAL_BOUND_SD = 8;

/** Draws the remaining time of the period in progress at a random instant. */
export function residualLifeSampler(spec: DistributionSpec): (random: RandomStream) => number {
  const lengthBiased = lengthBiasedSampler(spec);
  return (random) => random.next() * lengthBiased(random);
}

/** Draws a period with probability proportional to its length under `spec`. */
export function lengthBiasedSampler(spec: DistributionSpec): (random: RandomStream) => number {
  if (typeof spec === 'number') return () => spec;
  if ('constant' in spec) return () => spec.constant;
  if ('uniform' in spec) {
    // Density proportional to x on [a, b]: inversion of its CDF (x^2 - a^2) / (b^2 - a^2).
    const [low, high] = spec.uniform;
    return (random) => Math.sqrt(low * low + random.next() * (high * high - low * low));
  }
  if ('exponential' in spec) {
    // x e^(-x/m) is a gamma of shape 2: the sum of two exponentials.
    const mean = spec.exponential;
    return (random) => random.exponential(mean) + random.exponential(mean);
  }
  if ('lognormal' in spec) {
    // Length-biasing a lognormal(mu, sigma) shifts mu by sigma^2.
    const mu = Math.log(spec.lognormal.median);
    const sigma = (Math.log(spec.lognormal.p95) - mu) / Z95;
    return (random) => Math.exp(mu + sigma * sigma + sigma * random.standardNormal());
  }
  if ('empirical' in spec) {
    // Each value with probability proportional to the value.
    const values = spec.empirical;
    const cumulative: number[] = [];
    let total = 0;
    for (const value of values) cumulative.push((total += value));
    if (total === 0) return () => 0;
    return (random) => {
      const target = random.next() * total;
      let low = 0;
      let high = values.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle] > target) high = middle;
        else low = middle + 1;
      }
      return values[low];
    };
  }
  // Triangular and truncated normal: draw from the distribution and keep x with probability
  // x / bound, which leaves x f(x) / mean. A triangular's mean is at least a third of its
  // maximum, so at most about three draws are needed.
  const sampler = compileDistribution(spec);
  const bound =
    'triangular' in spec ? spec.triangular[2] : Math.max(0, spec.normal.mean) + NORMAL_BOUND_SD * spec.normal.sd;
  if (bound === 0) return () => 0;
  return (random) => {
    for (;;) {
      const value = sampler.sample(random);
      if (random.next() * bound < value) return value;
    }
  };
}
