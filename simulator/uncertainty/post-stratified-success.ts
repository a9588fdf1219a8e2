// A Monte Carlo sample's success rate, post-stratified on the share of requests that start
// offline: a classic variance reduction (where part of the answer is known exactly, estimate only
// the rest). Every user's outage process on a per-user link starts in its long-run state
// (engine/outage-process.ts) and arrivals do not depend on it, so the expected share of requests
// that start while some link on their nominal route is down (the run's `offline` requests) is
// known exactly: o* = 1 - the product over those links of (1 - its long-run down share). The run
// measures success among the requests that started offline (p1) and among the others (p0), and
// the figure is o* p1 + (1 - o*) p0. It is free of the chance share of offline requests in the
// run, which is most of the plain figure's spread where outages decide success (a request
// offline at arrival fails, almost every other completes), so far fewer samples leave the
// success verdict undecided. A shared link or a scheduled outage is down for every user at once:
// no such share is known there, and the figure stays the run's own.
//
// Only Monte Carlo samples take it (adaptive-sample.ts); `placewise run` reports the plain share.
import { withinBudget } from '../evaluate/budget-verdicts';
import type { OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import { longRunDownShare } from '../engine/outage-process';
import type { OptionResult } from '../results';
import { normalQuantile } from './normal-quantile';
import { intersect } from './outage-transitions';
import { wilson } from './wilson-interval';

/** Requests of one stratum, and how many of them completed. */
export interface Stratum {
  requests: number;
  completed: number;
}

/**
 * The expected share of requests that start while a link on their nominal route is down, where
 * it is known exactly: undefined where no link there has outages (there is nothing to stratify)
 * or one is shared or scheduled.
 */
export function knownOfflineShare(system: SystemModel, plan: OptionPlan): number | undefined {
  let online = 1;
  let exposed = false;
  for (const index of plan.nominalLinks) {
    const link = system.links[index];
    if (!link.outages) continue;
    if (link.shared || 'schedule' in link.outages) return undefined;
    // Each link has its own process per user (its own stream): links are down independently.
    online *= 1 - longRunDownShare(link.outages.every_s, link.outages.lasting_s);
    exposed = true;
  }
  return exposed ? 1 - online : undefined;
}

/**
 * The run's requests split by whether they started offline. Completed, failed and the offline
 * counts all cover every request of the run, warm-up included (simulate-option.ts counts each
 * as it finishes, and a run ends only when all have), as the success rate does.
 */
export function successStrata(result: Pick<OptionResult, 'completed' | 'failed' | 'offline'>): {
  offline: Stratum;
  online: Stratum;
} {
  const offline = result.offline.requests;
  const offlineCompleted = offline > 0 ? result.offline.success_rate! * offline : 0;
  return {
    offline: { requests: offline, completed: offlineCompleted },
    online: { requests: result.completed + result.failed - offline, completed: result.completed - offlineCompleted },
  };
}

/**
 * o* p1 + (1 - o*) p0. Where the run has no request in a stratum it says nothing of that
 * stratum's success: the figure is then the run's own (all its requests are of the other), and
 * the interval (postStratifiedInterval) allows the missing stratum anything from 0 to 1.
 */
export function postStratifiedSuccess(
  result: Pick<OptionResult, 'completed' | 'failed' | 'offline' | 'success_rate'>,
  offlineShare: number,
): number {
  const { offline, online } = successStrata(result);
  if (offline.requests === 0 || online.requests === 0) return result.success_rate;
  return (
    offlineShare * (offline.completed / offline.requests) + (1 - offlineShare) * (online.completed / online.requests)
  );
}

/**
 * The interval of the post-stratified success that misses it with at most `risk`:
 * o* [Wilson(p1)] + (1 - o*) [Wilson(p0)], each stratum's at half the risk (the union bound), with
 * `observations` the independent observations a stratum's requests count as (verdict-intervals.ts).
 * A stratum with no request, or less than one observation, is anywhere in [0, 1]. `bounds`: a
 * stratum's sure bounds (outage-transitions.ts), which narrow its interval.
 */
export function postStratifiedInterval(
  result: Pick<OptionResult, 'completed' | 'failed' | 'offline'>,
  offlineShare: number,
  observations: (requests: number) => number,
  risk: number,
  bounds: { online?: [number, number]; offline?: [number, number] } = {},
): [number, number] {
  const z = normalQuantile(1 - risk / 4);
  const { offline, online } = successStrata(result);
  const interval = (stratum: Stratum, bound: [number, number] = [0, 1]): [number, number] => {
    const share =
      stratum.requests > 0 && wilson(stratum.completed / stratum.requests, observations(stratum.requests), z);
    return share ? intersect(share, bound) : bound;
  };
  const [offlineLow, offlineHigh] = interval(offline, bounds.offline);
  const [onlineLow, onlineHigh] = interval(online, bounds.online);
  return [
    offlineShare * offlineLow + (1 - offlineShare) * onlineLow,
    offlineShare * offlineHigh + (1 - offlineShare) * onlineHigh,
  ];
}

/**
 * The run with its success rate post-stratified where the offline share is known, and the
 * success budget's verdict (and the option's pass) recomputed from it, so that figure, verdict
 * and interval agree.
 */
export function withPostStratifiedSuccess(result: OptionResult, offlineShare: number | undefined): OptionResult {
  if (offlineShare === undefined) return result;
  const success = postStratifiedSuccess(result, offlineShare);
  const budgets = Array.from(result.budgets, (verdict) =>
    verdict.name === 'success_rate'
      ? { ...verdict, value: success, pass: withinBudget(verdict.name, verdict.limit, success) }
      : verdict,
  );
  return { ...result, success_rate: success, budgets, pass: budgets.every((verdict) => verdict.pass) };
}
