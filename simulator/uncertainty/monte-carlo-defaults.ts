// The Monte Carlo settings every front end shares, so that the CLI, the app's Compare view and
// the app's exported report give the same figures for the same scenario and seed.

/**
 * Requests simulated per Monte Carlo evaluation unless told otherwise: a tenth of a normal run.
 * Percentiles of one evaluation are then noisier (the p95 of 2,000 requests is within a few
 * percent), which widens the reported spread a little; the spread of the uncertain parameters
 * is usually far larger.
 */
export const MONTE_CARLO_REQUESTS = 2000;

/** Samples a report's uncertainty section draws (`placewise export --monte-carlo`'s default, and the app's exports). */
export const REPORT_SAMPLES = 50;
