// What a scenario may ask of a run. Each limit keeps a run's time and memory bounded and every
// figure it reports a finite number; validation refuses a scenario past one with a message that
// says which and why. The README's "Limits" section lists them (a test keeps the two in step);
// reading limits (file size, values, nesting, aliases) are in yaml-reading.ts.
export const SCENARIO_LIMITS = {
  /** Largest magnitude of any number: products of a few figures stay far below 1e308. */
  largestFigure: 1e15,
  /** Smallest value of a figure that must be positive: quotients by it stay finite too. */
  smallestPositive: 1e-9,
  /** Characters of an id. */
  idLength: 100,
  /** Characters of a name, description, label, source or file. */
  textLength: 10_000,
  /** Entries of a list or a mapping (an empirical distribution, an outage schedule, the components). */
  listLength: 10_000,
  /** Users of a workload. */
  users: 100_000_000,
  /** Simulated requests per option (`workload.requests`, `placewise run --requests`). */
  requests: 10_000_000,
  /**
   * users x requests: a run simulates some users in detail and the others as background load on
   * shared components, whose work grows with both.
   */
  usersTimesRequests: 1e12,
  /** Requests of every user over a `duration_s` run, at the busiest hour's rate. */
  durationRequests: 100_000_000,
  /** Executors of a shared component: replicas (or autoscaling max) x cores. */
  sharedExecutors: 100_000,
  /** Cores of a per-user device (one set per simulated user). */
  deviceCores: 1024,
  /** Mean length of an outage's up or down period, in seconds. */
  outagePeriodS: 1e-6,
} as const;

/** A count written for a message: 100,000,000 or 1e+12. */
export function limitText(value: number): string {
  if (value >= 1e9) return value.toExponential().replace('e+', 'e');
  // Whole numbers are grouped by hand: the schema writes its messages when it loads, and the
  // first toLocaleString of a process loads the locale data (some 35 ms of every start).
  return Number.isInteger(value) ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : value.toLocaleString('en-US');
}
