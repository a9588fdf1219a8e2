// Distributions compiled from their scenario form into samplers that know their moments: the
// engine draws from them, the analytic estimates use their means and variability.
import type { DistributionSpec } from '../scenario/distribution-spec';
import type { RandomStream } from './random-stream';

export interface Sampler {
  sample(random: RandomStream): number;
  readonly mean: number;
  /** Squared coefficient of variation (variance / mean^2); 0 for a constant. */
  readonly scv: number;
  /** True when every sample is the same number. */
  readonly constant: boolean;
  /** The value at probability p (0..1), used for summaries and tests. */
  quantile(p: number): number;
}

const Z95 = 1.6448536269514722;

// How a sampler draws. The common kinds draw in DistributionSampler.sample itself, so that a
// call site sees one class and one method whatever the distribution, which V8 compiles into the
// caller; the rarer kinds call a function of their own.
const CONSTANT = 0;
const UNIFORM = 1;
const EXPONENTIAL = 2;
const LOGNORMAL = 3;
/** A mixture whose parts are all constant: one uniform draw picks the part's value. */
const CONSTANT_MIXTURE = 4;
const OTHER = 5;

const NO_VALUES = new Float64Array(0);

class DistributionSampler implements Sampler {
  constructor(
    readonly kind: number,
    /** The constant, the uniform's low end, the exponential's mean or the lognormal's mu. */
    private readonly first: number,
    /** The uniform's width or the lognormal's sigma. */
    private readonly second: number,
    readonly mean: number,
    readonly scv: number,
    readonly constant: boolean,
    readonly quantile: (p: number) => number,
    /** OTHER: the draw. */
    private readonly draw: ((random: RandomStream) => number) | undefined = undefined,
    /** CONSTANT_MIXTURE: the parts' cumulative shares and values. */
    private readonly bounds: Float64Array = NO_VALUES,
    private readonly values: Float64Array = NO_VALUES,
  ) {}

  sample(random: RandomStream): number {
    const kind = this.kind;
    if (kind === CONSTANT) return this.first;
    if (kind === UNIFORM) return this.first + this.second * random.next();
    if (kind === LOGNORMAL) return Math.exp(this.first + this.second * random.standardNormal());
    if (kind === EXPONENTIAL) return random.exponential(this.first);
    if (kind === CONSTANT_MIXTURE) return this.values[partAt(this.bounds, random.next())];
    return this.draw!(random);
  }
}

/**
 * The mixture part a uniform draw `u` picks, by the parts' cumulative shares (`bounds`, one a
 * part): the first whose share exceeds it, the last part whatever the draw.
 */
function partAt(bounds: Float64Array, u: number): number {
  const lastPart = bounds.length - 1;
  let index = 0;
  while (index < lastPart && u >= bounds[index]) index++;
  return index;
}

function otherSampler(
  draw: (random: RandomStream) => number,
  mean: number,
  scv: number,
  constant: boolean,
  quantile: (p: number) => number,
): Sampler {
  return new DistributionSampler(OTHER, 0, 0, mean, scv, constant, quantile, draw);
}

export function constantSampler(value: number): Sampler {
  return new DistributionSampler(CONSTANT, value, 0, value, 0, true, () => value);
}

export function compileDistribution(spec: DistributionSpec): Sampler {
  if (typeof spec === 'number') return constantSampler(spec);
  if ('constant' in spec) return constantSampler(spec.constant);
  if ('uniform' in spec) {
    const low = spec.uniform[0];
    const high = spec.uniform[1];
    const mean = (low + high) / 2;
    const width = high - low;
    return new DistributionSampler(
      UNIFORM,
      low,
      width,
      mean,
      mean === 0 ? 0 : (width * width) / 12 / (mean * mean),
      width === 0,
      (p) => low + width * p,
    );
  }
  if ('exponential' in spec) {
    const mean = spec.exponential;
    return new DistributionSampler(EXPONENTIAL, mean, 0, mean, 1, false, (p) => -mean * Math.log(1 - p));
  }
  if ('normal' in spec) return truncatedNormal(spec.normal.mean, spec.normal.sd);
  if ('lognormal' in spec) {
    const mu = Math.log(spec.lognormal.median);
    const sigma = (Math.log(spec.lognormal.p95) - mu) / Z95;
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    return new DistributionSampler(LOGNORMAL, mu, sigma, mean, Math.exp(sigma * sigma) - 1, sigma === 0, (p) =>
      Math.exp(mu + sigma * inverseStandardNormal(p)),
    );
  }
  if ('triangular' in spec) return triangular(spec.triangular[0], spec.triangular[1], spec.triangular[2]);
  return empirical(spec.empirical);
}

/** Whether the sampler's draws take nothing from the stream (constantSampler's). */
function drawsNothing(sampler: Sampler): boolean {
  return sampler instanceof DistributionSampler && sampler.kind === CONSTANT;
}

/**
 * A sampler drawing from `parts` in proportion to their weights: the service mix a station
 * sees from several steps or message sizes.
 */
export function mixtureSampler(parts: readonly { weight: number; sampler: Sampler }[]): Sampler {
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (parts.length === 1) return parts[0].sampler;
  const cumulative: number[] = [];
  let running = 0;
  for (const part of parts) cumulative.push((running += part.weight / total));
  const mean = parts.reduce((sum, part) => sum + (part.weight / total) * part.sampler.mean, 0);
  const secondMoment = parts.reduce(
    (sum, part) => sum + (part.weight / total) * part.sampler.mean ** 2 * (1 + part.sampler.scv),
    0,
  );
  const scv = mean === 0 ? 0 : secondMoment / mean ** 2 - 1;
  const constant = parts.every((part) => part.sampler.constant && part.sampler.mean === mean);
  // Quantiles of a mixture have no closed form; the mean-weighted quantile is a summary only.
  const quantile = (p: number) =>
    parts.reduce((sum, part) => sum + (part.weight / total) * part.sampler.quantile(p), 0);
  const bounds = Float64Array.from(cumulative);
  // Parts that draw nothing are picked by their value, with the same single draw.
  if (parts.every((part) => drawsNothing(part.sampler))) {
    const values = Float64Array.from(parts, (part) => part.sampler.mean);
    return new DistributionSampler(CONSTANT_MIXTURE, 0, 0, mean, scv, constant, quantile, undefined, bounds, values);
  }
  const samplers = parts.map((part) => part.sampler);
  // The part is found by one uniform draw, then draws its own value.
  const draw = (random: RandomStream) => samplers[partAt(bounds, random.next())].sample(random);
  return otherSampler(draw, mean, scv, constant, quantile);
}

function truncatedNormal(mu: number, sd: number): Sampler {
  if (sd === 0) return constantSampler(mu);
  // Moments of the normal truncated at 0 (Johnson, Kotz & Balakrishnan, ch. 13).
  const alpha = -mu / sd;
  const tail = 1 - standardNormalCdf(alpha);
  const lambda = standardNormalPdf(alpha) / tail;
  const mean = mu + sd * lambda;
  const variance = sd * sd * (1 + alpha * lambda - lambda * lambda);
  return otherSampler(
    (random) => {
      for (;;) {
        const value = mu + sd * random.standardNormal();
        if (value >= 0) return value;
      }
    },
    mean,
    variance / (mean * mean),
    false,
    (p) => mu + sd * inverseStandardNormal(1 - tail + p * tail),
  );
}

function triangular(min: number, mode: number, max: number): Sampler {
  const width = max - min;
  const mean = (min + mode + max) / 3;
  const variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  const split = width === 0 ? 0 : (mode - min) / width;
  const quantile = (p: number) =>
    p < split ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode));
  return otherSampler(
    (random) => quantile(random.next()),
    mean,
    mean === 0 ? 0 : variance / (mean * mean),
    width === 0,
    quantile,
  );
}

function empirical(values: readonly number[]): Sampler {
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return otherSampler(
    (random) => sorted[random.nextInt(sorted.length)],
    mean,
    mean === 0 ? 0 : variance / (mean * mean),
    variance === 0,
    (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))],
  );
}

export function standardNormalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
export function standardNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseStandardNormal(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -inverseStandardNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
