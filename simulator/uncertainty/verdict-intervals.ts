// The stopping rule of a Monte Carlo sample: after a shorter run than the full one, is every
// budget verdict of the option already decided? A verdict is decided when an interval of its
// figure, missing the figure's value with at most the given risk, lies wholly on one side of the
// limit (or the figure cannot vary at all); then more requests would only sharpen a figure whose
// verdict they cannot change. Otherwise the sample goes on to a longer run (adaptive-sample.ts).
//
// Requests are not independent: those of one user share that user's outages, and successive
// requests through a busy queue wait alike. Every interval counts the requests as fewer
// independent observations (a design effect), one per user where outages tie a user's requests
// together. Where all users share what varies over time (an outage on a shared link, a
// scheduled outage, autoscaling, serverless cold starts, a run that is not stationary), no
// pilot decides.
import { erlangC } from '../analytic/erlang';
import { batchedSteps } from '../analytic/option-estimate';
import { walkOption } from '../analytic/request-walk';
import { quantileOfSorted } from '../evaluate/latency-statistics';
import { relaxationArrivals } from '../evaluate/run-shape';
import type { OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import { withinBudget } from '../evaluate/budget-verdicts';
import type { AnalyticEstimate, BudgetVerdict, OptionResult } from '../results';
import { batteryInterval } from './battery-interval';
import { normalQuantile } from './normal-quantile';
import { intersect, nearlyAll, nearlyNone, type OutageTransitions, outageTransitions } from './outage-transitions';
import { knownOfflineShare, postStratifiedInterval } from './post-stratified-success';
import { wilson } from './wilson-interval';

const KB_PER_GB = 1e6;
/** The most of the requests that start offline that may complete for a sample to post-stratify success. */
const MOSTLY_FAIL = 0.5;

/** What of the option the intervals need, worked out once per option from its plan. */
export interface OptionVariability {
  /** A link with outages on some route of the option: requests can go offline. */
  outageExposed: boolean;
  /** Some request can fail: a down link on its way with no fallback around it. */
  canFail: boolean;
  /** What varies is shared by all users or changes over the run: no pilot decides. */
  sharedOverTime: boolean;
  /** Largest less smallest product of model accuracies a request can get. */
  accuracyRange: number;
  /** Per link, kilobytes a request can carry over it at most (every branch of its routes added). */
  kbMax: Float64Array;
  /** Largest squared coefficient of variation of a step's time, primary, fallback or cascade. */
  serviceScv: number;
  /**
   * Where some request can fail, most that start offline do, and the expected share of requests
   * that start offline is known exactly (per-user links' outages): that share. A sample's
   * success figure is then the post-stratified one (post-stratified-success.ts), and so is its interval.
   */
  offlineShare?: number;
  /**
   * Where each user's own outages are all that can fail a request: how often a link changes state
   * while a request is in the system, which bounds success however short the run
   * (outage-transitions.ts).
   */
  transitions?: OutageTransitions;
}

export function optionVariability(system: SystemModel, plan: OptionPlan): OptionVariability {
  // Every link with outages taken as down half of the time makes the walk visit every branch.
  const batched = batchedSteps(system, plan);
  const { visits, completed } = walkOption(system, plan, batched, (link) => (system.links[link].outages ? 0.5 : 0));
  const kbMax = new Float64Array(system.links.length);
  const routeLinks = new Set<number>();
  let outageExposed = false;
  let sharedOutage = false;
  for (const visit of visits) {
    if (visit.kind !== 'hop') continue;
    kbMax[visit.link] += visit.kb;
    routeLinks.add(visit.link);
    const link = system.links[visit.link];
    if (!link.outages) continue;
    outageExposed = true;
    if (link.shared || 'schedule' in link.outages) sharedOutage = true;
  }
  const elastic = [...plan.usedComponents].some(
    (index) => system.components[index].autoscaling || system.components[index].serverless,
  );
  const placements = plan.steps.flatMap((step) => [step.primary, step.fallback, step.cascade?.placement]);
  const serviceScv = Math.max(0, ...placements.map((placement) => placement?.service.scv ?? 0));
  const canFail = completed < 1 - 1e-12;
  // Post-stratifying pays where the strata differ: where most requests that start offline fail
  // (no fallback or cache gets them through). Where most complete anyway (a cache on the device),
  // the strata differ little, and the two Wilson intervals at half the risk that the figure's
  // interval adds up are wider than the plain share's one: it keeps the plain share.
  const offlineCompleted = canFail
    ? walkOption(system, plan, batched, (link) => (system.links[link].outages ? 1 : 0)).completed
    : 1;
  const offlineShare = offlineCompleted <= MOSTLY_FAIL ? knownOfflineShare(system, plan) : undefined;
  const transitions = outageExposed ? outageTransitions(system, plan, batched, [...routeLinks]) : undefined;
  return {
    outageExposed,
    canFail,
    sharedOverTime: sharedOutage || elastic || system.hourlyAcceptance !== undefined,
    accuracyRange: accuracyRange(plan),
    kbMax,
    serviceScv,
    ...(offlineShare !== undefined ? { offlineShare } : {}),
    ...(transitions !== undefined ? { transitions } : {}),
  };
}

// Per step, the accuracies a request may get there (the primary's, a fallback's, a cascade's
// second model's; 1 for a step without one), multiplied out at their lowest and highest.
function accuracyRange(plan: OptionPlan): number {
  let lowest = 1;
  let highest = 1;
  for (const step of plan.steps) {
    const accuracies = [step.primary, step.fallback, step.cascade?.placement]
      .filter((placement) => placement !== undefined)
      .map((placement) => placement.model?.accuracy ?? 1);
    lowest *= Math.min(...accuracies);
    highest *= Math.max(...accuracies);
  }
  return highest - lowest;
}

// The normal quantile and Hoeffding's factor of a two-sided interval at a risk: every verdict
// of every look of a sample asks them at the same risk, so the last risk's are remembered.
let factors = { risk: Number.NaN, z: Number.NaN, hoeffding: Number.NaN };

function riskFactors(risk: number): { z: number; hoeffding: number } {
  // Stryker disable next-line ConditionalExpression: working the factors out again gives them bit for bit; remembering only saves the work.
  if (risk !== factors.risk) {
    factors = { risk, z: normalQuantile(1 - risk / 2), hoeffding: Math.sqrt(Math.log(2 / risk) / 2) };
  }
  return factors;
}

// The chance of waiting at the station where a request most likely waits, of an estimate: the
// same for every verdict of every look at an option's runs, which share their plan's estimate
// (evaluate/plan-figures.ts), so it is worked out once per estimate.
const busiestOf = new WeakMap<AnalyticEstimate, number>();

function busiestStation(analytic: AnalyticEstimate): number {
  let busiest = busiestOf.get(analytic);
  if (busiest === undefined) {
    busiest = Math.max(
      0,
      // Array.from, not map: map's arrays change hidden class once this is optimised (system-model.ts).
      ...Array.from(analytic.components, (station) => erlangC(station.servers, station.utilization * station.servers)),
      ...Array.from(analytic.links, (station) => station.utilization),
    );
    busiestOf.set(analytic, busiest);
  }
  return busiest;
}

/**
 * The interval of a verdict's figure after a run that misses the figure's value with at most
 * `risk` (two-sided): 'fixed' where the figure cannot change with more requests, undefined where
 * no interval can be given.
 */
export function verdictInterval(
  system: SystemModel,
  variability: OptionVariability,
  result: OptionResult,
  verdict: BudgetVerdict,
  risk: number,
): [number, number] | 'fixed' | undefined {
  const { name, value } = verdict;
  const { z, hoeffding } = riskFactors(risk);
  // Whether a model fits its device does not depend on the run; and where nothing can fail a
  // request (no link on its routes has outages), success and offline success are 1 (offline
  // success unknown where no request was offline, which passes too), however long the run.
  if (name.startsWith('fit.')) return 'fixed';
  const success = name === 'success_rate' || name === 'offline_success';
  if (success && !variability.canFail && !variability.outageExposed) return 'fixed';
  // Where a fallback gets every request round a down link, only a link changing state while a
  // request is on its way can fail it (outage-transitions.ts); offline success is then unknown
  // where no request was offline, and passes, as above.
  const transitions = variability.transitions;
  if (success && !variability.canFail && transitions === undefined) return undefined;
  // Successive requests through a queue are alike for about its relaxation time (run-shape.ts),
  // counted at the station where a request most likely waits (Erlang C: utilisation itself on
  // one server); service times and cache hits are drawn afresh every time.
  const busiest = busiestStation(result.analytic);
  if (busiest >= 1) return undefined;
  const alike = 1 + 2 * relaxationArrivals(busiest);
  // Outages last for many of a user's requests: then a user's requests count once.
  const independent = result.requests / alike;
  const observations = variability.outageExposed ? Math.min(independent, result.detailed_users) : independent;
  const draws = variability.outageExposed ? Math.min(result.requests, result.detailed_users) : result.requests;
  if (observations < 2) return undefined;
  // The outage bounds' mean time in the system: the upper end of the mean latency's interval.
  const meanTimeMs = (at: number) =>
    result.latency_ms.mean +
    (normalQuantile(1 - at / 2) * spread(result.latency_quantiles_ms)) / Math.sqrt(observations);
  if (success && transitions && !variability.canFail) {
    if (!Number.isFinite(result.latency_ms.mean)) return undefined;
    const rate = name === 'success_rate' ? transitions.meanChange : transitions.anyChange;
    return withFigure(value, nearlyAll(rate, meanTimeMs(risk)));
  }
  if (value === null) return undefined;
  if (name === 'latency_ms.mean') {
    const half = (z * spread(result.latency_quantiles_ms)) / Math.sqrt(observations);
    return [value - half, value + half];
  }
  const quantile = /^latency_ms\.p(\d+)$/.exec(name);
  if (quantile) {
    // Distribution-free: the order statistics whose ranks bound the quantile's rank at that risk.
    const p = Number(quantile[1]) / 100;
    const half = z * Math.sqrt((p * (1 - p)) / observations);
    const at = (share: number) => quantileOfSorted(result.latency_quantiles_ms, Math.min(1, Math.max(0, share)));
    return [at(p - half), at(p + half)];
  }
  if (name === 'success_rate') {
    // A sample's post-stratified figure. Whether a request completes turns on its own user's
    // outages, which no other user shares: requests that wait alike at a busy queue do not
    // succeed or fail alike (their users' links are down independently), so a stratum's
    // requests count as draws do, once per user, and not as the queue's alike waits.
    if (variability.offlineShare !== undefined) {
      const perUser = (requests: number) => Math.min(requests, result.detailed_users);
      // With the outage bounds, each stratum's Wilson interval and the mean time each take half
      // the risk (the union bound).
      const bounds = strataBounds(transitions, result.latency_ms.mean, () => meanTimeMs(risk / 2));
      if (!bounds) return postStratifiedInterval(result, variability.offlineShare, perUser, risk);
      return withFigure(value, postStratifiedInterval(result, variability.offlineShare, perUser, risk / 2, bounds));
    }
    return wilson(value, observations, z);
  }
  if (name === 'offline_success') {
    const users = Math.min(result.offline.requests, result.detailed_users);
    if (!transitions?.offlineFails || !Number.isFinite(result.latency_ms.mean)) return wilson(value, users, z);
    const bound = nearlyNone(transitions.anyChange, meanTimeMs(risk / 2));
    const share = wilson(value, users, normalQuantile(1 - risk / 4));
    return withFigure(value, share ? intersect(share, bound) : bound);
  }
  if (name === 'accuracy') {
    const half = variability.accuracyRange * (hoeffding / Math.sqrt(draws));
    return [value - half, value + half];
  }
  if (name === 'monthly_usd') {
    // Compute, updates and telemetry are fixed; traffic is a mean of per-request kilobytes,
    // each between 0 and the most a request can carry over the link.
    let half = 0;
    system.links.forEach((link, index) => {
      half += (link.usdPerGb * system.requestsPerMonth * variability.kbMax[index]) / KB_PER_GB;
    });
    half *= hoeffding / Math.sqrt(draws);
    return [value - half, value + half];
  }
  if (name.startsWith('battery_hours.')) {
    return batteryInterval(system, result.analytic, name.slice('battery_hours.'.length), value, {
      z,
      draws,
      fallbackScv: variability.serviceScv,
    });
  }
  // Link utilisation and personal data: no interval here, so the full run decides.
  return undefined;
}

type VerdictState = 'decided' | 'undecided' | 'unknown';

/**
 * Per verdict, what the run says of it at `risk`: 'decided' when its figure's interval lies wholly
 * on one side of the limit (or the figure cannot vary), 'undecided' when the interval straddles
 * the limit (more requests might turn it), 'unknown' where no interval can be given: for that
 * figure, or for any where what varies is shared by all users over time or the run is not
 * stationary (then not even a fixed figure's verdict counts as decided, so that no stage stops).
 */
export function verdictStates(
  system: SystemModel,
  variability: OptionVariability,
  result: OptionResult,
  risk: number,
): Map<string, VerdictState> {
  return new Map(
    result.budgets.map((verdict) => [verdict.name, verdictState(system, variability, result, verdict, risk)]),
  );
}

/**
 * Whether every verdict of the run is decided at `risk` (all of verdictStates' 'decided'): the
 * stopping rule's question after a stage, answered at the first verdict that is not.
 */
export function allDecided(
  system: SystemModel,
  variability: OptionVariability,
  result: OptionResult,
  risk: number,
): boolean {
  return result.budgets.every((verdict) => verdictState(system, variability, result, verdict, risk) === 'decided');
}

function verdictState(
  system: SystemModel,
  variability: OptionVariability,
  result: OptionResult,
  verdict: BudgetVerdict,
  risk: number,
): VerdictState {
  if (variability.sharedOverTime || result.nonstationary) return 'unknown';
  const interval = verdictInterval(system, variability, result, verdict, risk);
  if (interval === undefined) return 'unknown';
  if (interval === 'fixed') return 'decided';
  const [low, high] = interval.map((end) => withinBudget(verdict.name, verdict.limit, end));
  return low === high ? 'decided' : 'undecided';
}

// Per stratum of the post-stratified success, its outage bound where one holds: the online
// stratum fails only where a link changes state, the offline one completes only so.
function strataBounds(
  transitions: OutageTransitions | undefined,
  meanLatency: number,
  meanTimeMs: () => number,
): { online?: [number, number]; offline?: [number, number] } | undefined {
  if (!transitions || !Number.isFinite(meanLatency)) return undefined;
  if (!transitions.onlineCompletes && !transitions.offlineFails) return undefined;
  const time = meanTimeMs();
  return {
    ...(transitions.onlineCompletes ? { online: nearlyAll(transitions.onlineChange, time) } : {}),
    ...(transitions.offlineFails ? { offline: nearlyNone(transitions.anyChange, time) } : {}),
  };
}

// An interval widened to hold the figure itself: a sure bound is of the figure's value, which the
// run's own figure can miss; a verdict counts as decided only where the figure is on the same side.
function withFigure(value: number | null, [low, high]: [number, number]): [number, number] {
  if (value === null) return [low, high];
  return [Math.min(low, value), Math.max(high, value)];
}

// The standard deviation of a distribution given by its 101 percentiles.
function spread(quantiles: readonly number[]): number {
  const mean = quantiles.reduce((sum, value) => sum + value, 0) / quantiles.length;
  const variance = quantiles.reduce((sum, value) => sum + (value - mean) ** 2, 0) / quantiles.length;
  return Math.sqrt(variance);
}
