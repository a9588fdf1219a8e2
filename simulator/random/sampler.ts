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

// The samplers that draw nothing from their stream (constantSampler's): a mixture of only those
// picks its value from an array, with the same single draw, rather than calling a part per job.
const drawless = new WeakSet<Sampler>();

export function constantSampler(value: number): Sampler {
  const sampler = { sample: () => value, mean: value, scv: 0, constant: true, quantile: () => value };
  drawless.add(sampler);
  return sampler;
}

export function compileDistribution(spec: DistributionSpec): Sampler {
  if (typeof spec === 'number') return constantSampler(spec);
  if ('constant' in spec) return constantSampler(spec.constant);
  if ('uniform' in spec) {
    const [low, high] = spec.uniform;
    const mean = (low + high) / 2;
    const width = high - low;
    return {
      sample: (random) => low + width * random.next(),
      mean,
      scv: mean === 0 ? 0 : (width * width) / 12 / (mean * mean),
      constant: width === 0,
      quantile: (p) => low + width * p,
    };
  }
  if ('exponential' in spec) {
    const mean = spec.exponential;
    return {
      sample: (random) => random.exponential(mean),
      mean,
      scv: 1,
      constant: false,
      quantile: (p) => -mean * Math.log(1 - p),
    };
  }
  if ('normal' in spec) return truncatedNormal(spec.normal.mean, spec.normal.sd);
  if ('lognormal' in spec) {
    const mu = Math.log(spec.lognormal.median);
    const sigma = (Math.log(spec.lognormal.p95) - mu) / Z95;
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    return {
      sample: (random) => Math.exp(mu + sigma * random.standardNormal()),
      mean,
      scv: Math.exp(sigma * sigma) - 1,
      constant: sigma === 0,
      quantile: (p) => Math.exp(mu + sigma * inverseStandardNormal(p)),
    };
  }
  if ('triangular' in spec) return triangular(...spec.triangular);
  return empirical(spec.empirical);
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
  // The part is found by one uniform draw; the loop stops at the last part whatever the draw.
  const lastPart = parts.length - 1;
  const bounds = Float64Array.from(cumulative);
  const samplers = parts.map((part) => part.sampler);
  const partOf = (u: number) => {
    let index = 0;
    while (index < lastPart && u >= bounds[index]) index++;
    return index;
  };
  const values = Float64Array.from(parts, (part) => part.sampler.mean);
  const sample: Sampler['sample'] = samplers.every((sampler) => drawless.has(sampler))
    ? (random) => values[partOf(random.next())]
    : (random) => samplers[partOf(random.next())].sample(random);
  return {
    sample,
    mean,
    scv: mean === 0 ? 0 : secondMoment / mean ** 2 - 1,
    constant: parts.every((part) => part.sampler.constant && part.sampler.mean === mean),
    // Quantiles of a mixture have no closed form; the mean-weighted quantile is a summary only.
    quantile: (p) => parts.reduce((sum, part) => sum + (part.weight / total) * part.sampler.quantile(p), 0),
  };
}

function truncatedNormal(mu: number, sd: number): Sampler {
  if (sd === 0) return constantSampler(mu);
  // Moments of the normal truncated at 0 (Johnson, Kotz & Balakrishnan, ch. 13).
  const alpha = -mu / sd;
  const tail = 1 - standardNormalCdf(alpha);
  const lambda = standardNormalPdf(alpha) / tail;
  const mean = mu + sd * lambda;
  const variance = sd * sd * (1 + alpha * lambda - lambda * lambda);
  return {
    sample: (random) => {
      for (;;) {
        const value = mu + sd * random.standardNormal();
        if (value >= 0) return value;
      }
    },
    mean,
    scv: variance / (mean * mean),
    constant: false,
    quantile: (p) => mu + sd * inverseStandardNormal(1 - tail + p * tail),
  };
}

function triangular(min: number, mode: number, max: number): Sampler {
  const width = max - min;
  const mean = (min + mode + max) / 3;
  const variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  const split = width === 0 ? 0 : (mode - min) / width;
  const quantile = (p: number) =>
    p < split ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode));
  return {
    sample: (random) => quantile(random.next()),
    mean,
    scv: mean === 0 ? 0 : variance / (mean * mean),
    constant: width === 0,
    quantile,
  };
}

function empirical(values: readonly number[]): Sampler {
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return {
    sample: (random) => sorted[random.nextInt(sorted.length)],
    mean,
    scv: mean === 0 ? 0 : variance / (mean * mean),
    constant: variance === 0,
    quantile: (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))],
  };
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
