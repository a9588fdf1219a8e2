// The response time (wait + service) of an M/M/c FCFS station in steady state, in closed form:
// an arrival waits with the Erlang C probability, and then for an exponential time of rate
// c mu - lambda; its service is exponential of rate mu, independent of the wait. This is exact,
// not an approximation, which is why Monte Carlo may use it instead of simulating such a station.
import { erlangC } from './erlang';

export interface MmcResponse {
  /** Mean response time, ms. */
  mean: number;
  /** The response time exceeded with probability `1 - p`, ms. */
  quantile(p: number): number;
}

/** `ratePerMs` arrivals per ms at `servers` executors each serving at `meanServiceMs`; undefined when saturated. */
export function mmcResponse(servers: number, ratePerMs: number, meanServiceMs: number): MmcResponse | undefined {
  const mu = 1 / meanServiceMs;
  const theta = servers * mu - ratePerMs;
  if (!(theta > 0)) return undefined;
  const waits = erlangC(servers, ratePerMs * meanServiceMs);
  // P(Exp(theta) + Exp(mu) > t); at theta = mu the sum is Erlang-2.
  const bothExceed = (t: number) =>
    Math.abs(theta - mu) < 1e-12 * mu
      ? Math.exp(-mu * t) * (1 + mu * t)
      : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  const exceeds = (t: number) => (1 - waits) * Math.exp(-mu * t) + waits * bothExceed(t);
  return {
    mean: waits / theta + meanServiceMs,
    quantile(p: number): number {
      if (p <= 0) return 0;
      if (p >= 1) return Number.POSITIVE_INFINITY;
      // The tail is at most that of Erlang-2 at the slower rate: double until past it, then bisect.
      let high = meanServiceMs;
      // Stryker disable next-line EqualityOperator: a tail exactly at 1 - p is the quantile itself; doubling past it or not, the bisection ends there.
      while (exceeds(high) > 1 - p) high *= 2;
      let low = 0;
      // Stryker disable next-line EqualityOperator,LogicalOperator,ConditionalExpression,ArithmeticOperator,UpdateOperator: bounds on work: bisecting longer (to the last bit, or 100 steps) or stopping at a gap a little smaller gives the same quantile to 1e-9 of it.
      for (let step = 0; step < 100 && high - low > 1e-9 * high; step++) {
        const middle = (low + high) / 2;
        // Stryker disable next-line EqualityOperator: a middle whose tail is exactly 1 - p is the quantile; either half keeps it.
        if (exceeds(middle) > 1 - p) low = middle;
        else high = middle;
      }
      return (low + high) / 2;
    },
  };
}
