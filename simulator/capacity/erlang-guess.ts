// The first guess of the replica search: the fewest servers for which a component's queueing
// delay, as M/G/c theory puts it, fits in the latency the rest of the request leaves over.
import { erlangC, meanWait } from '../analytic/erlang';

export interface Station {
  /** Arrivals per millisecond. */
  ratePerMs: number;
  meanServiceMs: number;
  /** Squared coefficients of variation of service and of inter-arrival times. */
  serviceScv: number;
  arrivalScv: number;
}

/**
 * The q-quantile of the wait in queue (ms), or `mean` for the mean wait. For M/M/c the wait is 0
 * with probability 1 - C and exponential with rate c mu - lambda otherwise (Erlang C), so
 * P(W > t) = C exp(-(c mu - lambda) t); other service and arrival variability scale it by the
 * Allen-Cunneen factor (ca2 + cs2) / 2, as the mean wait is scaled.
 */
export function waitStatistic(servers: number, station: Station, statistic: 'mean' | number): number {
  const { ratePerMs, meanServiceMs, serviceScv, arrivalScv } = station;
  if (statistic === 'mean') return meanWait(servers, ratePerMs, meanServiceMs, serviceScv, arrivalScv);
  const offered = ratePerMs * meanServiceMs;
  if (offered >= servers) return Number.POSITIVE_INFINITY;
  const waiting = erlangC(servers, offered);
  const tail = 1 - statistic;
  if (waiting <= tail) return 0;
  const drain = servers / meanServiceMs - ratePerMs;
  return (Math.log(waiting / tail) / drain) * ((arrivalScv + serviceScv) / 2);
}

/** The fewest servers above saturation whose wait statistics all fit their slack, up to `maxServers`. */
export function fewestServers(
  station: Station,
  slack: readonly { statistic: 'mean' | number; ms: number }[],
  maxServers: number,
): number {
  const stable = Math.floor(station.ratePerMs * station.meanServiceMs) + 1;
  for (let servers = stable; servers <= maxServers; servers++) {
    if (slack.every((entry) => waitStatistic(servers, station, entry.statistic) <= entry.ms)) return servers;
  }
  return maxServers;
}

/** M/M/c mean response time (wait + service), for checks against the search. */
export function erlangMeanResponse(servers: number, ratePerMs: number, meanServiceMs: number): number {
  return meanWait(servers, ratePerMs, meanServiceMs, 1) + meanServiceMs;
}
