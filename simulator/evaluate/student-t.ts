// Student's t distribution: its CDF through the regularized incomplete beta function, and its
// quantiles by inverting that CDF, for confidence intervals of any number of degrees of freedom
// (a table stops somewhere, and switching to the normal's 1.96 there understates intervals).

// Lanczos approximation of log Gamma (g = 7, nine coefficients; relative error below 1e-15).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let index = 1; index < LANCZOS.length; index++) sum += LANCZOS[index] / (z + index);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
  // Stryker disable next-line EqualityOperator: at x = 0 the continued fraction gives 0 too (its front factor is exp(a log 0) = 0).
  if (x <= 0) return 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: from x = 1 on, the symmetry below gives 1 - I(1 - x) = 1 - 0 all the same.
  if (x >= 1) return 1;
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b)) / a;
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a denominator of exactly 0, which Student's t (b = 1/2, x below the switch) never meets.
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let fraction = d;
  // Stryker disable next-line EqualityOperator: the fraction converges in far fewer than 300 steps (the break below), so the last step is never reached.
  for (let m = 1; m <= 300; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    c = 1 + even / c;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a denominator of exactly 0, which Student's t (b = 1/2, x below the switch) never meets.
    if (Math.abs(d) < tiny) d = tiny;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a denominator of exactly 0, which Student's t (b = 1/2, x below the switch) never meets.
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    fraction *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    c = 1 + odd / c;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a denominator of exactly 0, which Student's t (b = 1/2, x below the switch) never meets.
    if (Math.abs(d) < tiny) d = tiny;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a denominator of exactly 0, which Student's t (b = 1/2, x below the switch) never meets.
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    // Stryker disable next-line EqualityOperator: a step of exactly 1 ± 1e-15 is as converged; one step more multiplies by it.
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return front * fraction;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function studentCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` degrees of freedom (0 < p < 1, df > 0). */
export function studentQuantile(p: number, df: number): number {
  // Stryker disable next-line EqualityOperator: p = 0 let through goes to -t(1), NaN all the same (this also leaves out p = 1 and df = 0 let through, which student-t.test.ts catches).
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentQuantile(1 - p, df);
  // Bracket the root, then bisect: the CDF is monotone, and 200 halvings reach double precision.
  let low = 0;
  let high = 1;
  while (studentCdf(high, df) < p) {
    low = high;
    high *= 2;
  }
  // Stryker disable next-line EqualityOperator: the relative width ends the bisection long before 200 halvings, and a width of exactly 1e-14 x high is as narrow.
  for (let step = 0; step < 200 && high - low > 1e-14 * high; step++) {
    const middle = (low + high) / 2;
    if (studentCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
