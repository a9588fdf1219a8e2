// Queueing formulas for the analytic estimates and for the tests that check the engine.

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda / mu. */
export function erlangC(servers: number, offeredLoad: number): number {
  const rho = offeredLoad / servers;
  if (rho >= 1) return 1;
  // Erlang B by its stable recursion, then C from B.
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (offeredLoad * erlangB) / (k + offeredLoad * erlangB);
  return erlangB / (1 - rho * (1 - erlangB));
}

/**
 * Mean wait in queue of an M/G/c station by the Allen-Cunneen approximation:
 * Wq(M/M/c) x (ca2 + cs2) / 2. Exact for M/M/c, and for M/G/1 it is the Pollaczek-Khinchine formula.
 * Returns Infinity when the station is saturated.
 */
export function meanWait(
  servers: number,
  arrivalRate: number,
  meanService: number,
  serviceScv: number,
  arrivalScv = 1,
): number {
  if (arrivalRate === 0) return 0;
  const offeredLoad = arrivalRate * meanService;
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  const waitMMc = (erlangC(servers, offeredLoad) * meanService) / (servers - offeredLoad);
  return (waitMMc * (arrivalScv + serviceScv)) / 2;
}
